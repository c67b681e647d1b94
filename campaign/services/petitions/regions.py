"""UK postcodes to nation and region, offline, from the shipped tables of postcode districts and areas.

A postcode district (the outward code: SY23, CH5, TD15, KT22...) maps to the nation and ONS region where
most of its postcodes lie (postcode_districts.csv), so districts across a border from the rest of their
area count on their own side: Aberystwyth (SY23) and Flintshire (CH5, CH7) in Wales, Berwick (TD15) in
England, Leatherhead (KT22) in the South East. A district missing from that table (a new one) falls back
to its postcode area's region (postcode_areas.csv), which is also what a postcode is validated against.
"""

from __future__ import annotations

import csv
import re
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "data" / "postcode_areas.csv"
DISTRICTS = DATA.with_name("postcode_districts.csv")

REGIONS: dict[str, tuple[str, str]] = {
    # code: (name, nation)
    "north-east": ("North East", "england"),
    "north-west": ("North West", "england"),
    "yorkshire-and-the-humber": ("Yorkshire and the Humber", "england"),
    "east-midlands": ("East Midlands", "england"),
    "west-midlands": ("West Midlands", "england"),
    "east-of-england": ("East of England", "england"),
    "london": ("London", "england"),
    "south-east": ("South East", "england"),
    "south-west": ("South West", "england"),
    "wales": ("Wales", "wales"),
    "scotland": ("Scotland", "scotland"),
    "northern-ireland": ("Northern Ireland", "northern-ireland"),
    "crown-dependencies": ("Channel Islands and Isle of Man", "crown-dependencies"),
}
NATIONS = {
    "england": "England",
    "wales": "Wales",
    "scotland": "Scotland",
    "northern-ireland": "Northern Ireland",
    "crown-dependencies": "Crown Dependencies",
}

# Outward code (area, district, optional sub-district letter) and inward code (sector digit, unit letters).
_POSTCODE = re.compile(r"^([A-Z]{1,2})([0-9][0-9A-Z]?)\s*([0-9][ABD-HJLNP-UW-Z]{2})$")


@cache
def postcode_areas() -> dict[str, str]:
    with DATA.open(encoding="utf-8") as handle:
        return {row["area"]: row["region"] for row in csv.DictReader(handle)}


@cache
def postcode_districts() -> dict[str, str]:
    """District (outward code) -> region code; the file's comment lines (its origin) are skipped."""
    with DISTRICTS.open(encoding="utf-8") as handle:
        rows = csv.DictReader(line for line in handle if not line.startswith("#"))
        return {row["district"]: row["region"] for row in rows}


def normalise_postcode(raw: str) -> str | None:
    """'sw1a1aa' -> 'SW1A 1AA'; None if it is not shaped like a UK postcode or its area is unknown."""
    compact = re.sub(r"\s+", "", (raw or "").upper())
    match = _POSTCODE.match(compact)
    if not match or match.group(1) not in postcode_areas():
        return None
    return f"{match.group(1)}{match.group(2)} {match.group(3)}"


def region_for_postcode(postcode: str) -> str | None:
    normalised = normalise_postcode(postcode)
    if normalised is None:
        return None
    district = normalised.split(" ")[0]
    found = postcode_districts().get(district)
    if found is not None:
        return found
    area = re.match(r"[A-Z]+", district).group(0)
    return postcode_areas().get(area)


def region_name(code: str | None) -> str:
    return REGIONS[code][0] if code in REGIONS else "Outside the UK"


def nation_of(code: str | None) -> str | None:
    return REGIONS[code][1] if code in REGIONS else None
