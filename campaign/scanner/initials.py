"""Children's initials: "my son J", "my daughter A.B.", and later mentions of the same initial."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .findings import Finding, make_finding
from .tokens import Token

# "my son J", "my daughter A.B.": an initial right after a child word
_INITIALS = re.compile(
    r"\b(?P<kin>(?:(?:my|our|his|her|their|the)\s+)?(?:little\s+|baby\s+)?(?:son|daughter|child|boy|girl|baby"
    r"|grandson|granddaughter|niece|nephew|brother|sister|stepson|stepdaughter|eldest|youngest|oldest|twin"
    r"|(?:father|mother|parent|grandmother|grandfather|grandparent|aunt|uncle)\s+of))"
    r"[,(]?\s+(?:called\s+|named\s+)?"
    r"(?P<initial>[A-Z](?:\.\s?[A-Z])*\.?|(?!(?:ADHD|ASD|ASC|GP|NHS|SW|IRO|PLO|CP|LAC|SEN|EHCP|PTSD|OCD|HV|CIN|CAMHS)\b)"
    r"[A-Z]{2,3}(?![A-Za-z]))(?=[\s,;:)!?]|\.?$|\.\s)(?![A-Za-z])"
)


def detect_initials(text: str, tokens: list[Token]) -> Iterator[Finding]:
    seen: dict[str, str] = {}
    for m in _INITIALS.finditer(text):
        initial = m.group("initial")
        if initial.rstrip(".") == "I":
            continue  # "my son I ..." is the writer
        phrase = m.group("kin")
        seen.setdefault(initial.rstrip("."), phrase)
        yield make_finding(
            text,
            "child_name",
            m.start("initial"),
            m.end("initial"),
            f"Possible child's initial near '{phrase}'",
            "[initial removed]",
        )
    # Later mentions of the same initials ("J was scared"). "A" and "I" are too common alone. One pass for
    # all of them (a story naming hundreds of initials must not cost a pass each).
    wanted = {initial: phrase for initial, phrase in seen.items() if initial not in {"A", "I"}}
    if not wanted:
        return
    alternatives = "|".join(re.escape(i) for i in sorted(wanted, key=len, reverse=True)[:_MAX_INITIALS])
    for m in re.finditer(rf"(?<![\w.])(?:{alternatives})\.?(?![\w])", text):
        phrase = wanted.get(m.group().rstrip("."), "")
        if phrase:
            yield make_finding(
                text, "child_name", m.start(), m.end(), f"Same initial as the child near '{phrase}'", phrase
            )


_MAX_INITIALS = 200
