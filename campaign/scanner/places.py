"""UK towns, cities, London areas and counties from the shipped list, with a suggestion that names only
the region ("a town in the North West")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .findings import Finding, make_finding
from .tokens import Token, gap_after, is_citation
from .wordlists import (
    NOT_NAMES,
    Place,
    first_names,
    hospitals_named_by_place,
    is_region,
    place_starting_at,
    place_words,
    region_phrase,
    uk_places,
)

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


def _place_suggestion(place: Place) -> str:
    region = region_phrase(place.region) or None
    if place.kind in {"borough", "area", "suburb"}:
        return f"an area of {region}" if region else "an area"
    if place.kind == "estate":
        return f"an estate in {region}" if region else "an estate"
    noun = {"city": "a city", "county": "a county", "village": "a village"}.get(place.kind, "a town")
    if place.kind == "county" and region:
        return region
    return f"{noun} in {region}" if region else noun


def detect_places(text: str, tokens: list[Token]) -> Iterator[Finding]:
    index = uk_places()
    names = first_names()
    i = 0
    while i < len(tokens):
        t = tokens[i]
        matched = None
        for words, place in (index.get(t.word) or ()) if t.word[:1].isupper() else ():
            span = tokens[i : i + len(words)]
            if (
                len(span) == len(words)
                and all(s.word == w for s, w in zip(span, words, strict=True))
                and all(s.sentence == t.sentence for s in span)
            ):
                matched = (len(words), place)
                break
        if matched is None:
            # Not a town on the main list: a village, district or estate, or a town in lower case?
            found = _smaller_place(text, tokens, i, names)
            if found is not None:
                yield found[0]
                i = found[1]
            else:
                i += 1
            continue
        length, place = matched
        longer = place_starting_at(tokens, i)
        if (
            longer is not None
            and longer[0] - i + 1 > length
            and all(
                tokens[k].title or tokens[k].lower in {"and", "upon", "on", "of"}
                for k in range(i, longer[0] + 1)
            )
        ):
            length, place = longer[0] - i + 1, longer[1]  # "Rhondda Cynon Taf", not "Rhondda"
        last = tokens[i + length - 1]
        if place.name.lower() in _FAMOUS or (
            i + length < len(tokens) and tokens[i + length].word in _CLUB_WORDS and tokens[i + length].title
        ):
            i += length  # "Leeds United", "Alton Towers": a club or a day out, not where a family lives
            continue
        before = tokens[i - 1] if i > 0 and tokens[i - 1].sentence == t.sentence else None
        after = tokens[i + length] if i + length < len(tokens) else None
        ambiguous = place.name.lower() in _AMBIGUOUS_PLACES
        if place.name == "March" and (
            before is None or before.lower not in {"to", "from", "near", "outside"}
        ):
            i += length
            continue  # "in March" is the month
        skip = (
            (
                ambiguous
                and (before is None or before.lower not in _LOCATIVES)
                and not _in_an_address(text, last.end)
            )
            # An author's affiliation is not where a family lives; a hospital's name ("Wythenshawe
            # Hospital") can be, so hospitals stay.
            or (after is not None and after.word in {"University", "College"})
            or (before is not None and before.word == "of" and i > 1 and tokens[i - 2].word == "University")
            or (
                before is not None
                and before.title
                and before.lower in names
                and gap_after(text, tokens, i - 1) == " "
            )  # "Claire Preston" is a surname
            or is_citation(text, tokens, i + length - 1)
        )
        if not skip:
            label = {"city": "City", "county": "County", "borough": "London borough", "area": "Area"}.get(
                place.kind, "Town"
            )
            if place.region:
                label += f" ({place.region})"
            found_here = _place_or_council(text, tokens, i, i + length - 1, label, place)
            if found_here is not None:
                yield found_here
        i += length


# Places whose name means something else to everyone: government, film, scripture, theme parks.
_FAMOUS = (
    frozenset(
        """whitehall holyrood stormont westminster hollywood bethlehem jericho nazareth eden paradise heaven
    disneyland legoland narnia""".split()
    )
    | frozenset(
        (
            "hyde park",
            "regent's park",
            "regents park",
            "green park",
            "st james's park",
            "old trafford",
            "anfield",
            "wimbledon",
            "twickenham",
            "glastonbury",
            "silverstone",
        )
    )
    | frozenset(
        f"{town} city"
        for town in "manchester leicester stoke bristol norwich hull cardiff swansea coventry birmingham exeter"
        " lincoln bradford".split()
    )
)
# "82 Canterbury Street, Gillingham, ME7 5TP", "Ely in Cardiff", "Pill, Newport": what follows makes
# an ambiguous name a place.
_ADDRESS_AFTER = re.compile(
    r",?\s+(?:[A-Z]{1,2}\d[A-Z\d]?\b|in\s+[A-Z][a-z]+|,\s*[A-Z][a-z]+,\s+[A-Z]{1,2}\d)"
)


def _in_an_address(text: str, end: int) -> bool:
    return bool(_ADDRESS_AFTER.match(text, end))


# "Leeds took my kids", "Redcar and Cleveland say", "social workers from Rhondda Cynon Taf": a place
# standing for its council.
_COUNCIL_VERBS = frozenset(
    """took take takes taking removed remove placed place decided refused refuse wanted want wants applied
    apply issued issue assessed assess said say says told tell threatened started stopped closed
    wouldnt won't wont didnt""".split()
)
# "born at Homerton", "admitted to Morriston", "under the Heath": the place names the hospital
_HOSPITAL_CONTEXT = re.compile(
    r"\b(?:born\s+(?:at|in)|admitted\s+(?:to|into)|taken\s+to|rushed\s+to|blue-?lighted\s+to|transferred\s+to"
    r"|went\s+into|sectioned\s+(?:at|in)|discharged\s+from|seen\s+at|under|through|delivered\s+at|induced\s+at"
    r"|ward\s+at|scan\s+at|appointment\s+at)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_COUNCIL_SENDERS = frozenset("workers worker services sw sws team".split())
_ASKED = frozenset("asked contacted rang phoned emailed told begged".split())


def _place_or_council(
    text: str, tokens: list[Token], first: int, last: int, label: str, place: Place
) -> Finding | None:
    after = (
        tokens[last + 1]
        if last + 1 < len(tokens) and tokens[last + 1].sentence == tokens[last].sentence
        else None
    )
    before = tokens[first - 2 : first] if first >= 2 else []
    council = (
        (after is not None and after.lower in _COUNCIL_VERBS and text[tokens[last].end : after.start] == " ")
        or (len(before) == 2 and before[1].lower == "from" and before[0].lower in _COUNCIL_SENDERS)
        or (len(before) == 2 and before[1].lower in _ASKED)
    )
    hospital_region = hospitals_named_by_place().get(tuple(t.lower for t in tokens[first : last + 1]))
    if hospital_region is not None and _HOSPITAL_CONTEXT.search(
        text, max(0, tokens[first].start - 30), tokens[first].start
    ):
        where = region_phrase(hospital_region)
        return make_finding(
            text,
            "hospital",
            tokens[first].start,
            tokens[last].end,
            "Hospital (named by its place)",
            f"a hospital in {where}" if where else "a hospital",
        )
    if council:
        return make_finding(
            text,
            "local_authority",
            tokens[first].start,
            tokens[last].end,
            "Council (named by its place)",
            "the local council",
        )
    if place.kind == "county":
        return None  # a county, like a region, is where a moderator generalises to
    return make_finding(text, "place", tokens[first].start, tokens[last].end, label, _place_suggestion(place))


_CLUB_WORDS = frozenset(
    """United City Rovers Wednesday Athletic Albion Wanderers Rangers Celtic Villa Hotspur Palace Argyle
    Dons Orient Stanley Towers FC AFC""".split()
)
_LIVING = frozenset("live lives lived living grew up stay stayed staying moved raised brought born".split())


def _locative_before(tokens: list[Token], i: int) -> Token | None:
    """The word that puts a place after it ("in", "from", "on the"), skipping one "the"."""
    k = i - 1
    if k >= 0 and tokens[k].lower == "the" and tokens[k].sentence == tokens[i].sentence:
        k -= 1
    if k < 0 or tokens[k].sentence != tokens[i].sentence:
        return None
    word = tokens[k]
    if word.lower in _LOCATIVES:
        return word
    # "we live on Hattersley", "grew up on the Meadowell"
    if word.lower == "on" and k > 0 and tokens[k - 1].lower in _LIVING:
        return word
    return None


def _smaller_place(
    text: str, tokens: list[Token], i: int, names: frozenset[str]
) -> tuple[Finding, int] | None:
    """Villages, suburbs, districts and estates from the gazetteer, and towns written in lower case: only
    where the words around them make a place likely ("from gipton", "in Penywaun", "on the Meadowell")."""
    known = place_starting_at(tokens, i)
    if known is None:
        return _unlisted_place(text, tokens, i, names)
    last, place = known
    if place.name.lower() in _FAMOUS:
        return None
    span = tokens[i : last + 1]
    words = " ".join(s.lower for s in span)
    capitalised = all(
        s.title or s.lower in {"upon", "on", "under", "le", "in", "the", "of", "de"} for s in span
    )
    after = (
        tokens[last + 1] if last + 1 < len(tokens) and tokens[last + 1].sentence == span[0].sentence else None
    )
    if after is not None and after.title and capitalised and text[span[-1].end : after.start] == " ":
        return None  # part of a longer name: "Bulwell Road", "Tilehurst Primary"
    if is_citation(text, tokens, last):
        return None
    locative = _locative_before(tokens, i)
    on_main_list = place.name.lower() in _MAIN_LOWER
    if capitalised:
        if locative is None and _in_an_address(text, span[-1].end) and not span[0].sentence_start:
            pass
        elif locative is None:
            if (
                span[0].sentence_start
                or len(span) == 1
                and (
                    words in place_words()
                    or words in names
                    or words in NOT_NAMES
                    or words in _AMBIGUOUS_PLACES
                )
            ):
                return None
            if i > 0 and tokens[i - 1].title and tokens[i - 1].lower in names:
                return None  # "Claire Whitley" is a surname
        elif locative.lower in {"of", "at"} and len(span) == 1 and words in names:
            return None
    else:
        if locative is None or locative.lower in {"of", "at", "between", "via"}:
            return None
        if words in place_words() and (not on_main_list or words in _AMBIGUOUS_PLACES):
            return None
        if words in NOT_NAMES or (words in _AMBIGUOUS_PLACES and words in place_words()):
            return None  # "from kirkby" is a place; "from reading" may be a book
    label = {
        "village": "Village",
        "suburb": "Area",
        "estate": "Estate",
        "area": "Area",
        "borough": "Area",
    }.get(place.kind, "Town")
    if place.region:
        label += f" ({place.region})"
    found = _place_or_council(text, tokens, i, last, label, place)
    return (found, last + 1) if found is not None else None


_MAIN_LOWER = frozenset(
    name.lower() for entries in uk_places().values() for _, name in [(0, e[1].name) for e in entries]
)


_PEOPLE = frozenset(
    """im i'm am are is we're mum mam dad da nan nain taid gran grandad grandparents mother
    father parent parents family families lad lass girl boy woman man carer carers originally both all
    two three four five six""".split()
)
_ORGANISATION_ENDINGS = frozenset(
    """council court hospital school academy primary nursery centre trust services police nhs aid charity
    university college group team unit house road street lane avenue close drive""".split()
)


def _unlisted_place(
    text: str, tokens: list[Token], i: int, names: frozenset[str]
) -> tuple[Finding, int] | None:
    """A place the lists do not know, where the sentence can only mean a place: "we live in Cliftonville",
    "grandparents from Denaby", "I'm a nan from Sirhowy in Tredegar"."""
    t = tokens[i]
    if not t.title or t.sentence_start or len(t.word) < 3 or i < 2 or t.possessive:
        return None
    if t.lower in names or t.lower in NOT_NAMES or t.lower in _AMBIGUOUS_PLACES or t.lower in place_words():
        return None
    if is_region((t.lower,)):
        return None
    before = tokens[i - 1]
    if before.sentence != t.sentence or text[before.end : t.start] != " ":
        return None
    window = [tokens[k].lower for k in range(max(0, i - 5), i - 1) if tokens[k].sentence == t.sentence]
    if before.lower in {"in", "on", "to"}:
        if not window or window[-1] not in _LIVING and not (len(window) > 1 and window[-2] in _LIVING):
            return None
    elif before.lower == "from":
        if not any(w in _PEOPLE for w in window):
            return None
    else:
        return None
    last = i
    if i + 1 < len(tokens) and tokens[i + 1].sentence == t.sentence and tokens[i + 1].title:
        nxt = tokens[i + 1]
        if nxt.lower in _ORGANISATION_ENDINGS or nxt.lower in NOT_NAMES or text[t.end : nxt.start] != " ":
            return None
        last = i + 1  # "Delves Lane" is taken whole; "Cliftonville Primary" is a school
    finding = make_finding(text, "place", t.start, tokens[last].end, "Possible place", "the area")
    return finding, last + 1
