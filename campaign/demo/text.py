"""Turning the coalition's plain-text documents into Markdown and picking out their parts."""

from __future__ import annotations

import re

_BULLET = re.compile(r"^\s*(?:•|-(?=\s))\s*")
_TIMECODE = re.compile(r"^\d\d:\d\d:\d\d:\d\d\s*-\s*\d\d:\d\d:\d\d:\d\d$")
_SPEAKER = re.compile(r"^Speaker \d+$")
_MD_SPECIAL = re.compile(r"([\\`*_#<>\[\]])")
# Word documents pasted as text carry symbol-font bullets as private-use characters, plus zero-width spaces.
_INVISIBLE = re.compile("[\ue000-\uf8ff\u200b\u200c\u200d\ufeff]")


def clean(text: str) -> str:
    return _INVISIBLE.sub("", text)


def _escape(line: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", line)


def _looks_like_heading(line: str, following: str | None) -> bool:
    return (
        len(line) <= 70
        and not line.endswith((".", ",", ":", ";", "?", "!", "”", '"'))
        and not _BULLET.match(line)
        and following is not None
        and (len(following) > len(line) or _BULLET.match(following) is not None)
    )


def to_markdown(text: str) -> str:
    """Paragraphs stay paragraphs, bullets become a list, short title-like lines become headings.
    Transcript time codes and speaker labels are dropped: they mean nothing on a web page."""
    lines = [ln.strip() for ln in text.splitlines()]
    lines = [ln for ln in lines if not _TIMECODE.match(ln) and not _SPEAKER.match(ln)]
    content = [ln for ln in lines if ln]
    blocks: list[str] = []
    for i, line in enumerate(content):
        following = content[i + 1] if i + 1 < len(content) else None
        if _BULLET.match(line):
            item = "- " + _escape(_BULLET.sub("", line))
            if blocks and blocks[-1].startswith("- "):
                blocks[-1] += "\n" + item
            else:
                blocks.append(item)
        elif _looks_like_heading(line, following):
            blocks.append("### " + _escape(line))
        else:
            blocks.append(_escape(line))
    return "\n\n".join(blocks) + "\n"


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.splitlines() if p.strip()]


def between(text: str, start: str, end: str | None = None, include_end: bool = True) -> str:
    """The slice of text from the line starting with ``start`` up to the line starting with ``end``."""
    begin = text.index(start)
    if end is None:
        return text[begin:]
    stop = text.index(end, begin)
    if include_end:
        stop = text.index("\n", stop) if "\n" in text[stop:] else len(text)
    return text[begin:stop]
