"""``scan()``: every detector over one story, then the overlaps between their findings resolved.

Each detector is a small function yielding Findings; ``_TEXT_DETECTORS`` (regexes over the raw text)
and ``_TOKEN_DETECTORS`` (rules over the words, tokenised once) list them, and ``scan`` merges their
results."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable

from .addresses import detect_addresses
from .ages import detect_ages
from .contact import detect_emails, detect_phones, detect_social_handles, detect_urls
from .dates import detect_dates
from .findings import PRIORITY, Finding, make_finding
from .institutions import detect_institutions
from .names import detect_names
from .numbers import detect_case_numbers, detect_nhs_numbers, detect_postcodes
from .places import detect_places
from .schools import detect_schools
from .titles import detect_titled_names
from .tokens import Token, tokenise

_TEXT_DETECTORS: list[Callable[[str], Iterable[Finding]]] = [
    detect_postcodes,
    detect_phones,
    detect_emails,
    detect_nhs_numbers,
    detect_case_numbers,
    detect_urls,
    detect_social_handles,
    detect_dates,
    detect_ages,
    detect_addresses,
    detect_titled_names,
]
_TOKEN_DETECTORS: list[Callable[[str, list[Token]], Iterable[Finding]]] = [
    detect_schools,
    detect_institutions,
    detect_names,
    detect_places,
]


def scan(text: str) -> list[Finding]:
    """Every identifying detail found in ``text``, sorted by start, overlaps resolved."""
    if not text:
        return []
    found: list[Finding] = []
    for detector in _TEXT_DETECTORS:
        found.extend(detector(text))
    tokens = tokenise(text)
    for token_detector in _TOKEN_DETECTORS:
        found.extend(token_detector(text, tokens))
    return _merge(text, _outside_placeholders(text, found))


# What a moderator typed in place of a detail ("[name removed]", "[date of birth removed]"): never a
# finding, or redaction would never converge ("[[date of birth removed] removed]").
_PLACEHOLDER = re.compile(r"\[[^\[\]\n]{1,60}\]")


def _outside_placeholders(text: str, found: list[Finding]) -> list[Finding]:
    if "[" not in text:
        return found
    spans = [(m.start(), m.end()) for m in _PLACEHOLDER.finditer(text)]
    if not spans:
        return found
    starts = [start for start, _ in spans]
    kept = []
    for f in found:
        at = bisect.bisect_right(starts, f.end - 1) - 1  # the last placeholder starting before f ends
        if at >= 0 and spans[at][1] > f.start:
            continue
        kept.append(f)
    return kept


def _merge(text: str, found: list[Finding]) -> list[Finding]:
    # Overlaps of one kind are one detail seen by two patterns ("the 14th" + "14th of March"): join them.
    # A chain is extended by its end only and made into one Finding once, so a long chain stays linear.
    chains: list[list] = []  # [kind, start, end, label, suggestion, longest part]
    for f in sorted(found, key=lambda f: (f.kind, f.start, -f.end)):
        last = chains[-1] if chains else None
        if last is not None and last[0] == f.kind and f.start < last[2]:
            if f.end > last[2]:
                if f.end - f.start > last[5]:
                    last[3], last[4], last[5] = f.label, f.suggestion, f.end - f.start
                last[2] = f.end
            continue
        chains.append([f.kind, f.start, f.end, f.label, f.suggestion, f.end - f.start])
    joined = [
        make_finding(text, kind, start, end, label, suggestion)
        for kind, start, end, label, suggestion, _ in chains
    ]
    # Across kinds the longer (more specific) finding wins, so nothing is reported twice. Chosen spans
    # never overlap, so their starts and ends sort together and one bisect finds any clash.
    starts: list[int] = []
    chosen: list[Finding] = []
    for f in sorted(joined, key=lambda f: (-(f.end - f.start), PRIORITY[f.kind], f.start)):
        at = bisect.bisect_left(starts, f.end)  # chosen findings starting before f ends: [0, at)
        if at and chosen[at - 1].end > f.start:
            continue
        starts.insert(at, f.start)
        chosen.insert(at, f)
    return chosen
