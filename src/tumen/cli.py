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
