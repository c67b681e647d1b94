"""The word lists behind the detectors: the shipped data files in campaign/data (common UK first names,
UK towns, cities, London areas and counties with their region, postcode areas), each read once on first
use; and two hand-written lists: names that are also ordinary words, and capitalised words that are
never names."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"


@cache
def first_names() -> frozenset[str]:
    with (DATA / "first_names.txt").open(encoding="utf-8") as handle:
        return frozenset(line.strip().lower() for line in handle if line.strip())


@dataclass(frozen=True)
class Place:
    name: str
    kind: str  # city, town, borough, area, county
    region: str  # "" when the name exists in more than one region


@cache
def uk_places() -> dict[str, list[tuple[tuple[str, ...], Place]]]:
    """First word -> [(all words, place)], longest first, so "Newcastle upon Tyne" beats "Newcastle"."""
    index: dict[str, list[tuple[tuple[str, ...], Place]]] = {}
    with (DATA / "uk_places.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            words = tuple(row["name"].replace(".", "").split())
            index.setdefault(words[0], []).append((words, Place(row["name"], row["kind"], row["region"])))
    for entries in index.values():
        entries.sort(key=lambda entry: -len(entry[0]))
    return index


# Names that are also ordinary capitalised words (months, virtues, places, surnames in citations):
# only reported when the story ties them to a child, never as a bare "First name".
AMBIGUOUS_NAMES = frozenset(
    """may will grace hope faith joy rose mark bill sunny summer autumn ruby amber april june august
    christian angel precious blessing mercy patience honey harmony melody liberty trinity storm sky skye
    frank jay drew ray glen dale lee dawn penny kitty dolly sue pat ken don paris sydney india georgia
    florence chelsea devon lincoln victoria jordan vienna milan eden mercedes rio pearl fern jade ebony
    crystal sage honor noel carol holly violet iris hazel heather jasmine olive mason carter cooper
    taylor harper parker bailey hunter morgan lewis ellis harris jackson hudson marshall howard stanley
    warren norman bernard douglas miles""".split()
)

# Capitalised words that are not names even after "my son" (institutions, holidays, pronouns...).
NOT_NAMES = frozenset(
    """i i'm i've i'd i'll a an the my our your his her their this that these those he she they we you it
    mum mummy mam mom dad daddy nan nana nanny gran granny grandma grandad granddad grandpa mother father
    social services service court courts family council care children child children's protection police
    nhs school nursery judge cafcass camhs section act order plan conference report review register
    assessment centre unit team office hospital ward contact legal aid christmas easter eid diwali
    ramadan hanukkah god jesus allah lord english british welsh scottish irish polish muslim jewish hindu
    sikh catholic islamic local authority government parliament mp however then so yes no sadly eventually
    today now also meanwhile afterwards later finally unfortunately instead but and or because when after
    before while since until once every each all both only even still just not never always sometimes
    monday tuesday wednesday thursday friday saturday sunday january february march may june july august
    september october november december jan feb mar apr jun jul aug sep sept oct nov dec mr mrs ms miss
    dr sir dame lady lord prof professor hhj dj cllr pc ds dc di mx rev justice guardian ofsted
    emergency interim supervision care-order placement adoption fostering foster""".split()
)


@cache
def postcode_areas() -> frozenset[str]:
    with (DATA / "postcode_areas.csv").open(encoding="utf-8") as handle:
        return frozenset(row["area"] for row in csv.DictReader(handle))
