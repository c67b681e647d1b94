"""People named with a title or a role ("HHJ Whitcombe", "PC Wood", "the social worker, Jane Smith"):
the professionals in a family's case."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .dates import MONTHS
from .findings import Finding, make_finding
from .wordlists import NOT_NAMES

_TITLES = (
    r"Mrs|Mr|Ms|Miss|Mx|Dr|Prof|Professor|Sir|Dame|Lady|Lord|Judge|HHJ|DDJ|DJ|Recorder|Cllr|Councillor"
    r"|PC|DC|DS|DI|DCI|DSI|Sgt|Sergeant|Inspector|Constable|Rev|Revd|Reverend|Pastor|Imam|Rabbi"
)
_NAME_WORD = r"(?:Mc|Mac|O['’])?[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?"
_TITLED = re.compile(
    rf"(?=[A-Z])\b(?P<title>{_TITLES})\.?\s+(?:Justice\s+)?(?:[A-Z]\.\s?)*(?P<name>{_NAME_WORD})"
    rf"(?:\s+(?P<second>{_NAME_WORD}))?"
)
_ROLES = (
    r"social\s+worker|(?:children['’]s\s+)?guardian|foster\s+(?:carer|mum|mother|dad|father|parent)s?"
    r"|solicitor|barrister|health\s+visitor|midwife|teacher|head\s*teacher|headmistress|headmaster|SENCO"
    r"|family\s+support\s+worker|support\s+worker|key\s*worker|contact\s+(?:supervisor|worker)"
    r"|team\s+manager|GP|doctor|psychologist|psychiatrist|paediatrician|nurse|police\s+officer|officer"
    r"|magistrate|judge|IRO|advocate|interpreter|case\s*worker|therapist|counsellor|mentor|link\s+worker"
    r"|assessor|expert|practitioner|manager|lawyer|caseworker"
)
# Roles are found in an ASCII-lowercased copy (a plain alternation is far faster than a case-insensitive
# one), then the name is read from the original text where the role ends.
_ROLE = re.compile(rf"\b(?:{_ROLES.lower()})\b")
_AFTER_ROLE = re.compile(
    rf"(?:,|\s+[-–—]|\s+(?:called|named))?\s+"
    rf"(?:(?P<title>{_TITLES})\.?\s+)?(?P<name>{_NAME_WORD})(?:\s+(?P<second>{_NAME_WORD}))?"
)
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_JUDICIAL = {"Judge", "HHJ", "DJ", "DDJ", "Recorder"}
_POLICE = {"PC", "DC", "DS", "DI", "DCI", "DSI", "Sgt", "Sergeant", "Inspector", "Constable"}


def _is_name_word(word: str | None) -> bool:
    return bool(word) and word.lower() not in NOT_NAMES and not re.fullmatch(MONTHS, word)


def detect_titled_names(text: str) -> Iterator[Finding]:
    for m in _TITLED.finditer(text):
        if not _is_name_word(m.group("name")):
            continue
        end = m.end("second") if _is_name_word(m.group("second")) else m.end("name")
        title = m.group("title")
        if title in _JUDICIAL:
            suggestion = "the judge"
        elif title in _POLICE:
            suggestion = "a police officer"
        elif title == "Dr":
            suggestion = "a doctor"
        elif title in {"Cllr", "Councillor"}:
            suggestion = "a councillor"
        else:
            suggestion = "[name removed]"
        yield make_finding(text, "titled_name", m.start(), end, f"Named person ({title})", suggestion)
    for r in _ROLE.finditer(text.translate(_ASCII_LOWER)):
        m = _AFTER_ROLE.match(text, r.end())
        if m is None or not _is_name_word(m.group("name")):
            continue
        end = m.end("second") if _is_name_word(m.group("second")) else m.end("name")
        role = " ".join(r.group().split())
        yield make_finding(text, "titled_name", r.start(), end, f"Named {role}", role)
