"""The server-drawn charts against known figures: bar heights in proportion, axes that fit the data, the
tile map's shades and legend, nothing unescaped, and an empty chart that says so."""

import re

from campaign.web.charts import (
    BOTTOM,
    HEIGHT,
    SHADES,
    TILES,
    TOP,
    bar_chart,
    line_chart,
    nice_ceiling,
    shade_steps,
    tile_map,
)

PLOT = HEIGHT - TOP - BOTTOM


def _bars(svg: str) -> list[float]:
    return [float(h) for h in re.findall(r'<rect x="[^"]*" y="[^"]*" width="[^"]*" height="([^"]*)"', svg)]


def test_nice_ceiling_rounds_up_to_one_two_or_five():
    assert [nice_ceiling(v) for v in (0, 1, 2, 3, 7, 10, 11, 240, 501, 20_000)] == [
        1, 1, 2, 5, 10, 10, 20, 500, 1000, 20_000,
    ]  # fmt: skip


def test_bars_are_in_proportion_and_the_axis_tops_at_a_round_number():
    svg = str(bar_chart(["a", "b", "c"], [("Signatures", [0, 5, 10])], "Each day", "Ten at most", "c1"))
    assert svg.startswith('<svg class="chart chart-bar" role="img"')
    assert '<title id="c1-title">Each day</title><desc id="c1-desc">Ten at most</desc>' in svg
    assert _bars(svg) == [PLOT / 2, PLOT]  # no bar for the empty day
    assert re.findall(r">([\d,]+)</text>", svg) == ["0", "5", "10"]


def test_stacked_bars_name_their_series_in_a_legend_with_totals():
    svg = str(bar_chart(["d1", "d2"], [("Members", [1, 3]), ("Paper", [0, 6])], "By source", "", "c2"))
    assert _bars(svg)[:3] == [PLOT / 10, PLOT * 3 / 10, PLOT * 6 / 10]
    assert "Members: 4</text>" in svg and "Paper: 6</text>" in svg


def test_everything_given_is_escaped():
    hostile = '<script>alert(1)</script>"'
    svg = str(bar_chart([hostile], [(hostile, [1]), ("b", [1])], hostile, hostile, 'x"y'))
    assert "<script" not in svg and "&lt;script&gt;" in svg and "x&#34;y-title" in svg


def test_an_empty_chart_says_so_and_draws_no_bars_or_line():
    bars = str(bar_chart(["a", "b"], [("Signatures", [0, 0])], "t", "d", "e1"))
    line = str(line_chart(["a", "b"], [0, 0], "t", "d", "e2"))
    assert _bars(bars) == [] and "No signatures yet" in bars
    assert "<polyline" not in line and "No signatures yet" in line
    assert "No signatures yet" in str(bar_chart([], [("Signatures", [])], "t", "d", "e3"))


def test_a_single_day_is_a_level_line_ending_at_its_figure():
    svg = str(line_chart(["30 Nov"], [7], "t", "d", "l1"))
    points = re.search(r'<polyline points="([^"]*)"', svg).group(1).split()
    assert len(points) == 2 and points[0].split(",")[1] == points[1].split(",")[1]
    assert ">7</text>" in svg and ">30 Nov</text>" in svg


def test_shade_steps_split_the_range_evenly():
    assert shade_steps(0) == []
    assert shade_steps(3) == [(1, 1), (2, 2), (3, 3)]
    assert shade_steps(50) == [(1, 10), (11, 20), (21, 30), (31, 40), (41, 50)]
    assert shade_steps(7) == [(1, 2), (3, 3), (4, 5), (6, 6), (7, 7)]


def test_the_tile_map_shades_each_region_and_writes_its_count():
    names = {"london": "London", "wales": "Wales"}
    svg = str(tile_map({"london": 50, "wales": 10, "scotland": 0}, names, "Where", "desc", "m1"))
    tiles = dict(re.findall(r'data-region="([a-z-]+)" data-count="(\d+)"', svg))
    assert set(tiles) == set(TILES) and len(tiles) == 12
    assert tiles["london"] == "50" and tiles["wales"] == "10" and tiles["north-east"] == "0"
    fill = dict(
        re.findall(r'data-region="([a-z-]+)"[^>]*><title>[^<]*</title><rect [^>]*fill="([^"]*)"', svg)
    )
    assert fill["london"] == SHADES[-1][0] and fill["wales"] == SHADES[0][0] and fill["scotland"] == "#ffffff"
    assert "<title>London: 50</title>" in svg and "<title>Wales: 10</title>" in svg
    legend = re.findall(r'font-size="13" fill="#1d1d1b">([^<]*)</text>', svg)
    assert legend == ["None", "1 to 10", "11 to 20", "21 to 30", "31 to 40", "41 to 50"]
