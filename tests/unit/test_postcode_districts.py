"""Postcodes count toward the nation and region of their district, not of their whole postcode area."""

import csv
import re

import pytest

from campaign.services.petitions import regions
from campaign.services.petitions.regions import REGIONS, nation_of, region_for_postcode


@pytest.mark.parametrize(
    ("postcode", "region"),
    [
        # Wales / England
        ("SY23 1AA", "wales"),  # Aberystwyth
        ("SY1 1AA", "west-midlands"),  # Shrewsbury
        ("CH5 4AA", "wales"),  # Flintshire: Deeside
        ("CH7 1AA", "wales"),  # Flintshire: Mold
        ("CH1 1AA", "north-west"),  # Chester
        ("LD1 5AA", "wales"),  # Llandrindod Wells
        ("HR1 1AA", "west-midlands"),  # Hereford
        ("NP16 5AA", "wales"),  # Chepstow
        # Scotland / England
        ("TD15 1AA", "north-east"),  # Berwick-upon-Tweed
        ("TD1 1AA", "scotland"),  # Galashiels
        ("DG16 5AA", "scotland"),  # Gretna
        ("CA6 4AA", "north-west"),  # Longtown, Cumbria
        # London's edge
        ("KT22 7AA", "south-east"),  # Leatherhead
        ("KT1 1AA", "london"),  # Kingston upon Thames
        ("TW20 0AA", "south-east"),  # Egham
        ("TW1 1AA", "london"),  # Twickenham
        ("EN6 1AA", "east-of-england"),  # Potters Bar
        ("EN1 1AA", "london"),  # Enfield
        ("CR0 1AA", "london"),  # Croydon
        ("BR1 1AA", "london"),  # Bromley
        ("RM1 1AA", "london"),  # Romford
        ("RM16 4AA", "east-of-england"),  # Grays, Thurrock
        ("DA14 6AA", "london"),  # Sidcup (the DA area is otherwise Kent)
        # Northern Ireland and the Crown Dependencies
        ("BT1 1AA", "northern-ireland"),
        ("BT94 1AA", "northern-ireland"),
        ("GY1 1AA", "crown-dependencies"),
    ],
)
def test_border_districts_count_on_their_own_side(postcode, region):
    assert region_for_postcode(postcode) == region
    assert region_for_postcode(postcode.lower().replace(" ", "")) == region


@pytest.mark.parametrize(
    ("postcode", "nation"),
    [
        ("SY23 3AA", "wales"),
        ("CH7 1AA", "wales"),
        ("SY1 1AA", "england"),
        ("TD15 1AA", "england"),
        ("TD1 1AA", "scotland"),
        ("KT22 7AA", "england"),
        ("BT7 1AA", "northern-ireland"),
    ],
)
def test_nation_follows_the_district(postcode, nation):
    assert nation_of(region_for_postcode(postcode)) == nation


def test_a_district_missing_from_the_table_falls_back_to_its_area(monkeypatch):
    monkeypatch.setattr(regions, "postcode_districts", lambda: {})
    assert region_for_postcode("SY23 1AA") == "west-midlands"  # the SY area's region
    assert region_for_postcode("BT1 1AA") == "northern-ireland"
    assert region_for_postcode("ZZ1 1AA") is None  # not a UK postcode area at all


def test_the_table_covers_every_area_with_known_regions_and_consistent_nations():
    with regions.DISTRICTS.open(encoding="utf-8") as handle:
        lines = handle.read().splitlines()
    assert any("Open Government Licence" in line for line in lines if line.startswith("#"))
    rows = list(csv.DictReader(line for line in lines if not line.startswith("#")))
    assert len(rows) > 2900
    assert len({row["district"] for row in rows}) == len(rows)
    for row in rows:
        assert row["region"] in REGIONS, row
        assert nation_of(row["region"]) == row["nation"], row
        assert re.fullmatch(r"[A-Z]{1,2}[0-9][0-9A-Z]?", row["district"]), row
    areas = {re.match(r"[A-Z]+", row["district"]).group(0) for row in rows}
    assert areas == set(regions.postcode_areas())
