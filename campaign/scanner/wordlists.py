"""The word lists behind the detectors: the shipped data files in campaign/data (common UK first names,
UK towns, cities, London areas and counties with their region, postcode areas), each read once on first
use; and two hand-written lists: names that are also ordinary words, and capitalised words that are
never names."""

from __future__ import annotations

import csv
import re
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
    warren norman bernard douglas miles jan""".split()
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
    mon tue tues wed thu thur thurs fri sat sun
    dr sir dame lady lord prof professor hhj dj cllr pc ds dc di mx rev justice guardian ofsted
    emergency interim supervision care-order placement adoption fostering foster""".split()
)


@cache
def postcode_areas() -> frozenset[str]:
    with (DATA / "postcode_areas.csv").open(encoding="utf-8") as handle:
        return frozenset(row["area"] for row in csv.DictReader(handle))


REGION_PHRASE = {
    "North East": "the North East",
    "North West": "the North West",
    "Yorkshire and the Humber": "Yorkshire",
    "East Midlands": "the East Midlands",
    "West Midlands": "the West Midlands",
    "East of England": "the East of England",
    "London": "London",
    "South East": "the South East",
    "South West": "the South West",
    "Wales": "Wales",
    "Scotland": "Scotland",
    "Northern Ireland": "Northern Ireland",
}


def region_phrase(region: str) -> str:
    return REGION_PHRASE.get(region, "")


def _rows(name: str) -> list[dict[str, str]]:
    path = DATA / name
    if not path.exists():  # pragma: no cover - while the lists are being built
        return []
    with path.open(encoding="utf-8") as handle:
        return [row for row in csv.DictReader(handle) if not row.get("name", "").startswith("#")]


