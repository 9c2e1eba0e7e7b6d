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


def _record_of(ctx: click.Context, file_or_id: str, published: str | None) -> Any:
    """The record of a report file (extracted now) or of a stored report (by id prefix)."""
    path = Path(file_or_id)
    if path.is_file():
        from tumen.extract.pipeline import extract as run_extract
        from tumen.ingest.reader import ReportOverrides, read_report

        return run_extract(read_report(path, ReportOverrides(published=published)))
    with _open_store(ctx, create=False) as store:
        return store.get_record(file_or_id)


@main.command()
@click.argument("report", metavar="ID_OR_FILE")
@click.argument("event")
@_published_option
@click.pass_context
def explain(ctx: click.Context, report: str, event: str, published: str | None) -> None:
    """Show why EVENT (e.g. e3) was extracted from a report: its rule, the sentence, the spans.

    ID_OR_FILE is a report file (extracted now) or a stored report's id or id prefix.
    """
    from rich.console import Console

    from tumen.export.explain import explain_event

    Console().print(explain_event(_record_of(ctx, report, published), event))


# -- the dispatch model (tumen.cohorts) ------------------------------------------------------------


def _grades_option(func: Any) -> Any:
    return click.option(
        "--grades",
        "grades_path",
        default=None,
        type=click.Path(path_type=Path, dir_okay=False, exists=True),
        help="Publisher grades file (overrides the shipped defaults; env TUMEN_GRADES).",
    )(func)


def _model_view_options(func: Any) -> Any:
    """The options every view of the dispatch model takes: a day, a format, the grades file."""
    func = click.pass_context(func)
    func = _grades_option(func)
    func = click.option(
        "--format",
        "fmt",
        type=FORMATS,
        default=None,
        help="Default: table to a terminal, json to a pipe.",
    )(func)
    return click.option(
        "--as-of",
        "as_of",
        default=None,
        metavar="YYYY-MM-DD",
        help="Only reports published by then.",
    )(func)


def _model_view(ctx: click.Context, as_of: str | None, grades_path: Path | None) -> Any:
    from tumen.cohorts.store import grades_of, load_model, sync, writing
    from tumen.ingest.reader import parse_date

    if as_of is not None:
        as_of = parse_date(as_of, source="--as-of", what="date")

    with _open_store(ctx, create=False) as store, writing(store) as session:
        grades = grades_of(session, str(grades_path) if grades_path else None)
        sync(session, grades)  # records derived before the model existed, or re-derived
        return load_model(session, as_of=as_of, grades=grades)


@main.command()
@_model_view_options
def cohorts(
    ctx: click.Context, as_of: str | None, fmt: str | None, grades_path: Path | None
) -> None:
    """The dispatch programmes and their cohorts, as known from the stored reports."""
    fmt = fmt or ("json" if _is_pipe() else "table")
    model = _model_view(ctx, as_of, grades_path)
    if fmt == "json":
        click.echo(json.dumps(model.to_dict(), ensure_ascii=False, indent=2))
    else:
        from tumen.cohorts.render import print_model

        print_model(model)


@main.command()
@_model_view_options
def conflicts(
    ctx: click.Context, as_of: str | None, fmt: str | None, grades_path: Path | None
) -> None:
    """Claims that contradict each other (same cohort and slot), with both sides cited."""
    fmt = fmt or ("json" if _is_pipe() else "table")
    model = _model_view(ctx, as_of, grades_path)
    if fmt == "json":
        click.echo(json.dumps(model.conflicts_dict(), ensure_ascii=False, indent=2))
    else:
        from tumen.cohorts.render import print_conflicts

        print_conflicts(model)


