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
from .titles import FAMOUS
from .tokens import SENTENCE_BREAK, Token, gap_after, is_citation
from .wordlists import AMBIGUOUS_NAMES, NOT_NAMES, first_names

_DIGIT = re.compile(r"\d")
_OF_RELATIONS = frozenset(
    """mother father mum dad parent parents grandmother grandfather grandparent grandparents nan gran
    grandma grandad aunt auntie uncle guardian carer carers""".split()
)
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

    lower_writer = writes_in_lower_case(tokens)

    def known(t: Token) -> bool:
        if t.title:
            return t.lower in names or _hyphenated_name(t, names)
        # Someone who writes everything in lower case writes names that way too ("then jayden started").
        return lower_writer and _lower_name(t, names)

    def named_after_kin(j: int) -> bool:
        """ "my daughter keeley", "my kids brooklyn who is 9": a name in lower case right after a child."""
        t = tokens[j]
        if known(t) or _is_unknown_capital(t):
            return True
        if t.title or t.word.isupper():
            return False
        if _lower_name(t, names):
            return True
        if t.lower in names and t.lower not in _NOT_NAME_AFTER_KIN and not t.word.isupper():
            return True  # "my lad mason", "my daughter ruby": after a child word even these are names
        return (
            t.lower not in _NOT_LOWER_NAMES
            and len(t.word) > 2
            and _gives_child_age(NAME_THEN_AGE.match(text, t.end + (2 if t.possessive else 0)))
        )

    def mark(i: int, phrase: str, how: str = "kin") -> None:
        if _famous_pair(tokens, i):
            return  # "I read Harry Potter to my son"
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
            if named_after_kin(j):
                mark(j, phrase)
                _mark_chain(text, tokens, j, phrase, t.lower in PLURAL_KIN, known, mark, named_after_kin)
        # "Jack, my eldest", "Amelia (my daughter)"
        k = i - 1
        while k >= 0 and i - k <= 2 and tokens[k].lower in KIN_DETERMINERS:
            k -= 1
        if k >= 0 and tokens[k].sentence == t.sentence:
            gap = gap_after(text, tokens, k)
            if any(c in gap for c in ",(–—-") and not SENTENCE_BREAK.search(gap) and not _DIGIT.search(gap):
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

    # "the grandmother of Jahmari Clarke-Bennett", "the aunt of Destiny-Leigh and Kobe": whoever a parent,
    # grandparent, aunt or uncle is "of" is a child.
    for n in range(2, len(tokens)):
        if (
            tokens[n - 1].lower == "of"
            and tokens[n - 2].lower in _OF_RELATIONS
            and tokens[n].sentence == tokens[n - 2].sentence
            and (known(tokens[n]) or _is_unknown_capital(tokens[n]))
        ):
            mark(n, "the child")
            _mark_chain(text, tokens, n, "the child", True, known, mark, named_after_kin)
    # A name given an age is a child's ("Mia was two", "Archie is only five", "Jack (7)").
    for n, cand in enumerate(tokens):
        if (
            n not in child
            and (cand.lower in names or _hyphenated_name(cand, names))
            and (known(cand) or _lower_name(cand, names))
            and not (cand.lower in _MONTH_NAMES and cand.sentence_start)
            and (
                _gives_child_age(NAME_THEN_AGE.match(text, cand.end + (2 if cand.possessive else 0)))
                or _bare_child_age(text, cand.end)
            )
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
        bare = _BARE_AGE_AFTER.match(text, tokens[last].end)
        if bare is not None and int(re.match(r"\d+", bare.group(1)).group()) < 18:
            yield make_finding(
                text, "age", bare.start(1), bare.end(1), "Age after a child's name", "[age removed]"
            )

    introduced = _introduced_names(tokens, names)
    for n in _named_by_what_follows(text, tokens, names):
        introduced.setdefault(tokens[n].lower, set()).add(n)
    for n in _named_relations(text, tokens, names):
        introduced.setdefault(tokens[n].lower, set()).add(n)
    for n, cand in enumerate(tokens):
        if n in done or is_citation(text, tokens, n):
            continue
        if cand.lower in introduced and (
            cand.title
            or n in introduced[cand.lower]
            or any(not tokens[k].title for k in introduced[cand.lower])
        ):
            if _used_as_word(text, tokens, n) and n not in introduced[cand.lower]:
                continue
        elif not known(cand) or cand.lower in AMBIGUOUS_NAMES:
            continue
        if len(cand.word) == 1:
            continue
        if n > 0 and f"{tokens[n - 1].lower} {cand.lower}" in FAMOUS:
            continue
        if n + 1 < len(tokens) and (
            f"{cand.lower} {tokens[n + 1].lower}" in FAMOUS
            or (cand.lower == "mckenzie" and tokens[n + 1].lower == "friend")
        ):
            continue
        last = _extend_surname(text, tokens, n)
        done.update(range(n, last + 1))
        yield make_finding(text, "first_name", cand.start, tokens[last].end, "First name", "[name removed]")

    yield from detect_initials(text, tokens)


# First names that are also everyday words in lower case ("will", "grace", "jack", "rob"): a name in lower
# case is only taken for one when it is none of these.
_WORD_NAMES = AMBIGUOUS_NAMES | frozenset(
    """max grant guy art rich chase miles drew lee bob rob pat sue mike nick kit jack dean jean penny frank
    bill don ray dale glen reed wade lane brook river rain ivy holly hazel heather iris violet olive fern
    sage daisy star angel precious blessing destiny harmony melody liberty trinity mercy patience carter
    mason cooper taylor harper parker baker hunter fletcher archer porter tanner marshall bailey jay robin
    wren raven rocky buddy bear fox grey rusty earl duke king prince princess major noble sterling bishop
    crystal ebony ash rowan aspen bay cliff gene mo les val viv mae jan june may august april summer
    autumn dawn sunny storm sky honey joy hope faith grace rose amber ruby pearl jade goldie sandy
    misty lucky happy scarlett summer winter spring sonny ace cash hero king rich""".split()
)
# Lower-case words that are never a name, even after "my son" ("my son is", "my kids both").
_NOT_LOWER_NAMES = frozenset(
    """and who is was are were has had have with the his her their was not but then when what where
    both all two three four five six seven eight nine ten too also just only now still were will would
    could should said says told went go got get because after before while since until from into onto
    over under about again always never often sometimes even being been being aged age years year
    months month old young little baby eldest youngest oldest middle older younger""".split()
)


# "my ex jade", "my partner at the time dean", "their dad jordan", "my mum carol", "his father, Morgan":
# the word after an adult relation is a name, even one that is also an everyday word.
_RELATIONS = frozenset(
    """ex partner mum mam mom mother dad da father nan nana nanny gran granny grandma grandad grandpa
    husband wife boyfriend girlfriend fiance fiancee stepdad stepmum aunt auntie aunty uncle friend mate
    neighbour cousin""".split()
)


def _famous_pair(tokens: list[Token], i: int) -> bool:
    before = f"{tokens[i - 1].lower} {tokens[i].lower}" if i > 0 else ""
    after = f"{tokens[i].lower} {tokens[i + 1].lower}" if i + 1 < len(tokens) else ""
    return before in FAMOUS or after in FAMOUS


# What people do, and things do not: "Ruby and Rose were born", "Grace cried", "Hope and Faith are".
_VIRTUES = frozenset(
    """hope faith grace joy mercy patience charity destiny honor honour liberty harmony melody trinity
    blessing precious angel heaven serenity felicity prudence constance""".split()
)
_PERSON_VERBS = frozenset(
    """was were is are has had said says cried cries asked asks told tells loves loved likes liked went goes
    came comes lives lived stays stayed wants wanted needs needed started starts turned turns got gets
    misses missed sees saw screamed smiled laughed walked talked""".split()
)


def _named_by_what_follows(text: str, tokens: list[Token], names: frozenset[str]) -> list[int]:
    """Names that are also words, capitalised, before what only a person does, alone or in a pair."""
    found = []
    for n, t in enumerate(tokens):
        if not t.title or t.lower not in AMBIGUOUS_NAMES or t.lower in _MONTH_OR_MODAL_NAMES:
            continue
        alone_is_a_word = t.lower in _VIRTUES  # "Hope was all I had": only with another name
        k = n + 1
        pair = None
        if k + 1 < len(tokens) and tokens[k].lower in {"and", "&"} and tokens[k + 1].title:
            pair, k = k + 1, k + 2
            if tokens[pair].lower not in names:
                continue
        elif (
            n >= 2
            and tokens[n - 1].lower in {"and", "&"}
            and tokens[n - 2].title
            and (tokens[n - 2].lower in names or _hyphenated_name(tokens[n - 2], names))
        ):
            pass  # "Kai-Lee and Mason went"
        elif alone_is_a_word:
            continue
        if k < len(tokens) and tokens[k].lower in _PERSON_VERBS and tokens[k].sentence == t.sentence:
            if not tokens[k].title and text[tokens[k - 1].end : tokens[k].start].strip() == "":
                found.append(n)
                if pair is not None:
                    found.append(pair)
    return found


def _named_relations(text: str, tokens: list[Token], names: frozenset[str]) -> list[int]:
    found = []
    for n in range(1, len(tokens)):
        t = tokens[n]
        if t.lower not in names or t.lower in _NOT_LOWER_NAMES or t.lower in NOT_NAMES:
            continue
        k = n - 1
        if tokens[k].lower in {"time", "called", "named"} and k >= 3 and tokens[k - 1].lower == "the":
            k -= 3  # "my partner at the time dean"
        relation = tokens[k]
        if relation.sentence != t.sentence or relation.lower not in _RELATIONS or relation.possessive:
            continue
        if k == 0 or tokens[k - 1].lower not in {"my", "our", "his", "her", "their", "there", "your", "the"}:
            continue
        gap = text[tokens[k].end : t.start] if k == n - 1 else " "
        if gap.strip(" ,") == "":
            found.append(n)
    return found


_SELF = ("my name is", "my names", "me name is", "im", "i'm", "i am", "call me")


def _introduced_names(tokens: list[Token], names: frozenset[str]) -> dict[str, set[int]]:
    """Names the story itself presents as names, even ones that are also words: "im jade", "my name is
    Hope", "a social worker called Dawn". Later capitalised mentions are the same person."""
    found: dict[str, set[int]] = {}
    for n, t in enumerate(tokens):
        if n == 0 or t.lower not in names or t.lower in _NOT_LOWER_NAMES:
            continue
        previous = tokens[max(0, n - 3) : n]
        if any(p.sentence != t.sentence for p in previous):
            previous = [p for p in previous if p.sentence == t.sentence]
        words = " ".join(p.lower for p in previous)
        if (
            tokens[n - 1].lower in {"called", "named"}
            and t.title
            or any(words.endswith(phrase) for phrase in _SELF)
        ):
            found.setdefault(t.lower, set()).add(n)
    return found


def _hyphenated_name(t: Token, names: frozenset[str]) -> bool:
    """ "Lacey-Mae", "Kacey-Leigh", "summer-rose" are names; "Rose-tinted" is not."""
    parts = t.lower.split("-")
    return len(parts) > 1 and parts[0] in names and all(p in names for p in parts[1:])


# Word-names that read as the next word after "my son" more often than as his name.
_NOT_NAME_AFTER_KIN = _NOT_LOWER_NAMES | frozenset(
    """will may drew rob sue pat mark bill don hope chase miles rich frank grant max lee ray dawn summer
    autumn june april august jan can did does said got get had has have would could should""".split()
)


def _lower_name(t: Token, names: frozenset[str]) -> bool:
    return (
        not t.title
        and not t.word.isupper()
        and len(t.word) > 2
        and (t.lower in names or _hyphenated_name(t, names))
        and t.lower not in _WORD_NAMES
    )


def writes_in_lower_case(tokens: list[Token]) -> bool:
    """Whether the writer leaves sentences (and "i") in lower case, so names are likely lower case too."""
    starts = [t for t in tokens if t.sentence_start]
    lower_i = sum(1 for t in tokens if t.word == "i")
    if lower_i >= 2:
        return True
    if len(starts) < 2:
        return bool(starts) and not starts[0].title and lower_i > 0
    return sum(1 for t in starts if not t.title) * 2 >= len(starts)


_MONTH_NAMES = frozenset({"may", "june", "april", "august"})
_MONTH_OR_MODAL_NAMES = frozenset(
    {"may", "will", "june", "april", "august", "mark", "bill", "summer", "autumn"}
)
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
    tied = {tokens[i].lower: reason for i, reason in sorted(child.items(), reverse=True)}
    lower = {tokens[i].lower for i in child if not tokens[i].title}
    for n, cand in enumerate(tokens):
        if n in child or _used_as_word(text, tokens, n):
            continue
        name = cand.lower
        if name not in tied and name.endswith("s") and name[:-1] in tied and len(name) > 3:
            name = name[:-1]  # "islas nhs number", "Harveys school": the possessive without its apostrophe
        if name in tied and (cand.title or name in lower):
            child[n] = ("same", tied[name][1])


def _gives_child_age(m: re.Match | None) -> bool:
    """ "Mia was two" is a child; "Mary was 40 when we met" is not."""
    if m is None:
        return False
    word = next(group for group in m.groups() if group is not None).lower()
    value = int(word) if word.isdigit() else NUMBER_WORDS.index(word) + 1
    if re.search(r"month|week|day|mth|wk", m.string[m.start() : m.end() + 8], re.IGNORECASE):
        return True  # "Alfie-James was 18 months"
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


# "Jack (7), Amy 5 and Lily": an age written right after a child's name, bracketed or bare.
_BARE_AGE_IN_GAP = re.compile(r"\(\d{1,2}\)|^\s*\d{1,2}(?=\s*(?:,|&|$|\s+and\b))")
_BARE_AGE_AFTER = re.compile(
    r"\s+(\d{1,2}(?:\s*(?:months?|mths?|weeks?|wks?|yrs?))?)(?=\s*(?:[,;.)]|&|\band\b|$)|\s+(?:old|nhs)\b)"
)


def _bare_child_age(text: str, end: int) -> bool:
    """ "tia 11, leo 9, frankie 6 and baby nova": a name, then a bare number under 18 and a comma or "and"."""
    m = _BARE_AGE_AFTER.match(text, end)
    return (
        m is not None
        and int(re.match(r"\d+", m.group(1)).group()) < 18
        and text[m.end() : m.end() + 1] in {",", " ", "&", ";"}
    )


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
    named_after_kin: Callable[[int], bool],
) -> None:
    """After "my children Jack": ", Amelia and Noah (4)" are children too."""
    while j + 1 < len(tokens):
        j = _extend_surname(text, tokens, j)
        if j + 1 >= len(tokens):
            return
        gap = _BARE_AGE_IN_GAP.sub("", gap_after(text, tokens, j))
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
        if not (known(cand) or (plural and (_is_unknown_capital(cand) or named_after_kin(nxt)))):
            return
        mark(nxt, phrase)
        j = nxt
