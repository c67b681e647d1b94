"""Charts drawn on the server as SVG: no script, nothing from another site, readable without colour.

Each chart is an ``<svg role="img">`` named by its ``<title>`` and described by its ``<desc>`` (the figures
that matter in words), with axes and text labels; the page puts the full figures in a table beside it (see
``templates/_macros/charts.html``). Everything given is escaped here, so a caller may pass text anyone typed.
The functions know nothing of petitions: give them labels and numbers.

- ``bar_chart``: bars over time, one series or several stacked (each named in a legend);
- ``line_chart``: a running total over time;
- ``tile_map``: one square per UK nation and English region, roughly where it lies, shaded by count, with
  the name and count written on each tile and a legend of the shades.

They are registered as template globals (``register_chart_helpers``)."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from flask import Flask
from markupsafe import Markup, escape

WIDTH, HEIGHT = 400, 220
LEFT, RIGHT, TOP, BOTTOM = 52, 10, 12, 36
INK, MUTED, GRID, PAPER = "#1d1d1b", "#55524c", "#dcd6cc", "#ffffff"
# Series colours: each at least 3:1 against white (WCAG non-text contrast) and told apart by the legend.
COLOURS = ("#7a1f5c", "#1e6b3a", "#9a4a00", "#2b5797")
FONT = 'font-family="system-ui, sans-serif"'


def nice_ceiling(value: int) -> int:
    """The smallest of 1, 2, 5 x 10^n at or above ``value`` (1 for nothing): the top of the y axis."""
    if value <= 1:
        return 1
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        if step * power >= value:
            return step * power
    return 10 * power  # pragma: no cover  (the loop always returns)


def _num(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _open(kind: str, title: str, desc: str, chart_id: str, width: int, height: int) -> str:
    ident = escape(chart_id)
    return (
        f'<svg class="chart chart-{kind}" role="img" viewBox="0 0 {width} {height}" '
        f'aria-labelledby="{ident}-title {ident}-desc" xmlns="http://www.w3.org/2000/svg" {FONT}>'
        f'<title id="{ident}-title">{escape(title)}</title><desc id="{ident}-desc">{escape(desc)}</desc>'
    )


def _axes(top: int, plot_height: int) -> list[str]:
    """The y axis (0, half and the top value, with grid lines) and the baseline."""
    parts = []
    for value in (0, top // 2 if top >= 2 else None, top):
        if value is None:
            continue
        y = TOP + plot_height - plot_height * value / top
        parts.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{_num(y)}" y2="{_num(y)}" stroke="{GRID}"/>'
            f'<text x="{LEFT - 6}" y="{_num(y + 4)}" text-anchor="end" font-size="12" fill="{MUTED}">'
            f"{value:,}</text>"
        )
    base = TOP + plot_height
    parts.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{base}" y2="{base}" stroke="{INK}"/>')
    parts.append(f'<line x1="{LEFT}" x2="{LEFT}" y1="{TOP}" y2="{base}" stroke="{INK}"/>')
    return parts


def _x_labels(labels: Sequence[str], plot_width: float, slot: float) -> list[str]:
    """Up to four labels along the bottom (the first, the last and some between), as many as fit side by
    side without touching at the labels' length."""
    if not labels:
        return []
    n = len(labels)
    room = max(len(label) for label in labels) * 7 + 12  # about 7 units a character at 12px
    count = max(1, min(4, n, int((plot_width + slot) // room)))
    if count == 1:
        picks = [n - 1]
    else:
        picks = sorted({round(i * (n - 1) / (count - 1)) for i in range(count)})
    parts = []
    for index in picks:
        middle = LEFT + slot * index + slot / 2
        anchor, x = "middle", middle
        if len(picks) > 1 and index == picks[0]:
            anchor, x = "start", LEFT
        elif len(picks) > 1 and index == picks[-1]:
            anchor, x = "end", WIDTH - RIGHT
        parts.append(
            f'<line x1="{_num(middle)}" x2="{_num(middle)}" '
            f'y1="{HEIGHT - BOTTOM}" y2="{HEIGHT - BOTTOM + 4}" stroke="{INK}"/>'
            f'<text x="{_num(x)}" y="{HEIGHT - BOTTOM + 18}" text-anchor="{anchor}" font-size="12" '
            f'fill="{INK}">{escape(labels[index])}</text>'
        )
    return parts


def _empty_note(parts: list[str], note: str) -> None:
    parts.append(
        f'<text x="{(LEFT + WIDTH - RIGHT) / 2}" y="{TOP + (HEIGHT - TOP - BOTTOM) / 2}" text-anchor="middle" '
        f'font-size="14" fill="{MUTED}">{escape(note)}</text>'
    )


def bar_chart(
    labels: Sequence[str],
    series: Sequence[tuple[str, Sequence[int]]],
    title: str,
    desc: str,
    chart_id: str,
    empty: str = "No signatures yet",
) -> Markup:
    """Bars, one per label; with several series each bar is a stack (first series at the bottom) and a
    legend names the colours. ``labels``: what each bar is (a day, an hour), shown at a few ticks."""
    plot_width, plot_height = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    totals = [sum(values[i] for _, values in series) for i in range(len(labels))]
    top = nice_ceiling(max(totals, default=0))
    legend_height = 22 * len(series) if len(series) > 1 else 0
    parts = [_open("bar", title, desc, chart_id, WIDTH, HEIGHT + legend_height)]
    parts += _axes(top, plot_height)
    slot = plot_width / max(len(labels), 1)
    gap = slot * 0.15 if slot >= 4 else 0
    for index in range(len(labels)):
        base = 0
        for number, (_, values) in enumerate(series):
            value = values[index]
            if value <= 0:
                continue
            y = TOP + plot_height - plot_height * (base + value) / top
            height = plot_height * value / top
            parts.append(
                f'<rect x="{_num(LEFT + slot * index + gap / 2)}" y="{_num(y)}" width="{_num(slot - gap)}" '
                f'height="{_num(height)}" fill="{COLOURS[number % len(COLOURS)]}"/>'
            )
            base += value
    if not any(totals):
        _empty_note(parts, empty)
    parts += _x_labels(labels, plot_width, slot)
    if len(series) > 1:
        for number, (name, values) in enumerate(series):
            y = HEIGHT + 22 * number + 4
            parts.append(
                f'<rect x="{LEFT}" y="{y}" width="14" height="14" fill="{COLOURS[number % len(COLOURS)]}"/>'
                f'<text x="{LEFT + 20}" y="{y + 12}" font-size="13" fill="{INK}">{escape(name)}: '
                f"{sum(values):,}</text>"
            )
    parts.append("</svg>")
    return Markup("".join(parts))


def line_chart(
    labels: Sequence[str],
    values: Sequence[int],
    title: str,
    desc: str,
    chart_id: str,
    empty: str = "No signatures yet",
) -> Markup:
    """A line through ``values`` (a running total), a dot on the last one, and its figure written there."""
    plot_width, plot_height = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    top = nice_ceiling(max(values, default=0))
    parts = [_open("line", title, desc, chart_id, WIDTH, HEIGHT)]
    parts += _axes(top, plot_height)
    n = len(values)
    slot = plot_width / max(n, 1)

    def point(i: int) -> tuple[float, float]:
        return LEFT + slot * i + slot / 2, TOP + plot_height - plot_height * values[i] / top

    if n and any(values):
        coords = " ".join(f"{_num(x)},{_num(y)}" for x, y in (point(i) for i in range(n)))
        if n == 1:
            x, y = point(0)
            coords = f"{LEFT},{_num(y)} {_num(WIDTH - RIGHT)},{_num(y)}"
        parts.append(f'<polyline points="{coords}" fill="none" stroke="{COLOURS[0]}" stroke-width="2.5"/>')
        x, y = point(n - 1)
        parts.append(
            f'<circle cx="{_num(x)}" cy="{_num(y)}" r="4" fill="{COLOURS[0]}"/>'
            f'<text x="{_num(x - 6)}" y="{_num(max(y - 8, TOP + 12))}" text-anchor="end" font-size="13" '
            f'font-weight="bold" fill="{INK}">{values[-1]:,}</text>'
        )
    else:
        _empty_note(parts, empty)
    parts += _x_labels(labels, plot_width, slot)
    parts.append("</svg>")
    return Markup("".join(parts))


# The UK as tiles: (column, row) on a 4 x 5 grid, north at the top, and the short name written on the tile.
TILES: dict[str, tuple[int, int, str]] = {
    "scotland": (1, 0, "Scotland"),
    "northern-ireland": (0, 1, "N Ireland"),
    "north-east": (2, 1, "North East"),
    "north-west": (1, 2, "North West"),
    "yorkshire-and-the-humber": (2, 2, "Yorkshire"),
    "wales": (0, 3, "Wales"),
    "west-midlands": (1, 3, "W Midlands"),
    "east-midlands": (2, 3, "E Midlands"),
    "east-of-england": (3, 3, "East"),
    "south-west": (1, 4, "South West"),
    "south-east": (2, 4, "South East"),
    "london": (3, 4, "London"),
}
TILE, TILE_GAP = 80, 4
# Light to dark; the text on each shade is whichever of ink or white contrasts with it at 4.5:1 or more.
SHADES = (("#f6ebf2", INK), ("#e2bcd5", INK), ("#b86b9f", "#000000"), ("#8e2f6e", PAPER), ("#5a1543", PAPER))


def shade_steps(top: int) -> list[tuple[int, int]]:
    """The legend's ranges: up to five equal steps from 1 to ``top`` (fewer when ``top`` is small)."""
    if top <= 0:
        return []
    steps = min(len(SHADES), top)
    bounds = [math.ceil(top * (k + 1) / steps) for k in range(steps)]
    ranges, low = [], 1
    for high in bounds:
        ranges.append((low, high))
        low = high + 1
    return ranges


def _shade(count: int, steps: list[tuple[int, int]]) -> tuple[str, str]:
    if count <= 0:
        return PAPER, INK
    for index, (_, high) in enumerate(steps):
        if count <= high:
            return SHADES[index + len(SHADES) - len(steps)]
    return SHADES[-1]


def tile_map(
    counts: Mapping[str, int], names: Mapping[str, str], title: str, desc: str, chart_id: str
) -> Markup:
    """The twelve tiles, each with ``data-region`` and ``data-count`` and its name and count as text, and a
    legend of the shades. ``names``: the full name of each region, for each tile's accessible label."""
    width = 4 * (TILE + TILE_GAP)
    grid_height = 5 * (TILE + TILE_GAP)
    top = max((counts.get(code, 0) for code in TILES), default=0)
    steps = shade_steps(top)
    legend_rows = len(steps) + 1
    height = grid_height + 10 + 22 * legend_rows
    parts = [_open("tiles", title, desc, chart_id, width, height)]
    for code, (column, row, short) in TILES.items():
        count = int(counts.get(code, 0))
        fill, text = _shade(count, steps)
        x, y = column * (TILE + TILE_GAP), row * (TILE + TILE_GAP)
        parts.append(
            f'<g class="tile" data-region="{escape(code)}" data-count="{count}">'
            f"<title>{escape(names.get(code, short))}: {count:,}</title>"
            f'<rect x="{x}" y="{y}" width="{TILE}" height="{TILE}" rx="4" fill="{fill}" stroke="{MUTED}"/>'
            f'<text class="tile-name" x="{x + TILE / 2}" y="{y + 30}" text-anchor="middle" font-size="11" '
            f'fill="{text}">{escape(short)}</text>'
            f'<text class="tile-count" x="{x + TILE / 2}" y="{y + 54}" text-anchor="middle" font-size="16" '
            f'font-weight="bold" fill="{text}">{count:,}</text></g>'
        )
    legend = [(PAPER, "None")] + [
        (SHADES[i + len(SHADES) - len(steps)][0], f"{low:,}" if low == high else f"{low:,} to {high:,}")
        for i, (low, high) in enumerate(steps)
    ]
    for number, (fill, label) in enumerate(legend):
        y = grid_height + 10 + 22 * number
        parts.append(
            f'<rect x="0" y="{y}" width="16" height="16" fill="{fill}" stroke="{MUTED}"/>'
            f'<text x="24" y="{y + 13}" font-size="13" fill="{INK}">{escape(label)}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def register_chart_helpers(app: Flask) -> None:
    app.jinja_env.globals.update(bar_chart=bar_chart, line_chart=line_chart, tile_map=tile_map)
