"""Helpers for the accessibility tests: axe-core (from npm, `make test` installs it) run in a page, and the
pages worth checking, found from the app's own routes."""

from __future__ import annotations

from pathlib import Path

import pytest

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.0, 2.1 and 2.2 at levels A and AA (2.2's target size, 2.5.8, is tagged wcag22aa).
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
WIDTHS = (320, 1280)

RUN_AXE = """tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})
  .then(result => result.violations.map(v => ({
    rule: v.id, impact: v.impact, help: v.help,
    targets: v.nodes.map(n => n.target.join(' ')),
  })))"""

SMALL_CONTROLS = """() => Array.from(document.querySelectorAll(
    'input:not([type=hidden]), select, textarea, button, .button'))
  .filter(el => el.getClientRects().length && getComputedStyle(el).visibility !== 'hidden')
  .filter(el => { const box = el.getBoundingClientRect(); return box.width < 23.5 || box.height < 23.5; })
  .map(el => el.id ? '#' + el.id : el.tagName.toLowerCase() + '[name=' + (el.name || '') + ']')"""

# The innermost elements reaching past the right edge: where a sideways scroll comes from.
TOO_WIDE = """width => Array.from(document.body.querySelectorAll('*'))
  .filter(el => el.getBoundingClientRect().right > width + 0.5)
  .filter(el => !Array.from(el.children).some(child => child.getBoundingClientRect().right > width + 0.5))
  .map(el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
    (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : ''))"""


def axe_path() -> Path:
    if not AXE.exists():
        pytest.fail("axe-core is missing: `make test` installs it (npm ci, from package-lock.json).")
    return AXE


def axe_version() -> str:
    import json

    return json.loads((AXE.parent / "package.json").read_text())["version"]


def violations(page, where: str) -> list[str]:
    """What axe (and a 320px reflow check) finds wrong with the page as it is now, one line per rule, naming
    the page, the width and the elements."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(axe_path()))
    width = page.viewport_size["width"]
    found = [
        f"{where} @{width}px: {v['rule']} ({v['impact']}: {v['help']}) on {', '.join(v['targets'][:5])}"
        + (f" and {len(v['targets']) - 5} more" if len(v["targets"]) > 5 else "")
        for v in page.evaluate(RUN_AXE, TAGS)
    ]
    # WCAG 2.5.8 for form controls, which axe passes when a small one has room around it: a box to tick
    # squeezed to 13px beside a long label is still a hard target.
    small = page.evaluate(SMALL_CONTROLS)
    if small:
        found.append(f"{where} @{width}px: control-size (2.5.8: under 24px) on {', '.join(small[:5])}")
    # WCAG 1.4.10 (reflow), which axe cannot see: nothing but a data table may scroll sideways at 320px.
    wide = page.evaluate("document.documentElement.scrollWidth")
    if wide > width:
        culprits = ", ".join(page.evaluate(TOO_WIDE, width)[:5])
        found.append(
            f"{where} @{width}px: reflow (1.4.10: {wide}px wide, so it scrolls sideways) on {culprits}"
        )
    return found


def plain_get_paths(app) -> list[str]:
    """Every page reached by GET without a value in its address (the rest come from real objects)."""
    return sorted(
        {
            rule.rule
            for rule in app.url_map.iter_rules()
            if "GET" in (rule.methods or ()) and not rule.arguments and rule.endpoint != "static"
        }
    )
