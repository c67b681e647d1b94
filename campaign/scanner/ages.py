"""Ages ("he was 3", "aged four", "18 months old", "Jack (7)"), dates of birth and school year groups;
also what after a name gives its age (``NAME_THEN_AGE``), which ties the name to a child in names.py."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .dates import DATE_PATTERNS, YEAR
from .findings import Finding, make_finding
from .wordlists import first_names

NUMBER_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty"
).split()
_NUM = r"(?:\d{1,2}|" + "|".join(NUMBER_WORDS) + ")"
_HALF = r"(?:[\s-]+and[\s-]+a[\s-]+half)?"

_DATE_INNER = "|".join(f"(?:{p})" for p in DATE_PATTERNS[:6])
# What may follow a bare age so it is an age and not "he was 3 hours late" or "she was one of them".
_AGE_END = (
    r"(?=\s*(?:[.,;:!?)\u2013\u2014]|$)|\s+(?:at|when|and|in|on|last|this|that|then|but|so|before|because"
    r"|until|while|or"
    r"|after|just|yesterday|today|recently|now|next|years?|months?|he|she|they|we|i|my|his|her|a|the|bro"
    r"|mate|babe|hun|lol|x+)\b|\s*\()"
)
_KIN_WORDS = r"(?:sons?|daughters?|child|children|kids?|babies|baby|boys?|girls?|twins|brothers?|sisters?)"
# No leading \b: CPython's re scans for a literal first word (``turn``, ``born``) many times faster than
# it tries a word boundary at every position, so detect_ages checks the boundary itself.
_AGE_PATTERNS: list[tuple[str, str, str]] = [
    # (regex, label, suggestion)
    # Patterns that open with a choice of words get a look-ahead of their possible first letters instead.
    (
        rf"(?=[0-9otfsenaOTFSENA])\b(?:{_NUM}|an?){_HALF}[\s-]*(?:years?|yrs?|months?|mths?|weeks?|wks?|days?|hours?|hrs?)"
        rf"[\s-]+old\b",
        "Age",
        "young",
    ),
    (
        rf"[Aa]ged?\s+(?:just\s+|only\s+|about\s+|around\s+|nearly\s+)?{_NUM}{_HALF}"
        rf"(?:\s+(?:years?|months?|weeks?))?(?:\s*(?:,|and|&)\s*{_NUM}(?!\s*(?:%|pounds|minutes?|hours?)))*\b",
        "Age",
        "[age removed]",
    ),
    (rf"the\s+age\s+of\s+{_NUM}{_HALF}\b", "Age", "[age removed]"),
    (rf"turn(?:ed|ing|s)\s+{_NUM}{_HALF}\b{_AGE_END}", "Age", "[age removed]"),
    # "he was 3.", "Chloe is fifteen and...", "they are seven and five": a person, a verb, a bare number
    (
        rf"(?=[A-Zhstwdckbglyeom])\b(?:(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]ho|(?!I\b|It\b|That\b|This\b|There\b|What\b|Which\b)[A-Z](?:[^\W\d_]|['’\-])*\.?"
        rf"|{_KIN_WORDS}|(?:little|youngest|eldest|oldest|middle)\s+one)(?:\s+(?:was|is|were|are|r)|['’]s|['’]re)"
        rf"|(?:[Ww]ho|[Hh]e|[Ss]he)s)"
        rf"(?:\s+(?:only|just|nearly|almost|barely|now|still))?"
        rf"\s+(?P<age>{_NUM}{_HALF}(?:\s+and\s+(?:nearly\s+|almost\s+|just\s+)?{_NUM}\b)?)\b{_AGE_END}",
        "Age",
        "[age removed]",
    ),
    # "..., was eight when": the verb alone is enough before "when" (but "I was 19 when" is the writer)
    (
        rf"(?:was|is|were|are)\s+(?:only\s+|just\s+)?(?P<age>{_NUM}{_HALF})(?=\s+(?:when|at\s+the\s+time)\b)",
        "Age",
        "[age removed]",
    ),
    # "was 9 weeks when", "shes 18 months now": an age in days, weeks or months after a verb (the word
    # before is checked in code: "it was 3 weeks before" is not an age)
    (
        rf"(?=[iwash])\b(?:was|is|were|are|who['’]?s|he['’]?s|she['’]?s)\s+(?:only\s+|just\s+|nearly\s+|almost\s+"
        rf"|barely\s+|now\s+|still\s+)?(?P<age>{_NUM}{_HALF}\s+(?:days?|weeks?|months?))\b"
        rf"(?!\s+(?:pregnant|later|ago|gone|overdue|early|late|in\b|into|of|clean|sober|behind|ahead"
        rf"|since|on|off|away|long|waiting|together|apart))",
        "Age (verb)",
        "[age removed]",
    ),
    # "who's 5", "whos nearly 6", "going on 9": nothing else is counted this way
    (
        rf"(?=[wWg])\b(?:[Ww]ho(?:['’]?s|\s+is)\s+(?:only\s+|just\s+|nearly\s+|almost\s+|now\s+|still\s+)?"
        rf"|going\s+on\s+)(?P<age>{_NUM}{_HALF})(?:\s?(?:yrs?|yo))?\b"
        rf"(?!\s*(?:%|percent|pounds|quid|p\b|pence|minutes?|mins?|hours?|hrs?|miles?|times?|o['’]clock|pm|am"
        rf"|[:.]\d))",
        "Age",
        "[age removed]",
    ),
    # "riley was 6", "kaiden is 8 and": a name in lower case before the verb (the word is checked in code)
    (
        rf"(?=[iwa])\b(?:is|was|are|were)\s+(?:only\s+|just\s+|nearly\s+|almost\s+|now\s+|still\s+)?"
        rf"(?P<age>{_NUM}{_HALF}(?:\s+and\s+(?:nearly\s+|almost\s+)?{_NUM})?)(?:\s?(?:yrs?|yo))?\b{_AGE_END}",
        "Age (lower case)",
        "[age removed]",
    ),
    # "coming up to 4", "he will be 8 in june", "a baby of 3 months", "(now 7)", "her 5th birthday"
    (
        rf"(?=[cwgb(])\b(?:coming\s+up\s+to|will\s+be|going\s+to\s+be|gonna\s+be)\s+(?P<age>{_NUM}{_HALF})\b{_AGE_END}",
        "Age (verb)",
        "[age removed]",
    ),
    (rf"baby\s+of\s+(?P<age>{_NUM}\s+(?:days?|weeks?|months?))\b", "Age (verb)", "[age removed]"),
    (r"\((?:now|aged?|just|nearly|almost)\s+\d{1,2}\)", "Age", "[age removed]"),
    (
        r"(?=[0-9fstenFSTEN])\b(?:(?:[2-9]|1\d)(?:st|nd|rd|th)|second|third|fourth|fifth|sixth|seventh|eighth"
        r"|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth)\s+birthday\b",
        "Age (birthday)",
        "[age removed] birthday",
    ),
    # A young writer's own age: "im 15 and", "I'm 13", "I am 16" (a parent's "I was 19 when" is not reported)
    (
        r"(?=[Ii])\b(?:I['’]?m|i['’]?m|I\s+am|i\s+am)\s+(?:only\s+|just\s+|nearly\s+)?(?P<age>1[0-7]|[1-9]|"
        r"ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen)\b(?!\s*(?:%|weeks?|months?|mins?|minutes))",
        "Age (own)",
        "[age removed]",
    ),
    # "walking at 9 months", "at six weeks old"
    (rf"at\s+{_NUM}\s+(?:months?|weeks?)(?:\s+old)?\b", "Age", "[age removed]"),
    (
        r"\d{1,2}\s?(?:yo|y/o|y\.o\.?|yrs?(?:\s+old)?|yr\s+old|years?\s+old)(?![\w/])"
        r"(?!\s+(?:of|ago|later|before|after|since|clean|sober)\b)",
        "Age (abbreviated)",
        "[age removed]",
    ),
    (
        rf"[Bb]orn\s+(?:(?:in|on|around)\s+)?(?:the\s+)?(?:{_DATE_INNER}|{YEAR}|(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)\b)",
        "Date of birth",
        "born [date of birth removed]",
    ),
    (
        rf"(?:DOB|[Dd]ob(?=[\s:.])|D\.O\.B\.?|[Dd]ate\s+of\s+birth)(?:\s*(?:[:\-–]|is|was)?\s*(?:{_DATE_INNER}))?",
        "Date of birth",
        "[date of birth removed]",
    ),
    (
        r"(?:[Yy]ear\s+(?:1[0-3]|[1-9])|(?<=\bin\s)[PSps][1-7])\b(?![\d:/]|\.\d)",
        "School year group",
        "[school year removed]",
    ),
    # "Zofia, then 6, came home"
    (rf"then\s+(?:only\s+|just\s+|aged\s+)?(?P<age>{_NUM})(?=\s*[,)])", "Age (verb)", "[age removed]"),
]
_AGE = [(re.compile(p), label, suggestion) for p, label, suggestion in _AGE_PATTERNS]
# "Jack (7)", "my son (7)": an age in brackets after a name or a child
_BRACKET_AGE = re.compile(
    r"\((?:\d{1,2}|(?:nearly|almost|just)\s+\d{1,2}|\d{1,2}\s*(?:months?|mths?|weeks?|wks?|yrs?|years?)(?:\s+old)?)\)"
)
# What follows a name to give its age: " was two.", " is only five and", " (7)", ", aged 4,"
NAME_THEN_AGE = re.compile(
    rf",?\s+(?:who['’]?s|who\s+is)\s+(?:only\s+|just\s+|now\s+|nearly\s+|almost\s+|still\s+|going\s+on\s+)?"
    rf"({_NUM})(?:\s?(?:yrs?|yo))?\b(?!\s*(?:%|percent|pounds|quid|minutes?|hours?|miles?|times?|[:.]\d))"
    rf"|\s+(?:who\s+was|is|was|are|were|turned|turns)\s*(?:only\s+|just\s+|now\s+|nearly\s+|almost\s+"
    rf"|still\s+)?({_NUM}){_HALF}(?:\s?(?:yrs?|yo|years?)(?:\s+old)?)?\b"
    rf"{_AGE_END}|\s?\((\d{{1,2}})\)|,\s+(?:aged?\s+({_NUM})|({_NUM})[\s-]+(?:years?|months?)[\s-]+old)\b",
    re.IGNORECASE,
)


def detect_ages(text: str) -> Iterator[Finding]:
    for pattern, label, suggestion in _AGE:
        for m in pattern.finditer(text):
            if not _word_starts(text, m.start()) or (
                label != "Age (own)" and text[max(0, m.start() - 2) : m.start()] in {"I ", "i "}
            ):
                continue
            if (label in {"Age", "Age (birthday)"} or label in _CHECK_SUBJECT) and _adult_age(m.group()):
                continue
            if label in _CHECK_SUBJECT and not _subject_is_a_person(text, m.start(), label):
                continue
            if label == "Age (abbreviated)" and _DURATION_BEFORE.search(
                text, max(0, m.start() - 12), m.start()
            ):
                continue  # "for 3 yrs" is how long, not how old
            if label == "School year group" and not _child_in_sentence(text, m.start()):
                continue  # "She is in Year 9" says little; "Zak was in Year 3" places a named child
            # Report only the age when the pattern needed a subject to be sure ("Chloe is [fifteen]").
            start, end = m.span("age") if "age" in pattern.groupindex else m.span()
            yield make_finding(
                text, "age", start, end, "Age" if label in _CHECK_SUBJECT else label, suggestion
            )
    for m in _BRACKET_AGE.finditer(text):
        if _bracket_age_follows_word(text, m.start()):
            yield make_finding(text, "age", m.start(), m.end(), "Age in brackets", "[age removed]")


_FIRST_NUMBER = re.compile(r"\d+|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)), re.IGNORECASE)


_CHECK_SUBJECT = frozenset({"Age (verb)", "Age (lower case)", "Age (abbreviated)"})
_DURATION_BEFORE = re.compile(
    r"\b(?:for|in|after|over|within|last|past|about|of|than|around)\s+$", re.IGNORECASE
)
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z'’\-]*)\s+$")
# Subjects that take a number without being a person ("it was 3 weeks", "the score was 3").
_NOT_A_PERSON = frozenset(
    """it its it's that this there which what i we you they time rent bill score total price cost number
    one amount count mark grade level rating result answer problem reason bus train flat house room floor
    age wait queue list difference limit maximum minimum ratio rate sentence fine order plan meeting
    hearing case review appointment visit contact session deadline date day week month year term
    everything nothing something anything all each both either neither none who""".split()
)


def _subject_is_a_person(text: str, start: int, label: str) -> bool:
    """For the patterns that begin at the verb: the word before it must be someone, and a lower-case one
    must be a first name or at least no common noun."""
    if text[start : start + 3].lower() in {"who", "goi"} or text[start : start + 2].lower() in {"he", "sh"}:
        return True
    if label == "Age (abbreviated)":
        return True
    m = _WORD_BEFORE.search(text, max(0, start - 30), start)
    if m is None:
        return label == "Age (verb)"  # "Kacey-Leigh, was 18 months", "(NHS no ...) was 9 weeks"
    word = m.group(1)
    lower = word.lower()
    if lower in _NOT_A_PERSON:
        return False
    if label != "Age (lower case)":
        return True
    if word[0].isupper():
        return False  # the capitalised forms are matched by the pattern with a subject
    return len(word) > 2 and (lower in first_names() or not _WORDY.search(lower))


# Endings of ordinary English words: a lower-case subject ending so is not taken for a name.
_WORDY = re.compile(
    r"(?:tion|ment|ness|ship|ing|ed|ly|ity|ance|ence|ure|ism|ist|er|est|able|ible|ful|less|ous)$"
)


_SENTENCE_START = re.compile(r"[.!?\n][^.!?\n]*$")
_WORD = re.compile(r"[A-Za-z][a-z'’\-]+")


def _child_in_sentence(text: str, position: int) -> bool:
    """A known first name or a word for a child earlier in the same sentence."""
    window = text[max(0, position - 200) : position]
    cut = _SENTENCE_START.search(window)
    if cut is not None:
        window = window[cut.start() + 1 :]
    names = first_names()
    for word in _WORD.findall(window):
        lower = re.sub(r"['’]s$", "", word.lower())
        if lower in names or lower.split("-")[0] in names:
            return True  # "Conor's 7 now and in P3", "shannon-lee is 9 and in p5", "Precious is now 6"
    return False


def _adult_age(phrase: str) -> bool:
    """ "he was 45 when..." is an adult's age, which does not point to a child; 18 months is a child's."""
    if re.search(r"month|week|\bdays?\b|hours?\b|hrs\b", phrase, re.IGNORECASE):
        return False
    m = _FIRST_NUMBER.search(phrase)
    if m is None:
        return False
    word = m.group().lower()
    return (int(word) if word.isdigit() else NUMBER_WORDS.index(word) + 1) >= 18


def _word_starts(text: str, position: int) -> bool:
    return position == 0 or not (text[position - 1].isalnum() or text[position - 1] == "_")


def _bracket_age_follows_word(text: str, start: int) -> bool:
    # "(7)" right after a name or "my son" is an age; after "Section" or "paragraph", or a number, it is not.
    before = text[max(0, start - 20) : start]
    if not re.search(r"[A-Za-z] ?$", before):
        return False
    word = before.rstrip().rsplit(None, 1)[-1].lower()
    return word not in {
        "section",
        "s",
        "para",
        "paragraph",
        "page",
        "rule",
        "article",
        "schedule",
        "part",
        "chapter",
        "regulation",
        "reg",
        "clause",
        "subsection",
    }
