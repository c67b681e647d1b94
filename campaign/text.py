"""Text people typed, made safe to show as HTML. Neutral ground: no request, no app, no Flask, so the web
layer's template filters and the services that render email bodies use the same two functions."""

from __future__ import annotations

import functools
import re

import markdown as markdown_lib
import nh3
from markupsafe import Markup, escape

ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "a",
    "ul",
    "ol",
    "li",
    "h2",
    "h3",
    "h4",
    "blockquote",
    "hr",
    "code",
    "pre",
}


def render_markdown(text: str | None) -> Markup:
    """Markdown to HTML through an allow-list sanitiser: page authors cannot inject script or styles.
    The same text always makes the same HTML, so the latest texts' HTML is kept: a petition's details or
    a page shown to every visitor is converted once, and an edit, being new text, is converted afresh."""
    return _rendered_markdown(text or "")


@functools.lru_cache(maxsize=256)
def _rendered_markdown(text: str) -> Markup:
    html = markdown_lib.markdown(text, extensions=["sane_lists"], output_format="html")
    return Markup(
        nh3.clean(
            html,
            tags=ALLOWED_TAGS,
            attributes={"a": {"href", "title"}},
            url_schemes={"http", "https", "mailto"},
            link_rel="noopener nofollow",
        )
    )


def render_plain_text(text: str | None) -> Markup:
    """Text someone typed, shown exactly as text: blank lines make paragraphs, single line breaks stay.
    Nothing in it is interpreted, so HTML or script in a story appears as the characters typed."""
    blocks = [b.strip("\n") for b in re.split(r"\n\s*\n", (text or "").replace("\r\n", "\n")) if b.strip()]
    return Markup("").join(
        Markup("<p>{}</p>\n").format(Markup("<br>\n").join(escape(line) for line in block.split("\n")))
        for block in blocks
    )