def _words(name: str) -> tuple[str, ...]:
    """Lower-case words as the tokeniser sees them: "Women's" -> "women" (its possessive 's dropped)."""
    words = re.findall(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*", name.lower().replace("’", "'"))
    return tuple(w[:-2] if w.endswith("'s") and len(w) > 3 else w for w in words)


# Nations and regions are where a moderator generalises to, never a finding (a village called Wales
# in South Yorkshire notwithstanding).
_NOT_PLACES = frozenset(
    tuple(name.split())
    for name in """wales|scotland|england|britain|great britain|ireland|northern ireland|uk|united kingdom
    |north|south|east|west|midlands|the north|the south|north east|north west|south east|south west
    |east midlands|west midlands|east of england|yorkshire|yorkshire and the humber|london|greater london
    |the midlands|home counties|west country|highlands|lowlands|borders|the borders|valleys|the valleys
    |south wales|north wales|mid wales|west wales|cornwall|devon|kent|essex|cumbria|lancashire|merseyside
    |greater manchester|west yorkshire|south yorkshire|north yorkshire|east yorkshire|tyne and wear
    |county durham|durham|northumberland|cheshire|derbyshire|nottinghamshire|lincolnshire|norfolk
    |suffolk|sussex|surrey|hampshire|dorset|somerset|wiltshire|gloucestershire|oxfordshire|berkshire
    |buckinghamshire|hertfordshire|bedfordshire|cambridgeshire|northamptonshire|leicestershire
    |warwickshire|worcestershire|herefordshire|shropshire|staffordshire|west sussex|east sussex
    |isle of wight|rutland|fife|lothian|strathclyde|grampian|tayside|dumfries and galloway
    |antrim|armagh|down|fermanagh|tyrone|londonderry|ireland|europe|africa|asia|america|australia|poland
    |romania|lithuania|latvia|bulgaria|slovakia|hungary|czechia|ukraine|russia|syria|iraq|iran|afghanistan
    |pakistan|india|bangladesh|sri lanka|nigeria|ghana|somalia|eritrea|ethiopia|sudan|kenya|uganda|zimbabwe
    |jamaica|trinidad|portugal|spain|italy|france|germany|turkey|albania|kosovo|china|vietnam|philippines
    |brazil|morocco|egypt|yemen|the uk|the us|usa|canada""".replace("\n", " ").split("|")
)
_NOT_PLACES = frozenset(tuple(" ".join(words).split()) for words in _NOT_PLACES)


def is_region(words: tuple[str, ...]) -> bool:
    """A nation, region or county ("Scotland", "the Midlands", "Cornwall"): never a finding on its own."""
    return words in _NOT_PLACES


@cache
def known_places() -> tuple[
    dict[str, list[tuple[tuple[str, ...], Place]]], dict[str, list[tuple[tuple[str, ...], Place]]]
]:
    """Every place the lists know, in lower case, indexed (by first word, by last word), longest first:
    towns and areas, the gazetteer's villages, suburbs and estates, council areas and court towns."""
    places: dict[tuple[str, ...], Place] = {}
    clash: set[tuple[str, ...]] = set()

    def add(name: str, kind: str, region: str, council: bool = False) -> None:
        words = _words(name)
        if not words or (words in _NOT_PLACES and not council):
            return
        old = places.get(words)
        if old is not None and old.region != region and region and old.region:
            clash.add(words)
        if old is None or (not old.region and region):
            places[words] = Place(name, kind, region)

    for row in _rows("uk_places.csv"):
        add(row["name"], row["kind"], row["region"])
    for row in _rows("gazetteer.csv"):
        add(row["name"], row["kind"], row["region"])
    for row in _rows("local_authorities.csv"):
        if row["kind"] not in {"childrens_trust", "ni_trust"}:
            for name in [row["name"], *filter(None, row.get("aliases", "").split(";"))]:
                add(name, "area", row["region"], council=True)
    for row in _rows("family_courts.csv"):
        if row.get("town"):
            add(row["town"], "town", row["region"])
    for words in clash:
        place = places[words]
        places[words] = Place(place.name, place.kind, "")
    by_first: dict[str, list[tuple[tuple[str, ...], Place]]] = {}
    by_last: dict[str, list[tuple[tuple[str, ...], Place]]] = {}
    for words, place in places.items():
        by_first.setdefault(words[0], []).append((words, place))
        by_last.setdefault(words[-1], []).append((words, place))
    for index in (by_first, by_last):
        for entries in index.values():
            entries.sort(key=lambda entry: -len(entry[0]))
    return by_first, by_last


def place_ending_at(tokens: list, end: int) -> tuple[int, Place] | None:
    """The longest known place whose last word is token ``end - 1``, in any case: (first token, place)."""
    last = tokens[end - 1]
    for words, place in known_places()[1].get(last.lower, ()):
        first = end - len(words)
        if first >= 0 and all(
            tokens[first + k].lower == w and tokens[first + k].sentence == last.sentence
            for k, w in enumerate(words)
        ):
            return first, place
    return None


def place_starting_at(tokens: list, index: int) -> tuple[int, Place] | None:
    """The longest known place whose first word is token ``index``, in any case: (last token, place)."""
    first = tokens[index]
    for words, place in known_places()[0].get(first.lower, ()):
        last = index + len(words) - 1
        if last < len(tokens) and all(
            tokens[index + k].lower == w and tokens[index + k].sentence == first.sentence
            for k, w in enumerate(words)
        ):
            return last, place
    return None


@dataclass(frozen=True)
class Listed:
    kind: str  # court, local_authority, hospital
    keyword: str  # what its suggestion is built from ("family court", "children's trust", "hospital")
    region: str
    abbreviation: bool  # "LGI": only in capitals


_HOSPITAL_ENDINGS = re.compile(r"\s+(?:University\s+)?(?:Hospital|Infirmary)$")
_GENERAL_ENDING = re.compile(
    r"\s+(?:(?:General|District|Community)\s+)?(?:University\s+)?(?:Hospital|Infirmary)$"
)


_GENERIC_HOSPITAL_WORDS = frozenset(
    """northern southern eastern western north south east west royal city county general university queen
    princess prince king central district community memorial infirmary st saint the of new old
    children women maternity heath park hill bridge cross green grove wood woods field fields vale lane
    hall house manor mount view gate gardens road street castle abbey priory chapel church court farm
    moor dale bank side end town""".split()
)


def _is_place(words: tuple[str, ...]) -> bool:
    return any(entry == words for entry, _ in known_places()[0].get(words[0], ()))


@cache
def institutions() -> dict[str, list[tuple[tuple[str, ...], Listed]]]:
    """Courts, hospitals, children's trusts and NI trusts by name and alias: first word -> entries,
    longest first."""
    index: dict[str, list[tuple[tuple[str, ...], Listed]]] = {}

    def add(name: str, listed: Listed) -> None:
        words = _words(name)
        if re.search(r"\w'?s\b", name.replace("’", "'")) and "'s" in name.replace("’", "'"):
            # "liverpool womens", "st jamess": the possessive written without its apostrophe
            plain = tuple(w if w in _words(name.replace("'s", "").replace("’s", "")) else w for w in words)
            glued = _words(name.replace("'s", "s").replace("’s", "s"))
            if glued != plain:
                add(name.replace("'s", "s").replace("’s", "s"), listed)
        if words:
            short = len(words) == 1 and name.isupper()
            index.setdefault(words[0], []).append(
                (words, Listed(listed.kind, listed.keyword, listed.region, short))
            )

    for row in _rows("family_courts.csv"):
        for name in [row["name"], *filter(None, row.get("aliases", "").split(";"))]:
            add(
                name,
                Listed(
                    "court",
                    "sheriff court" if "sheriff" in name.lower() else "family court",
                    row["region"],
                    False,
                ),
            )
    for row in _rows("hospitals.csv"):
        for name in [row["name"], *filter(None, row.get("aliases", "").split(";"))]:
            add(name, Listed("hospital", "hospital", row["region"], False))
            # Parents drop the last word: "Pinderfields", "Royal Blackburn", "Tameside General"
            shorts = [_HOSPITAL_ENDINGS.sub("", name), _GENERAL_ENDING.sub("", name)]
            shorts += [short.replace("Victoria", "Vic") for short in shorts if "Victoria" in short]
            for short in shorts:
                words = _words(short)
                if (
                    short != name
                    and words
                    and not set(words) <= _GENERIC_HOSPITAL_WORDS
                    and not _is_place(words)
                    and not (len(words) == 1 and words[0] in first_names())
                ):
                    add(short, Listed("hospital", "hospital", row["region"], False))
    for row in _rows("local_authorities.csv"):
        if row["kind"] in {"childrens_trust", "ni_trust"}:
            keyword = "health and social care trust" if row["kind"] == "ni_trust" else "children's trust"
            for name in [row["name"], *filter(None, row.get("aliases", "").split(";"))]:
                add(name, Listed("local_authority", keyword, row["region"], False))
    for entries in index.values():
        entries.sort(key=lambda entry: -len(entry[0]))
    return index


@cache
def hospitals_named_by_place() -> dict[tuple[str, ...], str]:
    """Hospitals whose short name is also a place ("Homerton", "Morriston", "the Heath", "Walsgrave"):
    words -> region. places.py reports one as the hospital where the words before it can only mean one
    ("born at Homerton", "admitted to Morriston")."""
    found: dict[tuple[str, ...], str] = {}
    for row in _rows("hospitals.csv"):
        for name in [row["name"], *filter(None, row.get("aliases", "").split(";"))]:
            for short in (_HOSPITAL_ENDINGS.sub("", name), _GENERAL_ENDING.sub("", name)):
                words = _words(short)
                if short != name and words and _is_place(words) and not set(words) <= _GENERIC_HOSPITAL_WORDS:
                    found.setdefault(words, row["region"])
    return found


@cache
def place_words() -> frozenset[str]:
    """Place names that are also everyday words in lower case ("hope", "pool"): see
    scripts/build_place_words.py."""
    with (DATA / "place_words.txt").open(encoding="utf-8") as handle:
        return frozenset(line.strip() for line in handle if line.strip() and not line.startswith("#"))
