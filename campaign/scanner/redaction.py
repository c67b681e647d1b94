"""Putting a replacement in place of a detail, everywhere it appears, so the sentence still reads: the
moderator's "replace with" (services/stories/moderation.py) and "apply every suggestion" use this.

A replacement that brings its own article drops the one before it ("at the Royal Gwent Hospital" ->
"at a hospital in Wales", not "at the a hospital"), one at the start of a sentence is capitalised, and a
replacement that repeats the words just before it is said once ("my son Jack" -> "my son")."""

from __future__ import annotations

import re

from .findings import Finding

_ARTICLE = re.compile(r"^(?:a|an|the|my|our|his|her|their|your)\s", re.IGNORECASE)
_ARTICLE_BEFORE = re.compile(r"(?<!\w)(?:the|a|an)\s+$", re.IGNORECASE)
_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+|\n\s*|[\"“]\s*)$")


def replace_everywhere(text: str, match: str, replacement: str) -> str:
    """Every whole-word occurrence of ``match``, in any case, replaced by ``replacement``."""
    if not match:
        return text
    pattern = re.escape(match)
    # Whole words only when the match starts or ends with one, so "Jo" does not eat into "Joined".
    if match[:1].isalnum():
        pattern = r"(?<!\w)" + pattern
    if match[-1:].isalnum():
        pattern += r"(?!\w)"
    own_article = bool(_ARTICLE.match(replacement))
    out: list[str] = []
    last = 0
    # Any case: "Frankie" and "frankie" are the same child.
    for m in re.finditer(pattern, text, flags=re.IGNORECASE):
        before = text[last : m.start()]
        if own_article:
            dropped = _ARTICLE_BEFORE.search(before)
            if dropped is not None:
                before = before[: dropped.start()]
        out.append(before)
        written = "".join(out)
        if replacement[:1].islower() and _SENTENCE_START.search(written) and m.group()[:1].isupper():
            out.append(replacement[:1].upper() + replacement[1:])
        else:
            out.append(replacement)
        last = m.end()
    out.append(text[last:])
    text = "".join(out)
    # "my son Jack" with Jack replaced by "my son" must read "my son", not "my son my son".
    repeated = re.escape(replacement)
    return re.sub(
        rf"(?<!\w)({repeated})(?:\s*,?\s+\1)+(?!\w)", lambda m: m.group(1), text, flags=re.IGNORECASE
    )


def apply_suggestions(text: str, findings: list[Finding]) -> str:
    """``text`` with every finding replaced by its suggestion (each distinct detail once, everywhere)."""
    done: set[str] = set()
    for finding in sorted(findings, key=lambda f: -len(f.match)):
        if finding.match in done:
            continue
        done.add(finding.match)
        text = replace_everywhere(text, finding.match, finding.suggestion)
    return text
