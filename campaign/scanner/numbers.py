"""Numbers that lead to one family: UK postcodes, NHS numbers (those that pass the check digit) and court
case numbers."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .findings import Finding, make_finding
from .wordlists import known_places, postcode_areas

_POSTCODE = re.compile(r"\b([A-Z]{1,2})(\d[A-Z\d]?) ?(\d[ABD-HJLNP-UW-Z]{2})\b", re.IGNORECASE)
# An outward code alone ("LS6", "M14", "CF24") narrows a family to a few thousand homes. Written in
# capitals it is reported, except the shapes that are roads, paper, vitamins and chemistry (M25, A4, B12,
# CO2); a one-letter area ("M1", "E4") only after a word that makes it a place ("in M14", "to E4").
_OUTWARD_ONLY = re.compile(
    r"\bpost ?code (?:is |was |of |area )?([A-Z]{1,2}\d[A-Z\d]?)\b(?! ?\d[A-Z]{2})", re.IGNORECASE
)
_OUTWARD = re.compile(r"(?<![\w/£$€#&+\-])([A-Z]{1,2})(\d{1,2}|\d[A-Z])(?![\w/&+\-]| ?\d[A-Za-z]{2}\b)")
_OUTWARD_PLACE_WORDS = re.compile(
    r"(?:\b(?:in|to|from|near|around|at|live|lives|lived|living|moved|area|postcode|post code|district|of"
    r"|road|rd|street|avenue|ave|lane|close|drive|crescent|gardens|terrace|grove|way|court|estate)"
    r"|,)\s+$",
    re.IGNORECASE,
)
# Found by the code itself (rare), then the word before it is read: a pass that starts at every word is
# many times slower.
_LOWER_OUTWARD = re.compile(
    r"(?<![\w/])\(?(?P<code>(?P<area>[a-z]{1,2}|(?<=\()[A-Z]{1,2})\d[A-Za-z\d]?)\)?(?![\w/&+\-]| ?\d[A-Za-z]{2}\b)"
)
_WORD_BEFORE = re.compile(r"([A-Za-z]+)[ ,]+\(?$")
_AREA_AFTER = re.compile(r"\s+(?:area|postcode|post code|district)\b", re.IGNORECASE)
_NOT_OUTWARD = frozenset({"CO2", "SO2", "NO2", "S4C", "PE1", "PE2", "PE3", "PE4", "HP1", "TV1"})
_ROAD_OR_THING = re.compile(
    r"(?:\b(?:the|junction|jct|j|vitamin|vitamins|a|an|on|off|via|motorway|paper|size|channel|bus|route"
    r"|number|no|type|grade|level|band|room|gate|platform|seat|row|page|flat|unit|block|floor|year)\s*|[-/])$",
    re.IGNORECASE,
)


def detect_postcodes(text: str) -> Iterator[Finding]:
    areas = postcode_areas()
    for m in _POSTCODE.finditer(text):
        if m.group(1).upper() in areas:
            yield make_finding(text, "postcode", m.start(), m.end(), "UK postcode", "[postcode removed]")
    for m in _OUTWARD.finditer(text):
        area = m.group(1)
        if area not in areas or m.group() in _NOT_OUTWARD:
            continue
        before = text[max(0, m.start() - 24) : m.start()]
        placed = bool(_OUTWARD_PLACE_WORDS.search(before)) or bool(_AREA_AFTER.match(text, m.end()))
        if _ROAD_OR_THING.search(before) and not placed:
            continue
        if (len(area) == 1 or area in _LETTER_WORDS) and not placed and not _after_a_name(text, m):
            continue  # "M1", "E4", "B4" alone are roads, channels and text-speak
        yield make_finding(text, "postcode", m.start(), m.end(), "Postcode district", "[postcode removed]")
    # "Toxteth (L8)", "the gipton estate ls9", "paignton tq4": in brackets, or in lower case after a place
    for m in _LOWER_OUTWARD.finditer(text):
        area = m.group("area").upper()
        if area not in areas or m.group("code").upper() in _NOT_OUTWARD:
            continue
        bracketed = text[m.start("code") - 1 : m.start("code")] == "("
        previous = _WORD_BEFORE.search(text, max(0, m.start("code") - 30), m.start("code"))
        if previous is None:
            continue
        word = previous.group(1).lower()
        if bracketed or word in {"estate", "postcode", "area", "district"} or word in known_places()[1]:
            yield make_finding(
                text, "postcode", m.start("code"), m.end("code"), "Postcode district", "[postcode removed]"
            )
    for m in _OUTWARD_ONLY.finditer(text):
        area = re.match(r"[A-Za-z]+", m.group(1)).group().upper()
        if area in areas:
            yield make_finding(
                text, "postcode", m.start(1), m.end(1), "Postcode district", "[postcode removed]"
            )


def _after_a_name(text: str, m: re.Match) -> bool:
    """ "clapton E5.", "Imran E14" at the end of a letter: a word, then the code, then the end."""
    return bool(re.match(r"\s*(?:[.,;!)]|$|\n)", text[m.end() : m.end() + 2])) and bool(
        re.search(r"[A-Za-z]{3,} $", text[max(0, m.start() - 30) : m.start()])
    )


# Two-letter areas that are also words or common abbreviations when followed by a digit.
_LETTER_WORDS = frozenset({"IG", "TV"})

_NHS = re.compile(r"(?<![\w.+/-])(\d{3})([ -]?)(\d{3})\2(\d{4})(?![\w/-]|\.\d)")


def nhs_check_digit_ok(digits: str) -> bool:
    """Modulus 11: weights 10..2 on the first nine digits; 11 - remainder is the tenth (11 -> 0)."""
    if len(digits) != 10 or not digits.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


def detect_nhs_numbers(text: str) -> Iterator[Finding]:
    for m in _NHS.finditer(text):
        digits = m.group(1) + m.group(3) + m.group(4)
        if len(set(digits)) > 1 and nhs_check_digit_ok(digits):
            yield make_finding(
                text,
                "nhs_number",
                m.start(),
                m.end(),
                "NHS number (check digit valid)",
                "[NHS number removed]",
            )


_CASE_NUMBER = re.compile(
    # Family court numbers: court code, year, case type (C public law, P private...), serial.
    r"\b[A-Z]{1,2} ?\d{2} ?[A-Z] ?\d{5}\b|\b(?i:[a-z]{2}\d{2}[a-z]\d{5})\b"
    # "our reference is 22/041873", "ref: 21/0456"
    r"|\b(?i:reference|ref)\.?\s*(?:(?i:is|no\.?|number|:)\s*)?\d{2,4}/\d{3,8}\b"
    # "Case No. 12345 of 2020", "case number: ZW/123/20", "claim no 1234567"
    r"|\b(?i:case|claim|court\s+case|court\s+ref|court\s+reference)\s*(?i:no\.?|number|num\.?|ref\.?"
    r"|reference|#)\s*[:.]?\s*(?=[A-Za-z0-9/-]{0,24}\d{3})[A-Za-z0-9][A-Za-z0-9/-]{0,30}[A-Za-z0-9]"
    r"(?:\s+of\s+(?:19|20)\d{2})?"
    # The 16-digit reference of the digital family court service.
    r"|\b\d{4}-\d{4}-\d{4}-\d{4}\b"
)


def detect_case_numbers(text: str) -> Iterator[Finding]:
    for m in _CASE_NUMBER.finditer(text):
        yield make_finding(
            text, "case_number", m.start(), m.end(), "Court case number", "[case number removed]"
        )
