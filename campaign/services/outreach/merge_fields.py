"""Merge fields in an update's subject, preheader and body: ``{{ first_name }}``, or with a fallback for
people whose value is empty, ``{{ first_name | default("friend") }}``.

``parse`` reads them strictly (what an organiser saves: an unknown field, a filter other than ``default``
or a brace left open is refused with a message saying what to write instead); ``uses`` reads them leniently
(what is rendered: anything that is not a well-formed known field stays as typed, as it always did).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

FIELDS = {
    "first_name": "First name",
    "petition_title": "The petition they signed",
    "personal_link": "Their own link to choose what they receive",
}
# What a field without a fallback of its own becomes when it is empty (campaigns saved before fallbacks
# were asked for still render this way).
BUILT_IN_FALLBACK = {"first_name": "friend", "petition_title": "our campaign", "personal_link": ""}
# Fields that can be empty for someone, and why: these need a fallback when anyone on the list lacks one.
CAN_BE_EMPTY = {
    "first_name": "have no name we can use",
    "petition_title": "signed no petition: members and donors",
}
MAX_FALLBACK = 100

_TAG = re.compile(r"\{\{(.*?)\}\}", re.S)
_INNER = re.compile(
    r"""\s*(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*
        (?:\|\s*(?P<filter>[A-Za-z_][A-Za-z0-9_]*)\s*
           (?:\(\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)')?\s*\))?\s*)?$""",
    re.X | re.S,
)


class MergeFieldError(ValueError):
    """What is wrong with a text's merge fields, in words for the organiser."""


@dataclass(frozen=True)
class FieldUse:
    field: str
    fallback: str | None  # None: no fallback of its own
    start: int
    end: int


def known_list() -> str:
    return ", ".join("{{ " + name + " }}" for name in FIELDS)


def example(field: str) -> str:
    return "{{ " + field + ' | default("' + (BUILT_IN_FALLBACK.get(field) or "…") + '") }}'


def _one(match: re.Match) -> FieldUse:
    typed = match.group(0)
    inner = _INNER.fullmatch(match.group(1))
    if inner is None:
        raise MergeFieldError(
            f"“{typed}” is not a merge field we can read. Write a field's name between double braces, "
            f"with a fallback if you like, like {example('first_name')}."
        )
    name = inner.group("name")
    if name not in FIELDS:
        raise MergeFieldError(
            f"“{typed}” is not a merge field, so people would get it exactly as typed. "
            f"The merge fields you can use are: {known_list()}."
        )
    fallback = None
    if inner.group("filter") is not None:
        if inner.group("filter") != "default":
            raise MergeFieldError(
                f"“{typed}” uses “{inner.group('filter')}”, which we do not know. The only one you can use "
                f"is default, for a fallback: {example(name)}."
            )
        fallback = inner.group("dq") if inner.group("dq") is not None else inner.group("sq")
        if fallback is None:
            raise MergeFieldError(
                f"“{typed}” needs its fallback in quotes inside the brackets, like {example(name)}."
            )
        if len(fallback) > MAX_FALLBACK or "{" in fallback or "}" in fallback:
            raise MergeFieldError(
                f"The fallback in “{typed}” must be plain words of at most {MAX_FALLBACK} characters."
            )
    return FieldUse(name, fallback, match.start(), match.end())


def parse(text: str) -> list[FieldUse]:
    """Every merge field in ``text``; MergeFieldError for the first thing that is not one we can fill."""
    found: list[FieldUse] = []
    position = 0
    for match in _TAG.finditer(text):
        _no_stray_braces(text[position : match.start()])
        if "{{" in match.group(1):
            raise MergeFieldError(_unclosed(text, match.start()))
        found.append(_one(match))
        position = match.end()
    _no_stray_braces(text[position:])
    return found


def _unclosed(text: str, at: int) -> str:
    shown = text[at : at + 30].split("\n", 1)[0]
    return f"A merge field is not closed: “{shown}” needs “}}}}” at its end."


def _no_stray_braces(between: str) -> None:
    if "{{" in between:
        raise MergeFieldError(_unclosed(between, between.index("{{")))
    if "}}" in between:
        raise MergeFieldError(
            "There is a “}}” with no “{{” before it. Merge fields have two braces each side, like {{ first_name }}."
        )
    if "{%" in between or "%}" in between:
        raise MergeFieldError(
            "Only merge fields like {{ first_name }} can be used: “{% … %}” is not something we can fill in."
        )


def uses(text: str) -> list[FieldUse]:
    """The well-formed known fields in ``text``, for rendering; anything else stays as typed."""
    found = []
    for match in _TAG.finditer(text):
        try:
            found.append(_one(match))
        except MergeFieldError:
            continue
    return found


def fallback_key(field: str, fallback: str) -> str:
    """The name of the value a field with this fallback is filled with. Named by its content, not its
    place, so every rendering of a campaign (each subject of a subject-line test) agrees on it."""
    return f"{field}_fallback_{hashlib.sha256(fallback.encode()).hexdigest()[:10]}"


def key(use: FieldUse) -> str:
    """The name of the value a use is filled with: the field's own, or its fallback's."""
    return use.field if use.fallback is None else fallback_key(use.field, use.fallback)


def fallbacks_in(*texts: str) -> list[tuple[str, str]]:
    """Every distinct (field, fallback) in ``texts``, in a fixed order: each becomes one merge value."""
    return sorted({(u.field, u.fallback) for text in texts for u in uses(text) if u.fallback is not None})


def value(field: str, raw: str, fallback: str | None) -> str:
    """What a recipient whose own value is ``raw`` gets."""
    if raw:
        return raw
    return BUILT_IN_FALLBACK[field] if fallback is None else fallback
