"""Find details in a personal story that could identify a child, before a moderator reads it.

Publishing anything likely to identify a child in family proceedings is an offence (s.97 Children Act
1989) and publishing material from private proceedings can be contempt (s.12 AJA 1960). ``scan()``
marks the risky spans so the moderator can redact or generalise them; it never edits the text.

Offline and stdlib only. The scan is tuned to over-report a little rather than miss: a moderator
glancing at a false alarm costs seconds, a missed child's name can cost a prosecution. Two shipped
lists back it: common UK first names (campaign/data/first_names.txt) and UK towns, cities, London
areas and counties with their region (campaign/data/uk_places.csv).

Each detector is a small function yielding Findings; ``_TEXT_DETECTORS`` (regexes over the raw text)
and ``_TOKEN_DETECTORS`` (rules over the words, tokenised once) list them, and ``scan`` merges their
results. Regexes are compiled at import, the lists are read once on first use.
"""

from __future__ import annotations

import bisect
import csv
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"


@dataclass(frozen=True)
class Finding:
    """One detail: ``text[start:end] == match``; ``label`` says why, ``suggestion`` is a generalised
    replacement a moderator might use ("my son", "a town in the North West", "[name removed]")."""

    kind: str  # a key of KINDS
    start: int
    end: int
    match: str
    label: str
    suggestion: str


KINDS = {
    "postcode": "UK postcode",
    "phone": "Phone number",
    "email": "Email address",
    "nhs_number": "NHS number",
    "date": "Date",
    "age": "Age or date of birth",
    "case_number": "Court case number",
    "school": "School or nursery",
    "child_name": "Possible child's name",
    "first_name": "First name",
    "titled_name": "Named person with a title",
    "address": "Street address",
    "url": "Web address",
    "social_handle": "Social media handle",
    "place": "Town or place name",
}

# When findings of different kinds overlap, the longer wins; at equal length the kind that says more
# about the risk wins (a phone-shaped number that passes the NHS check digit is an NHS number).
_PRIORITY = {
    kind: rank
    for rank, kind in enumerate(
        [
            "nhs_number", "case_number", "email", "url", "social_handle", "postcode", "phone", "school",
            "address", "titled_name", "child_name", "age", "date", "place", "first_name",
        ]
    )
}


# --------------------------------------------------------------------------------------------------
# Shipped lists
# --------------------------------------------------------------------------------------------------


@cache
def first_names() -> frozenset[str]:
    with (DATA / "first_names.txt").open(encoding="utf-8") as handle:
        return frozenset(line.strip().lower() for line in handle if line.strip())


@dataclass(frozen=True)
class _Place:
    name: str
    kind: str  # city, town, borough, area, county
    region: str  # "" when the name exists in more than one region


