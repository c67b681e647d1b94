"""Street addresses ("14 Larch Close", "Flat 2, 9 Mill Lane") and street names ("Orchard Road")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .findings import Finding, make_finding
from .wordlists import NOT_NAMES

STREET_STRONG = (
    r"Road|Rd|Street|Avenue|Ave|Lane|Close|Drive|Crescent|Gardens|Terrace|Grove|Square|Mews"
    r"|Boulevard|Parade"
)
# These are also ordinary nouns in names of things ("High Court", "Safe Place"): only with a number.
_STREET_WEAK = (
    r"Way|Place|Court|Hill|Park|Row|Walk|Rise|View|Green|Vale|Wharf|Yard|Croft|Fold|Chase|Heights|Cottages"
    r"|Buildings|Mansions|Flats|House|Tower|Towers|Lodge|Gate|Mount|Side|Bank|Brow|Meadows?|Wynd|Loan|Brae"
)
_STREET_WORD = r"(?:St\.?\s+)?[A-Z][a-z'’\-]+(?:[A-Z][a-z]+)?"
_ADDRESS = re.compile(
    rf"(?=[0-9A-Z])(?P<numbered>(?:(?:Flat|Apartment|Apt|Unit|Room)\s+\d+[A-Za-z]?,?\s+)?\d{{1,4}}[A-Za-z]?(?:-\d{{1,4}})?,?\s+"
    rf"(?:{_STREET_WORD}\s+){{1,3}}(?:{STREET_STRONG}|{_STREET_WEAK}|St\b(?!\.?\s+[A-Z])))\b"
    rf"|(?P<named>(?:{_STREET_WORD}\s+){{1,3}}(?:{STREET_STRONG}|St\b(?!\.?\s+[A-Z])))\b"
)
_NOT_STREET_WORDS = frozenset(
    """the a an on in at from near by to of our my your his her their into onto off down up along past
    and but then when where while council family social care court""".split()
)
_GENERIC_STREETS = frozenset({"high", "main"})
# Streets everyone knows, that place nobody: government, television, shopping.
_FAMOUS_STREETS = frozenset(
    """downing street|coronation street|oxford street|regent street|baker street|carnaby street|bond street
    |abbey road|wall street|sesame street|harley street|fleet street|whitehall|the mall|pall mall
    |ramsay street|albert square""".replace("\n", "").split("|")
)
_FAMOUS_STREETS = frozenset(" ".join(street.split()) for street in _FAMOUS_STREETS)


# "7 elm close", "14 larch rd": a number and a street written in lower case.
_LOWER_ADDRESS = re.compile(
    rf"(?<![\w.,/£$])\d{{1,4}}[a-z]?,?\s+(?P<words>(?:[a-z][a-z'’\-]+\s+){{1,2}}|the\s+)"
    rf"(?:{STREET_STRONG.lower()}|court|hill|row|walk|rise|croft|way|view|cottages|buildings|house|flats)\b"
)
# "flat 3b, 27 kingsway", "Flat 14, Bevan House", "Apartment 5, The Maltings": a flat and what follows it,
# up to the next comma or the end of the line.
_FLAT = re.compile(
    r"\b(?i:flat|apartment|apt|maisonette)\s+\d{1,4}[A-Za-z]?(?:/\d{1,2})?"
    r"(?:,?[ \t]+(?:\d{1,4}[A-Za-z]?[ \t]+)?[A-Za-z][\w'’\-]*(?:[ \t]+[A-Za-z][\w'’\-]*){0,3})?"
)
# "9 the crescent": streets that go by "the" and their kind alone
_THE_STREETS = frozenset("crescent grove avenue drive close green parade square mews terrace gardens".split())
_FLAT_NOT_A_STREET = frozenset(
    "doors door floors floor weeks days months minutes mins hours miles streets houses rooms bed beds".split()
)
_FLAT_TAIL = frozenset(
    """now and in at on the a was is were are with for but then so when where we i my our which who near by
    from to of since until because had has have got it its they he she""".split()
)
_NOT_LOWER_STREET = frozenset(
    """days weeks months years hours minutes times miles yards metres feet very so too quite really more
    less much the a an of and or but to in on at by for with from our my your his her their its more
    most other different same new old big small little kids children people social worker workers
    families family points steps each every one other all any both long right wrong whole half either
    buses trains calls texts visits nights""".split()
)


# Welsh street names put the kind first: "14 Heol y Felin", "9 Maes Glas", "Ffordd Las".
_WELSH_STREET = re.compile(
    r"(?=[0-9HFSLMRCTBPG])(?:(?<![\w.,/£$])\d{1,4}[A-Za-z]?,?\s+)?\b(?:Heol|Ffordd|Stryd|Lôn|Lon|Maes|Rhodfa|Cwrt|Clos|Teras|Cilgant"
    r"|(?<=\d\s)(?:Bryn|Pant|Cae|Llys|Tan|Ty|Tŷ|Gwel))"
    r"(?:\s+(?:y|yr|[A-Z][\w'’\-]+)){1,3}"
)
# "on hoyland road", "at sutcliffe avenue": a named street written in lower case after a word that
# puts someone on it.
_LOWER_STREET = re.compile(
    r"\b(?:on|at|off|along|down|up|in|near|onto)\s+(?P<street>(?:[a-z][a-z'’\-]+\s+){1,2}"
    r"(?:road|rd|street|avenue|ave|lane|close|drive|crescent|gardens|terrace|grove|way|walk|rise|place))\b"
)
_NOT_LOWER_STREET_NAME = _NOT_LOWER_STREET | frozenset(
    """high main ring back side front same wrong right long this that one which what any every main the
    motorway bypass dual slip""".split()
)


# "on Brackenwood Rise", "near Glenview Park": a named street or close that needs no number after a word
# that puts someone there.
_PLACED_STREET = re.compile(
    r"\b(?:on|off|along|near)\s+(?P<street>(?:[A-Z][a-z'’]+\s+){1,2}"
    r"(?:Rise|Way|Walk|View|Vale|Croft|Fold|Chase|Heights|Park|Row|Place|Court|Wynd|Loan|Brae|Gardens)\b)"
)
_NOT_PLACED_STREET = frozenset(
    """the a an my our his her their this that national country regional central hyde regent's regents
    green holland richmond victoria battersea finsbury clapham hampstead primrose old new high""".split()
)


def _flats(text: str) -> Iterator[Finding]:
    for m in _FLAT.finditer(text):
        words = list(re.finditer(r"\S+", m.group()))
        for k in range(2, len(words)):
            if words[k].group().lower().strip(",.") in _FLAT_TAIL:
                words = words[:k]  # "Flat 3, 45 High Street was damp": the address ends at "was"
                break
        if len(words) < 3 or words[2].group().lower().strip(",.") in _FLAT_NOT_A_STREET:
            continue  # "flat 2 doors down"
        end = m.start() + words[-1].end()
        yield make_finding(text, "address", m.start(), end, "Flat and street", "[address removed]")


def detect_addresses(text: str) -> Iterator[Finding]:
    yield from _flats(text)
    for placed in _PLACED_STREET.finditer(text):
        first_word = placed.group("street").split()[0].lower()
        if first_word in _NOT_PLACED_STREET or first_word in NOT_NAMES:
            continue
        yield make_finding(
            text, "address", placed.start("street"), placed.end("street"), "Street name", "a street"
        )
    for welsh in _WELSH_STREET.finditer(text):
        numbered = welsh.group()[:1].isdigit()
        yield make_finding(
            text,
            "address",
            welsh.start(),
            welsh.end(),
            "Street address" if numbered else "Street name",
            "[address removed]" if numbered else "a street",
        )
    for low in _LOWER_STREET.finditer(text):
        if any(w in _NOT_LOWER_STREET_NAME for w in low.group("street").split()[:-1]):
            continue
        yield make_finding(text, "address", low.start("street"), low.end("street"), "Street name", "a street")
    for low in _LOWER_ADDRESS.finditer(text):
        before_suffix = low.group("words").split()
        suffix = low.group().rsplit(None, 1)[-1]
        if (before_suffix == ["the"] and suffix in _THE_STREETS) or (
            before_suffix != ["the"] and not any(w in _NOT_LOWER_STREET for w in before_suffix)
        ):
            yield make_finding(text, "address", low.start(), low.end(), "Street address", "[address removed]")
    for m in _ADDRESS.finditer(text):
        start, end = m.span()
        if m.group("named"):
            # Leading "On Orchard Road" or "The Grove": drop words that are not part of the name.
            words = list(re.finditer(r"\S+", m.group()))
            while words and words[0].group().lower() in _NOT_STREET_WORDS:
                words.pop(0)
            if len(words) < 2:
                continue
            name_words = [w.group().lower() for w in words[:-1]]
            if any(w in _NOT_STREET_WORDS for w in name_words) or set(name_words) <= _GENERIC_STREETS:
                continue
            start = m.start() + words[0].start()
            if " ".join(text[start:end].lower().split()) in _FAMOUS_STREETS:
                continue
            yield make_finding(text, "address", start, end, "Street name", "a street")
        elif " ".join(m.group().lower().split()) != "10 downing street":
            yield make_finding(text, "address", start, end, "Street address", "[address removed]")
