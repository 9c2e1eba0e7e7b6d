"""The `tumen` command line: parse arguments, call the library, print. Nothing else lives here.

Heavy modules (the store, rich, the extractor) are imported inside the commands that need
them, so `tumen --help` answers at once and `tumen extract` never loads the store.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from tumen import __version__
from tumen.errors import TumenError

FORMATS = click.Choice(["json", "table"])


class TumenGroup(click.Group):
    """Turns TumenError into one line on stderr and its exit code (tracebacks with --debug)."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except TumenError as error:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            click.echo(error.line(), err=True)
            ctx.exit(error.exit_code)


@click.group(cls=TumenGroup)
@click.version_option(__version__, prog_name="tumen")
@click.option("--debug", is_flag=True, help="Show tracebacks instead of one-line errors.")
@click.option(
    "--db",
    envvar="TUMEN_DB",
    default=None,
    help="Database URL of the store (default: sqlite:///tumen.db; env TUMEN_DB).",
)
@click.pass_context
def main(ctx: click.Context, debug: bool, db: str | None) -> None:
    """Tumen: sourced extraction of reports on North Korean labour dispatch."""
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug
    ctx.obj["db"] = db


def _published_option(func: Any) -> Any:
    return click.option(
        "--published",
        default=None,
        metavar="YYYY-MM-DD",
        help="Publication date; relative times are resolved against it.",
    )(func)


def _is_pipe() -> bool:
    return not sys.stdout.isatty()


@main.command()
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@_published_option
@click.option("--format", "fmt", type=FORMATS, default="json", show_default=True)
def extract(file: Path, published: str | None, fmt: str) -> None:
    """Print the extraction record of FILE (never writes to the store)."""
    from tumen.extract.pipeline import extract as run_extract
    from tumen.ingest.reader import ReportOverrides, read_report

    report = read_report(file, ReportOverrides(published=published))
    record = run_extract(report)
    if fmt == "json":
        click.echo(json.dumps(record.to_dict(), ensure_ascii=False, indent=2))
    else:
        from tumen.export.table import print_record

        print_record(record)


@main.command()
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("demo-output"),
    show_default=True,
    help="Folder for the demo store and the records.",
)
def demo(out_dir: Path) -> None:
    """Run the main job on the bundled examples and say where the output is."""
    from rich.console import Console
    from rich.progress import Progress
    from rich.table import Table

    from tumen.demo import example_files, run_demo

    console = Console()
    with Progress(console=console, transient=True) as bar:
        task = bar.add_task("extracting and storing", total=len(example_files()))
        result = run_demo(out_dir, on_report=lambda: bar.advance(task))
    table = Table(title="Tumen demo: the bundled synthetic examples")
    for column in ("report", "title", "relevant", "places", "times", "events", "sanctions"):
        table.add_column(column)
    for record in result.records:
        table.add_row(
            record.report.id[:8],
            (record.report.title or "")[:50],
            "yes" if record.relevance.relevant else "no",
            str(len(record.places)),
            str(len(record.times)),
            ", ".join(sorted({e.type for e in record.events})) or "-",
            ", ".join(sorted({s.instrument for s in record.sanctions})) or "-",
        )
    console.print(table)
    # Paths are printed unwrapped so that they can be copied whole.
    console.print(f"Store:   {result.store_url}", soft_wrap=True)
    console.print(f"Records: {result.records_path} (one JSON record per line)", soft_wrap=True)
    console.print(
        f"Next:    tumen --db {result.store_url} show {result.records[0].report.id[:8]} "
        "--format table",
        soft_wrap=True,
    )


