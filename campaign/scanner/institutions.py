"""Named institutions that place a family: courts and hearing centres, councils and children's services,
hospitals, and named contact centres, family centres and refuges.

Each is found two ways, so a court missing from the shipped lists is still caught: by the shape of its
name (a place or capitalised words, then "Family Court", "Combined Court Centre", "County Borough
Council", "Hospital", "contact centre"...), and by the shipped lists of every UK local authority, family
court and NHS hospital, matched in any case ("oxford family court", "wakefield council"). The keyword
is found with one regex pass over a lower-cased copy of the text; the name before it is read from the
words (tokens.py), at most a few words back, so the whole scan stays linear in the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .findings import Finding, make_finding
from .tokens import Token
from .wordlists import NOT_NAMES, Place, institutions, place_ending_at, place_starting_at, region_phrase

# The words that make a phrase a court, a council, a hospital or a centre; the name comes before them.
_COURT = (
    r"(?:family|county(?:\s+and\s+family)?|combined|civil|crown|magistrates['’]?|youth|sheriff|justice)\s+court"
    r"(?:s\s+(?:and\s+tribunals?\s+)?(?:centre|complex)|\s+(?:centre|and\s+family\s+court"
    r"|(?:and\s+)?(?:hearing\s+)?centre))?"
    r"|civil\s+and\s+family\s+(?:justice\s+centre|courts?(?:\s+and\s+tribunals?\s+centre)?)"
    r"|(?:civil|family)\s+(?:justice|hearing)\s+centre|combined\s+court(?:\s+centre)?|law\s+courts"
    r"|court\s*house|family\s+proceedings\s+court|family\s+care\s+centre|court\s+centre|justice\s+centre"
    r"|children['’]?s\s+(?:panel|hearings?)(?:\s+centre)?"
    r"|courts"
)
_COUNCIL = (
    r"(?:(?:metropolitan\s+)?(?:county\s+)?(?:borough|district|city|county|town|metropolitan)\s+)?council"
    r"|children['’]?s\s+(?:services|social\s+care|social\s+services|trust|services\s+department)"
    r"|social\s+services|social\s+care|children\s+and\s+families(?:\s+(?:services|department|team))?"
    r"|(?:health\s+and\s+social\s+care|hsc)\s+trust|local\s+authority|la|cc|mbc|bc|dc"
)
_HOSPITAL = (
    r"(?:general\s+|district\s+|community\s+|children['’]?s\s+|university\s+|maternity\s+|women['’]?s\s+)?"
    r"(?:hospital|infirmary)|maternity\s+(?:unit|hospital|wing)|birth(?:ing)?\s+centre"
    r"|surgery|medical\s+(?:centre|practice)|health\s+centre|mental\s+health\s+unit|psychiatric\s+unit"
    r"|general(?!\s+(?:election|practice|practitioner|public|knowledge|idea|manager|secretary|rule|store"
    r"|anaesthetic|waiting|feeling|mood|view|sense|consensus|hospital|infirmary))"
)
_SERVICE = (
    r"contact\s+centre|family\s+centre|children['’]?s\s+centre|refuge|mother\s+and\s+baby\s+unit"
    r"|parent\s+and\s+baby\s+unit|mbu|assessment\s+centre|residential\s+(?:unit|assessment\s+centre)"
    r"|family\s+assessment\s+centre|fostering\s+agency|foster\s+agency|women['’]?s\s+centre|hostel"
    r"|(?:residential\s+)?assessment\s+unit|house|lodge|family\s+hub|women['’]?s\s+aid|children['’]?s\s+home"
    r"|fostering(?:\s+(?:agency|service|services))?|foster\s+care|parenting\s+(?:unit|centre)"
    r"|(?:family\s+)?resource\s+centre|family\s+assessment\s+unit"
)
_KEYWORDS = re.compile(
    rf"(?<![\w'’])(?:(?P<court>{_COURT})|(?P<council>{_COUNCIL})|(?P<hospital>{_HOSPITAL})"
    rf"|(?P<service>{_SERVICE})|(?P<estate>estate))(?=['’]s\b|(?![\w'’]))"
)
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
# Abbreviations only count when written as abbreviations ("Leeds CC", not "leeds cc").
_UPPER_ONLY = frozenset({"la", "cc", "mbc", "bc", "dc", "mbu"})

# Words before a keyword that make it generic, not a name ("the family court", "High Court", "her
# council", "a refuge").
_GENERIC = frozenset(
    """the a an this that these those local high crown county family civil our my your his her their its
    same different new old main another first second final next last whole uk english welsh scottish
    british supreme appeal appeals central district city borough town metropolitan private nhs
    secure specialist psychiatric mental health general community children children's childrens women
    women's maternity birth big small nearest nearby only other every each any no some which what
    where whose at in on to from into by with for of and or but then when so as was is were are be been
    being had has have did do does said told went go going got get took take see saw called named
    because after before until while since if than though although just even also still only very
    emergency out-of-hours duty assessment contact residential voluntary council councils court courts
    refugee charity charities
    hospital hospitals services service team department social care foster fostering adoption parent
    mother baby unit refuge hostel centre""".split()
)
# Famous or national places that are not where a family lives ("the Royal Courts of Justice").
_NOT_LOCAL = frozenset({"high", "royal", "supreme", "appeal"})

_NOT_A_HOUSE = (
    "white",
    "opera",
    "open",
    "full",
    "safe",
    "halfway",
    "tree",
    "wendy",
    "play",
    "guest",
    "public",
    "coffee",
    "brother",
    "doll's",
    "dolls",
    "bleak",
    "dream",
)
_MAX_NAME_WORDS = 4
_COURT_NOUN = {
    "sheriff": "a sheriff court",
    "magistrates": "a magistrates' court",
    "crown": "a crown court",
    "youth": "a youth court",
}


def _bisect(tokens: list[Token], position: int) -> int:
    lo, hi = 0, len(tokens)
    while lo < hi:
        mid = (lo + hi) // 2
        if tokens[mid].start < position:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _capitalised_name(text: str, tokens: list[Token], end: int) -> int | None:
    """First token of a run of capitalised words ending at token ``end - 1`` ("Willow Tree", "East
    London", "Stoke-on-Trent"), or None. Connectors ("upon", "on", "and") may join capitalised words."""
    first = None
    j = end - 1
    words = 0
    while j >= 0 and words < _MAX_NAME_WORDS:
        t = tokens[j]
        if t.sentence != tokens[end - 1].sentence:
            break
        gap = text[t.end + (2 if t.possessive else 0) : tokens[j + 1].start] if j + 1 < len(tokens) else " "
        if j < end - 1 and gap.strip() not in {"", "-"}:
            break
        if t.title and t.lower not in NOT_NAMES and t.lower not in _GENERIC and len(t.word) > 1:
            first = j
        elif (
            first is not None
            and t.lower in {"upon", "on", "under", "le"}
            and j > 0
            and tokens[j - 1].title
            and tokens[j - 1].lower not in _GENERIC
        ):
            pass
        else:
            break
        words += 1
        j -= 1
    if first is None:
        return None
    if tokens[first].sentence_start and first == end - 1 and tokens[first].lower in NOT_NAMES:
        return None
    return first


def _name_before(text: str, tokens: list[Token], end: int) -> tuple[int, Place | None] | None:
    """The name right before token ``end``: a known place in any case (longest), else capitalised words."""
    if end == 0:
        return None
    known = place_ending_at(tokens, end)
    if known is not None:
        first, place = known
        # "North Yorkshire County Council": a capitalised word before a known place belongs to it.
        more = _capitalised_name(text, tokens, first) if first > 0 else None
        if more is not None and first - more <= 2 and _joined(text, tokens, first - 1, first):
            return more, place
        return first, place
    first = _capitalised_name(text, tokens, end)
    if first is None:
        return None
    return first, None


# Words before "contact centre" or "family hub" that describe it, not name it.
_NOT_SERVICE_NAME = _GENERIC | frozenset(
    """supervised local nearest usual new old council's council childrens children's kids family
    contact big small nice horrible awful grim same other another one two first""".split()
)


def _lower_service_name(tokens: list[Token], end: int) -> int | None:
    """ "the willow tree contact centre", "the breightmet family hub": a name in lower case, after "the"."""
    first = None
    j = end - 1
    while j >= 0 and end - j <= 3:
        t = tokens[j]
        if t.lower == "the" and first is not None:
            return first
        if t.title or t.lower in _NOT_SERVICE_NAME or t.sentence != tokens[end - 1].sentence:
            return None
        first = j
        j -= 1
    return None


def _joined(text: str, tokens: list[Token], a: int, b: int) -> bool:
    return tokens[a].sentence == tokens[b].sentence and text[tokens[a].end : tokens[b].start] in {" ", "-"}


def _in_region(noun: str, place: Place | None, region: str = "") -> str:
    where = region_phrase(place.region if place else region)
    return f"{noun} in {where}" if where else noun


def _court_suggestion(keyword: str, place: Place | None, region: str) -> str:
    first = keyword.split()[0].rstrip("'’")
    return _in_region(_COURT_NOUN.get(first, "a family court"), place, region)


def _suggestion(kind: str, keyword: str, place: Place | None, region: str = "") -> str:
    if kind == "place":
        return _in_region("an estate", place, region)
    if kind == "court":
        return _court_suggestion(keyword, place, region)
    if kind == "local_authority":
        if "trust" in keyword and ("health" in keyword or "hsc" in keyword):
            return "the local health and social care trust"
        if "children" in keyword or "social" in keyword:
            return "the local children's services"
        return "the local council"
    if kind == "hospital":
        if keyword in {"surgery", "medical centre", "medical practice", "health centre"}:
            return "the GP surgery"
        return _in_region("a hospital", place, region)
    noun = re.sub(r"\s+", " ", keyword)
    if noun == "mbu":
        noun = "mother and baby unit"
    if noun in {"house", "lodge"}:
        return "a unit"
    if "women" in noun and "aid" in noun:
        return "a women's refuge service"
    article = "an" if noun[:1] in "aeiou" else "a"
    return f"{article} {noun}"


_LABELS = {
    "court": "Court or hearing centre",
    "local_authority": "Council or children's services",
    "hospital": "Hospital",
    "service": "Named centre or service",
    "place": "Estate",
}


# Welsh councils write the word first: "Cyngor Gwynedd", "Cyngor Sir Ynys Môn".
_CYNGOR = re.compile(r"\bCyngor(?:\s+(?:Sir|Bwrdeistref\s+Sirol|Dinas))?(?:\s+[A-Z][\w'’\-]+){1,3}")


def detect_institutions(text: str, tokens: list[Token]) -> Iterator[Finding]:
    if not tokens:
        return
    for m in _CYNGOR.finditer(text):
        yield make_finding(
            text, "local_authority", m.start(), m.end(), _LABELS["local_authority"], "the local council"
        )
    # Listed names first: at the same span, a listed court or hospital (which knows its region) wins.
    yield from _listed(text, tokens)
    lower = text.translate(_ASCII_LOWER)
    for m in _KEYWORDS.finditer(lower):
        kind = next(k for k in ("court", "council", "hospital", "service", "estate") if m.group(k))
        keyword = " ".join(m.group().split())
        if keyword in _UPPER_ONLY and not text[m.start() : m.end()].isupper():
            continue
        if keyword in {"house", "lodge"} and (
            not text[m.start()].isupper()
            or lower[max(0, m.start() - 12) : m.start()].split()[-1:] == []
            or any(lower[max(0, m.start() - 12) : m.start()].rstrip().endswith(w) for w in _NOT_A_HOUSE)
        ):
            continue  # "Elm House", "Cedar Lodge" name a place; "my house", "the White House" do not
        finding_kind = {"council": "local_authority", "estate": "place"}.get(kind, kind)
        end = _bisect(tokens, m.start())
        named = _name_before(text, tokens, end)
        start = None
        place = None
        if named is not None and end > 0 and tokens[end - 1].sentence == _sentence_at(tokens, end, m):
            first, place = named
            if place is not None or not (first == end - 1 and tokens[first].lower in _NOT_LOCAL):
                start = tokens[first].start
        after = _place_after(text, tokens, m.end(), kind) if start is None else None
        if start is None and after is not None:
            stop, place = after
            yield make_finding(
                text,
                finding_kind,
                m.start(),
                stop,
                _label(finding_kind, place),
                _suggestion(finding_kind, keyword, place),
            )
            continue
        if start is None and kind == "service":
            first_word = _lower_service_name(tokens, end)
            start = tokens[first_word].start if first_word is not None else None
        if start is None:
            continue
        if keyword == "general" and (place is None or place.kind == "county"):
            continue  # "Tameside General" yes; "Attorney General", "Director General" no
        if kind == "council" and keyword in {"social care", "local authority", "la"} and place is None:
            continue  # "Personal Social Care", "Stronger Local Authority": too loose without a known place
        yield make_finding(
            text,
            finding_kind,
            start,
            m.end(),
            _label(finding_kind, place),
            _suggestion(finding_kind, keyword, place),
        )


def _sentence_at(tokens: list[Token], end: int, m: re.Match) -> int:
    return tokens[end].sentence if end < len(tokens) else tokens[-1].sentence


def _label(kind: str, place: Place | None) -> str:
    label = _LABELS[kind]
    return f"{label} ({place.region})" if place is not None and place.region else label


_AFTER = re.compile(r"\s+(?:(?:sitting|based|held)\s+)?(?:in|at)\s+", re.IGNORECASE)


def _place_after(text: str, tokens: list[Token], position: int, kind: str) -> tuple[int, Place | None] | None:
    """ "the family court in Leeds", "the Family Court sitting at Oxford": the place after the keyword."""
    if kind not in {"court", "hospital", "council"}:
        return None
    gap = _AFTER.match(text, position)
    if gap is None:
        return None
    index = _bisect(tokens, gap.end())
    if index >= len(tokens) or tokens[index].start != gap.end():
        return None
    known = place_starting_at(tokens, index)
    if known is None:
        return None
    last, place = known
    return tokens[last].end, place


def _listed(text: str, tokens: list[Token]) -> Iterator[Finding]:
    """Names on the shipped lists that carry no keyword ("Furness General", "Alder Hey", "Achieving for
    Children", "LGI"), in any case except abbreviations, which must be written in capitals."""
    index = institutions()
    i = 0
    while i < len(tokens):
        entries = index.get(tokens[i].lower)
        if not entries:
            i += 1
            continue
        for words, entry in entries:
            span = tokens[i : i + len(words)]
            if (
                len(span) == len(words)
                and all(s.lower == w for s, w in zip(span, words, strict=True))
                and all(s.sentence == tokens[i].sentence for s in span)
            ):
                if entry.abbreviation and not span[0].word.isupper():
                    continue
                region = entry.region
                yield make_finding(
                    text,
                    entry.kind,
                    span[0].start,
                    span[-1].end,
                    _LABELS[entry.kind] + (f" ({region})" if region else ""),
                    _suggestion(entry.kind, entry.keyword, None, region),
                )
                i += len(words) - 1
                break
        i += 1
