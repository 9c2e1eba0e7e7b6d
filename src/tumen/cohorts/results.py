"""The dispatch model's results: programmes, cohorts, clusters of claims, links between reports.

Plain dataclasses with `to_dict()`; `DispatchModel.to_dict()` is the `tumen cohorts` JSON.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Override:
    """An analyst's operation on programmes, replayed after every build, in order."""

    op: str  # rename | merge | split
    programme: str
    name: str | None = None  # rename: the new name
    into: str | None = None  # merge: the programme that absorbs this one
    at: str | None = None  # split: reports dated on or after this day form a new programme

    def to_dict(self) -> dict[str, Any]:
        return {
            "op": self.op,
            "programme": self.programme,
            "name": self.name,
            "into": self.into,
            "at": self.at,
        }


@dataclass(slots=True)
class Side:
    """One value of a cluster, with everything that says it."""

    value: Any
    evidence: list[str]
    reports: list[str]
    sources: list[str]
    credibility: int = 6

    def to_dict(self) -> dict[str, Any]:
        return {
            "value": _value_dict(self.value),
            "evidence": self.evidence,
            "reports": self.reports,
            "sources": len(self.sources),
            "source_names": self.sources,
            "credibility": self.credibility,
        }


@dataclass(slots=True)
class Cluster:
    """Claims about the same thing: one cohort, one slot (size, departure date, route, terms)."""

    programme: str
    cohort: str
    slot: str
    sides: list[Side]

    identified: bool = True  # the cohort is a round or an additional selection

    @property
    def contradiction(self) -> bool:
        """Two values can only contradict each other about one identified group: a route is
        a set of legs (alternatives, not rivals), and the cohort of claims with no round
        gathers claims that may be about different groups."""
        return len(self.sides) > 1 and self.identified and self.slot != "route"

    def to_dict(self) -> dict[str, Any]:
        return {
            "programme": self.programme,
            "cohort": self.cohort,
            "slot": self.slot,
            "status": "contradiction"
            if self.contradiction
            else "several values"
            if len(self.sides) > 1
            else ("corroborated" if len(self.sides[0].sources) > 1 else "single source"),
            "sides": [s.to_dict() for s in self.sides],
        }


@dataclass(slots=True)
class Cohort:
    id: str
    label: str
    round: int | None
    stage: str
    status: str  # active | delayed | cancelled
    size: dict[str, Any]
    dates: dict[str, dict[str, Any]]
    sources: int
    evidence: list[str]
    stage_evidence: list[str]
    reports: list[str]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "label": self.label,
            "round": self.round,
            "stage": self.stage,
            "status": self.status,
            "size": self.size,
            "dates": self.dates,
            "sources": self.sources,
            "evidence": self.evidence,
            "stage_evidence": self.stage_evidence,
            "reports": self.reports,
        }


@dataclass(slots=True)
class Programme:
    id: str
    name: str
    origin: str
    destination: str
    period: tuple[str | None, str | None]
    reports: list[str]
    cohorts: list[Cohort] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)  # claims linked to no cohort

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "origin": self.origin,
            "destination": self.destination,
            "period": {"start": self.period[0], "end": self.period[1]},
            "reports": self.reports,
            "cohorts": [c.to_dict() for c in self.cohorts],
            "evidence": self.evidence,
        }


@dataclass(frozen=True, slots=True)
class Link:
    """Report `source` depends on report `target`: it cites it, or reprints it."""

    source: str
    target: str
    kind: str  # cites | reprint
    score: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"from": self.source, "to": self.target, "kind": self.kind, "score": self.score}


@dataclass(slots=True)
class DispatchModel:
    as_of: str | None
    programmes: list[Programme]
    undated: list[str]
    clusters: list[Cluster]
    links: list[Link]
    report_sources: dict[str, str]  # report id -> its independent source
    notes: list[str] = field(default_factory=list)

    @property
    def conflicts(self) -> list[Cluster]:
        return [c for c in self.clusters if c.contradiction]

    def to_dict(self) -> dict[str, Any]:
        """The `tumen cohorts --format json` document."""
        return {
            "as_of": self.as_of,
            "programmes": [p.to_dict() for p in self.programmes],
            "undated": self.undated,
        }

    def conflicts_dict(self) -> dict[str, Any]:
        return {
            "as_of": self.as_of,
            "conflicts": [c.to_dict() for c in self.conflicts],
        }

    def cohort(self, cohort_id: str) -> Cohort | None:
        for p in self.programmes:
            for c in p.cohorts:
                if c.id == cohort_id:
                    return c
        return None


def _value_dict(value: Any) -> Any:
    # Dates first: an interval open at one end, ("2022-03-01", None), is still dates.
    if (
        isinstance(value, tuple)
        and len(value) == 2
        and any(isinstance(v, str) for v in value)
        and all(v is None or (isinstance(v, str) and v[:4].isdigit()) for v in value)
    ):
        return {"start": value[0], "end": value[1]}
    if isinstance(value, tuple) and len(value) == 2 and not any(isinstance(v, str) for v in value):
        return {"min": _num(value[0]), "max": _num(value[1])}
    return list(value) if isinstance(value, tuple) else value


def _num(v: float | None) -> float | int | None:
    if v is None:
        return None
    return int(v) if float(v).is_integer() else v
