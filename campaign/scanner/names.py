"""Names: a child's name ("my son Jack", "Mia was two", "Lily and Archie") and any other first name from
the shipped list. The words for children and adults are in kin.py, initials in initials.py."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from .addresses import STREET_STRONG
from .ages import NAME_THEN_AGE, NUMBER_WORDS
from .dates import MONTHS
from .findings import Finding, make_finding
from .initials import detect_initials
from .kin import (
    KIN,
    KIN_DETERMINERS,
    PLURAL_KIN,
    introduces_previous_sentence,
    is_kin,
    kin_phrase,
    nearest_is_adult,
    owned,
)
from .schools import SCHOOL_SUFFIX
from .tokens import SENTENCE_BREAK, Token, gap_after, is_citation
from .wordlists import AMBIGUOUS_NAMES, NOT_NAMES, first_names

_NAME_LINKS = frozenset({"called", "named", "who", "is", "was", "known", "as", "whose", "name"})
_WINDOW = 4


def _is_unknown_capital(t: Token) -> bool:
    return t.title and len(t.word) > 1 and t.lower not in NOT_NAMES and not re.fullmatch(MONTHS, t.word)


def _extend_surname(text: str, tokens: list[Token], i: int) -> int:
    """Index of the last token of a full name starting at i ("Jack Smith", "Emma Lewell-Buck")."""
    last = i
    for j in range(i + 1, min(i + 3, len(tokens))):
        t = tokens[j]
        if (
            t.sentence != tokens[i].sentence
            or gap_after(text, tokens, j - 1) != " "
            or tokens[j - 1].possessive
            or not _is_unknown_capital(t)
            or t.lower in KIN
            or re.fullmatch(STREET_STRONG, t.word)
            or SCHOOL_SUFFIX.match(t.word)
        ):
            break
        last = j
    return last


def detect_names(text: str, tokens: list[Token]) -> Iterator[Finding]:
    names = first_names()
    # token index -> (how it was tied to a child, the kin phrase): how is "kin", "age", "listed" or "same"
    child: dict[int, tuple[str, str]] = {}

    def known(t: Token) -> bool:
        return t.title and (t.lower in names or t.lower.split("-")[0] in names)

    def mark(i: int, phrase: str, how: str = "kin") -> None:
        child.setdefault(i, (how, phrase))

    for i, t in enumerate(tokens):
        if not is_kin(tokens, i):
            continue
        phrase = kin_phrase(tokens, i)
        # "my son Jack", "my daughter, Amelia", "a boy called Sam", "my kids Jack, Amelia and Noah"
        j = i + 1
        while j < len(tokens) and j - i <= 3 and tokens[j].lower in _NAME_LINKS and not tokens[j].title:
            j += 1
        if (
            j < len(tokens)
            and tokens[j].sentence == t.sentence
            and _tight_gap(gap_after(text, tokens, j - 1))
        ):
            if known(tokens[j]) or _is_unknown_capital(tokens[j]):
                mark(j, phrase)
                _mark_chain(text, tokens, j, phrase, t.lower in PLURAL_KIN, known, mark)
        # "Jack, my eldest", "Amelia (my daughter)"
        k = i - 1
        while k >= 0 and i - k <= 2 and tokens[k].lower in KIN_DETERMINERS:
            k -= 1
        if k >= 0 and tokens[k].sentence == t.sentence:
            gap = gap_after(text, tokens, k)
            if any(c in gap for c in ",(–—-") and not SENTENCE_BREAK.search(gap):
                cand = tokens[k]
                if known(cand) or (_is_unknown_capital(cand) and not cand.sentence_start):
                    mark(k, phrase)
        # "I want to tell you about Ruby. She is my second daughter."
        if introduces_previous_sentence(tokens, i):
            for n in range(i - 1, -1, -1):
                if tokens[n].sentence < t.sentence - 1:
                    break
                if (
                    tokens[n].sentence == t.sentence - 1
                    and known(tokens[n])
                    and not (tokens[n].lower in AMBIGUOUS_NAMES and tokens[n].sentence_start)
                ):
                    mark(n, phrase)
                    break
        # Known names a few words either side, unless an adult word is nearer ("his dad Darren"). Only for
        # someone's child ("my son", "his sister", "Jack's brother"): "separation of children from their
        # mothers, Nina Lopez" is about children in general.
        if not owned(tokens, i):
            continue
        for n in range(max(0, i - _WINDOW), min(len(tokens), i + _WINDOW + 1)):
            cand = tokens[n]
            if n == i or cand.sentence != t.sentence or not known(cand) or n in child:
                continue
            if cand.lower in AMBIGUOUS_NAMES and (cand.sentence_start or _used_as_word(text, tokens, n)):
                continue
            if nearest_is_adult(tokens, n, abs(n - i)):
                continue
            mark(n, phrase)

    # A name given an age is a child's ("Mia was two", "Archie is only five", "Jack (7)").
    for n, cand in enumerate(tokens):
        if (
            n not in child
            and known(cand)
            and not (cand.lower in AMBIGUOUS_NAMES and cand.sentence_start)
            and _gives_child_age(NAME_THEN_AGE.match(text, cand.end + (2 if cand.possessive else 0)))
        ):
            mark(n, "", "age")
    _mark_same_names(text, tokens, child)
    # Another name listed with a child is a sibling ("Lily and Archie were interviewed").
    for n in sorted(child):
        for other in (n - 2, n + 2):
            if (
                0 <= other < len(tokens)
                and other not in child
                and known(tokens[other])
                and tokens[min(n, other) + 1].lower in {"and", "&"}
                and tokens[other].sentence == tokens[n].sentence
                and not nearest_is_adult(tokens, other, 1)
            ):
                mark(other, "", "listed")
    _mark_same_names(text, tokens, child)

    done: set[int] = set()
    for n in sorted(child):
        if n in done:
            continue
        last = _extend_surname(text, tokens, n)
        done.update(range(n, last + 1))
        label, suggestion = _child_label(*child[n])
        yield make_finding(text, "child_name", tokens[n].start, tokens[last].end, label, suggestion)

    for n, cand in enumerate(tokens):
        if n in done or not known(cand) or cand.lower in AMBIGUOUS_NAMES or is_citation(text, tokens, n):
            continue
        if len(cand.word) == 1:
            continue
        last = _extend_surname(text, tokens, n)
        done.update(range(n, last + 1))
        yield make_finding(text, "first_name", cand.start, tokens[last].end, "First name", "[name removed]")

    yield from detect_initials(text, tokens)


_MONTH_OR_MODAL_NAMES = frozenset({"may", "will", "june", "april", "august", "mark", "bill"})
_BEFORE_MONTH = frozenset(
    "in on of since until till by last next this early late mid end from during before after through".split()
)


def _used_as_word(text: str, tokens: list[Token], n: int) -> bool:
    """A child called May or Will: "In May" is still the month, "Will they..." still a question."""
    t = tokens[n]
    if t.lower not in _MONTH_OR_MODAL_NAMES:
        return False
    if t.sentence_start:
        return True
    before = tokens[n - 1].lower if n > 0 else ""
    return before in _BEFORE_MONTH or bool(re.match(r"\s+\d", text[t.end : t.end + 3]))


def _mark_same_names(text: str, tokens: list[Token], child: dict[int, tuple[str, str]]) -> None:
    """The same name elsewhere in the story is the same child ("Jack started school...")."""
    tied = {tokens[i].word: reason for i, reason in sorted(child.items(), reverse=True)}
    for n, cand in enumerate(tokens):
        if n not in child and cand.word in tied and cand.title and not _used_as_word(text, tokens, n):
            child[n] = ("same", tied[cand.word][1])


def _gives_child_age(m: re.Match | None) -> bool:
    """ "Mia was two" is a child; "Mary was 40 when we met" is not."""
    if m is None:
        return False
    word = next(group for group in m.groups() if group is not None).lower()
    value = int(word) if word.isdigit() else NUMBER_WORDS.index(word) + 1
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
    return not SENTENCE_BREAK.search(gap) and gap.strip(" ,(:–—-\t") == ""


def _mark_chain(
    text: str,
    tokens: list[Token],
    j: int,
    phrase: str,
    plural: bool,
    known: Callable[[Token], bool],
    mark: Callable[[int, str], None],
) -> None:
    """After "my children Jack": ", Amelia and Noah (4)" are children too."""
    while j + 1 < len(tokens):
        j = _extend_surname(text, tokens, j)
        if j + 1 >= len(tokens):
            return
        gap = re.sub(r"\(\d{1,2}\)", "", gap_after(text, tokens, j))
        nxt = j + 1
        if tokens[nxt].lower in {"and", "&"} and nxt + 1 < len(tokens):
            if SENTENCE_BREAK.search(gap) or gap.strip(" ,") != "":
                return
            gap, nxt = gap_after(text, tokens, nxt), nxt + 1
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
