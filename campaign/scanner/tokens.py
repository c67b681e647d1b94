"""Tokens: one pass over the words, shared by the name, school and place detectors, with the sentence
each word is in."""

from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN = re.compile(r"[^\W\d_](?:[^\W\d_]|['’\-](?=[^\W\d_]))*")
SENTENCE_BREAK = re.compile(r"[.!?…]|\n|•")
# "Mr." or "St." does not end a sentence; nor does an initial ("J. Smith").
_ABBREVIATIONS = frozenset("mr mrs ms dr st prof rev cllr sgt no vs etc fr revd".split())


@dataclass(slots=True)
class Token:
    start: int
    end: int  # end of the word without a possessive 's
    word: str  # without a possessive 's
    lower: str
    title: bool  # Capitalised (not ALL CAPS, unless a single letter)
    possessive: bool
    sentence: int
    sentence_start: bool
    first: int  # index of the first token of its sentence


def tokenise(text: str) -> list[Token]:
    tokens: list[Token] = []
    sentence = 0
    previous_end = 0
    previous: str | None = None
    first = 0
    for m in _TOKEN.finditer(text):
        raw = m.group()
        start = m.start()
        gap = text[previous_end:start]
        starts = previous is None
        if previous is not None and gap != " " and SENTENCE_BREAK.search(gap):
            initial = len(previous) == 1 and previous.isupper()
            if not (
                (previous.lower() in _ABBREVIATIONS or initial)
                and gap.lstrip().startswith(".")
                and "\n" not in gap
            ):
                sentence += 1
                starts = True
                first = len(tokens)
        if (
            not starts
            and gap != " "
            and previous is not None
            and gap.strip() in {"“", '"', "‘"}
            and gap.startswith(" ")
        ):
            starts = True  # the first word of quoted speech is capitalised too
        possessive = raw.endswith(("'s", "’s")) and len(raw) > 2
        word = raw[:-2] if possessive else raw
        title = word[0].isupper() and (len(word) == 1 or not word.isupper())
        tokens.append(
            Token(start, start + len(word), word, word.lower(), title, possessive, sentence, starts, first)
        )
        previous_end = m.end()
        previous = raw
    return tokens


def gap_after(text: str, tokens: list[Token], i: int) -> str:
    """Text between token i (and its possessive) and token i+1."""
    t = tokens[i]
    return text[t.end + (2 if t.possessive else 0) : tokens[i + 1].start]


def is_citation(text: str, tokens: list[Token], i: int) -> bool:
    """'Ryan, M.' or 'Bolton, J.' in a reference list is a surname."""
    end = tokens[i].end
    return text[end : end + 1] == "," and bool(_CITATION.match(text, end, end + 4))


_CITATION = re.compile(r",\s?[A-Z]\.")
