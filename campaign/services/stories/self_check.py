""" "Check my story": the automatic check run for the storyteller before they send, on their own words.

It blocks nothing (every story is still read by a moderator): it shows what the check found, in context,
with why each could matter in plain words and a suggested replacement the storyteller may take with one
click. The story records how many details they were shown and whether they changed the words after."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...scanner import KINDS, replace_everywhere, scan
from .storyteller import checked_words_hash

__all__ = ["REASONS", "Shown", "check", "checked_words_hash", "reason_for", "shown_count", "use_suggestion"]

# Why each kind of detail matters, said to a parent. A kind the scanner gains later gets GENERIC_REASON
# until it is given words here.
REASONS = {
    "child_name": "This could identify your child.",
    "first_name": "A name could identify your child or someone close to your family.",
    "titled_name": "Naming a social worker, judge, lawyer or other professional could identify your case.",
    "age": "An age or a birthday could help someone recognise your child.",
    "date": "An exact date could help someone work out which case this is.",
    "school": "A school or nursery could identify your child.",
    "address": "An address could identify your family and where your child lives.",
    "postcode": "A postcode could identify where your family lives.",
    "place": "A town or place name could help someone recognise your family.",
    "phone": "A phone number could identify you, and through you your child.",
    "email": "An email address could identify you, and through you your child.",
    "url": "A web address could lead someone to you or your child.",
    "social_handle": "A social media account could identify you, and through you your child.",
    "nhs_number": "An NHS number identifies a person exactly.",
    "case_number": "A case number identifies your court case.",
    "court": "This could identify the court that heard your case.",
    "local_authority": "This could identify the council involved, and with it where your family lives.",
    "hospital": "Naming a hospital could help someone recognise your family.",
    "service": "Naming a local service could help someone recognise your family.",
}
GENERIC_REASON = "This could help someone recognise your child or your case."
CONTEXT = 40  # characters of the storyteller's words shown either side of a finding
FIELDS = ("title", "body")
MAX_SHOWN = 10_000  # a hidden form field's number is the browser's word: bounded


def reason_for(kind: str) -> str:
    return REASONS.get(kind, GENERIC_REASON)


def kind_name(kind: str) -> str:
    return KINDS.get(kind) or kind.replace("_", " ").capitalize()


@dataclass(frozen=True)
class Shown:
    """One detail as the storyteller sees it: where (the title or the story), their words around it, why
    it matters, what might replace it, and how often it appears there."""

    field: str
    kind: str
    match: str
    before: str
    after: str
    suggestion: str
    times: int
    starts_before: bool  # the text shown is cut short before ...
    ends_after: bool  # ... or after the finding

    @property
    def kind_name(self) -> str:
        return kind_name(self.kind)

    @property
    def reason(self) -> str:
        return reason_for(self.kind)

    @property
    def key(self) -> str:
        """What a "use the suggestion" button sends back; matched against a fresh check of the text."""
        return f"{self.field}:{self.kind}:{self.match}"


def _context(text: str, start: int, end: int) -> tuple[str, str, bool, bool]:
    """Up to CONTEXT characters either side, cut at whole words, spaces and line breaks made single spaces."""
    left, right = max(0, start - CONTEXT), min(len(text), end + CONTEXT)
    before, after = text[left:start], text[end:right]
    if left > 0:
        before = re.sub(r"^\S*\s*", "", before, count=1)
    if right < len(text):
        after = re.sub(r"\s*\S*$", "", after, count=1)
    after = re.sub(r"\s+", " ", after)
    # An ellipsis where the words are cut short, not after a sentence's own full stop.
    return (
        re.sub(r"\s+", " ", before),
        after,
        left > 0,
        right < len(text) and not after.endswith((".", "!", "?")),
    )


def check(texts: dict[str, str]) -> list[Shown]:
    """What the check finds in the title and the story, each distinct detail once, in reading order."""
    shown: list[Shown] = []
    for field in FIELDS:
        text = texts.get(field) or ""
        seen: dict[tuple[str, str], int] = {}
        for finding in sorted(scan(text), key=lambda f: f.start):
            key = (finding.kind, finding.match)
            if key in seen:
                item = shown[seen[key]]
                shown[seen[key]] = Shown(**{**item.__dict__, "times": item.times + 1})
                continue
            before, after, cut_before, cut_after = _context(text, finding.start, finding.end)
            seen[key] = len(shown)
            shown.append(
                Shown(
                    field=field,
                    kind=finding.kind,
                    match=finding.match,
                    before=before,
                    after=after,
                    suggestion=finding.suggestion,
                    times=1,
                    starts_before=cut_before,
                    ends_after=cut_after,
                )
            )
    return shown


def use_suggestion(texts: dict[str, str], key: str) -> dict[str, str] | None:
    """The texts with every appearance of the detail ``key`` names replaced by the check's suggestion, or
    None if the words have changed so that the check no longer finds it."""
    field, _, rest = key.partition(":")
    kind, _, match = rest.partition(":")
    if field not in FIELDS:
        return None
    text = texts.get(field) or ""
    found = [f for f in scan(text) if f.kind == kind and f.match == match and f.suggestion]
    if not found:
        return None
    # The moderators' replacement: every appearance, and the sentence still reads ("at the Royal Gwent
    # Hospital" becomes "at a hospital in Wales").
    return {**texts, field: replace_everywhere(text, match, found[0].suggestion)}


def shown_count(raw: str | None) -> int | None:
    """The count a hidden field carried back, or None if the storyteller never checked."""
    if not raw or not re.fullmatch(r"\d{1,6}", raw.strip()):
        return None
    return min(int(raw), MAX_SHOWN)
