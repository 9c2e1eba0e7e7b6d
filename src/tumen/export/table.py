"""A record as readable tables in the terminal: places, times, numbers, events, sanctions."""

from __future__ import annotations

from typing import Any

from tumen.model import Record


def record_tables(record: Record) -> list[Any]:
    """The rich renderables that show one record, in reading order."""
    from rich.table import Table
    from rich.text import Text

    report = record.report
    head = Text()
    head.append(f"Report {report.id}", style="bold")
    head.append(f"  {report.title or '(no title)'}\n")
    head.append(
        f"publisher: {report.publisher or '-'}   published: {report.published or 'unknown'}   "
        f"language: {report.language}   encoding: {report.encoding or '-'}\n"
    )
    verdict = "relevant" if record.relevance.relevant else "not relevant"
    head.append(f"relevance: {verdict} ({record.relevance.score:.2f})")
    if record.extractor.rules and "not yet supported" in record.extractor.rules:
        head.append(f"\n{record.extractor.rules}", style="yellow")
    out: list[Any] = [head]

    places = Table(title="Places", title_justify="left")
    for column in ("id", "mention", "name", "country", "role", "precision", "lat, lon"):
        places.add_column(column)
    for p in record.places:
        where = "-" if p.lat is None or p.lon is None else f"{p.lat:.3f}, {p.lon:.3f}"
        places.add_row(p.id, p.mention, p.name, p.country or "-", p.role, str(p.precision), where)
    out.append(places)

    times = Table(title="Times", title_justify="left")
    for column in ("id", "mention", "relation", "start", "end", "precision", "anchor"):
        times.add_column(column)
    for t in record.times:
        times.add_row(
            t.id, t.mention, t.relation, t.start or "-", t.end or "-", t.precision, t.anchor
        )
    out.append(times)

    numbers = Table(title="Quantities and durations", title_justify="left")
    for column in ("id", "mention", "kind", "min", "max", "detail"):
        numbers.add_column(column)
    for q in record.quantities:
        detail = " ".join(x for x in (q.currency, q.per and f"per {q.per}") if x)
        numbers.add_row(
            q.id,
            q.mention,
            q.unit,
            _num(q.min),
            _num(q.max),
            detail + (" approx." if q.approximate else ""),
        )
    for d in record.durations:
        numbers.add_row(d.id, d.mention, "duration (days)", _num(d.min_days), _num(d.max_days), "")
    for f in record.frequencies:
        numbers.add_row(
            f.id, f.mention, "frequency", _num(f.times), "", f"per {_num(f.per_days)} days"
        )
    out.append(numbers)

    events = Table(title="Events", title_justify="left")
    for column in ("id", "type", "round", "status", "certainty", "said by", "evidence"):
        events.add_column(column)
    for e in record.events:
        said = e.attribution.mention or e.attribution.kind
        evidence = e.evidence[0].text
        if len(evidence) > 70:
            evidence = evidence[:67] + "..."
        certainty = e.certainty + (f" ({e.certainty_cue})" if e.certainty_cue else "")
        events.add_row(e.id, e.type, str(e.round or "-"), e.status, certainty, said, evidence)
    out.append(events)

    if record.sanctions:
        sanctions = Table(title="Sanctions", title_justify="left")
        for column in ("instrument", "provision", "relation", "events", "rationale"):
            sanctions.add_column(column)
        for s in record.sanctions:
            sanctions.add_row(
                s.instrument,
                s.provision or "-",
                s.relation,
                ", ".join(s.events) or "-",
                s.rationale,
            )
        out.append(sanctions)
    return out


def print_record(record: Record) -> None:
    from rich.console import Console

    console = Console()
    for renderable in record_tables(record):
        console.print(renderable)


def _num(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,}"
