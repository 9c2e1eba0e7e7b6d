"""The scorer of gold.md, on small hand-made records and gold (no corpus text)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tumen.errors import GoldError
from tumen.model import (
    Duration,
    Event,
    Evidence,
    Place,
    Quantity,
    Record,
    Relevance,
    Report,
    SanctionLink,
    TimeExpression,
)
from tumen.scoring import (
    FIELDS,
    FieldScore,
    Scoreboard,
    haversine_km,
    load_gold,
    match,
    score_documents,
    score_record,
    validate_gold,
)

# Places of the dispatch geography, with coordinates close to the reference gazetteer.
KHABAROVSK = (48.483, 135.083)
VLADIVOSTOK = (43.115, 131.885)
PRIMORSKY = (45.0, 134.0)


def gold(**fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "schema": "tumen.gold/1",
        "doc": "doc.txt",
        "published": "2022-11-28",
        "relevant": True,
    }
    base.update(fields)
    return validate_gold(base)


def gplace(
    name: str, at: tuple[float, float] | None, precision: int, role: str, country: str = "RU"
) -> dict[str, Any]:
    lat, lon = at if at else (None, None)
    return {
        "name": name,
        "country": country,
        "lat": lat,
        "lon": lon,
        "role": role,
        "precision": precision,
    }


def record(relevant: bool = True, **items: Any) -> Record:
    report = Report(id="r1", sha256="0" * 64, text="", published="2022-11-28")
    return Record(report=report, relevance=Relevance(relevant=relevant, score=1.0), **items)


def place(
    name: str,
    at: tuple[float | None, float | None],
    precision: int,
    role: str,
    country: str = "RU",
    start: int = 0,
) -> Place:
    kind = {1: "city", 2: "facility", 3: "region", 4: "country"}[precision]
    return Place(
        mention=name,
        span=(start, start + len(name)),
        name=name,
        country=country,
        lat=at[0],
        lon=at[1],
        kind=kind,  # type: ignore[arg-type]
        precision=precision,
        role=role,  # type: ignore[arg-type]
    )


def workers(low: float | None, high: float | None, unit: str = "workers") -> Quantity:
    return Quantity(mention="n", span=(0, 1), unit=unit, min=low, max=high)  # type: ignore[arg-type]


def when(start: str | None, end: str | None) -> TimeExpression:
    return TimeExpression(
        mention="t",
        span=(0, 1),
        start=start,
        end=end,
        relation="on",
        precision="day",
        anchor="published",
    )


def lasting(low: float | None, high: float | None) -> Duration:
    return Duration(mention="d", span=(0, 1), min_days=low, max_days=high)


def event(kind: str, round_: int | None = None) -> Event:
    return Event(type=kind, evidence=[Evidence(span=(0, 1), text="x")], round=round_)  # type: ignore[arg-type]


def counts(score: FieldScore) -> tuple[int, int, int]:
    return (score.tp, score.fp, score.fn)


def offset(at: tuple[float, float], km_north: float) -> tuple[float, float]:
    """A point `km_north` kilometres north of `at` (one degree of latitude is ~111.2 km)."""
    return (at[0] + km_north / 111.195, at[1])


def test_scoring_haversine_known_distance() -> None:
    # Vladivostok to Khabarovsk is about 650 km by air.
    assert 630 < haversine_km(*VLADIVOSTOK, *KHABAROVSK) < 660
    assert haversine_km(*offset(VLADIVOSTOK, 10), *VLADIVOSTOK) == pytest.approx(10, abs=0.05)


# ---------------------------------------------------------------------------------------------
# Places: precision classes, radii, role `other`, duplicates, roles.

PLACE_CASES = [
    # (gold place, predicted place, matched?)
    ("exact city", gplace("K", KHABAROVSK, 1, "transit"), place("K", KHABAROVSK, 1, "transit"), True),
    ("city 10 km off", gplace("K", KHABAROVSK, 1, "transit"),
     place("K", offset(KHABAROVSK, 10), 1, "transit"), True),
    ("city 20 km off", gplace("K", KHABAROVSK, 1, "transit"),
     place("K", offset(KHABAROVSK, 20), 1, "transit"), False),
    ("city predicted as site", gplace("K", KHABAROVSK, 1, "transit"),
     place("K", KHABAROVSK, 2, "transit"), True),
    ("district 40 km off", gplace("S", VLADIVOSTOK, 2, "workplace"),
     place("S", offset(VLADIVOSTOK, 40), 2, "workplace"), True),
    ("district 60 km off", gplace("S", VLADIVOSTOK, 2, "workplace"),
     place("S", offset(VLADIVOSTOK, 60), 1, "workplace"), False),
    ("region 250 km off", gplace("P", PRIMORSKY, 3, "destination"),
     place("P", offset(PRIMORSKY, 250), 3, "destination"), True),
    ("region 350 km off", gplace("P", PRIMORSKY, 3, "destination"),
     place("P", offset(PRIMORSKY, 350), 3, "destination"), False),
    ("region predicted as city", gplace("P", PRIMORSKY, 3, "destination"),
     place("V", VLADIVOSTOK, 1, "destination"), False),
    ("city predicted as region", gplace("V", VLADIVOSTOK, 1, "destination"),
     place("P", VLADIVOSTOK, 3, "destination"), False),
    ("country by code", gplace("Russia", None, 4, "destination"),
     place("Russia", (61.5, 105.3), 4, "destination"), True),
    ("country code case", gplace("Russia", None, 4, "destination"),
     place("Russia", (None, None), 4, "destination", country="ru"), True),
    ("other country", gplace("Russia", None, 4, "destination"),
     place("China", (35.0, 103.0), 4, "transit", country="CN"), False),
    ("country predicted as city", gplace("Russia", None, 4, "destination"),
     place("Moscow", (55.75, 37.62), 1, "destination"), False),
    ("city without coordinates", gplace("K", KHABAROVSK, 1, "transit"),
     place("K", (None, None), 1, "transit"), False),
]  # fmt: skip


@pytest.mark.parametrize(
    ("gold_place", "predicted", "matched"),
    [case[1:] for case in PLACE_CASES],
    ids=[case[0] for case in PLACE_CASES],
)
def test_scoring_places_precision_classes(
    gold_place: dict[str, Any], predicted: Place, matched: bool
) -> None:
    score = score_record(record(places=[predicted]), gold(places=[gold_place]))
    expected = (1, 0, 0) if matched else (0, 1, 1)
    assert counts(score.fields["places"]) == expected
    kinds = sorted(e.kind for e in score.errors if e.field == "places")
    assert kinds == ([] if matched else ["missed", "spurious"])


def test_scoring_places_role_other_left_out() -> None:
    # A caption's city with role `other` is neither a hit nor a spurious item.
    predicted = [place("V", VLADIVOSTOK, 1, "other"), place("K", KHABAROVSK, 1, "transit")]
    score = score_record(
        record(places=predicted), gold(places=[gplace("K", KHABAROVSK, 1, "transit")])
    )
    assert counts(score.fields["places"]) == (1, 0, 0)
    assert score.errors == []


def test_scoring_places_other_role_does_not_match_gold() -> None:
    score = score_record(
        record(places=[place("K", KHABAROVSK, 1, "other")]),
        gold(places=[gplace("K", KHABAROVSK, 1, "transit")]),
    )
    assert counts(score.fields["places"]) == (0, 0, 1)


def test_scoring_places_duplicates_count_once() -> None:
    predicted = [
        place("K", KHABAROVSK, 1, "transit", start=0),
        place("K", offset(KHABAROVSK, 0.5), 1, "transit", start=10),  # same city, 500 m off
        place("Russia", (61.5, 105.3), 4, "destination", start=20),
        place("Russians", (61.0, 100.0), 4, "destination", start=30),  # demonym, same country
    ]
    golden = [gplace("K", KHABAROVSK, 1, "transit"), gplace("Russia", None, 4, "destination")]
    score = score_record(record(places=predicted), gold(places=golden))
    assert counts(score.fields["places"]) == (2, 0, 0)


def test_scoring_places_same_point_other_precision_not_duplicate() -> None:
    # A city and its region at the same point are two places; the region is spurious here.
    predicted = [place("V", VLADIVOSTOK, 1, "transit"), place("P", VLADIVOSTOK, 3, "transit")]
    score = score_record(
        record(places=predicted), gold(places=[gplace("V", VLADIVOSTOK, 1, "transit")])
    )
    assert counts(score.fields["places"]) == (1, 1, 0)


def test_scoring_places_role_accuracy_over_matched() -> None:
    predicted = [
        place("K", KHABAROVSK, 1, "destination"),
        place("V", VLADIVOSTOK, 1, "transit"),
        place("X", (10.0, 10.0), 1, "destination"),  # spurious: no part in role accuracy
    ]
    golden = [gplace("K", KHABAROVSK, 1, "transit"), gplace("V", VLADIVOSTOK, 1, "transit")]
    score = score_record(record(places=predicted), gold(places=golden))
    assert (score.roles_correct, score.roles_matched) == (1, 2)
    assert [e.kind for e in score.errors if e.kind == "wrong_role"] == ["wrong_role"]
    board = Scoreboard()
    board.add(score)
    assert board.role_accuracy == pytest.approx(0.5)


def test_scoring_places_nearest_first() -> None:
    # Two gold cities 12 km apart, both in reach of both predictions. Taken in input order the
    # first prediction would take the first gold city; nearest first pairs each with its own,
    # which the roles show.
    a, b = KHABAROVSK, offset(KHABAROVSK, 12)
    predicted = [place("P1", offset(a, 10), 1, "transit"), place("P2", offset(a, 1), 1, "origin")]
    golden = [gplace("A", a, 1, "origin"), gplace("B", b, 1, "transit")]
    score = score_record(record(places=predicted), gold(places=golden))
    assert counts(score.fields["places"]) == (2, 0, 0)
    assert (score.roles_correct, score.roles_matched) == (2, 2)


# ---------------------------------------------------------------------------------------------
# Ranges: worker counts (1 %), durations (5 %), null bounds.

RANGE_CASES = [
    # (field, gold item, prediction, matched?)
    ("count exact", "worker_counts", {"min": 800, "max": 1000}, workers(800, 1000), True),
    ("count within 1 %", "worker_counts", {"min": 1000, "max": 1000}, workers(1009, 1009), True),
    ("count out of 1 %", "worker_counts", {"min": 1000, "max": 1000}, workers(1020, 1020), False),
    ("count open max", "worker_counts", {"min": 1000, "max": None}, workers(1000, None), True),
    ("count null only null", "worker_counts", {"min": 1000, "max": None}, workers(1000, 1000),
     False),
    ("count open min", "worker_counts", {"min": None, "max": 28000}, workers(None, 28000), True),
    ("count other unit", "worker_counts", {"min": 30, "max": 60}, workers(30, 60, "teams"), None),
    ("duration exact", "durations", {"min_days": 730, "max_days": None}, lasting(730, None), True),
    ("duration within 5 %", "durations", {"min_days": 730, "max_days": 730}, lasting(760, 760),
     True),
    ("duration out of 5 %", "durations", {"min_days": 730, "max_days": 730}, lasting(800, 800),
     False),
    ("duration null only null", "durations", {"min_days": None, "max_days": 1460},
     lasting(1460, 1460), False),
]  # fmt: skip


def _range_record(field: str, predicted: Any) -> Record:
    if field == "worker_counts":
        return record(quantities=[predicted])
    return record(durations=[predicted])


@pytest.mark.parametrize(
    ("field", "gold_item", "predicted", "matched"),
    [case[1:] for case in RANGE_CASES],
    ids=[case[0] for case in RANGE_CASES],
)
def test_scoring_ranges_tolerance_and_null_bounds(
    field: str, gold_item: dict[str, Any], predicted: Any, matched: bool | None
) -> None:
    score = score_record(_range_record(field, predicted), gold(**{field: [gold_item]}))
    # None: the prediction is not a candidate at all (another unit), so only the miss counts.
    expected = {True: (1, 0, 0), False: (0, 1, 1), None: (0, 0, 1)}[matched]
    assert counts(score.fields[field]) == expected


def test_scoring_worker_counts_both_null_left_out_and_duplicates_once() -> None:
    predicted = [workers(None, None), workers(300, 300), workers(300, 300)]
    score = score_record(
        record(quantities=predicted), gold(worker_counts=[{"min": 300, "max": 300}])
    )
    assert counts(score.fields["worker_counts"]) == (1, 0, 0)


# ---------------------------------------------------------------------------------------------
# Times: two days either side, null ends.

TIME_CASES = [
    ("exact", ("2022-11-01", "2022-11-10"), when("2022-11-01", "2022-11-10"), True),
    ("two days off", ("2022-11-01", "2022-11-10"), when("2022-10-30", "2022-11-12"), True),
    ("three days off", ("2022-11-01", "2022-11-10"), when("2022-11-01", "2022-11-13"), False),
    ("open end matches open end", ("2019-01-01", None), when("2019-01-02", None), True),
    ("open end matches only open end", ("2019-01-01", None), when("2019-01-01", "2019-12-31"),
     False),
    ("both ends null left out", ("2022-11-25", "2022-11-25"), when(None, None), None),
]  # fmt: skip


@pytest.mark.parametrize(
    ("gold_time", "predicted", "matched"),
    [case[1:] for case in TIME_CASES],
    ids=[case[0] for case in TIME_CASES],
)
def test_scoring_times_tolerance(
    gold_time: tuple[str, str | None], predicted: TimeExpression, matched: bool | None
) -> None:
    start, end = gold_time
    score = score_record(
        record(times=[predicted]), gold(times=[{"mention": "m", "start": start, "end": end}])
    )
    expected = {True: (1, 0, 0), False: (0, 1, 1), None: (0, 0, 1)}[matched]
    assert counts(score.fields["times"]) == expected


def test_scoring_times_duplicates_once_and_gold_duplicates_once() -> None:
    predicted = [when("2022-10-01", "2022-10-31"), when("2022-10-01", "2022-10-31")]
    golden = [
        {"mention": "last month", "start": "2022-10-01", "end": "2022-10-31"},
        {"mention": "in October", "start": "2022-10-01", "end": "2022-10-31"},
    ]
    score = score_record(record(times=predicted), gold(times=golden))
    assert counts(score.fields["times"]) == (1, 0, 0)


# ---------------------------------------------------------------------------------------------
# Sets: event types, rounds, sanctions; relevance as a classifier.


def test_scoring_event_types_and_rounds_from_events() -> None:
    events = [event("recruitment", 2), event("recruitment", 3), event("departure"), event("abuse")]
    score = score_record(
        record(events=events), gold(event_types=["recruitment", "departure", "transit"], rounds=[2])
    )
    assert counts(score.fields["event_types"]) == (2, 1, 1)
    assert counts(score.fields["rounds"]) == (1, 1, 0)


def test_scoring_sanctions_only_cited() -> None:
    sanctions = [
        SanctionLink(instrument="UNSCR 2397", relation="cited", rationale="named"),
        SanctionLink(instrument="UNSCR 2375", relation="implicated", rationale="work permits"),
    ]
    score = score_record(record(sanctions=sanctions), gold(sanctions=["UNSCR 2397"]))
    assert counts(score.fields["sanctions"]) == (1, 0, 0)


RELEVANCE_CASES = [
    ("true positive", True, True, (1, 0, 0)),
    ("false positive", False, True, (0, 1, 0)),
    ("false negative", True, False, (0, 0, 1)),
    ("true negative", False, False, (0, 0, 0)),
]


@pytest.mark.parametrize(
    ("gold_relevant", "predicted", "expected"),
    [case[1:] for case in RELEVANCE_CASES],
    ids=[case[0] for case in RELEVANCE_CASES],
)
def test_scoring_relevance_binary_classifier(
    gold_relevant: bool, predicted: bool, expected: tuple[int, int, int]
) -> None:
    score = score_record(record(relevant=predicted), gold(relevant=gold_relevant))
    assert counts(score.fields["relevance"]) == expected


def test_scoring_failure_counts_all_gold_missed() -> None:
    golden = gold(
        places=[gplace("K", KHABAROVSK, 1, "transit"), gplace("Russia", None, 4, "destination")],
        worker_counts=[{"min": 300, "max": 300}],
        times=[{"mention": "m", "start": "2022-11-01", "end": "2022-11-10"}],
        durations=[{"min_days": 730, "max_days": None}],
        event_types=["recruitment", "departure"],
        rounds=[1],
        sanctions=["UNSCR 2397"],
    )
    score = score_record(None, golden, failure="boom")
    assert score.failure == "boom"
    expected_fn = {
        "relevance": 1,
        "places": 2,
        "worker_counts": 1,
        "times": 1,
        "durations": 1,
        "event_types": 2,
        "rounds": 1,
        "sanctions": 1,
    }
    assert {name: counts(s) for name, s in score.fields.items()} == {
        name: (0, 0, n) for name, n in expected_fn.items()
    }
    board = score_documents([(golden, None, "boom")])
    assert board.failures == [("doc.txt", "boom")]
    assert board.role_accuracy is None


def test_scoring_exact_record_is_perfect_and_micro_averaged() -> None:
    golden = gold(
        places=[gplace("K", KHABAROVSK, 1, "transit")],
        worker_counts=[{"min": 800, "max": 1000}],
        times=[{"mention": "m", "start": "2022-11-01", "end": "2022-11-10"}],
        durations=[{"min_days": None, "max_days": 2555}],
        event_types=["transit"],
        rounds=[1],
        sanctions=["UNSCR 2397"],
    )
    perfect = record(
        places=[place("K", KHABAROVSK, 1, "transit")],
        quantities=[workers(800, 1000)],
        times=[when("2022-11-01", "2022-11-10")],
        durations=[lasting(None, 2555)],
        events=[event("transit", 1)],
        sanctions=[SanctionLink(instrument="UNSCR 2397", relation="cited", rationale="named")],
    )
    board = score_documents([(golden, perfect, None), (golden, record(), None)])
    data = board.to_dict()
    assert data["documents"] == 2
    assert set(data["fields"]) == set(FIELDS)
    for name in FIELDS:
        tp, fn = data["fields"][name]["tp"], data["fields"][name]["fn"]
        expected = (2, 0, 0) if name == "relevance" else (1, 0, 1)
        assert (tp, data["fields"][name]["fp"], fn) == expected
    assert data["fields"]["places"]["recall"] == 0.5
    assert data["fields"]["places"]["precision"] == 1.0
    assert data["role_accuracy"] == 1.0


def test_scoring_empty_field_ratios() -> None:
    assert (FieldScore().precision, FieldScore().recall, FieldScore().f1) == (1.0, 1.0, 1.0)
    assert FieldScore(fn=2).precision == 0.0
    assert FieldScore(fp=1).recall == 0.0
    assert FieldScore(tp=1, fp=1, fn=2).f1 == pytest.approx(2 * 0.5 * (1 / 3) / (0.5 + 1 / 3))


# ---------------------------------------------------------------------------------------------
# Gold validation: a malformed file names itself and the field.

BAD_GOLD = [
    ("schema", {"schema": "tumen.gold/0"}, "schema"),
    ("doc", {"doc": None}, "doc"),
    ("published", {"published": "28/11/2022"}, "published"),
    ("relevant", {"relevant": "yes"}, "relevant"),
    ("places list", {"places": {}}, "places"),
    ("place precision", {"places": [gplace("K", KHABAROVSK, 5, "transit")]}, "places[0].precision"),
    ("place role", {"places": [gplace("K", KHABAROVSK, 1, "via")]}, "places[0].role"),
    ("place lat", {"places": [gplace("K", None, 1, "transit")]}, "places[0].lat"),
    ("country code", {"places": [gplace("R", None, 4, "origin", country="")]}, "places[0].country"),
    ("count bound", {"worker_counts": [{"min": "300", "max": 300}]}, "worker_counts[0].min"),
    ("count missing", {"worker_counts": [{"min": 300}]}, "worker_counts[0].max"),
    ("count order", {"worker_counts": [{"min": 30, "max": 3}]}, "worker_counts[0]"),
    ("time date", {"times": [{"start": "2022-13-01", "end": None}]}, "times[0].start"),
    ("time nulls", {"times": [{"start": None, "end": None}]}, "times[0]"),
    ("duration", {"durations": [{"min_days": None, "max_days": None}]}, "durations[0]"),
    ("event type", {"event_types": ["hiring"]}, "event_types[0]"),
    ("round", {"rounds": [0]}, "rounds[0]"),
    ("sanction", {"sanctions": [2397]}, "sanctions[0]"),
]


@pytest.mark.parametrize(
    ("change", "where"), [case[1:] for case in BAD_GOLD], ids=[case[0] for case in BAD_GOLD]
)
def test_scoring_malformed_gold_names_file_and_field(
    tmp_path: Path, change: dict[str, Any], where: str
) -> None:
    data = {"schema": "tumen.gold/1", "doc": "a.txt", "published": None, "relevant": True}
    data.update(change)
    path = tmp_path / "a.gold.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(GoldError) as caught:
        load_gold(path)
    assert str(path) in caught.value.line()
    assert f"'{where}'" in caught.value.line()


def test_scoring_gold_not_json(tmp_path: Path) -> None:
    path = tmp_path / "b.gold.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(GoldError, match="not valid JSON"):
        load_gold(path)


def test_scoring_gold_missing_lists_are_empty() -> None:
    data = validate_gold({"schema": "tumen.gold/1", "doc": "a.txt", "relevant": False})
    assert data["published"] is None
    assert all(data[name] == [] for name in FIELDS if name != "relevance")


def test_scoring_development_gold_files_load() -> None:
    corpus = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus"
    files = sorted(corpus.glob("*.gold.json"))
    assert files, "development corpus not found"
    for path in files:
        data = load_gold(path)
        assert (corpus / data["doc"]).is_file()


# ---------------------------------------------------------------------------------------------
# Invariants of one-to-one matching.


@given(
    st.lists(st.integers(0, 40), max_size=12),
    st.lists(st.integers(0, 40), max_size=12),
)
def test_scoring_match_is_one_to_one_and_within_reach(pred: list[int], gold_: list[int]) -> None:
    def distance(p: int, g: int) -> float | None:
        return float(abs(p - g)) if abs(p - g) <= 3 else None

    pairs = match(pred, gold_, distance)
    assert len({i for i, _ in pairs}) == len(pairs) == len({j for _, j in pairs})
    assert all(abs(pred[i] - gold_[j]) <= 3 for i, j in pairs)
    # Maximal: no unmatched prediction could still take an unmatched gold item.
    free_p = set(range(len(pred))) - {i for i, _ in pairs}
    free_g = set(range(len(gold_))) - {j for _, j in pairs}
    assert not any(distance(pred[i], gold_[j]) is not None for i in free_p for j in free_g)


@given(st.lists(st.integers(1, 5000), max_size=10), st.lists(st.integers(1, 5000), max_size=10))
def test_scoring_counts_add_up(pred: list[int], gold_counts: list[int]) -> None:
    score = score_record(
        record(quantities=[workers(n, n) for n in pred]),
        gold(worker_counts=[{"min": n, "max": n} for n in gold_counts]),
    )
    s = score.fields["worker_counts"]
    assert s.tp + s.fp == len(set(pred))
    assert s.tp + s.fn == len(set(gold_counts))
