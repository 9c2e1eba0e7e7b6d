"""Generated dispatch facts for the cohort model's tests: random reports of claims (types,
statuses, certainties, rounds, totals, teams, times, routes, terms), reproducible by seed."""

from __future__ import annotations

import random
from dataclasses import replace
from typing import get_args

from tumen.cohorts.contributions import CHAIN_TYPES
from tumen.cohorts.facts import Claim, ReportFacts
from tumen.cohorts.parts import SLOT_TYPES
from tumen.model import EVENT_TYPES, Certainty, Status

# The types the model reads (stages of the chain, slots of a cohort) and one it leaves loose.
TYPES = tuple(t for t in EVENT_TYPES if t in CHAIN_TYPES or t in SLOT_TYPES or t == "abuse")
STATUSES = get_args(Status)
CERTAINTIES = get_args(Certainty)
SOURCES = (None, "according to Daily NK", "a source told Yonhap", "a source")


def generated_claim(rng: random.Random, rid: str, n: int, day: str) -> Claim:
    kind = rng.choice(TYPES)
    total = None
    if rng.random() < 0.4:
        low = float(rng.choice((50, 100, 300, 500, 800, 1000)))
        total = (low, rng.choice((low, low * 1.2)))
    time = None
    if rng.random() < 0.5:
        start = f"2022-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        time = (start, rng.choice((start, "2022-12-31", None)))
    teams = team_size = None
    if rng.random() < 0.15:
        teams, team_size = (6.0, 6.0), (50.0, 50.0)
    return Claim(
        key=f"{rid}:e:{kind}:{n}:{n * 10}-{n * 10 + 5}",
        report=rid,
        type=kind,
        status=rng.choice(STATUSES),
        round=rng.choice((None, None, 1, 2, 3)),
        certainty=rng.choice(CERTAINTIES),
        attribution_kind="insider_source",
        attribution=rng.choice(SOURCES),
        extra=rng.random() < 0.1,
        total=total,
        total_key=f"{rid}:q:{n}" if total else None,
        total_approx=rng.random() < 0.3,
        teams=teams,
        teams_key=f"{rid}:t:{n}" if teams else None,
        team_size=team_size,
        team_size_key=f"{rid}:s:{n}" if team_size else None,
        time=time,
        time_key=f"{rid}:d:{n}" if time else None,
        route=tuple(rng.sample(("Vladivostok", "Moscow", "Donetsk", "Khasan"), rng.randint(0, 2))),
        route_keys=(),
        duration=(365.0, 1095.0) if kind == "terms" and rng.random() < 0.7 else None,
        duration_key=f"{rid}:u:{n}" if kind == "terms" else None,
    )


def generated_reports(seed: int, count: int) -> list[ReportFacts]:
    rng = random.Random(seed)
    out = []
    for i in range(count):
        rid = f"{seed % 97:02x}{i:014x}"
        published = rng.choice(
            (None, *(f"2022-{m:02d}-{d:02d}" for m in (3, 6, 9) for d in (1, 15)))
        )
        claims = tuple(
            sorted(
                (generated_claim(rng, rid, n, published or "") for n in range(rng.randint(0, 8))),
                key=lambda c: c.key,
            )
        )
        claims = tuple(replace(c, route_keys=tuple(f"{rid}:p:{c.key[-5:]}:{j}" for j in range(len(c.route)))) for c in claims)  # fmt: skip
        out.append(
            ReportFacts(
                id=rid,
                published=published,
                publisher="Daily NK",
                outlet=rng.choice(("Daily NK", "Yonhap", "NK News")),
                relevant=True,
                origin="KP",
                destination=rng.choice(("RU", "RU", "UA-OCC", "??")),
                claims=claims,
            )
        )
    return out