@main.command()
@_grades_option
@click.pass_context
def rebuild(ctx: click.Context, grades_path: Path | None) -> None:
    """Recompute the dispatch model from the stored records, from scratch."""
    from tumen.cohorts.store import grades_of, writing
    from tumen.cohorts.store import rebuild as run_rebuild

    with _open_store(ctx, create=False) as store, writing(store) as session:
        model = run_rebuild(session, grades_of(session, str(grades_path) if grades_path else None))
    n = sum(len(p.cohorts) for p in model.programmes)
    click.echo(
        f"{len(model.programmes)} programme(s), {n} cohort(s), {len(model.conflicts)} conflict(s)"
    )


@main.group()
def programme() -> None:
    """Rename, merge or split programmes (replayed after every rebuild)."""


def _programme_op(ctx: click.Context, override: Any) -> None:
    from tumen.cohorts.store import apply_op, writing
    from tumen.store.repository import default_who

    with _open_store(ctx, create=False) as store, writing(store) as session:
        apply_op(session, override, default_who())
    click.echo(f"{override.op}\t{override.programme}")


@programme.command(name="rename")
@click.argument("programme_id")
@click.argument("name")
@click.pass_context
def programme_rename(ctx: click.Context, programme_id: str, name: str) -> None:
    """Give PROGRAMME_ID the name NAME."""
    from tumen.cohorts import Override

    _programme_op(ctx, Override("rename", programme_id, name=name))


@programme.command(name="merge")
@click.argument("programme_id")
@click.argument("into")
@click.pass_context
def programme_merge(ctx: click.Context, programme_id: str, into: str) -> None:
    """Fold PROGRAMME_ID into the programme INTO."""
    from tumen.cohorts import Override

    _programme_op(ctx, Override("merge", programme_id, into=into))


@programme.command(name="split")
@click.argument("programme_id")
@click.option(
    "--at", "at", required=True, metavar="YYYY-MM-DD", help="Reports from this day on move."
)
@click.pass_context
def programme_split(ctx: click.Context, programme_id: str, at: str) -> None:
    """Move the reports of PROGRAMME_ID dated on or after --at into a new programme."""
    from tumen.cohorts import Override

    _programme_op(ctx, Override("split", programme_id, at=at))


@main.command()
@click.argument("name")
@click.option("--context", default="", help="Words around the name (countries there count).")
@click.option("--format", "fmt", type=FORMATS, default=None, help="Default: table on a terminal.")
def place(name: str, context: str, fmt: str | None) -> None:
    """Look NAME up in the gazetteer: candidates, coordinates and why the first one wins."""
    from tumen.resolve.places import explain as explain_place

    candidates = explain_place(name, context)
    rows = [
        {
            "name": c.entry.name,
            "gazetteer": c.entry.id,
            "country": c.entry.country,
            "admin1": c.entry.admin1,
            "lat": c.entry.lat,
            "lon": c.entry.lon,
            "kind": c.entry.kind,
            "precision": c.entry.precision,
            "score": round(c.score, 2),
            "why": list(c.reasons),
        }
        for c in candidates
    ]
    if (fmt or ("json" if _is_pipe() else "table")) == "json":
        click.echo(json.dumps({"query": name, "candidates": rows}, ensure_ascii=False, indent=2))
        return
    from rich.console import Console
    from rich.table import Table

    if not rows:
        click.echo(f"no gazetteer entry for {name!r}")
        return
    table = Table(title=f"{name}: {len(rows)} candidate(s), the first wins")
    for column in ("name", "gazetteer", "country", "lat, lon", "kind", "prec.", "score", "why"):
        table.add_column(column)
    for row in rows:
        table.add_row(
            str(row["name"]),
            str(row["gazetteer"]),
            str(row["country"] or ""),
            f"{row['lat']}, {row['lon']}",
            str(row["kind"]),
            str(row["precision"]),
            str(row["score"]),
            "; ".join(row["why"]),  # type: ignore[arg-type]
        )
    Console().print(table)