@cache
def _places() -> dict[str, list[tuple[tuple[str, ...], _Place]]]:
    """First word -> [(all words, place)], longest first, so "Newcastle upon Tyne" beats "Newcastle"."""
    index: dict[str, list[tuple[tuple[str, ...], _Place]]] = {}
    with (DATA / "uk_places.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            words = tuple(row["name"].replace(".", "").split())
            index.setdefault(words[0], []).append((words, _Place(row["name"], row["kind"], row["region"])))
    for entries in index.values():
        entries.sort(key=lambda entry: -len(entry[0]))
    return index


# Names that are also ordinary capitalised words (months, virtues, places, surnames in citations):
# only reported when the story ties them to a child, never as a bare "First name".
AMBIGUOUS_NAMES = frozenset(
    """may will grace hope faith joy rose mark bill sunny summer autumn ruby amber april june august
    christian angel precious blessing mercy patience honey harmony melody liberty trinity storm sky skye
    frank jay drew ray glen dale lee dawn penny kitty dolly sue pat ken don paris sydney india georgia
    florence chelsea devon lincoln victoria jordan vienna milan eden mercedes rio pearl fern jade ebony
    crystal sage honor noel carol holly violet iris hazel heather jasmine olive mason carter cooper
    taylor harper parker bailey hunter morgan lewis ellis harris jackson hudson marshall howard stanley
    warren norman bernard douglas miles""".split()
)

# Capitalised words that are not names even after "my son" (institutions, holidays, pronouns...).
_NOT_NAMES = frozenset(
    """i i'm i've i'd i'll a an the my our your his her their this that these those he she they we you it
    mum mummy mam mom dad daddy nan nana nanny gran granny grandma grandad granddad grandpa mother father
    social services service court courts family council care children child children's protection police
    nhs school nursery judge cafcass camhs section act order plan conference report review register
    assessment centre unit team office hospital ward contact legal aid christmas easter eid diwali
    ramadan hanukkah god jesus allah lord english british welsh scottish irish polish muslim jewish hindu
    sikh catholic islamic local authority government parliament mp however then so yes no sadly eventually
    today now also meanwhile afterwards later finally unfortunately instead but and or because when after
    before while since until once every each all both only even still just not never always sometimes
    monday tuesday wednesday thursday friday saturday sunday january february march may june july august
    september october november december jan feb mar apr jun jul aug sep sept oct nov dec mr mrs ms miss
    dr sir dame lady lord prof professor hhj dj cllr pc ds dc di mx rev justice guardian ofsted
    emergency interim supervision care-order placement adoption fostering foster""".split()
)

_MONTHS = (
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
_YEAR = r"(?:19|20)\d{2}"
_NUMBER_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty"
).split()
_NUM = r"(?:\d{1,2}|" + "|".join(_NUMBER_WORDS) + ")"
_HALF = r"(?:[\s-]+and[\s-]+a[\s-]+half)?"


# --------------------------------------------------------------------------------------------------
# Tokens: one pass over the words, shared by the name, school and place detectors
# --------------------------------------------------------------------------------------------------

_TOKEN = re.compile(r"[^\W\d_](?:[^\W\d_]|['’\-](?=[^\W\d_]))*")
_SENTENCE_BREAK = re.compile(r"[.!?…]|\n|•")
# "Mr." or "St." does not end a sentence; nor does an initial ("J. Smith").
_ABBREVIATIONS = frozenset("mr mrs ms dr st prof rev cllr sgt no vs etc fr revd".split())


@dataclass(slots=True)
class _Token:
    start: int
    end: int  # end of the word without a possessive 's
    word: str  # without a possessive 's
    lower: str
    title: bool  # Capitalised (not ALL CAPS, unless a single letter)
    possessive: bool
    sentence: int
    sentence_start: bool


def _tokenise(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    sentence = 0
    previous_end = 0
    previous: str | None = None
    for m in _TOKEN.finditer(text):
        raw = m.group()
        start = m.start()
        gap = text[previous_end:start]
        starts = previous is None
        if previous is not None and gap != " " and _SENTENCE_BREAK.search(gap):
            initial = len(previous) == 1 and previous.isupper()
            if not ((previous.lower() in _ABBREVIATIONS or initial) and gap.lstrip().startswith(".")
                    and "\n" not in gap):
                sentence += 1
                starts = True
        if not starts and gap != " " and previous is not None and gap.strip() in {"“", '"', "‘"} \
                and gap.startswith(" "):
            starts = True  # the first word of quoted speech is capitalised too
        possessive = raw.endswith(("'s", "’s")) and len(raw) > 2
        word = raw[:-2] if possessive else raw
        title = word[0].isupper() and (len(word) == 1 or not word.isupper())
        tokens.append(_Token(start, start + len(word), word, word.lower(), title, possessive, sentence, starts))
        previous_end = m.end()
        previous = raw
    return tokens


# --------------------------------------------------------------------------------------------------
# Detectors on the raw text: contact details, numbers, dates
# --------------------------------------------------------------------------------------------------

_POSTCODE = re.compile(r"\b([A-Z]{1,2})(\d[A-Z\d]?) ?(\d[ABD-HJLNP-UW-Z]{2})\b", re.IGNORECASE)
# An outward code alone ("LS6") is too like road and paper names (M25, A4) to report unless the
# writer calls it a postcode.
_OUTWARD_ONLY = re.compile(r"\bpost ?code (?:is |was |of |area )?([A-Z]{1,2}\d[A-Z\d]?)\b(?! ?\d[A-Z]{2})",
                           re.IGNORECASE)


@cache
def _postcode_areas() -> frozenset[str]:
    with (DATA / "postcode_areas.csv").open(encoding="utf-8") as handle:
        return frozenset(row["area"] for row in csv.DictReader(handle))


def detect_postcodes(text: str) -> Iterator[Finding]:
    areas = _postcode_areas()
    for m in _POSTCODE.finditer(text):
        if m.group(1).upper() in areas:
            yield _finding(text, "postcode", m.start(), m.end(), "UK postcode", "[postcode removed]")
    for m in _OUTWARD_ONLY.finditer(text):
        area = re.match(r"[A-Za-z]+", m.group(1)).group().upper()
        if area in areas:
            yield _finding(text, "postcode", m.start(1), m.end(1), "Postcode district", "[postcode removed]")


# A UK number: +44 / 0044 / 0, then 9 or 10 more digits with single spaces or hyphens between groups
# and brackets round the area code. Counting digits, not groups, covers every spacing people use.
_PHONE = re.compile(
    r"(?<![\w+/.])"
    r"(?:(?:\+|00)44[ \-]?(?:\(0\)[ \-]?)?\(?|\(0|0)"
    r"([1-37-9](?:[ \-]?\)?[ \-]?\d){8,9})"
    r"(?![\d/])"
)


def detect_phones(text: str) -> Iterator[Finding]:
    for m in _PHONE.finditer(text):
        yield _finding(text, "phone", m.start(), m.end(), "UK phone number", "[phone number removed]")


_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b")


def detect_emails(text: str) -> Iterator[Finding]:
    for m in _EMAIL.finditer(text):
        yield _finding(text, "email", m.start(), m.end(), "Email address", "[email address removed]")


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
            yield _finding(text, "nhs_number", m.start(), m.end(), "NHS number (check digit valid)",
                           "[NHS number removed]")


_CASE_NUMBER = re.compile(
    # Family court numbers: court code, year, case type (C public law, P private...), serial.
    r"\b[A-Z]{2}\d{2}[A-Z]\d{5}\b"
    # "Case No. 12345 of 2020", "case number: ZW/123/20", "claim no 1234567"
    r"|\b(?i:case|claim|court\s+case|court\s+ref|court\s+reference)\s*(?i:no\.?|number|num\.?|ref\.?"
    r"|reference|#)\s*[:.]?\s*(?=[A-Za-z0-9/-]*\d{3})[A-Za-z0-9][A-Za-z0-9/-]*[A-Za-z0-9]"
    r"(?:\s+of\s+(?:19|20)\d{2})?"
    # The 16-digit reference of the digital family court service.
    r"|\b\d{4}-\d{4}-\d{4}-\d{4}\b"
)


def detect_case_numbers(text: str) -> Iterator[Finding]:
    for m in _CASE_NUMBER.finditer(text):
        yield _finding(text, "case_number", m.start(), m.end(), "Court case number", "[case number removed]")


_URL = re.compile(r"(?=[hHwW])\b(?:https?://|www\.)[^\s<>\"“”‘’]+", re.IGNORECASE)
_BARE_DOMAIN = re.compile(
    r"(?<![@\w.-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+"
    r"(?:co\.uk|org\.uk|gov\.uk|ac\.uk|nhs\.uk|sch\.uk|ltd\.uk|me\.uk|police\.uk|com|org|net|uk|io|info|biz"
    r"|me|tv|co|app|blog|online|site|eu|ie|scot|wales|cymru|london)\b(?!\.\w|@)(?:/[^\s<>\"“”]*)?",
    re.IGNORECASE,
)
_SOCIAL_SITES = re.compile(r"facebook|fb\.com|instagram|tiktok|twitter|x\.com|youtube|youtu\.be|linkedin"
                           r"|snapchat|threads|reddit|gofundme|justgiving", re.IGNORECASE)


def _trim_url(url: str) -> str:
    while url and url[-1] in ".,;:!?'\")]}":
        if url[-1] == ")" and url.count("(") >= url.count(")"):
            break
        url = url[:-1]
    return url


def detect_urls(text: str) -> Iterator[Finding]:
    for pattern in (_URL, _BARE_DOMAIN):
        for m in pattern.finditer(text):
            url = _trim_url(m.group())
            if "." not in url:
                continue
            social = bool(_SOCIAL_SITES.search(url))
            yield _finding(text, "url", m.start(), m.start() + len(url),
                           "Social media link" if social else "Web address", "[web address removed]")


_HANDLE = re.compile(r"(?<![\w@./])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?(?![\w@])")


def detect_social_handles(text: str) -> Iterator[Finding]:
    for m in _HANDLE.finditer(text):
        yield _finding(text, "social_handle", m.start(), m.end(), "Social media handle",
                       "[social media handle removed]")


_DATE_PATTERNS = [
    # 3rd March 2019, Tuesday 3 March, the third of March
    rf"\b(?:{_DAYS},?\s+)?(?:the\s+)?{_DAY_OF_MONTH}\s+(?:of\s+)?{_MONTHS}(?:,?\s+{_YEAR})?\b",
    # March 3rd, March 3rd 2019, March 3 (only with a suffix, a year or punctuation after it)
    rf"\b(?:{_DAYS},?\s+)?{_MONTHS}\s+(?:the\s+)?(?:[12]\d|3[01]|0?[1-9])"
    rf"(?:st|nd|rd|th|(?=,?\s+{_YEAR}|\s*[,.;:!?)]|\s*$))(?:,?\s+{_YEAR})?\b",
    # March 2019, May of 2019
    rf"\b{_MONTHS},?\s+(?:of\s+)?{_YEAR}\b",
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
_DATE = re.compile("(?=[0-9A-Zfsten])(?:" + "|".join(f"(?:{p})" for p in _DATE_PATTERNS) + ")")
# "on the 14th" (not "on the 2nd floor"); the word before is checked in code, which is much faster
# than a look-behind for each preposition.
_DATE_THE = re.compile(
    r"\bthe\s+(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)\b"
    rf"(?!\s+(?:floor|time|row|week|day|place|attempt|hearing|meeting|visit|birthday|anniversary|century"
    rf"|of\s+(?!{_MONTHS}|(?:that|the|this|last|next)\s+month)))"
)
_DATE_THE_AFTER = re.compile(r"\b(?:on|by|from|until|till|since|before|after)\s+$")


def detect_dates(text: str) -> Iterator[Finding]:
    # Bare years ("in 2019") are not reported: on their own they narrow nothing down to a child.
    for m in _DATE.finditer(text):
        yield _finding(text, "date", m.start(), m.end(), "Date", "a date")
    for m in _DATE_THE.finditer(text):
        if _DATE_THE_AFTER.search(text, max(0, m.start() - 8), m.start()):
            yield _finding(text, "date", m.start(), m.end(), "Date", "a date")


_DATE_INNER = "|".join(f"(?:{p})" for p in _DATE_PATTERNS[:6])
# What may follow a bare age so it is an age and not "he was 3 hours late" or "she was one of them".
_AGE_END = (r"(?=\s*(?:[.,;:!?)\u2013\u2014]|$)|\s+(?:at|when|and|in|on|last|this|that|then|but|so|before|because"
            r"|until|while|or"
            r"|after|just|yesterday|today|recently|now|years?|months?)\b)")
_KIN_WORDS = r"(?:sons?|daughters?|child|children|kids?|babies|baby|boys?|girls?|twins|brothers?|sisters?)"
# No leading \b: CPython's re scans for a literal first word (``turn``, ``born``) many times faster than
# it tries a word boundary at every position, so detect_ages checks the boundary itself.
_AGE_PATTERNS: list[tuple[str, str, str]] = [
    # (regex, label, suggestion)
    # Patterns that open with a choice of words get a look-ahead of their possible first letters instead.
    (rf"(?=[0-9otfsenaOTFSENA])\b(?:{_NUM}|an?){_HALF}[\s-]+(?:years?|yrs?|months?|weeks?|days?)[\s-]+old\b",
     "Age", "young"),
    (rf"[Aa]ged?\s+(?:just\s+|only\s+|about\s+|around\s+|nearly\s+)?{_NUM}{_HALF}"
     rf"(?:\s+(?:years?|months?|weeks?))?\b", "Age", "[age removed]"),
    (rf"the\s+age\s+of\s+{_NUM}{_HALF}\b", "Age", "[age removed]"),
    (rf"turn(?:ed|ing|s)\s+{_NUM}{_HALF}\b{_AGE_END}", "Age", "[age removed]"),
    # "he was 3.", "Chloe is fifteen and...", "they are seven and five": a person, a verb, a bare number
    (rf"(?=[A-Zhstwdckbg])\b(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]ho|(?!I\b|It\b|That\b|This\b|There\b|What\b|Which\b)[A-Z][a-z'’\-]*\.?"
     rf"|{_KIN_WORDS})(?:\s+(?:was|is|were|are)|['’]s|['’]re)(?:\s+(?:only|just|nearly|almost|barely|now|still))?"
     rf"\s+(?P<age>{_NUM}{_HALF}(?:\s+and\s+{_NUM}\b)?)\b{_AGE_END}", "Age", "[age removed]"),
    # "..., was eight when": the verb alone is enough before "when" (but "I was 19 when" is the writer)
    (rf"(?:was|is|were|are)\s+(?:only\s+|just\s+)?(?P<age>{_NUM}{_HALF})(?=\s+(?:when|at\s+the\s+time)\b)",
     "Age", "[age removed]"),
    # "walking at 9 months", "at six weeks old"
    (rf"at\s+{_NUM}\s+(?:months?|weeks?)(?:\s+old)?\b", "Age", "[age removed]"),
    (r"\d{1,2}\s?(?:yo|y/o|yrs?\s+old)\b", "Age", "[age removed]"),
    (rf"[Bb]orn\s+(?:(?:in|on|around)\s+)?(?:the\s+)?(?:{_DATE_INNER}|{_YEAR})",
     "Date of birth", "[date of birth removed]"),
    (rf"(?:DOB|D\.O\.B\.?|[Dd]ate\s+of\s+birth)(?:\s*(?:[:\-–]|is|was)?\s*(?:{_DATE_INNER}))?",
     "Date of birth", "[date of birth removed]"),
    (r"Year\s+(?:1[0-3]|[1-9])\b(?![\d:/.])", "School year group", "[school year removed]"),
]
_AGE = [(re.compile(p), label, suggestion) for p, label, suggestion in _AGE_PATTERNS]
# "Jack (7)", "my son (7)": an age in brackets after a name or a child
_BRACKET_AGE = re.compile(r"\(\d{1,2}\)")
# What follows a name to give its age: " was two.", " is only five and", " (7)", ", aged 4,"
_NAME_THEN_AGE = re.compile(
    rf"\s+(?:is|was|turned|turns)\s+(?:only\s+|just\s+|now\s+|nearly\s+|almost\s+|still\s+)?({_NUM}){_HALF}\b"
    rf"{_AGE_END}|\s?\((\d{{1,2}})\)|,\s+(?:aged?\s+({_NUM})|({_NUM})[\s-]+(?:years?|months?)[\s-]+old)\b",
    re.IGNORECASE,
)


def detect_ages(text: str) -> Iterator[Finding]:
    for pattern, label, suggestion in _AGE:
        for m in pattern.finditer(text):
            if not _word_starts(text, m.start()) or text[max(0, m.start() - 2):m.start()] == "I ":
                continue
            if label == "Age" and _adult_age(m.group()):
                continue
            # Report only the age when the pattern needed a subject to be sure ("Chloe is [fifteen]").
            start, end = m.span("age") if "age" in pattern.groupindex else m.span()
            yield _finding(text, "age", start, end, label, suggestion)
    for m in _BRACKET_AGE.finditer(text):
        if _bracket_age_follows_word(text, m.start()):
            yield _finding(text, "age", m.start(), m.end(), "Age in brackets", "[age removed]")


_FIRST_NUMBER = re.compile(r"\d+|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)), re.IGNORECASE)


def _adult_age(phrase: str) -> bool:
    """"he was 45 when..." is an adult's age, which does not point to a child; 18 months is a child's."""
    if re.search(r"month|week|day", phrase, re.IGNORECASE):
        return False
    m = _FIRST_NUMBER.search(phrase)
    if m is None:
        return False
    word = m.group().lower()
    return (int(word) if word.isdigit() else _NUMBER_WORDS.index(word) + 1) >= 18


def _word_starts(text: str, position: int) -> bool:
    return position == 0 or not (text[position - 1].isalnum() or text[position - 1] == "_")


def _bracket_age_follows_word(text: str, start: int) -> bool:
    # "(7)" right after a name or "my son" is an age; after "Section" or "paragraph", or a number, it is not.
    before = text[max(0, start - 20):start]
    if not re.search(r"[A-Za-z] ?$", before):
        return False
    word = before.rstrip().rsplit(None, 1)[-1].lower()
    return word not in {"section", "s", "para", "paragraph", "page", "rule", "article", "schedule", "part",
                        "chapter", "regulation", "reg", "clause", "subsection"}


# --------------------------------------------------------------------------------------------------
# Streets
# --------------------------------------------------------------------------------------------------

_STREET_STRONG = (r"Road|Rd|Street|Avenue|Ave|Lane|Close|Drive|Crescent|Gardens|Terrace|Grove|Square|Mews"
                  r"|Boulevard|Parade|Estate")
# These are also ordinary nouns in names of things ("High Court", "Safe Place"): only with a number.
_STREET_WEAK = r"Way|Place|Court|Hill|Park|Row|Walk|Rise|View|Green|Vale|Wharf|Yard|Croft|Fold|Chase|Heights"
_STREET_WORD = r"(?:St\.?\s+)?[A-Z][a-z'’\-]+(?:[A-Z][a-z]+)?"
_ADDRESS = re.compile(
    rf"(?=[0-9A-Z])(?P<numbered>(?:(?:Flat|Apartment|Apt|Unit|Room)\s+\d+[A-Za-z]?,?\s+)?\d{{1,4}}[A-Za-z]?(?:-\d{{1,4}})?,?\s+"
    rf"(?:{_STREET_WORD}\s+){{1,3}}(?:{_STREET_STRONG}|{_STREET_WEAK}|St\b(?!\.?\s+[A-Z])))\b"
    rf"|(?P<named>(?:{_STREET_WORD}\s+){{1,3}}(?:{_STREET_STRONG}|St\b(?!\.?\s+[A-Z])))\b"
)
_NOT_STREET_WORDS = frozenset(
    """the a an on in at from near by to of our my your his her their into onto off down up along past
    and but then when where while council family social care court""".split()
)
_GENERIC_STREETS = frozenset({"high", "main"})


def detect_addresses(text: str) -> Iterator[Finding]:
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
            yield _finding(text, "address", start, end, "Street name", "a street")
        else:
            yield _finding(text, "address", start, end, "Street address", "[address removed]")


# --------------------------------------------------------------------------------------------------
# Schools and nurseries
# --------------------------------------------------------------------------------------------------

_SCHOOL_SUFFIX = re.compile(
    r"\b(?:(?:C\s?of\s?E|CofE|C\.E\.|CE|RC|R\.C\.|Catholic|Church\s+of\s+England|Methodist|Jewish|Islamic"
    r"|Muslim|Sikh|Hindu|Community|Free|Junior|Infant|Primary|Secondary|High|Grammar|Prep|Preparatory"
    r"|Special|Day|Nursery|Academy|Sixth\s+Form|Language)\s+)*"
    r"(?P<kw>School|Primary|Academy|Nursery|College|Infants|Juniors|High(?!\s+(?:Court|Street|St\b|Road|Rd\b"
    r"|Sheriff|Commission|Security|Dependency|Needs|Risk|Chair|Wycombe))|Pre-?[Ss]chool|Playgroup"
    r"|Kindergarten|Montessori|Grammar|Sixth\s+Form|Children['’]s\s+Centre|Family\s+Centre)\b"
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
    """"C of E Primary School" -> "a primary school": as specific as the type, never the name."""
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


def detect_schools(text: str, tokens: list[_Token]) -> Iterator[Finding]:
    for m in _SCHOOL_PREFIX.finditer(text):
        suggestion = "a nursery" if "eithrin" in m.group("kw") else "a school"
        yield _finding(text, "school", m.start(), m.end(), "School or nursery name", suggestion)
    starts = {t.start: i for i, t in enumerate(tokens)}
    for m in _SCHOOL_SUFFIX.finditer(text):
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
            if _SCHOOL_SUFFIX.fullmatch(t.word):
                break  # "Oakfield Academy and Little Acorns Nursery" are two names
            if t.title or (len(t.word) <= 3 and t.word.isupper()):
                first = j
            elif t.lower in _SCHOOL_CONNECTORS and j > 0 and tokens[j - 1].title:
                pass
            else:
                break
            j -= 1
        while first < index and tokens[first].lower in _GENERIC_SCHOOL_WORDS - {"st", "saint"} and not (
                tokens[first].lower == "our" and tokens[first + 1].lower == "lady"):
            first += 1  # "The Oakfield Academy", "Then Oakfield Academy": not part of the name
        name = [t.lower for t in tokens[first:index]]
        if not name or all(w in _GENERIC_SCHOOL_WORDS for w in name):
            continue
        yield _finding(text, "school", tokens[first].start, m.end(), "School or nursery name",
                       _school_suggestion(m.group()))


def _only_spaces(text: str, end: int, next_start: int, token: _Token) -> bool:
    gap = text[end:next_start]
    if token.possessive:
        gap = gap[2:]
    return gap.strip() in {"", "."} if token.lower in {"st"} else gap.strip() == ""


# --------------------------------------------------------------------------------------------------
# People: titles and roles, children's names, other first names
# --------------------------------------------------------------------------------------------------

_TITLES = (r"Mrs|Mr|Ms|Miss|Mx|Dr|Prof|Professor|Sir|Dame|Lady|Lord|Judge|HHJ|DDJ|DJ|Recorder|Cllr|Councillor"
           r"|PC|DC|DS|DI|DCI|DSI|Sgt|Sergeant|Inspector|Constable|Rev|Revd|Reverend|Pastor|Imam|Rabbi")
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
    return bool(word) and word.lower() not in _NOT_NAMES and not re.fullmatch(_MONTHS, word)


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
        yield _finding(text, "titled_name", m.start(), end, f"Named person ({title})", suggestion)
    for r in _ROLE.finditer(text.translate(_ASCII_LOWER)):
        m = _AFTER_ROLE.match(text, r.end())
        if m is None or not _is_name_word(m.group("name")):
            continue
        end = m.end("second") if _is_name_word(m.group("second")) else m.end("name")
        role = " ".join(r.group().split())
        yield _finding(text, "titled_name", r.start(), end, f"Named {role}", role)


_KIN = frozenset(
    """son sons daughter daughters child children kid kids baby babies boy boys girl girls toddler toddlers
    grandson grandsons granddaughter granddaughters grandchild grandchildren niece nieces nephew nephews
    brother brothers sister sisters twin twins eldest youngest oldest stepson stepsons stepdaughter
    stepdaughters step-son step-daughter stepchild stepchildren half-brother half-sister sibling siblings
    newborn infant teenager""".split()
)
_PLURAL_KIN = frozenset(
    "sons daughters children kids babies boys girls twins siblings grandchildren stepchildren".split()
)
_KIN_DETERMINERS = frozenset(
    """my our his her their the a your little baby eldest youngest oldest middle older younger two three
    four twin beautiful precious""".split()
)
_ADULTS = frozenset(
    """mum mother mummy mam dad father daddy mums mothers dads fathers parent parents carers ex ex-partner
    ex-husband ex-wife partner husband wife boyfriend girlfriend fiance fiancé fiancee fiancée stepdad stepmum step-dad step-mum stepfather
    stepmother nan nana nanny gran granny grandma grandmother grandad granddad grandpa grandfather aunt
    auntie aunty uncle friend neighbour mate colleague boss landlord landlady worker carer solicitor
    barrister teacher judge guardian officer nurse midwife visitor doctor manager advocate lawyer
    magistrate therapist counsellor psychologist assessor supervisor councillor vicar priest imam""".split()
)
_NAME_LINKS = frozenset({"called", "named", "who", "is", "was", "known", "as", "whose", "name"})
_WINDOW = 4

# "my son J", "my daughter A.B.": an initial right after a child word
_INITIALS = re.compile(
    r"\b(?P<kin>(?:(?:my|our|his|her|their|the)\s+)?(?:little\s+|baby\s+)?(?:son|daughter|child|boy|girl|baby"
    r"|grandson|granddaughter|niece|nephew|brother|sister|stepson|stepdaughter|eldest|youngest|oldest|twin))"
    r"[,(]?\s+(?:called\s+|named\s+)?"
    r"(?P<initial>[A-Z](?:\.\s?[A-Z])*\.?)(?=[\s,;:)!?]|\.?$|\.\s)(?![A-Za-z])"
)


def _is_kin(tokens: list[_Token], i: int) -> bool:
    t = tokens[i]
    if not (t.lower in _KIN or (t.lower == "one" and i > 0 and tokens[i - 1].lower in {"little", "youngest",
                                                                                       "eldest", "middle"})):
        return False
    if t.title and not t.sentence_start:
        return False  # "Child Protection", "Children Act": not a child of the writer
    if t.possessive and i + 1 < len(tokens) and tokens[i + 1].lower in _ADULTS:
        return False  # "my son's father Darren" is an adult
    return True


def _kin_phrase(tokens: list[_Token], i: int) -> str:
    j = i
    while j > 0 and i - j < 2 and tokens[j - 1].lower in _KIN_DETERMINERS and tokens[j - 1].sentence == \
            tokens[i].sentence:
        j -= 1
    return " ".join([t.lower for t in tokens[j:i]] + [tokens[i].lower])


def _is_unknown_capital(t: _Token) -> bool:
    return t.title and len(t.word) > 1 and t.lower not in _NOT_NAMES and not re.fullmatch(_MONTHS, t.word)


def _gap(text: str, tokens: list[_Token], i: int) -> str:
    """Text between token i (and its possessive) and token i+1."""
    t = tokens[i]
    return text[t.end + (2 if t.possessive else 0):tokens[i + 1].start]


def _extend_surname(text: str, tokens: list[_Token], i: int) -> int:
    """Index of the last token of a full name starting at i ("Jack Smith", "Emma Lewell-Buck")."""
    last = i
    for j in range(i + 1, min(i + 3, len(tokens))):
        t = tokens[j]
        if (t.sentence != tokens[i].sentence or _gap(text, tokens, j - 1) != " " or tokens[j - 1].possessive
                or not _is_unknown_capital(t) or t.lower in _KIN or re.fullmatch(_STREET_STRONG, t.word)
                or _SCHOOL_SUFFIX.match(t.word)):
            break
        last = j
    return last


def _is_citation(text: str, tokens: list[_Token], i: int) -> bool:
    """'Ryan, M.' or 'Bolton, J.' in a reference list is a surname."""
    return bool(re.match(r",\s?[A-Z]\.", text[tokens[i].end:tokens[i].end + 4]))


def detect_names(text: str, tokens: list[_Token]) -> Iterator[Finding]:
    names = first_names()
    # token index -> (how it was tied to a child, the kin phrase): how is "kin", "age", "listed" or "same"
    child: dict[int, tuple[str, str]] = {}

    def known(t: _Token) -> bool:
        return t.title and (t.lower in names or t.lower.split("-")[0] in names)

    def mark(i: int, phrase: str, how: str = "kin") -> None:
        child.setdefault(i, (how, phrase))

    for i, t in enumerate(tokens):
        if not _is_kin(tokens, i):
            continue
        phrase = _kin_phrase(tokens, i)
        # "my son Jack", "my daughter, Amelia", "a boy called Sam", "my kids Jack, Amelia and Noah"
        j = i + 1
        while j < len(tokens) and j - i <= 3 and tokens[j].lower in _NAME_LINKS and not tokens[j].title:
            j += 1
        if j < len(tokens) and tokens[j].sentence == t.sentence and _tight_gap(_gap(text, tokens, j - 1)):
            if known(tokens[j]) or _is_unknown_capital(tokens[j]):
                mark(j, phrase)
                _mark_chain(text, tokens, j, phrase, t.lower in _PLURAL_KIN, known, mark)
        # "Jack, my eldest", "Amelia (my daughter)"
        k = i - 1
        while k >= 0 and i - k <= 2 and tokens[k].lower in _KIN_DETERMINERS:
            k -= 1
        if k >= 0 and tokens[k].sentence == t.sentence:
            gap = _gap(text, tokens, k)
            if any(c in gap for c in ",(–—-") and not _SENTENCE_BREAK.search(gap):
                cand = tokens[k]
                if known(cand) or (_is_unknown_capital(cand) and not cand.sentence_start):
                    mark(k, phrase)
        # "I want to tell you about Ruby. She is my second daughter."
        if _introduces_previous_sentence(tokens, i):
            for n in range(i - 1, -1, -1):
                if tokens[n].sentence < t.sentence - 1:
                    break
                if tokens[n].sentence == t.sentence - 1 and known(tokens[n]) \
                        and not (tokens[n].lower in AMBIGUOUS_NAMES and tokens[n].sentence_start):
                    mark(n, phrase)
                    break
        # Known names a few words either side, unless an adult word is nearer ("his dad Darren"). Only for
        # someone's child ("my son", "his sister", "Jack's brother"): "separation of children from their
        # mothers, Nina Lopez" is about children in general.
        if not _owned(tokens, i):
            continue
        for n in range(max(0, i - _WINDOW), min(len(tokens), i + _WINDOW + 1)):
            cand = tokens[n]
            if n == i or cand.sentence != t.sentence or not known(cand) or n in child:
                continue
            if cand.lower in AMBIGUOUS_NAMES and (cand.sentence_start or _used_as_word(text, tokens, n)):
                continue
            if _nearest_is_adult(tokens, n, abs(n - i)):
                continue
            mark(n, phrase)

    # A name given an age is a child's ("Mia was two", "Archie is only five", "Jack (7)").
    for n, cand in enumerate(tokens):
        if n not in child and known(cand) and not (cand.lower in AMBIGUOUS_NAMES and cand.sentence_start) \
                and _gives_child_age(_NAME_THEN_AGE.match(text, cand.end + (2 if cand.possessive else 0))):
            mark(n, "", "age")
    _mark_same_names(text, tokens, child)
    # Another name listed with a child is a sibling ("Lily and Archie were interviewed").
    for n in sorted(child):
        for other in (n - 2, n + 2):
            if 0 <= other < len(tokens) and other not in child and known(tokens[other]) \
                    and tokens[min(n, other) + 1].lower in {"and", "&"} \
                    and tokens[other].sentence == tokens[n].sentence and not _nearest_is_adult(tokens, other, 1):
                mark(other, "", "listed")
    _mark_same_names(text, tokens, child)

    done: set[int] = set()
    for n in sorted(child):
        if n in done:
            continue
        last = _extend_surname(text, tokens, n)
        done.update(range(n, last + 1))
        label, suggestion = _child_label(*child[n])
        yield _finding(text, "child_name", tokens[n].start, tokens[last].end, label, suggestion)

    for n, cand in enumerate(tokens):
        if n in done or not known(cand) or cand.lower in AMBIGUOUS_NAMES or _is_citation(text, tokens, n):
            continue
        if len(cand.word) == 1:
            continue
        last = _extend_surname(text, tokens, n)
        done.update(range(n, last + 1))
        yield _finding(text, "first_name", cand.start, tokens[last].end, "First name", "[name removed]")

    yield from _detect_initials(text, tokens)


_MONTH_OR_MODAL_NAMES = frozenset({"may", "will", "june", "april", "august", "mark", "bill"})
_BEFORE_MONTH = frozenset(
    "in on of since until till by last next this early late mid end from during before after through".split()
)


def _used_as_word(text: str, tokens: list[_Token], n: int) -> bool:
    """A child called May or Will: "In May" is still the month, "Will they..." still a question."""
    t = tokens[n]
    if t.lower not in _MONTH_OR_MODAL_NAMES:
        return False
    if t.sentence_start:
        return True
    before = tokens[n - 1].lower if n > 0 else ""
    return before in _BEFORE_MONTH or bool(re.match(r"\s+\d", text[t.end:t.end + 3]))


_OWNERS = frozenset("my our his her their your the a this".split())


def _owned(tokens: list[_Token], i: int) -> bool:
    for k in range(i - 1, max(-1, i - 4), -1):
        t = tokens[k]
        if t.sentence != tokens[i].sentence:
            return False
        if t.lower in _OWNERS or t.possessive:
            return True
        if t.lower not in _KIN_DETERMINERS:
            return False
    return False


def _introduces_previous_sentence(tokens: list[_Token], i: int) -> bool:
    """Kin word in a sentence opening "She is my..." / "He was our...", about the name just before."""
    first = i
    while first > 0 and tokens[first - 1].sentence == tokens[i].sentence:
        first -= 1
    words = [t.lower for t in tokens[first:i]]
    if not (2 <= len(words) <= 5 and words[0] in {"she", "he"}) or tokens[i].possessive:
        return False
    return tokens[first].possessive or words[1] in {"is", "was"}  # "She's my...", "He was our..."


def _mark_same_names(text: str, tokens: list[_Token], child: dict[int, tuple[str, str]]) -> None:
    """The same name elsewhere in the story is the same child ("Jack started school...")."""
    tied = {tokens[i].word: reason for i, reason in sorted(child.items(), reverse=True)}
    for n, cand in enumerate(tokens):
        if n not in child and cand.word in tied and cand.title and not _used_as_word(text, tokens, n):
            child[n] = ("same", tied[cand.word][1])


def _gives_child_age(m: re.Match | None) -> bool:
    """"Mia was two" is a child; "Mary was 40 when we met" is not."""
    if m is None:
        return False
    word = next(group for group in m.groups() if group is not None).lower()
    value = int(word) if word.isdigit() else _NUMBER_WORDS.index(word) + 1
    return value < 18


def _child_label(how: str, phrase: str) -> tuple[str, str]:
    """(label, suggestion) for a child's name, saying what tied it to a child."""
    if how == "same":
        if phrase:
            return f"Same name as the child near '{phrase}'", phrase
        return "Same name as a child mentioned elsewhere", "[name removed]"
    if how == "age":
        return "Possible child's name (an age is given)", "[name removed]"
    if how == "listed":
        return "Possible child's name (listed with a child)", "[name removed]"
    return f"Possible child's name near '{phrase}'", "[name removed]"


def _tight_gap(gap: str) -> bool:
    return not _SENTENCE_BREAK.search(gap) and gap.strip(" ,(:–—-\t") == ""


def _mark_chain(text: str, tokens: list[_Token], j: int, phrase: str, plural: bool,
                known: Callable[[_Token], bool], mark: Callable[[int, str], None]) -> None:
    """After "my children Jack": ", Amelia and Noah (4)" are children too."""
    while j + 1 < len(tokens):
        j = _extend_surname(text, tokens, j)
        if j + 1 >= len(tokens):
            return
        gap = re.sub(r"\(\d{1,2}\)", "", _gap(text, tokens, j))
        nxt = j + 1
        if tokens[nxt].lower in {"and", "&"} and nxt + 1 < len(tokens):
            if _SENTENCE_BREAK.search(gap) or gap.strip(" ,") != "":
                return
            gap, nxt = _gap(text, tokens, nxt), nxt + 1
            if gap.strip() != "":
                return
        elif gap.strip(" ") not in {",", "&"}:
            return
        cand = tokens[nxt]
        if cand.sentence != tokens[j].sentence:
            return
        if not (known(cand) or (plural and _is_unknown_capital(cand))):
            return
        mark(nxt, phrase)
        j = nxt


def _nearest_is_adult(tokens: list[_Token], n: int, kin_distance: int) -> bool:
    for d in range(1, kin_distance + 1):
        for k in (n - d, n + d):
            if 0 <= k < len(tokens) and tokens[k].sentence == tokens[n].sentence and tokens[k].lower in _ADULTS:
                return True
    return False


def _detect_initials(text: str, tokens: list[_Token]) -> Iterator[Finding]:
    seen: dict[str, str] = {}
    for m in _INITIALS.finditer(text):
        initial = m.group("initial")
        if initial.rstrip(".") == "I":
            continue  # "my son I ..." is the writer
        phrase = m.group("kin")
        seen.setdefault(initial.rstrip("."), phrase)
        yield _finding(text, "child_name", m.start("initial"), m.end("initial"),
                       f"Possible child's initial near '{phrase}'", "[initial removed]")
    # Later mentions of the same initials ("J was scared"). "A" and "I" are too common alone.
    for initial, phrase in seen.items():
        if initial in {"A", "I"}:
            continue
        for m in re.finditer(rf"(?<![\w.]){re.escape(initial)}\.?(?![\w])", text):
            yield _finding(text, "child_name", m.start(), m.end(),
                           f"Same initial as the child near '{phrase}'", phrase)


# --------------------------------------------------------------------------------------------------
# Places
# --------------------------------------------------------------------------------------------------

# Place names that are also common words or surnames: only after "in", "from", "near"...
_AMBIGUOUS_PLACES = frozenset(
    """reading bath wells deal march sale ware rugby derby bury stanley walker walton kenton hyde leigh
    middleton washington chester lancaster preston bolton sutton barry nelson hamilton flint mold boston
    stone richmond kensington everton anfield aston chelsea devon lincoln bow poplar hayes acton leyland
    morley crosby burton stafford warwick telford wellington newark perth paisley irvine angus dover
    hastings fleet windsor buckingham gillingham poole stroud hendon kirkby norwood gorton denton heywood
    radcliffe swinton eccles hulme marlow alton hatfield harlow harrow brent barnet merton camden
    greenwich havering cardigan newtown pembroke buckley stirling elgin leith montrose holywood derry
    kent somerset cornwall cheshire durham cleveland borders highlands westminster ely wigston louth
    beverley whitby ripley ludlow hexham morpeth blyth ayr troon largs antrim down kendal penrith hythe
    selby spalding skipton otley batley bingley shipley keighley""".split()
)
_LOCATIVES = frozenset(
    """in from to near at around outside into towards toward across round via between of""".split()
)
_REGION_PHRASE = {
    "North East": "the North East", "North West": "the North West", "Yorkshire and the Humber": "Yorkshire",
    "East Midlands": "the East Midlands", "West Midlands": "the West Midlands",
    "East of England": "the East of England", "London": "London", "South East": "the South East",
    "South West": "the South West", "Wales": "Wales", "Scotland": "Scotland",
    "Northern Ireland": "Northern Ireland",
}


def _place_suggestion(place: _Place) -> str:
    region = _REGION_PHRASE.get(place.region)
    if place.kind in {"borough", "area"}:
        return f"an area of {region}" if region else "an area"
    noun = {"city": "a city", "county": "a county"}.get(place.kind, "a town")
    if place.kind == "county" and region:
        return region
    return f"{noun} in {region}" if region else noun


def detect_places(text: str, tokens: list[_Token]) -> Iterator[Finding]:
    index = _places()
    names = first_names()
    i = 0
    while i < len(tokens):
        t = tokens[i]
        entries = index.get(t.word) if t.word[:1].isupper() else None
        if not entries:
            i += 1
            continue
        matched = None
        for words, place in entries:
            span = tokens[i:i + len(words)]
            if len(span) == len(words) and all(s.word == w for s, w in zip(span, words, strict=True)) \
                    and all(s.sentence == t.sentence for s in span):
                matched = (len(words), place)
                break
        if matched is None:
            i += 1
            continue
        length, place = matched
        last = tokens[i + length - 1]
        before = tokens[i - 1] if i > 0 and tokens[i - 1].sentence == t.sentence else None
        after = tokens[i + length] if i + length < len(tokens) else None
        ambiguous = place.name.lower() in _AMBIGUOUS_PLACES
        skip = (
            (ambiguous and (before is None or before.lower not in _LOCATIVES))
            # An author's affiliation is not where a family lives; a hospital's name ("Wythenshawe
            # Hospital") can be, so hospitals stay.
            or (after is not None and after.word in {"University", "College"})
            or (before is not None and before.word == "of" and i > 1 and tokens[i - 2].word == "University")
            or (before is not None and before.title and before.lower in names
                and _gap(text, tokens, i - 1) == " ")  # "Claire Preston" is a surname
            or _is_citation(text, tokens, i + length - 1)
        )
        if not skip:
            label = {"city": "City", "county": "County", "borough": "London borough", "area": "Area"}.get(
                place.kind, "Town")
            if place.region:
                label += f" ({place.region})"
            yield _finding(text, "place", t.start, last.end, label, _place_suggestion(place))
        i += length


# --------------------------------------------------------------------------------------------------
# Scan and merge
# --------------------------------------------------------------------------------------------------


def _finding(text: str, kind: str, start: int, end: int, label: str, suggestion: str) -> Finding:
    return Finding(kind, start, end, text[start:end], label, suggestion)


_TEXT_DETECTORS: list[Callable[[str], Iterable[Finding]]] = [
    detect_postcodes, detect_phones, detect_emails, detect_nhs_numbers, detect_case_numbers, detect_urls,
    detect_social_handles, detect_dates, detect_ages, detect_addresses, detect_titled_names,
]
_TOKEN_DETECTORS: list[Callable[[str, list[_Token]], Iterable[Finding]]] = [
    detect_schools, detect_names, detect_places,
]


def scan(text: str) -> list[Finding]:
    """Every identifying detail found in ``text``, sorted by start, overlaps resolved."""
    if not text:
        return []
    found: list[Finding] = []
    for detector in _TEXT_DETECTORS:
        found.extend(detector(text))
    tokens = _tokenise(text)
    for token_detector in _TOKEN_DETECTORS:
        found.extend(token_detector(text, tokens))
    return _merge(text, found)


def _merge(text: str, found: list[Finding]) -> list[Finding]:
    # Overlaps of one kind are one detail seen by two patterns ("the 14th" + "14th of March"): join them.
    joined: list[Finding] = []
    for f in sorted(found, key=lambda f: (f.kind, f.start, -f.end)):
        last = joined[-1] if joined else None
        if last is not None and last.kind == f.kind and f.start < last.end:
            if f.end > last.end:
                keep = last if last.end - last.start >= f.end - f.start else f
                joined[-1] = _finding(text, f.kind, last.start, f.end, keep.label, keep.suggestion)
            continue
        joined.append(f)
    # Across kinds the longer (more specific) finding wins, so nothing is reported twice. Chosen spans
    # never overlap, so their starts and ends sort together and one bisect finds any clash.
    starts: list[int] = []
    chosen: list[Finding] = []
    for f in sorted(joined, key=lambda f: (-(f.end - f.start), _PRIORITY[f.kind], f.start)):
        at = bisect.bisect_left(starts, f.end)  # chosen findings starting before f ends: [0, at)
        if at and chosen[at - 1].end > f.start:
            continue
        starts.insert(at, f.start)
        chosen.insert(at, f)
    return chosen
