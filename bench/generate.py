"""A seeded, reproducible news feed for the benchmark, composed from `bench/phrases.py`.

Real reports cannot be copied into the repository, so the benchmark runs on articles written
from the team's own phrase bank: 300 to 1,500 words, about 700 on average, most of them not
about labour dispatch (politics, economy, sports, weather, tech, health, culture), a few North
Korea stories about missiles and diplomacy, and a minority of dispatch reports with places,
dates, worker counts, rounds, sources, hedges and sanctions.

Each article depends only on (seed, index), so any sample of the feed can be rebuilt without
the rest, and two runs with the same seed give the same text byte for byte.

    python bench/generate.py --count 10000 --seed 2026 --stats
    python bench/generate.py --count 20 --out /tmp/feed.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import phrases as P  # noqa: E402 - the bank sits beside this script, not in the package

DEFAULT_SEED = 2026
DEFAULT_COUNT = 10_000
MIN_WORDS, MAX_WORDS, MEAN_WORDS = 300, 1500, 700

# Share of each kind of story in the feed: dispatch reports are a small minority, as in a
# general news feed that a monitoring desk would watch.
TOPIC_WEIGHTS: dict[str, float] = {
    "politics": 0.20,
    "economy": 0.20,
    "sports": 0.15,
    "tech": 0.12,
    "weather": 0.08,
    "health": 0.06,
    "culture": 0.05,
    "nk_other": 0.06,
    "dispatch": 0.08,
}
TIMED_SHARE = 0.35  # share of sentences that carry a time expression
SECONDARY_SHARE = 0.15  # share of sentences drawn from another topic, as real stories wander
FIRST_DAY, LAST_DAY = date(2016, 1, 1), date(2025, 12, 31)


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    topic: str
    title: str
    published: str
    text: str
    words: int


def _bank(topic: str) -> dict[str, tuple[str, ...]]:
    if topic == "dispatch":
        return P.DISPATCH
    if topic == "nk_other":
        return P.NK_OTHER
    return P.TOPICS[topic]


class _Slots(dict[str, str]):
    """Fills each `{slot}` of a template with a fresh random value."""

    def __init__(self, rng: random.Random, published: date) -> None:
        super().__init__()
        self.rng = rng
        self.published = published

    def __missing__(self, key: str) -> str:  # called by str.format_map for every slot
        r = self.rng
        if key.endswith("_cap"):
            value = self.__missing__(key[:-4])
            return value[:1].upper() + value[1:]
        if key.endswith("_upper"):
            return self.__missing__(key[:-6]).upper()
        simple = {
            "city": P.CITIES,
            "country": P.COUNTRIES,
            "party": P.PARTIES,
            "company": P.COMPANIES,
            "team": P.TEAMS,
            "team2": P.TEAMS,
            "product": P.PRODUCTS,
            "outlet": P.OUTLETS,
            "wire": P.WIRES,
            "when": P.WHEN,
            "month": P.MONTHS,
            "year": P.YEARS,
            "kp_place": P.KP_PLACES,
            "ru_place": P.RU_PLACES,
            "ua_place": P.UA_PLACES,
            "transit": P.TRANSIT,
            "workers": P.WORKERS,
            "source": P.SOURCES,
            "hedge": P.HEDGES,
            "hedge_adverb": P.HEDGE_ADVERBS,
            "sector": P.SECTORS,
            "sanction": P.SANCTIONS,
            "durations": P.DURATIONS,
            "ordinal": P.ORDINALS,
        }
        if key in simple:
            return r.choice(simple[key])
        if key == "person":
            return f"{r.choice(P.OFFICE_TITLES)} {r.choice(P.FIRST_NAMES)} {r.choice(P.LAST_NAMES)}"
        if key == "n":
            return str(r.randint(2, 15))  # "{n}00" stays clear of year-like numbers
        if key == "big":
            return f"{r.randint(1_200, 98_000):,}"
        if key == "pct":
            return f"{r.uniform(0.1, 9.9):.1f}"
        if key == "money":
            return (
                f"{r.choice('$€£')}{r.uniform(1.0, 950.0):.1f} {r.choice(('million', 'billion'))}"
            )
        if key == "score":
            return f"{r.randint(1, 5)}-{r.randint(0, 3)}"
        if key == "temp":
            return f"{r.randint(31, 46)} degrees Celsius"
        if key == "mm":
            return str(r.randint(40, 180))
        if key == "month_day":
            return f"{P.MONTHS[self.published.month - 1][:3]}. {self.published.day}"
        raise KeyError(key)


def _fill(template: str, slots: _Slots) -> str:
    text = template.format_map(slots)
    return text[:1].upper() + text[1:]  # a slot that opens a sentence ("hundreds of ...")


def _words(text: str) -> int:
    return len(text.split())


def article(index: int, seed: int = DEFAULT_SEED) -> Article:
    """The article at `index` of the feed of `seed`."""
    rng = random.Random(f"tumen-bench:{seed}:{index}")
    topic = rng.choices(list(TOPIC_WEIGHTS), weights=list(TOPIC_WEIGHTS.values()))[0]
    published = FIRST_DAY + timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days + 1))
    slots = _Slots(rng, published)
    bank = _bank(topic)
    others = [t for t in P.TOPICS if t != topic]
    target = int(min(MAX_WORDS, max(MIN_WORDS, rng.gauss(MEAN_WORDS - 15, 230))))

    # Shuffled decks, so an article repeats a template only after it has used the others.
    decks: dict[tuple[str, str], list[str]] = {}

    def draw(name: str, kind: str) -> str:
        deck = decks.get((name, kind))
        if not deck:
            deck = list(_bank(name)[kind])
            rng.shuffle(deck)
            decks[(name, kind)] = deck
        return deck.pop()

    title = _fill(rng.choice(bank["titles"]), slots)
    paragraphs: list[str] = []
    words = 0
    first = True
    while words < target:
        sentences = []
        for _ in range(rng.randint(1, 4)):
            source = rng.choice(others) if rng.random() < SECONDARY_SHARE else topic
            kind = "timed" if rng.random() < TIMED_SHARE else "timeless"
            sentence = _fill(draw(source, kind), slots)
            if words + _words(sentence) > MAX_WORDS:
                break
            sentences.append(sentence)
            words += _words(sentence)
        if not sentences:
            break
        paragraph = " ".join(sentences)
        if first and rng.random() < 0.4:
            dateline = _fill(rng.choice(P.DATELINES), slots)
            paragraph = f"{dateline} {paragraph}"
            words += _words(dateline)
        first = False
        paragraphs.append(paragraph)
    text = "\n\n".join(paragraphs)
    return Article(
        id=f"bench-{seed}-{index:06d}",
        topic=topic,
        title=title,
        published=published.isoformat(),
        text=text,
        words=_words(text),
    )


def feed(count: int = DEFAULT_COUNT, seed: int = DEFAULT_SEED) -> list[Article]:
    """The first `count` articles of the feed of `seed`."""
    return [article(i, seed) for i in range(count)]


def sample_indices(count: int, size: int, seed: int = DEFAULT_SEED) -> list[int]:
    """A seeded sample of article indices (the peer's 300), sorted."""
    return sorted(random.Random(f"tumen-bench-sample:{seed}").sample(range(count), size))


def timeless_sentences(count: int, seed: int = DEFAULT_SEED) -> Iterator[str]:
    """Sentences with no time expression, from the general topics' `timeless` templates."""
    rng = random.Random(f"tumen-bench-timeless:{seed}")
    slots = _Slots(rng, FIRST_DAY)
    pool = [t for bank in (*P.TOPICS.values(), P.NK_OTHER) for t in bank["timeless"]]
    for _ in range(count):
        yield _fill(rng.choice(pool), slots)


def describe(articles: list[Article]) -> dict[str, object]:
    words = [a.words for a in articles]
    return {
        "articles": len(articles),
        "words_mean": round(statistics.fmean(words), 1),
        "words_min": min(words),
        "words_max": max(words),
        "topics": dict(Counter(a.topic for a in articles).most_common()),
        "megabytes": round(sum(len(a.text.encode()) for a in articles) / 1e6, 1),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=DEFAULT_COUNT)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--out", type=Path, help="write the feed as JSON lines")
    parser.add_argument("--stats", action="store_true", help="print the feed's statistics")
    args = parser.parse_args(argv)
    articles = feed(args.count, args.seed)
    if args.out:
        with args.out.open("w", encoding="utf-8") as out:
            for a in articles:
                out.write(json.dumps(asdict(a), ensure_ascii=False) + "\n")
    if args.stats or not args.out:
        print(json.dumps(describe(articles), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
