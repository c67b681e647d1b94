"""People named with a title or a role ("HHJ Whitcombe", "PC Wood", "the social worker, Jane Smith"):
the professionals in a family's case."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .dates import MONTHS
from .findings import Finding, make_finding
from .wordlists import NOT_NAMES, first_names, uk_places

_TITLES = (
    r"(?:Deputy\s+)?District\s+Judge|Circuit\s+Judge|His\s+Honour\s+Judge|Her\s+Honour\s+Judge|Mrs|Mr|Ms|Miss|Mx|Dr|Prof|Professor|Sir|Dame|Lady|Lord|Judge|HHJ|DDJ|DJ|Recorder|Cllr|Councillor"
    r"|PC|DC|DS|DI|DCI|DSI|Sgt|Sergeant|Inspector|Constable|Rev|Revd|Reverend|Pastor|Imam|Rabbi|Sheriff"
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
    rf"(?:,|\s+[-–—]|\s+(?:(?:was|is)\s+)?(?:called|named))?\s+"
    rf"(?:(?P<title>{_TITLES})\.?\s+)?(?P<name>{_NAME_WORD})(?:\s+(?P<second>{_NAME_WORD}))?"
)
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_JUDICIAL = {"Judge", "HHJ", "DJ", "DDJ", "Recorder"}
_POLICE = {"PC", "DC", "DS", "DI", "DCI", "DSI", "Sgt", "Sergeant", "Inspector", "Constable"}


# Characters and public figures a story may mention in passing ("we watched Judge Judy").
FAMOUS = frozenset(
    """judge judy|judge rinder|judge dredd|judge john deed|mr men|mr bean|mr tumble|mr blobby|mr motivator
    |dr who|doctor who|dr seuss|dr fox|dr ranj|mrs brown|miss trunchbull|miss honey|mr potato|sir david
    |prince william|prince harry|prince george|king charles|princess diana|lady gaga|mr right|mrs doubtfire
    |dr phil|judge jules|mr whippy|mrs hinch|lord sugar|sir elton|mr freeze|fireman sam|postman pat
    |harry potter|peter pan|peter rabbit|bob the|paddington bear|mr tickle|miss marple|dr martens
    |sheriff woody|captain america|father christmas|dr google|mrs brown's|mrs browns|mr benn|miss piggy
    |boris johnson|keir starmer|rishi sunak|theresa may|liz truss|david cameron|gordon brown|tony blair
    |jeremy kyle|jacqueline wilson|holly willoughby|phillip schofield|esther rantzen|taylor swift|jeremy vine
    |victoria derbyshire|piers morgan|ant mcpartlin|declan donnelly|marcus rashford|david attenborough
    |louise haigh|jess phillips|emma lewell-buck|bridget phillipson|captain tom|thomas the|elsa from""".replace(
        "\n", ""
    ).split("|")
)
FAMOUS = frozenset(" ".join(name.split()) for name in FAMOUS)
# Abbreviations parents use for the professionals ("sw kerry", "hv sam"): only before a known first name.
_ROLE_ABBREVIATION = re.compile(
    r"\b(?P<role>sw|s/w|hv|fsw|iro)\s+(?:(?:was|is)\s+)?(?:(?:called|named)\s+)?(?P<name>[A-Za-z][a-z'’\-]+)\b",
    re.IGNORECASE,
)
_LOWER_AFTER_ROLE = re.compile(
    r"(?:,|\s+(?:(?:was|is)\s+)?(?:called|named))?\s+(?:(?P<title>mr|mrs|ms|miss|dr)\.?\s+)?(?P<name>[a-z][a-z'’\-]+)\b"
)
_OWNED_BEFORE = re.compile(r"\b(?:my|our|the|a|his|her|their|your|new|old)\s+$", re.IGNORECASE)
_COMMON_NOUN_TITLES = frozenset({"judge", "sheriff", "dr", "pc"})
_PRONOUNS = frozenset(
    """you there their them him her us me it its his hers they we who what which whose this that these those
    upheld""".split()
)
_VERB_ENDING = re.compile(r"(?:ed|ing|ly)$")
_DETERMINER_BEFORE = re.compile(
    r"\b(?:my|our|the|a|an|his|her|their|your|new|old|will|would|to|no|this|that)\s+$", re.IGNORECASE
)
_ROLE_WORDS = {
    "sw": "social worker",
    "s/w": "social worker",
    "hv": "health visitor",
    "fsw": "family support worker",
}


# "mrs dunne wrote", "judge patel made", "sheriff buchanan refused": a title and a surname in lower case.
_LOWER_TITLED = re.compile(
    r"(?<![\w@.])(?P<title>mrs|mr|ms|miss|dr|judge|sheriff|hhj|dj|pc|cllr)\.?\s+(?P<name>[a-z][a-z'’\-]{2,})\b"
)
_NOT_AFTER_LOWER_TITLE = frozenset(
    """said says was is had has made gave agreed decided told ordered asked didnt did would wont ruled
    refused and the in at who was were will would could should then also just never always said
    thought wanted wants want made makes from for with about right men bean tumble blobby whippy
    motivator potato freeze tickle marple said hinch""".split()
)


def _is_name_word(word: str | None) -> bool:
    return bool(word) and word.lower() not in NOT_NAMES and not re.fullmatch(MONTHS, word)


def detect_titled_names(text: str) -> Iterator[Finding]:
    for m in _TITLED.finditer(text):
        if not _is_name_word(m.group("name")):
            continue
        words = m.group().lower().split()[:2]
        if " ".join(words) in FAMOUS or f"{words[0]} {m.group('name').lower()}" in FAMOUS:
            continue
        if text[m.end("name") : m.end("name") + 2] in {"'s", "’s"} and (
            f"{words[0]} {m.group('name').lower()}'s" in FAMOUS
        ):
            continue
        end = m.end("second") if _is_name_word(m.group("second")) else m.end("name")
        title = m.group("title")
        if title in _JUDICIAL or title.endswith("Judge") or title == "Sheriff":
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
    names = first_names()
    for r in _ROLE.finditer(text.translate(_ASCII_LOWER)):
        written = " ".join(text[r.start() : r.end()].split())
        role = written if written.isupper() else written.lower()  # "IRO", "GP" stay as written
        m = _AFTER_ROLE.match(text, r.end())
        if m is not None and _is_name_word(m.group("name")) and m.group("name") not in uk_places():
            end = m.end("second") if _is_name_word(m.group("second")) else m.end("name")
            if " ".join(text[r.start() : end].lower().split()[:2]) in FAMOUS:
                continue
            # "Our judge, Judge Harris, said": the closing comma goes with the name, or "judge, said" is left
            if text[r.end() : r.end() + 1] == "," and text[end : end + 1] == ",":
                end += 1
            yield make_finding(text, "titled_name", r.start(), end, f"Named {role}", _role_suggestion(role))
            continue
        # "the social worker kerry", "my solicitor mr khan": written in lower case
        low = _LOWER_AFTER_ROLE.match(text, r.end())
        if low is not None and (low.group("title") or _lower_first_name(low.group("name"), names)):
            if low.group("name") in _NOT_AFTER_ROLE:
                continue
            yield make_finding(
                text, "titled_name", r.start(), low.end("name"), f"Named {role}", _role_suggestion(role)
            )
    for m in _LOWER_TITLED.finditer(text):
        word = m.group("name")
        if word in _NOT_AFTER_LOWER_TITLE or word in NOT_NAMES or _VERB_ENDING.search(word):
            continue
        title = m.group("title")
        if title in _COMMON_NOUN_TITLES and (
            _DETERMINER_BEFORE.search(text, max(0, m.start() - 8), m.start()) or word in _PRONOUNS
        ):
            continue  # "the judge there", "will judge you", "a dr there": the word, not a title
        suggestion = (
            "the judge"
            if title in {"judge", "sheriff", "hhj", "dj"}
            else ("a police officer" if title == "pc" else "a doctor" if title == "dr" else "[name removed]")
        )
        yield make_finding(text, "titled_name", m.start(), m.end(), f"Named person ({title})", suggestion)
    for m in _ROLE_ABBREVIATION.finditer(text):
        word = m.group("name")
        if word.lower() in names and word.lower() not in NOT_NAMES:
            role = _ROLE_WORDS.get(m.group("role").lower(), m.group("role"))
            owned = _OWNED_BEFORE.search(text, max(0, m.start() - 8), m.start())
            suggestion = role if owned else f"the {role}"
            yield make_finding(text, "titled_name", m.start(), m.end(), f"Named {role}", suggestion)


# After a role in lower case, words that are not a name ("the social worker said", "a judge who").
_NOT_AFTER_ROLE = frozenset("who was is said and the a an had has did".split())


def _role_suggestion(role: str) -> str:
    """ "Our judge, Judge Harris, said" -> the whole of "judge, Judge Harris" becomes "judge": the role
    alone keeps the sentence whole."""
    return role


def _lower_first_name(word: str, names: frozenset[str]) -> bool:
    return word in names and word not in NOT_NAMES and word not in _WORDS_AFTER_ROLE


_WORDS_AFTER_ROLE = frozenset("will may mark bill grace hope joy sue pat don ray dawn".split())
