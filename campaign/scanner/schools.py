"""Schools and nurseries by name ("St Mary's C of E Primary School", "Little Acorns Nursery",
"Ysgol Y Felin"), with a suggestion that keeps only the type ("a primary school")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .findings import Finding, make_finding
from .tokens import Token

SCHOOL_SUFFIX = re.compile(
    r"\b(?:(?:C\s?of\s?E|CofE|C\.E\.|CE|RC|R\.C\.|Catholic|Church\s+of\s+England|Methodist|Jewish|Islamic"
    r"|Muslim|Sikh|Hindu|Community|Free|Junior|Infant|Primary|Secondary|High|Grammar|Prep|Preparatory"
    r"|Special|Day|Nursery|Academy|Sixth\s+Form|Language)\s+){0,4}"
    r"(?P<kw>(?i:school|primary|academy|nursery)|College|Infants|Juniors|High(?!\s+(?:Court|Street|St\b|Road|Rd\b"
    r"|Sheriff|Commission|Security|Dependency|Needs|Risk|Chair|Wycombe))|Pre-?[Ss]chool|Playgroup"
    r"|Kindergarten|Montessori|Grammar|Sixth\s+Form|Junior(?!\s+(?:[Dd]octor|[Mm]inister|[Pp]artner|[Oo]fficer|[Ss]taff)))\b"
)
_SCHOOL_CONNECTORS = frozenset({"of", "the", "and", "&", "on", "upon", "in", "de", "la"})
# Words that make a school-like phrase generic ("Sure Start Children's Centre", "Primary School").
_GENERIC_SCHOOL_WORDS = frozenset(
    """primary secondary high local family sure start special secure boarding grammar catholic church
    private state independent new old sunday nursery infant junior senior middle upper lower community
    village free faith mainstream the a an her his my our their royal medical further education sixth
    form day forest language art drama dance music driving summer holiday saturday bible quran mosque
    madrassa welsh english islamic jewish pupil referral unit alternative provision hospital residential
    virtual head council social work university then when after before at in from so and but also now
    every each another same new different nearby st saint of on upon de la""".split()
)


def _school_suggestion(suffix: str) -> str:
    """ "C of E Primary School" -> "a primary school": as specific as the type, never the name."""
    words = suffix.lower()
    if "centre" in words:
        return "a children's centre" if "children" in words else "a family centre"
    if re.search(r"nursery|pre-?school|playgroup|kindergarten|montessori", words):
        return "a nursery"
    if re.search(r"primary|infant|junior", words):
        return "a primary school"
    if re.search(r"high|grammar|secondary", words):
        return "a secondary school"
    if re.search(r"college|sixth form", words):
        return "a college"
    return "a school"


# Welsh, Irish and Gaelic names put the word for school first: "Ysgol Y Felin", "Scoil Mhuire",
# "Cylch Meithrin Llanrug" (a Welsh-medium playgroup).
_SCHOOL_PREFIX = re.compile(
    r"\b(?P<kw>Ysgol|Sgoil|Scoil|Gaelscoil|Gaelcholáiste|Coláiste|Cylch\s+Meithrin|Meithrinfa)"
    r"(?:\s+(?:[A-Z][\w'’\-]*|y|yr|Y|Yr|na|an|a)(?=\s+[A-Z])){0,3}\s+[A-Z][\w'’\-]*"
)


# "she goes to whitehill primary", "st marys juniors": a school named in lower case, after a word that
# puts a child there.
_LOWER_SCHOOL = re.compile(
    r"\b(?:at|to|from|attends?|attended|attending|started|starting|joined|left|in|into|of)\s+"
    r"(?P<name>(?:st\.?\s+)?[a-z][a-z'’\-]+(?:\s+[a-z][a-z'’\-]*){0,2}?)\s+"
    r"(?P<kw>primary(?:\s+school)?|academy|nursery|high\s+school|high|junior\s+school|juniors|infants"
    r"|infant\s+school|secondary(?:\s+school)?|grammar(?:\s+school)?|c\s?of\s?e(?:\s+primary)?"
    r"|community\s+school|school)\b(?!\s+(?:run|holidays?|uniform|trip|gates?|bus|nurse|place|report|day)s?\b)"
)
_NOT_LOWER_SCHOOL = _GENERIC_SCHOOL_WORDS | frozenset(
    """big little same other next last old new mums dads mum dad moms her his their school this that
    another different home boarding secure special catholic christian state private public infant junior
    senior high primary a an my our your its one two three four five six change changed changing move moved
    moving leave leaving start starting go going back miss missed missing hate hated love loved""".split()
)


_LOWER_WELSH_SCHOOL = re.compile(r"\b(?:ysgol|cylch\s+meithrin)(?:\s+(?:y|yr|[a-z][a-z'’\-]{2,})){1,3}")
_NOT_WELSH_NAME = frozenset("and but then when the a to in at is was has had for with".split())


def detect_schools(text: str, tokens: list[Token]) -> Iterator[Finding]:
    for low in _LOWER_WELSH_SCHOOL.finditer(text):
        words = low.group().split()
        while words and words[-1] in _NOT_WELSH_NAME | {"y", "yr"}:
            words.pop()
        if len(words) > 1:
            end = low.start() + len(" ".join(words))
            suggestion = "a nursery" if words[0] == "cylch" else "a school"
            yield make_finding(text, "school", low.start(), end, "School or nursery name", suggestion)
    for low in _LOWER_SCHOOL.finditer(text):
        words = low.group("name").split()
        if any(w[:1].isupper() for w in words) or any(w in _NOT_LOWER_SCHOOL for w in words[-1:]):
            continue
        if words[0] in _NOT_LOWER_SCHOOL and words[0] not in {"st", "st."}:
            words_start = low.start("name") + len(words[0]) + 1
            if len(words) == 1 or words[1] in _NOT_LOWER_SCHOOL:
                continue
        else:
            words_start = low.start("name")
        yield make_finding(
            text,
            "school",
            words_start,
            low.end(),
            "School or nursery name",
            _school_suggestion(low.group("kw")),
        )
    for m in _SCHOOL_PREFIX.finditer(text):
        suggestion = "a nursery" if "eithrin" in m.group("kw") else "a school"
        yield make_finding(text, "school", m.start(), m.end(), "School or nursery name", suggestion)
    starts = {t.start: i for i, t in enumerate(tokens)}
    for m in SCHOOL_SUFFIX.finditer(text):
        index = starts.get(m.start())
        if index is None:
            continue
        # Walk back over the capitalised words of the name ("St Mary's", "Our Lady of Lourdes").
        first = index
        j = index - 1
        while j >= 0 and index - j <= 6:
            t = tokens[j]
            if t.sentence != tokens[index].sentence or not _only_spaces(text, t.end, tokens[j + 1].start, t):
                break
            if SCHOOL_SUFFIX.fullmatch(t.word):
                break  # "Oakfield Academy and Little Acorns Nursery" are two names
            if t.title or (len(t.word) <= 3 and t.word.isupper()):
                first = j
            elif t.lower in _SCHOOL_CONNECTORS and j > 0 and tokens[j - 1].title:
                pass
            else:
                break
            j -= 1
        while (
            first < index
            and tokens[first].lower in _GENERIC_SCHOOL_WORDS - {"st", "saint"}
            and not (tokens[first].lower == "our" and tokens[first + 1].lower == "lady")
        ):
            first += 1  # "The Oakfield Academy", "Then Oakfield Academy": not part of the name
        name = [t.lower for t in tokens[first:index]]
        if not name or all(w in _GENERIC_SCHOOL_WORDS for w in name):
            continue
        if m.group("kw")[:1].islower() and tokens[index - 1].possessive and first == index - 1:
            continue  # "Freddie's school", "Amara's nursery": the child's, not a name
        yield make_finding(
            text,
            "school",
            tokens[first].start,
            m.end(),
            "School or nursery name",
            _school_suggestion(m.group()),
        )


def _only_spaces(text: str, end: int, next_start: int, token: Token) -> bool:
    gap = text[end:next_start]
    if token.possessive:
        gap = gap[2:]
    return gap.strip() in {"", "."} if token.lower in {"st"} else gap.strip() == ""
