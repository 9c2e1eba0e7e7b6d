"""The dispatch model across reports: programmes, cohorts, stages, corroboration, grades.

One report is a glimpse; this package joins the claims of many into programmes (a sending
country, a destination region, a period of evidence) and their cohorts (rounds, extra
selections), each value citing the claim keys it rests on. Pure functions over records; the
store keeps the results (`tumen.cohorts.store`). Rules: docs/cohorts.md.
"""

from __future__ import annotations

from tumen.cohorts.build import STAGES, build_model
from tumen.cohorts.facts import Claim, ReportFacts, facts_of
from tumen.cohorts.grades import Grades, load_grades
from tumen.cohorts.links import find_reprints
from tumen.cohorts.results import (
    Cluster,
    Cohort,
    DispatchModel,
    Link,
    Override,
    Programme,
)
from tumen.model import Record

__all__ = [
    "STAGES",
    "Claim",
    "Cluster",
    "Cohort",
    "DispatchModel",
    "Grades",
    "Link",
    "Override",
    "Programme",
    "ReportFacts",
    "build_model",
    "facts_of",
    "find_reprints",
    "load_grades",
    "model_of_records",
]


def model_of_records(
    records: list[Record],
    *,
    as_of: str | None = None,
    grades: Grades | None = None,
    overrides: tuple[Override, ...] = (),
) -> DispatchModel:
    """The dispatch model of a set of records (convenience over `facts_of` + `build_model`)."""
    return build_model(
        [facts_of(r, outlets=grades) for r in records],
        as_of=as_of,
        grades=grades,
        overrides=overrides,
    )
