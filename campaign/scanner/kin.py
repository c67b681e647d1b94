"""Words for a child ("my son", "his sister", "the twins") and for an adult ("his dad", "the social
worker"), and the rules names.py uses to tie a name to a child and not to an adult."""

from __future__ import annotations

from .tokens import Token

KIN = frozenset(
    """son sons daughter daughters child children kid kids baby babies boy boys girl girls toddler toddlers
    grandson grandsons granddaughter granddaughters grandchild grandchildren niece nieces nephew nephews
    brother brothers sister sisters twin twins eldest youngest oldest stepson stepsons stepdaughter
    stepdaughters step-son step-daughter stepchild stepchildren half-brother half-sister sibling siblings
    newborn infant teenager lad lads lass lasses bairn bairns wean weans tot tots kiddies""".split()
)
PLURAL_KIN = frozenset(
    "sons daughters children kids babies boys girls twins siblings grandchildren stepchildren lads lasses bairns weans".split()
)
KIN_DETERMINERS = frozenset(
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


def is_kin(tokens: list[Token], i: int) -> bool:
    t = tokens[i]
    if not (
        t.lower in KIN
        or (t.lower == "one" and i > 0 and tokens[i - 1].lower in {"little", "youngest", "eldest", "middle"})
    ):
        return False
    if t.title and not t.sentence_start:
        return False  # "Child Protection", "Children Act": not a child of the writer
    if t.possessive and i + 1 < len(tokens) and tokens[i + 1].lower in _ADULTS:
        return False  # "my son's father Darren" is an adult
    return True


def kin_phrase(tokens: list[Token], i: int) -> str:
    j = i
    while (
        j > 0
        and i - j < 2
        and tokens[j - 1].lower in KIN_DETERMINERS
        and tokens[j - 1].sentence == tokens[i].sentence
    ):
        j -= 1
    return " ".join([t.lower for t in tokens[j:i]] + [tokens[i].lower])


_OWNERS = frozenset("my our his her their your the a this".split())


def owned(tokens: list[Token], i: int) -> bool:
    for k in range(i - 1, max(-1, i - 4), -1):
        t = tokens[k]
        if t.sentence != tokens[i].sentence:
            return False
        if t.lower in _OWNERS or t.possessive:
            return True
        if t.lower not in KIN_DETERMINERS:
            return False
    return False


def introduces_previous_sentence(tokens: list[Token], i: int) -> bool:
    """Kin word in a sentence opening "She is my..." / "He was our...", about the name just before."""
    first = tokens[i].first
    if not 2 <= i - first <= 5:
        return False
    words = [t.lower for t in tokens[first:i]]
    if not (2 <= len(words) <= 5 and words[0] in {"she", "he"}) or tokens[i].possessive:
        return False
    return tokens[first].possessive or words[1] in {"is", "was"}  # "She's my...", "He was our..."


def nearest_is_adult(tokens: list[Token], n: int, kin_distance: int) -> bool:
    for d in range(1, kin_distance + 1):
        for k in (n - d, n + d):
            if (
                0 <= k < len(tokens)
                and tokens[k].sentence == tokens[n].sentence
                and tokens[k].lower in _ADULTS
            ):
                return True
    return False