@main.command()
@click.argument("file_or_id")
@_published_option
@click.option("--format", "fmt", type=click.Choice(["geojson"]), default="geojson")
@click.pass_context
def routes(ctx: click.Context, file_or_id: str, published: str | None, fmt: str) -> None:
    """Print the route of a report as GeoJSON: place points and the legs between them.

    FILE_OR_ID is a report file (extracted now) or a stored report's id or id prefix.
    """
    from tumen.export.geojson import routes_geojson

    record = _record_of(ctx, file_or_id, published)
    click.echo(json.dumps(routes_geojson(record), ensure_ascii=False, indent=2))


# -- the web app (issue 8) --------------------------------------------------------------------


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8377, show_default=True, type=int, help="Port to listen on.")
@click.option("--public", is_flag=True, help="Allow a non-loopback --host (behind an HTTPS proxy).")
@click.option(
    "--demo",
    "demo_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Serve the demo store in this folder (made by `tumen demo`) with a demo account.",
)
@click.pass_context
def serve(ctx: click.Context, host: str, port: int, public: bool, demo_dir: Path | None) -> None:
    """Serve the analyst's desk (web app and JSON API under /api/) on HOST:PORT."""
    from tumen.store import open_store
    from tumen.web.serve import check_host, demo_account
    from tumen.web.serve import serve as run_server

    if not public:
        check_host(host)
    name: str | None
    password: str | None
    if demo_dir is not None:
        url = f"sqlite:///{(demo_dir / 'tumen-demo.db').resolve()}"
        store = open_store(url, create=False)
        name, password = demo_account(store)
    else:
        store = open_store(ctx.obj.get("db") if ctx.obj else None, create=False)
        name, password = None, None
    shown_host = f"[{host}]" if ":" in host else host
    click.echo(f"Tumen desk: http://{shown_host}:{port}/  (Ctrl-C stops it)")
    if name is not None:
        click.echo(f"Demo account: {name} / {password}  (an admin of the demo store only)")
    try:
        run_server(store, host, port, secure_cookies=public)
    finally:
        store.close()


@main.group()
def user() -> None:
    """Accounts of the web app and the API."""


@user.command(name="add")
@click.argument("name")
@click.option(
    "--role", type=click.Choice(["viewer", "analyst", "admin"]), default="viewer", show_default=True
)
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
@click.pass_context
def user_add(ctx: click.Context, name: str, role: str, password_stdin: bool) -> None:
    """Create account NAME (viewers read, analysts review, admins also manage)."""
    from tumen.store.repository import default_who
    from tumen.web.accounts import add_user

    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    with _open_store(ctx, create=True) as store:
        add_user(store, name, role, password, who=default_who())
    click.echo(f"user {name} added ({role})")


@main.group()
def token() -> None:
    """Bearer tokens of the JSON API."""


@token.command(name="create")
@click.argument("user_name", metavar="USER")
@click.option("--name", "token_name", default="token", help="What the token is for.")
@click.pass_context
def token_create(ctx: click.Context, user_name: str, token_name: str) -> None:
    """Issue a token for USER; prints `ID<TAB>SECRET` (the secret is shown this once)."""
    from tumen.store.repository import default_who
    from tumen.web.accounts import create_token

    with _open_store(ctx, create=False) as store:
        token_id, secret = create_token(store, user_name, token_name, who=default_who())
    click.echo(f"{token_id}\t{secret}")


@token.command(name="revoke")
@click.argument("token_id", type=int)
@click.pass_context
def token_revoke(ctx: click.Context, token_id: int) -> None:
    """Revoke token TOKEN_ID (see `tumen token list`)."""
    from tumen.store.repository import default_who
    from tumen.web.accounts import revoke_token

    with _open_store(ctx, create=False) as store:
        revoke_token(store, token_id, who=default_who())
    click.echo(f"token {token_id} revoked")


@token.command(name="list")
@click.pass_context
def token_list(ctx: click.Context) -> None:
    """List tokens: id, name, user, state (never the secrets)."""
    from tumen.web.accounts import tokens

    with _open_store(ctx, create=False) as store:
        for t in tokens(store):
            state = "revoked" if t.revoked_at else "live"
            click.echo(f"{t.id}\t{t.name}\t{t.user}\t{state}")
