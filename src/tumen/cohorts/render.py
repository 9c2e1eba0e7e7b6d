"""Terminal tables of the dispatch model and its conflicts (rich, imported only here)."""

from __future__ import annotations

from typing import Any

from tumen.cohorts.results import DispatchModel


def _range(value: dict[str, Any]) -> str:
    lo, hi = value.get("min"), value.get("max")
    if lo is None and hi is None:
        return "?"
    if lo == hi:
        return f"{lo:,}"
    return f"{'?' if lo is None else f'{lo:,}'}–{'' if hi is None else f'{hi:,}'}"


def _dates(dates: dict[str, dict[str, Any]]) -> str:
    parts = []
    for stage, d in dates.items():
        start, end = d.get("start"), d.get("end")
        when = start if start == end else f"{start or '…'}..{end or '…'}"
        parts.append(f"{stage} {when}{' (planned)' if d.get('planned') else ''}")
    return "\n".join(parts)


def print_model(model: DispatchModel) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    title = f"as of {model.as_of}" if model.as_of else "all reports"
    if not model.programmes:
        console.print(f"No programmes ({title}).")
    for p in model.programmes:
        table = Table(title=f"{p.name}  [{p.id}]  ({title})", title_justify="left")
        for column in ("cohort", "stage", "size", "dates", "sources", "evidence"):
            table.add_column(column)
        for c in p.cohorts:
            stage = c.stage if c.status == "active" else f"{c.stage} ({c.status})"
            table.add_row(
                c.label,
                stage,
                _range(c.size),
                _dates(c.dates),
                str(c.sources),
                f"{len(c.evidence)} keys",
            )
        console.print(table)
    if model.undated:
        console.print(f"Undated reports ({len(model.undated)}): " + ", ".join(model.undated))
    for note in model.notes:
        console.print(f"note: {note}")


def print_conflicts(model: DispatchModel) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    conflicts = model.conflicts
    if not conflicts:
        console.print("No contradictions.")
        return
    table = Table(title="Contradictions", title_justify="left")
    for column in ("cohort", "slot", "value", "sources", "credibility", "evidence"):
        table.add_column(column)
    for cluster in conflicts:
        for n, side in enumerate(cluster.sides):
            data = side.to_dict()
            value = data["value"]
            if isinstance(value, dict) and "min" in value:
                shown = _range(value)
            elif isinstance(value, dict):
                shown = f"{value['start']}..{value['end']}"
            else:
                shown = ", ".join(value)
            table.add_row(
                cluster.cohort if n == 0 else "",
                cluster.slot if n == 0 else "",
                shown,
                ", ".join(side.sources),
                str(side.credibility),
                "\n".join(side.evidence),
            )
    console.print(table)