def _open_store(ctx: click.Context, *, create: bool) -> Any:
    from tumen.store import open_store

    return open_store(ctx.obj.get("db") if ctx.obj else None, create=create)


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@_published_option
@click.option("--publisher", default=None, help="Publisher of the report(s).")
@click.option("--url", default=None, help="Where the report was published.")
@click.option("--title", default=None, help="Title of the report(s).")
@click.pass_context
def add(
    ctx: click.Context,
    files: tuple[Path, ...],
    published: str | None,
    publisher: str | None,
    url: str | None,
    title: str | None,
) -> None:
    """Store reports and their records; prints `ID<TAB>STATUS<TAB>FILE` per file.

    Every file is read first: if one is bad, nothing is stored. Adding a stored report again
    with new metadata (e.g. --published) updates it and re-derives its record.
    """
    from tumen.ingest.reader import ReportOverrides, read_report

    overrides = ReportOverrides(published=published, publisher=publisher, url=url, title=title)
    reports = [read_report(file, overrides) for file in files]
    with _open_store(ctx, create=True) as store:
        results = store.add_many(reports)
    for file, result in zip(files, results, strict=True):
        click.echo(f"{result.report_id}\t{result.status}\t{file}")


@main.command()
@click.option(
    "--format",
    "fmt",
    type=FORMATS,
    default=None,
    help="Default: table to a terminal, json to a pipe.",
)
@click.option(
    "--search",
    "query",
    default=None,
    metavar="QUERY",
    help="Only reports matching QUERY (full-text).",
)
@click.pass_context
def reports(ctx: click.Context, fmt: str | None, query: str | None) -> None:
    """List the stored reports."""
    fmt = fmt or ("json" if _is_pipe() else "table")
    with _open_store(ctx, create=False) as store:
        summaries = store.reports()
        if query is not None:
            order = {hit.report_id: n for n, hit in enumerate(store.search(query, limit=10_000))}
            summaries = sorted((s for s in summaries if s.id in order), key=lambda s: order[s.id])
    if fmt == "json":
        click.echo(json.dumps([s.to_dict() for s in summaries], ensure_ascii=False, indent=2))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{len(summaries)} report(s)", title_justify="left")
    for column in ("id", "published", "publisher", "title", "lang", "relevant", "events"):
        table.add_column(column, no_wrap=column in ("id", "published"))
    for s in summaries:
        table.add_row(
            s.id,
            s.published or "-",
            s.publisher or "-",
            s.title or "-",
            s.language,
            {True: "yes", False: "no", None: "-"}[s.relevant],
            str(s.events),
        )
    Console().print(table)


@main.command()
@click.argument("report_id", metavar="ID")
@click.option("--format", "fmt", type=FORMATS, default="json", show_default=True)
@click.pass_context
def show(ctx: click.Context, report_id: str, fmt: str) -> None:
    """Print the stored record of report ID (any unique prefix of 6 or more characters)."""
    with _open_store(ctx, create=False) as store:
        record = store.get_record(report_id)
    if fmt == "json":
        click.echo(json.dumps(record.to_dict(), ensure_ascii=False, indent=2))
    else:
        from tumen.export.table import print_record

        print_record(record)


@main.command(name="eval")
@click.argument("gold_dir", type=click.Path(path_type=Path, exists=True, file_okay=False))
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@click.option("--show-errors", is_flag=True, help="List each miss and spurious item.")
def eval_command(gold_dir: Path, fmt: str, show_errors: bool) -> None:
    """Score extraction against the gold files (*.gold.json) of GOLD_DIR.

    Exits 0 whatever the scores; non-zero only when a gold file is malformed.
    """
    from tumen.scoring import evaluate, gold_files

    if not gold_files(gold_dir):
        from tumen.errors import InputError

        raise InputError("no *.gold.json files here", source=str(gold_dir))
    if sys.stderr.isatty():
        from rich.console import Console
        from rich.progress import Progress

        with Progress(console=Console(stderr=True), transient=True) as bar:
            task = bar.add_task("extracting", total=len(gold_files(gold_dir)))
            board = evaluate(gold_dir, progress=lambda _doc: bar.advance(task))
    else:
        board = evaluate(gold_dir)
    if fmt == "json":
        click.echo(json.dumps(board.to_dict(errors=show_errors), ensure_ascii=False, indent=2))
    else:
        from rich.console import Console

        from tumen.scoring import render_scoreboard

        Console().print(*render_scoreboard(board, show_errors=show_errors))
