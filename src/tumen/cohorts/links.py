"""Which reports depend on which: reprint links, citation links, independent sources.

See `tumen.cohorts.sources` for the text signals; this module turns them into links between
stored reports and into each claim's independent source.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from datetime import date

from tumen.cohorts.facts import Claim, ReportFacts
from tumen.cohorts.grades import Grades
from tumen.cohorts.results import Link
from tumen.cohorts.sources import REPRINT_JACCARD, candidate_pairs, reprint_score

CITE_WINDOW_DAYS = 120  # "X reported" points at X's latest report within this window
NO_DATE = "9999-12-31"


def find_reprints(facts: Sequence[ReportFacts]) -> list[Link]:
    """Reprint links between reports whose texts share a near-identical paragraph.

    The later report (by publication date, then id) reprints the earlier one. Reports without
    their text in memory are compared by their sketches alone.
    """
    by_id = {f.id: f for f in facts}
    links = []
    for a, b in sorted(candidate_pairs((f.id, f.sketch) for f in facts if f.sketch)):
        fa, fb = by_id[a], by_id[b]
        if fa.text is not None and fb.text is not None:
            score = reprint_score(fa.text, fb.text)
        else:
            sa, sb = set(fa.sketch), set(fb.sketch)
            score = len(sa & sb) / min(len(sa), len(sb))
        if score >= REPRINT_JACCARD:
            early, late = sorted((fa, fb), key=_order)
            links.append(Link(late.id, early.id, "reprint", round(score, 3)))
    return links


def _order(f: ReportFacts) -> tuple[str, str]:
    return (f.published or NO_DATE, f.id)


def citation_links(facts: Sequence[ReportFacts]) -> list[Link]:
    """ "Daily NK reported last month": link a citing report to the cited outlet's latest
    report published within CITE_WINDOW_DAYS before it (both must be dated)."""
    # Per outlet, its dated reports' (day, id): the order `_order` gives them, as plain tuples
    # (compared at C speed: this runs over every report at every build).
    orders: dict[str, list[tuple[str, str]]] = {}
    for f in facts:
        if f.published:
            orders.setdefault(f.outlet, []).append((f.published, f.id))
    for order in orders.values():
        order.sort()
    links = []
    for f in facts:
        if not f.published or not (f.cites or f.cites_own_earlier):
            continue
        wanted = list(f.cites) + ([f.outlet] if f.cites_own_earlier else [])
        here = (f.published, f.id)
        for outlet in wanted:
            # The latest report of the outlet before this one (by date, then id); the nearer
            # the report, the smaller the gap, so no earlier one can be in the window if it
            # is not. Found by bisection: a scan per citing report would be quadratic.
            order = orders.get(outlet, [])
            i = bisect_left(order, here) - 1
            if i < 0:
                continue
            day, best = order[i]
            gap = date.fromisoformat(f.published) - date.fromisoformat(day)
            if gap.days <= CITE_WINDOW_DAYS:
                links.append(Link(f.id, best, "cites"))
    return links


def _report_sources(facts: Sequence[ReportFacts], reprints: Sequence[Link]) -> dict[str, str]:
    """Each report's independent source: what it retells or its own outlet, and for a reprint
    whatever the earliest report of its reprint group has."""
    parent = {f.id: f.id for f in facts}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    by_id = {f.id: f for f in facts}
    for link in reprints:
        if link.source in parent and link.target in parent:
            ra, rb = find(link.source), find(link.target)
            if ra != rb:
                # The earlier report is the root, whatever order the links come in.
                early, late = sorted((ra, rb), key=lambda r: _order(by_id[r]))
                parent[late] = early
    # Most reports reprint nothing and are their own root: no lookup for them.
    return {f.id: _base_source(f if parent[f.id] == f.id else by_id[find(f.id)]) for f in facts}


def _base_source(f: ReportFacts) -> str:
    return f.derived_from or f.outlet


def _claim_source(claim: Claim, report_source: str, grades: Grades) -> str:
    """A claim credited to another outlet counts as that outlet's, wherever it is printed."""
    # "media reported" naming no outlet: the report's own source (what it retells, if known).
    return _credited_outlet(claim.attribution, grades) or report_source


def _credited_outlet(attribution: str | None, grades: Grades) -> str | None:
    """The outlet an attribution's wording names ("according to Daily NK"), if any."""
    if attribution and grades.pattern is not None:
        m = grades.pattern.search(attribution)
        if m:
            return grades.canonical(m.group(0))
    return None
