"""Source grading: publishers' reliability (A–F) from a file the analyst edits, and each claim
cluster's information credibility (1–6) from corroboration (NATO/Admiralty, STANAG 2511).

The two codes are graded independently, as the system requires: reliability belongs to a
publisher and comes from configuration only; credibility belongs to a cluster of claims and
comes from how many independent sources agree on it and whether anything contradicts it.
The rules are written out in docs/cohorts.md.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from tumen.errors import InputError

GRADES = "ABCDEF"
UNKNOWN_OUTLET = "unknown publisher"
ENV = "TUMEN_GRADES"


@dataclass(frozen=True, slots=True)
class PublisherGrade:
    name: str
    grade: str
    default: bool  # shipped with Tumen, not set by an analyst
    note: str | None = None
    aliases: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "grade": self.grade,
            "default": self.default,
            "note": self.note,
            "aliases": list(self.aliases),
        }


class Grades:
    """The publisher table: grades, and the aliases that find a publisher in text."""

    def __init__(self, publishers: list[PublisherGrade], unknown: str = "F") -> None:
        self.unknown = unknown
        self.publishers = {p.name: p for p in sorted(publishers, key=lambda p: p.name)}
        self._by_alias: dict[str, str] = {}
        patterns = []
        # Longest alias first, so "Yonhap News Agency" wins over "Yonhap".
        for p in self.publishers.values():
            for alias in (p.name, *p.aliases):
                self._by_alias.setdefault(_fold(alias), p.name)
        for alias in sorted(self._by_alias, key=lambda a: (-len(a), a)):
            original = next(
                a
                for p in self.publishers.values()
                for a in (p.name, *p.aliases)
                if _fold(a) == alias
            )
            # Short all-capital aliases (AP, RFA, TASS) only in capitals: "ap" is a syllable.
            if len(original) <= 4 and original.isupper():
                patterns.append(rf"(?-i:\b{re.escape(original)}\b)")
            else:
                patterns.append(rf"\b{re.escape(alias)}\b")
        self.pattern = re.compile("|".join(patterns), re.IGNORECASE) if patterns else None
        # Worked out once, like the pattern: the table is not changed after it is made.
        self._fingerprint = (
            self.unknown,
            tuple((p.name, p.grade, p.aliases) for p in self.publishers.values()),
        )

    def fingerprint(self) -> tuple[Any, ...]:
        """Everything a model built with these grades depends on, comparable by value: the
        caches of built models and facts are keyed by it (asked once per reviewed report)."""
        return self._fingerprint

    def canonical(self, name: str) -> str | None:
        """The publisher an alias names, or None when it is not in the table."""
        return self._by_alias.get(_fold(name))

    def grade(self, outlet: str) -> str:
        p = self.publishers.get(outlet)
        return p.grade if p else self.unknown

    def is_default(self, outlet: str) -> bool:
        p = self.publishers.get(outlet)
        return p.default if p else True

    def to_dict(self) -> dict[str, Any]:
        return {
            "unknown": self.unknown,
            "publishers": [p.to_dict() for p in self.publishers.values()],
        }


def _fold(name: str) -> str:
    name = name.strip().lower()
    return name[4:] if name.startswith("the ") else name


def _publishers(data: dict[str, Any], *, default: bool, source: str) -> list[PublisherGrade]:
    out = []
    for entry in data.get("publishers", []):
        grade = str(entry.get("grade", "")).upper()
        if grade not in GRADES or "name" not in entry:
            raise InputError(
                f"a publisher entry needs a name and a grade A-F: {entry!r}", source=source
            )
        out.append(
            PublisherGrade(
                name=entry["name"],
                grade=grade,
                default=bool(entry.get("default", False)) if default else False,
                note=entry.get("note"),
                aliases=tuple(entry.get("aliases", ())),
            )
        )
    return out


@cache
def _shipped() -> dict[str, Any]:
    raw = resources.files("tumen.data").joinpath("source_grades.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(raw)
    return data


def load_grades(path: str | Path | None = None) -> Grades:
    """The shipped defaults, overridden entry by entry by the analyst's file.

    `path` (the `--grades` option) wins over the TUMEN_GRADES environment variable; neither
    means the defaults alone. An override entry is never marked default, whatever it says.
    """
    shipped = _shipped()
    table = {p.name: p for p in _publishers(shipped, default=True, source="source_grades.json")}
    unknown = shipped.get("unknown", "F")
    chosen = path if path is not None else os.environ.get(ENV) or None
    if chosen is not None:
        file = Path(chosen)
        try:
            data = json.loads(file.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise InputError(f"cannot read the grades file: {error}", source=str(file)) from None
        for p in _publishers(data, default=False, source=str(file)):
            # An override may rename aliases; a same-name entry replaces the default whole.
            key = next((k for k in table if _fold(k) == _fold(p.name)), p.name)
            table.pop(key, None)
            table[p.name] = p
        if "unknown" in data:
            unknown = str(data["unknown"]).upper()
            if unknown not in GRADES:
                raise InputError("'unknown' must be a grade A-F", source=str(file))
    return Grades(list(table.values()), unknown)


@cache
def _cached(path: str | None) -> Grades:
    return load_grades(path)


def cached_grades(path: str | Path | None = None) -> Grades:
    """`load_grades`, read once per file (and per value of TUMEN_GRADES)."""
    chosen = path if path is not None else os.environ.get(ENV) or None
    return _cached(None if chosen is None else str(chosen))


# Credibility (1–6) of a side of a claim cluster. See docs/cohorts.md, "Information credibility".
def credibility(
    *,
    sources: int,
    best_grade: str,
    hedged: bool,
    unknown_certainty: bool,
    rival_sources: int,
) -> int:
    """The credibility of one value in a cluster.

    sources: independent sources asserting it; best_grade: the best reliability among them;
    hedged: every claim of it is hedged (possible or doubtful); unknown_certainty: every
    claim says the matter is unknown; rival_sources: the most independent sources behind any
    contradicting value of the same cluster (0 when uncontradicted).
    """
    if unknown_certainty:
        return 6
    if rival_sources:
        if rival_sources >= 2 and rival_sources > sources:
            return 5  # contradicted by a corroborated value
        if sources >= 2 and sources > rival_sources:
            return 2  # corroborated, but a lone voice disagrees
        return 4  # contradicted by a value as well supported as itself
    if sources >= 2:
        return 3 if hedged else 1
    # A single source: what its reliability allows.
    if best_grade == "F":
        return 6
    base = {"A": 2, "B": 2, "C": 3, "D": 4, "E": 4}[best_grade]
    return min(base + 1, 4) if hedged else base
