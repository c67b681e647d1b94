"""Dates ("3rd March 2019", "12/03/19", "Tuesday the 4th", "on the 14th"). ages.py reuses the date
patterns for dates of birth; titles.py and names.py reuse the month names (a month is not taken for a
name)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .findings import Finding, make_finding

MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_DAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)"
_ORDINAL_WORDS = (
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth"
    r"|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first"
    r"|twenty-second|twenty-third|twenty-fourth|twenty-fifth|twenty-sixth|twenty-seventh|twenty-eighth"
    r"|twenty-ninth|thirtieth|thirty-first)"
)
_DAY_OF_MONTH = rf"(?:(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?|{_ORDINAL_WORDS})"
YEAR = r"(?:19|20)\d{2}"

DATE_PATTERNS = [
    # 3rd March 2019, Tuesday 3 March, the third of March
    rf"\b(?:{_DAYS},?\s+)?(?:the\s+)?{_DAY_OF_MONTH}\s+(?:of\s+)?{MONTHS}(?:,?\s+{YEAR})?\b",
    # March 3rd, March 3rd 2019, March 3 (only with a suffix, a year or punctuation after it)
    rf"\b(?:{_DAYS},?\s+)?{MONTHS}\s+(?:the\s+)?(?:[12]\d|3[01]|0?[1-9])"
    rf"(?:st|nd|rd|th|(?=,?\s+{YEAR}|\s*[,.;:!?)]|\s*$))(?:,?\s+{YEAR})?\b",
    # March 2019, May of 2019
    rf"\b{MONTHS},?\s+(?:of\s+)?{YEAR}\b",
    # 12/03/2019, 12.3.19, 12-03-2019
    r"(?<![\d/.])(?:[12]\d|3[01]|0?[1-9])([/.\-])(?:1[0-2]|0?[1-9])\1(?:(?:19|20)\d{2}|\d{2})(?![\d/])",
    # 2019-03-12
    r"\b(?:19|20)\d{2}-(?:1[0-2]|0[1-9])-(?:[12]\d|3[01]|0[1-9])\b",
    # 03/2019
    r"(?<![\d/.])(?:1[0-2]|0?[1-9])/(?:19|20)\d{2}\b",
    # Tuesday the 4th, Monday 9th
    rf"\b{_DAYS},?\s+(?:the\s+)?{_DAY_OF_MONTH}\b",
]
# The look-ahead lists every character a date can start with (digits, capitalised month and day names,
# "the", ordinal words): it lets the engine skip most positions and makes the scan ~3x faster.
_DATE = re.compile("(?=[0-9A-Zfsten])(?:" + "|".join(f"(?:{p})" for p in DATE_PATTERNS) + ")")
# "on the 14th" (not "on the 2nd floor"); the word before is checked in code, which is much faster
# than a look-behind for each preposition.
_DATE_THE = re.compile(
    r"\bthe\s+(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)\b"
    rf"(?!\s+(?:floor|time|row|week|day|place|attempt|hearing|meeting|visit|birthday|anniversary|century"
    rf"|of\s+(?!{MONTHS}|(?:that|the|this|last|next)\s+month)))"
)
_DATE_THE_AFTER = re.compile(
    r"(?:^|\n|[-*•]|\b(?:on|by|from|until|till|since|before|after|is|was|be|now|yesterday|today|tomorrow"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b)\s*$",
    re.IGNORECASE,
)


# Months in lower case ("march 2022", "2 aug 2021"): only with a year or a day number, and never "may"
# without a year ("it may 2 be").
_LOWER_MONTHS = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
)
_LOWER_DAYS = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|wed|thurs|thu|fri|sat|sun)"
)
_LOWER_DATE = re.compile(
    rf"(?=[0-9jfmasondtw])\b(?:(?:(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\s+(?:of\s+)?)?{_LOWER_MONTHS},?\s+(?:of\s+)?{YEAR}\b"
    rf"|\b(?:the\s+)?(?:[12]\d|3[01]|0?[1-9])(?:(?:st|nd|rd|th)\s+(?:of\s+)?|\s+of\s+){_LOWER_MONTHS}(?![\w])"
    rf"|\b(?:[12]\d|3[01]|0?[1-9])\s+(?!may\b){_LOWER_MONTHS}(?![\w])"
    rf"|\b{_LOWER_MONTHS}\s+(?:the\s+)?(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)\b"
    rf"|\b{_LOWER_DAYS}\s+(?:the\s+)?(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)\b)"
)


_HOLIDAY = re.compile(
    rf"(?=[CBNVMFHcbnvmfh])\b(?:(?:Christmas|Boxing|New\s+Year['’]?s|Valentine['’]?s|Mother['’]?s|Father['’]?s)\s+(?:Day|Eve)|Hogmanay)\s+{YEAR}\b",
    re.IGNORECASE,
)


def detect_dates(text: str) -> Iterator[Finding]:
    for m in _HOLIDAY.finditer(text):
        yield make_finding(text, "date", m.start(), m.end(), "Date", "a date")
    for m in _LOWER_DATE.finditer(text):
        yield make_finding(text, "date", m.start(), m.end(), "Date", "a date")
    # Bare years ("in 2019") are not reported: on their own they narrow nothing down to a child.
    for m in _DATE.finditer(text):
        yield make_finding(text, "date", m.start(), m.end(), "Date", "a date")
    for m in _DATE_THE.finditer(text):
        if _DATE_THE_AFTER.search(text, max(0, m.start() - 12), m.start()):
            yield make_finding(text, "date", m.start(), m.end(), "Date", "a date")
