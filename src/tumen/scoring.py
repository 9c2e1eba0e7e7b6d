"""The scorer of `shared/spec/gold.md`: extraction records against analysts' gold, per field.

Gold is article-level: sets of places, counts, times, durations, event types, rounds and
sanctions instruments that a report states. For each field the predicted items of a document
are matched one-to-one to its gold items, nearest first, and true positives, false positives
and false negatives are summed over all documents (micro average). Every miss and every
spurious item is kept with its document, so `tumen eval --show-errors` can say why a score is
what it is.

`score_record` is pure: it takes a Record (or None when extraction failed) and a validated
gold dict. `load_gold` reads one gold file and `evaluate` runs a whole folder (read, extract,
score), the core of `tumen eval`.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Literal, TypeVar

from tumen.errors import GoldError
from tumen.model import EVENT_TYPES, Place, Record

GOLD_SCHEMA = "tumen.gold/1"

FIELDS: tuple[str, ...] = (
    "relevance",
    "places",
    "worker_counts",
    "times",
    "durations",
    "event_types",
    "rounds",
    "sanctions",
)
ROLES = ("origin", "transit", "destination", "workplace", "other")

# Tolerances of gold.md's table.
PLACE_RADIUS_KM = {1: 15.0, 2: 50.0, 3: 300.0}
DUPLICATE_PLACE_KM = 1.0
COUNT_TOLERANCE = 0.01
DURATION_TOLERANCE = 0.05
TIME_TOLERANCE_DAYS = 2

ErrorKind = Literal["missed", "spurious", "wrong_role"]

# ---------------------------------------------------------------------------------------------
# Gold files


def load_gold(path: Path) -> dict[str, Any]:
    """Read and validate one gold file; a malformed one raises GoldError naming file and field."""
    source = str(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise GoldError(f"cannot read gold file ({error.strerror})", source=source) from error
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise GoldError(f"not valid JSON ({error})", source=source) from error
    return validate_gold(data, source=source)


def validate_gold(data: Any, *, source: str = "<gold>") -> dict[str, Any]:
    """Check a gold dict against gold.md and return it normalised (list fields always present).

    Missing list fields are taken as empty: an annotator who found no sanctions may leave the
    key out. Everything present must have the documented shape.
    """

    def fail(where: str, message: str) -> GoldError:
        return GoldError(f"field '{where}': {message}", source=source)

    if not isinstance(data, dict):
        raise fail("(top level)", "expected a JSON object")
    if data.get("schema") != GOLD_SCHEMA:
        raise fail("schema", f"expected {GOLD_SCHEMA!r}, got {data.get('schema')!r}")
    doc = data.get("doc")
    if not isinstance(doc, str) or not doc or "/" in doc or "\\" in doc:
        raise fail("doc", "expected the file name of a report in the same folder")
    published = data.get("published")
    if published is not None:
        _check_date(published, "published", fail)
    if not isinstance(data.get("relevant"), bool):
        raise fail("relevant", "expected true or false")

    out: dict[str, Any] = {
        "schema": GOLD_SCHEMA,
        "doc": doc,
        "published": published,
        "relevant": data["relevant"],
    }
    out["places"] = [
        _check_place(item, f"places[{i}]", fail)
        for i, item in enumerate(_list(data, "places", fail))
    ]
    out["worker_counts"] = [
        _check_range(item, f"worker_counts[{i}]", ("min", "max"), fail)
        for i, item in enumerate(_list(data, "worker_counts", fail))
    ]
    out["times"] = [
        _check_time(item, f"times[{i}]", fail) for i, item in enumerate(_list(data, "times", fail))
    ]
    out["durations"] = [
        _check_range(item, f"durations[{i}]", ("min_days", "max_days"), fail)
        for i, item in enumerate(_list(data, "durations", fail))
    ]
    event_types = _list(data, "event_types", fail)
    for i, value in enumerate(event_types):
        if value not in EVENT_TYPES:
            raise fail(f"event_types[{i}]", f"unknown event type {value!r}")
    out["event_types"] = list(event_types)
    rounds = _list(data, "rounds", fail)
    for i, value in enumerate(rounds):
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise fail(f"rounds[{i}]", f"expected a positive integer, got {value!r}")
    out["rounds"] = list(rounds)
    sanctions = _list(data, "sanctions", fail)
    for i, value in enumerate(sanctions):
        if not isinstance(value, str) or not value.strip():
            raise fail(f"sanctions[{i}]", f"expected an instrument name, got {value!r}")
    out["sanctions"] = list(sanctions)
    return out


_Fail = Callable[[str, str], GoldError]


def _list(data: dict[str, Any], key: str, fail: _Fail) -> list[Any]:
    value = data.get(key, [])
    if not isinstance(value, list):
        raise fail(key, "expected a list")
    return value


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _check_date(value: Any, where: str, fail: _Fail) -> date:
    if not isinstance(value, str):
        raise fail(where, f"expected an ISO date YYYY-MM-DD, got {value!r}")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise fail(where, f"expected an ISO date YYYY-MM-DD, got {value!r}") from None


def _check_place(item: Any, where: str, fail: _Fail) -> dict[str, Any]:
    if not isinstance(item, dict):
        raise fail(where, "expected an object")
    if not isinstance(item.get("name"), str):
        raise fail(f"{where}.name", "expected a string")
    precision = item.get("precision")
    if precision not in (1, 2, 3, 4) or isinstance(precision, bool):
        raise fail(f"{where}.precision", f"expected 1, 2, 3 or 4, got {precision!r}")
    country = item.get("country")
    if country is not None and not isinstance(country, str):
        raise fail(f"{where}.country", "expected a country code or null")
    if precision == 4 and not country:
        raise fail(f"{where}.country", "a country (precision 4) needs its country code")
    for key, limit in (("lat", 90), ("lon", 180)):
        value: Any = item.get(key)
        if value is None and precision == 4:
            continue  # a country is matched by its code alone
        if not _is_number(value):
            raise fail(f"{where}.{key}", f"expected a number, got {value!r}")
        if not -limit <= value <= limit:
            raise fail(f"{where}.{key}", f"out of range: {value!r}")
    role = item.get("role")
    if role not in ROLES:
        raise fail(f"{where}.role", f"expected one of {', '.join(ROLES)}, got {role!r}")
    return dict(item)


def _check_range(item: Any, where: str, keys: tuple[str, str], fail: _Fail) -> dict[str, Any]:
    if not isinstance(item, dict):
        raise fail(where, "expected an object")
    low, high = keys
    for key in keys:
        if key not in item:
            raise fail(f"{where}.{key}", "missing (use null for an open bound)")
        if item[key] is not None and not _is_number(item[key]):
            raise fail(f"{where}.{key}", f"expected a number or null, got {item[key]!r}")
    if item[low] is None and item[high] is None:
        raise fail(where, f"{low} and {high} cannot both be null")
    if item[low] is not None and item[high] is not None and item[low] > item[high]:
        raise fail(where, f"{low} is greater than {high}")
    return dict(item)


def _check_time(item: Any, where: str, fail: _Fail) -> dict[str, Any]:
    if not isinstance(item, dict):
        raise fail(where, "expected an object")
    bounds = []
    for key in ("start", "end"):
        if key not in item:
            raise fail(f"{where}.{key}", "missing (use null for an open end)")
        bounds.append(None if item[key] is None else _check_date(item[key], f"{where}.{key}", fail))
    if bounds[0] is None and bounds[1] is None:
        raise fail(where, "start and end cannot both be null")
    if bounds[0] is not None and bounds[1] is not None and bounds[0] > bounds[1]:
        raise fail(where, "start is after end")
    return dict(item)


def gold_files(folder: Path) -> list[Path]:
    """The gold files of a folder, in name order (so a run's output is stable)."""
    return sorted(folder.glob("*.gold.json"))


# ---------------------------------------------------------------------------------------------
# Scores


@dataclass(slots=True)
class FieldScore:
    """Counts of one field. A ratio with nothing to divide is 1.0 when nothing was wrong."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        if self.tp + self.fp == 0:
            return 1.0 if self.fn == 0 else 0.0
        return self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float:
        if self.tp + self.fn == 0:
            return 1.0 if self.fp == 0 else 0.0
        return self.tp / (self.tp + self.fn)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)

    def add(self, other: FieldScore) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def to_dict(self) -> dict[str, Any]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass(frozen=True, slots=True)
class ScoreError:
    """One miss, spurious item or wrong role, said in words an engineer can check."""

    doc: str
    field: str
    kind: ErrorKind
    item: str

    def to_dict(self) -> dict[str, str]:
        return {"doc": self.doc, "field": self.field, "kind": self.kind, "item": self.item}


@dataclass(slots=True)
class DocumentScore:
    doc: str
    fields: dict[str, FieldScore] = field(default_factory=lambda: {f: FieldScore() for f in FIELDS})
    roles_correct: int = 0
    roles_matched: int = 0
    errors: list[ScoreError] = field(default_factory=list)
    failure: str | None = None


@dataclass(slots=True)
class Scoreboard:
    """Micro-averaged totals over documents."""

    documents: int = 0
    fields: dict[str, FieldScore] = field(default_factory=lambda: {f: FieldScore() for f in FIELDS})
    roles_correct: int = 0
    roles_matched: int = 0
    errors: list[ScoreError] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)

    def add(self, score: DocumentScore) -> None:
        self.documents += 1
        for name, counts in score.fields.items():
            self.fields[name].add(counts)
        self.roles_correct += score.roles_correct
        self.roles_matched += score.roles_matched
        self.errors.extend(score.errors)
        if score.failure is not None:
            self.failures.append((score.doc, score.failure))

    @property
    def role_accuracy(self) -> float | None:
        """Share of matched places whose role is right; None when no place matched."""
        if self.roles_matched == 0:
            return None
        return self.roles_correct / self.roles_matched

    def to_dict(self, *, errors: bool = False) -> dict[str, Any]:
        accuracy = self.role_accuracy
        out: dict[str, Any] = {
            "documents": self.documents,
            "failures": [{"doc": doc, "error": error} for doc, error in self.failures],
            "fields": {name: counts.to_dict() for name, counts in self.fields.items()},
            "role_accuracy": None if accuracy is None else round(accuracy, 4),
        }
        if errors:
            out["errors"] = [e.to_dict() for e in self.errors]
        return out


# ---------------------------------------------------------------------------------------------
# Matching

P = TypeVar("P")
G = TypeVar("G")


def match(
    predicted: Sequence[P], gold: Sequence[G], distance: Callable[[P, G], float | None]
) -> list[tuple[int, int]]:
    """One-to-one matching, nearest first: pairs (predicted index, gold index).

    `distance` gives None when the two cannot match. Ties go to the earlier items, so the
    result does not depend on anything but the order of the inputs.
    """
    pairs = []
    for i, p in enumerate(predicted):
        for j, g in enumerate(gold):
            d = distance(p, g)
            if d is not None:
                pairs.append((d, i, j))
    pairs.sort()
    used_p: set[int] = set()
    used_g: set[int] = set()
    out = []
    for _, i, j in pairs:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            out.append((i, j))
    return out


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance on a sphere of the Earth's mean radius."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def _same_country(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and a.upper() == b.upper()


def place_distance(pred: Place, gold: dict[str, Any]) -> float | None:
    """Kilometres between a predicted and a gold place, or None when gold.md says no match."""
    precision = gold["precision"]
    if precision == 4:
        if pred.precision != 4 or not _same_country(pred.country, gold["country"]):
            return None
        return 0.0  # a country is a country: no nearer or farther
    if pred.lat is None or pred.lon is None:
        return None
    if precision in (1, 2):
        if pred.precision not in (1, 2):
            return None
    elif pred.precision != 3:
        return None
    km = haversine_km(pred.lat, pred.lon, gold["lat"], gold["lon"])
    return km if km <= PLACE_RADIUS_KM[precision] else None


def _bound_distance(pred: float | None, gold: float | None, tolerance: float) -> float | None:
    """Relative difference of one bound, or None beyond tolerance; a null matches only a null."""
    if pred is None or gold is None:
        return 0.0 if pred is None and gold is None else None
    if gold == 0:
        return 0.0 if pred == 0 else None
    rel = abs(pred - gold) / abs(gold)
    return rel if rel <= tolerance + 1e-12 else None


def range_distance(
    pred: tuple[float | None, float | None],
    gold: tuple[float | None, float | None],
    tolerance: float,
) -> float | None:
    low = _bound_distance(pred[0], gold[0], tolerance)
    high = _bound_distance(pred[1], gold[1], tolerance)
    if low is None or high is None:
        return None
    return max(low, high)


def _day(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)


def time_distance(
    pred: tuple[date | None, date | None], gold: tuple[date | None, date | None]
) -> float | None:
    """Largest gap in days between the ends, or None beyond two days; null matches only null."""
    worst = 0
    for p, g in zip(pred, gold, strict=True):
        if p is None or g is None:
            if p is not None or g is not None:
                return None
            continue
        gap = abs((p - g).days)
        if gap > TIME_TOLERANCE_DAYS:
            return None
        worst = max(worst, gap)
    return float(worst)


# ---------------------------------------------------------------------------------------------
# Duplicates: a record that says the same thing twice is counted once.

T = TypeVar("T")


def _dedupe(items: Iterable[T], same: Callable[[T, T], bool]) -> list[T]:
    kept: list[T] = []
    for item in items:
        if not any(same(item, k) for k in kept):
            kept.append(item)
    return kept


def _same_place(a: Place, b: Place) -> bool:
    if a.precision != b.precision:
        return False
    if a.precision == 4 and _same_country(a.country, b.country):
        return True
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return a.lat is None and b.lat is None and (a.name, a.country) == (b.name, b.country)
    return haversine_km(a.lat, a.lon, b.lat, b.lon) <= DUPLICATE_PLACE_KM


def _same_gold_place(a: dict[str, Any], b: dict[str, Any]) -> bool:
    if a["precision"] != b["precision"]:
        return False
    if a["precision"] == 4:
        return _same_country(a["country"], b["country"])
    return haversine_km(a["lat"], a["lon"], b["lat"], b["lon"]) <= DUPLICATE_PLACE_KM


# ---------------------------------------------------------------------------------------------
# Scoring one document


def _fmt_num(value: float | None) -> str:
    if value is None:
        return "null"
    return str(int(value)) if float(value).is_integer() else str(value)


def _fmt_range(low: float | None, high: float | None) -> str:
    return f"{_fmt_num(low)}–{_fmt_num(high)}"


def _place_words(name: str, country: str | None, precision: int, role: str, mention: str) -> str:
    said = f'"{mention}" -> ' if mention and mention != name else ""
    return f"{said}{name} ({country or '?'}, precision {precision}, {role})"


def score_record(
    record: Record | None,
    gold: dict[str, Any],
    *,
    doc: str | None = None,
    failure: str | None = None,
) -> DocumentScore:
    """Score one document. `record` None means its extraction failed: all its gold is missed."""
    name = doc or gold["doc"]
    result = DocumentScore(doc=name, failure=failure if record is None else None)
    if record is None and result.failure is None:
        result.failure = "extraction failed"
    errors = result.errors

    def tally(
        field_name: str,
        predicted: Sequence[Any],
        golden: Sequence[Any],
        distance: Callable[[Any, Any], float | None],
        describe_pred: Callable[[Any], str],
        describe_gold: Callable[[Any], str],
    ) -> list[tuple[int, int]]:
        pairs = match(predicted, golden, distance)
        counts = result.fields[field_name]
        counts.tp += len(pairs)
        counts.fp += len(predicted) - len(pairs)
        counts.fn += len(golden) - len(pairs)
        matched_p = {i for i, _ in pairs}
        matched_g = {j for _, j in pairs}
        for j, g in enumerate(golden):
            if j not in matched_g:
                errors.append(ScoreError(name, field_name, "missed", describe_gold(g)))
        for i, p in enumerate(predicted):
            if i not in matched_p:
                errors.append(ScoreError(name, field_name, "spurious", describe_pred(p)))
        return pairs

    # relevance: a binary classifier over documents, the positive class is "relevant".
    predicted_relevant = record is not None and record.relevance.relevant
    rel = result.fields["relevance"]
    if predicted_relevant and gold["relevant"]:
        rel.tp += 1
    elif predicted_relevant:
        rel.fp += 1
        errors.append(ScoreError(name, "relevance", "spurious", "predicted relevant"))
    elif gold["relevant"]:
        rel.fn += 1
        errors.append(ScoreError(name, "relevance", "missed", "relevant, predicted not"))

    # places: role `other` is left out; duplicates by position and precision.
    gold_places = _dedupe(gold["places"], _same_gold_place)
    pred_places: list[Place] = []
    if record is not None:
        pred_places = _dedupe((p for p in record.places if p.role != "other"), _same_place)
    pairs = tally(
        "places",
        pred_places,
        gold_places,
        place_distance,
        lambda p: _place_words(p.name, p.country, p.precision, p.role, p.mention),
        lambda g: _place_words(g["name"], g["country"], g["precision"], g["role"], ""),
    )
    for i, j in pairs:
        result.roles_matched += 1
        if pred_places[i].role == gold_places[j]["role"]:
            result.roles_correct += 1
        else:
            errors.append(
                ScoreError(
                    name,
                    "places",
                    "wrong_role",
                    f"{gold_places[j]['name']}: {pred_places[i].role}, gold "
                    f"{gold_places[j]['role']}",
                )
            )

    # worker_counts: quantities in workers with at least one bound.
    def range_key(low: Any, high: Any) -> tuple[Any, Any]:
        return (low, high)

    gold_counts = _dedupe(
        gold["worker_counts"],
        lambda a, b: range_key(a["min"], a["max"]) == range_key(b["min"], b["max"]),
    )
    pred_counts = []
    if record is not None:
        pred_counts = _dedupe(
            (
                q
                for q in record.quantities
                if q.unit == "workers" and (q.min is not None or q.max is not None)
            ),
            lambda a, b: (a.min, a.max) == (b.min, b.max),
        )
    tally(
        "worker_counts",
        pred_counts,
        gold_counts,
        lambda p, g: range_distance((p.min, p.max), (g["min"], g["max"]), COUNT_TOLERANCE),
        lambda p: f'"{p.mention}" {_fmt_range(p.min, p.max)}',
        lambda g: f'"{g.get("mention", "")}" {_fmt_range(g["min"], g["max"])}',
    )

    # times: both ends null are left out; duplicates by (start, end).
    gold_times = _dedupe(
        [(_day(g["start"]), _day(g["end"]), g) for g in gold["times"]],
        lambda a, b: a[:2] == b[:2],
    )
    pred_times = []
    if record is not None:
        pred_times = _dedupe(
            [
                (_day(t.start), _day(t.end), t)
                for t in record.times
                if t.start is not None or t.end is not None
            ],
            lambda a, b: a[:2] == b[:2],
        )
    tally(
        "times",
        pred_times,
        gold_times,
        lambda p, g: time_distance(p[:2], g[:2]),
        lambda p: f'"{p[2].mention}" {p[2].start} .. {p[2].end}',
        lambda g: f'"{g[2].get("mention", "")}" {g[2]["start"]} .. {g[2]["end"]}',
    )

    # durations: duplicates by (min, max).
    gold_durations = _dedupe(
        gold["durations"],
        lambda a, b: (a["min_days"], a["max_days"]) == (b["min_days"], b["max_days"]),
    )
    pred_durations = []
    if record is not None:
        pred_durations = _dedupe(
            (d for d in record.durations if d.min_days is not None or d.max_days is not None),
            lambda a, b: (a.min_days, a.max_days) == (b.min_days, b.max_days),
        )
    tally(
        "durations",
        pred_durations,
        gold_durations,
        lambda p, g: range_distance(
            (p.min_days, p.max_days), (g["min_days"], g["max_days"]), DURATION_TOLERANCE
        ),
        lambda p: f'"{p.mention}" {_fmt_range(p.min_days, p.max_days)} days',
        lambda g: f'"{g.get("mention", "")}" {_fmt_range(g["min_days"], g["max_days"])} days',
    )

    # Sets: event types, rounds and cited instruments.
    def exact(p: Any, g: Any) -> float | None:
        return 0.0 if p == g else None

    def ordered(values: Iterable[T]) -> list[T]:
        return list(dict.fromkeys(values))

    events = record.events if record is not None else []
    sanctions = record.sanctions if record is not None else []
    tally(
        "event_types",
        ordered(e.type for e in events),
        ordered(gold["event_types"]),
        exact,
        str,
        str,
    )
    tally(
        "rounds",
        ordered(e.round for e in events if e.round is not None),
        ordered(gold["rounds"]),
        exact,
        lambda r: f"round {r}",
        lambda r: f"round {r}",
    )
    tally(
        "sanctions",
        ordered(_instrument(s.instrument) for s in sanctions if s.relation == "cited"),
        ordered(_instrument(s) for s in gold["sanctions"]),
        exact,
        str,
        str,
    )
    return result


def _instrument(name: str) -> str:
    """Compare instruments as written in gold.md, spacing and case aside."""
    return " ".join(name.split()).upper()


def score_documents(
    items: Iterable[tuple[dict[str, Any], Record | None, str | None]],
) -> Scoreboard:
    """Sum (gold, record or None, failure message) triples into one micro-averaged scoreboard."""
    board = Scoreboard()
    for gold, record, failure in items:
        board.add(score_record(record, gold, failure=failure))
    return board


def evaluate(folder: Path, progress: Callable[[str], None] | None = None) -> Scoreboard:
    """Extract and score every report of a folder of gold files.

    All gold is loaded and checked first, so a malformed file stops the run (GoldError) before
    any time is spent extracting. A report that cannot be read or extracted is a failure of
    that document: its gold counts as missed and the run goes on. `progress` is called with
    each document's name once it is scored.
    """
    # Lazy: the extractor and reader load their data on first use, only when a run starts.
    from tumen.extract.pipeline import extract
    from tumen.ingest.reader import ReportOverrides, read_report

    golds = [load_gold(path) for path in gold_files(folder)]
    board = Scoreboard()
    for gold in golds:
        record: Record | None = None
        failure: str | None = None
        try:
            report = read_report(folder / gold["doc"], ReportOverrides(published=gold["published"]))
            record = extract(report)
        except Exception as error:  # any failure of one report is scored, not raised
            failure = getattr(error, "message", None) or f"{type(error).__name__}: {error}"
        board.add(score_record(record, gold, failure=failure))
        if progress is not None:
            progress(gold["doc"])
    return board


def render_scoreboard(board: Scoreboard, *, show_errors: bool = False) -> list[Any]:
    """The scoreboard as rich renderables: the per-field table, role accuracy, failures, errors."""
    from rich.table import Table  # lazy: rich is only needed when a table is printed

    table = Table(title=f"Scores over {board.documents} documents (micro-averaged)")
    table.add_column("field")
    for name in ("precision", "recall", "F1", "tp", "fp", "fn"):
        table.add_column(name, justify="right")
    for name, counts in board.fields.items():
        table.add_row(
            name,
            f"{counts.precision:.3f}",
            f"{counts.recall:.3f}",
            f"{counts.f1:.3f}",
            str(counts.tp),
            str(counts.fp),
            str(counts.fn),
        )
    accuracy = board.role_accuracy
    out: list[Any] = [
        table,
        "place role accuracy: "
        + ("n/a (no place matched)" if accuracy is None else f"{accuracy:.3f}")
        + f" ({board.roles_correct}/{board.roles_matched} matched places)",
    ]
    if board.failures:
        out.append(f"[red]{len(board.failures)} extraction failure(s), gold counted missed:[/red]")
        out.extend(f"  {doc}: {error}" for doc, error in board.failures)
    if show_errors and board.errors:
        errors = Table(title="Misses and spurious items")
        for name in ("document", "field", "kind", "item"):
            errors.add_column(name, overflow="fold")
        for e in board.errors:
            errors.add_row(e.doc, e.field, e.kind, e.item)
        out.append(errors)
    return out
