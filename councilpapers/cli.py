"""The command line: parse options, call the library, print through `render`.

Exit codes: 0 success; 1 some files failed to ingest (the rest were stored);
2 a usage error (bad option, unknown id, bad query, an index not built).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from . import render
from .corpus.home import Home
from .corpus.store import Store, source_json
from .render import format_option

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


class Context:
    def __init__(self, home: Home, verbose: bool = False):
        self.home = home
        self.verbose = verbose
        self._store: Store | None = None
        self._index = None
        self.reading = False  # a command that reads papers: an empty home is an error

    @property
    def store(self) -> Store:
        if self._store is None:
            if self.reading and not self.home.store_path.exists():
                raise self._no_papers()
            self._store = Store(self.home.store_path)
            if self.reading and not self._store.sources():
                raise self._no_papers()
        return self._store

    def _no_papers(self) -> click.ClickException:
        """An empty or missing home says so, rather than "No matches." to every question."""
        return NotBuilt(f"no papers ingested in {self.home.root} yet: run `councilpapers ingest PATH`.")

    @property
    def index(self):
        if self._index is None:
            if self.reading:
                self.store  # an empty home is said before the index is asked
            from .search import SearchIndex

            self._index = SearchIndex(self.home.index_dir)
        return self._index


pass_context = click.make_pass_decorator(Context)


class NotBuilt(click.ClickException):
    """A search asked of an index that a write command must build first."""

    exit_code = 2


class PartialDate(click.ParamType):
    """'2016' -> (1 Jan 2016, 31 Dec 2016); '2016-05' -> all of May; a day -> that day."""

    name = "date"

    def convert(self, value, param, ctx):
        from .text.dates import BadDate, partial_date

        if isinstance(value, tuple):
            return value
        try:
            return partial_date(value)
        except BadDate as error:
            self.fail(str(error), param, ctx)


class Finite(click.ParamType):
    """A number; "nan" and "inf" are not values a filter can compare with."""

    name = "number"

    def convert(self, value, param, ctx):
        import math

        try:
            number = float(value)
        except (TypeError, ValueError):
            self.fail(f"{value!r} is not a number.", param, ctx)
        if not math.isfinite(number):
            self.fail(f"{value!r} is not a finite number.", param, ctx)
        return number


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--home", type=click.Path(file_okay=False), envvar="COUNCILPAPERS_HOME",
    help="Folder of the store and index [env COUNCILPAPERS_HOME; default: the user data folder].",
)
@click.option("--verbose", "-v", is_flag=True,
              help="Log what is done on stderr: files, readers, timings, index commits.")
@click.option("--no-color", is_flag=True, help="No colour or bold [also when the env NO_COLOR is set].")
@click.version_option(package_name="councilpapers")
@click.pass_context
def main(ctx: click.Context, home: str | None, verbose: bool, no_color: bool) -> None:
    """Council meeting papers as a searchable, structured record.

    \b
    Examples:
      councilpapers ingest ~/papers/kent
      councilpapers search "looked after children" --since 2015
      councilpapers show --help
    """
    ctx.obj = Context(Home.locate(home), verbose)
    ctx.call_on_close(render.log_to_stderr(verbose))
    if no_color or render.no_color_asked():
        ctx.color = False
    # Checked when a command first reads the store, so `CMD --help` works in any home.
    ctx.obj.reading = ctx.invoked_subcommand not in BUILDING_COMMANDS


# Commands that fill a home; every other command reads papers a home must hold.
BUILDING_COMMANDS = {"ingest", "harvest", "reindex"}


@main.command(epilog=render.examples(
    'councilpapers ingest ~/papers/kent',
    'councilpapers ingest minutes.pdf agenda-pack.pdf --jobs 4',
    'councilpapers ingest            # the bundled samples',
))
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--jobs", "-j", type=click.IntRange(1, 256), help="Worker processes reading files [default: the number of cores].")
@click.option("--ocr/--no-ocr", default=True, show_default=True, help="OCR PDFs without a usable text layer (needs Tesseract).")
@click.option("--file-timeout", type=click.FloatRange(min=0, min_open=True), default=120, show_default=True,
              help="Seconds one file may take; a file over it fails and the batch goes on.")
@click.option("--file-memory", type=click.IntRange(min=64), default=2048, show_default=True,
              help="Megabytes of memory one file's reading may add; a file over it fails.")
@pass_context
def ingest(ctx: Context, paths: tuple[Path, ...], jobs: int | None, ocr: bool,
           file_timeout: float, file_memory: int) -> None:
    """Ingest files or folders (recursively); with no path, the bundled samples."""
    from .corpus.lock import HomeBusy
    from .search import IndexBusy
    from .workflow import run_ingest

    try:
        report = run_ingest(
            ctx.home, list(paths) or [SAMPLES], store=ctx.store, index=ctx.index, jobs=jobs, ocr=ocr,
            limits={"file_timeout": file_timeout, "file_memory": file_memory * 1024**2},
            # --verbose logs a line per file; a bar redrawn between them would garble both.
            progress=None if ctx.verbose else render.ingest_progress,
        )
    except HomeBusy as error:
        raise click.ClickException(str(error)) from None
    except IndexBusy as error:
        raise click.ClickException(
            f"{error} The store is up to date; the index catches up on the next ingest, "
            "or run `councilpapers reindex`."
        ) from None
    render.ingest_report(report)
    if report.failures:
        sys.exit(1)


@main.command(epilog=render.examples(
    'councilpapers search "supported lodgings" --kind resolution',
    'councilpapers search "foster carers" --committee "corporate parenting" --since 2016',
    'councilpapers search "amount:>1000000 SEND" --format csv > big.csv',
))
@click.argument("query", required=False, default="")
@click.option("--kind", help="minute_item, resolution, agenda_item, document, report, action, vote.")
@click.option("--committee", help="Words of the committee's name, e.g. 'corporate parenting'.")
@click.option("--since", type=PartialDate(), help="Meetings on or after: YYYY, YYYY-MM or YYYY-MM-DD.")
@click.option("--until", type=PartialDate(), help="Meetings on or before: YYYY, YYYY-MM or YYYY-MM-DD.")
@click.option("--limit", type=click.IntRange(1, 1000), default=10, show_default=True)
@click.option("--include-exempt", is_flag=True, help="Show exempt (Part 2) business too.")
@click.option("--facets", "with_facets", is_flag=True,
              help="With --format json: print {hits, facets, did_you_mean, total} instead of the list of hits.")
@click.option("--engine", type=click.Choice(["whoosh", "tantivy"]), default="whoosh", show_default=True,
              envvar="COUNCILPAPERS_ENGINE", help="Search engine [env COUNCILPAPERS_ENGINE]; tantivy is an optional extra.")
@format_option()
@pass_context
def search(ctx: Context, query, kind, committee, since, until, limit, include_exempt, with_facets, engine, fmt) -> None:
    """Search the papers. QUERY: words, "exact phrases", AND / OR / NOT, and
    fields: committee:, kind:, person:, owner:, minute:, item:, decision:,
    date:2015 or date:2015-04..2016-05, amount:>1000000 (see the README)."""
    from .search import BadQuery

    if not query.strip() and not (kind or committee or since or until):  # blank is no query
        raise click.UsageError("Give a query, or at least one of --kind, --committee, --since, --until.")
    index = _search_index(ctx, engine)
    try:
        result = index.find(
            query, kind=kind, committee=committee,
            since=since[0] if since else None, until=until[1] if until else None, limit=limit,
            include_exempt=include_exempt, facets=fmt == "table" or with_facets,
        )
    except BadQuery as error:
        raise click.UsageError(str(error)) from None
    _with_origins(ctx.store, result.hits)
    render.hits(result, fmt, with_facets=with_facets)


@main.command(epilog=render.examples(
    'councilpapers similar res-430f54a1-L367',
    'councilpapers similar res-430f54a1-L367 --limit 3 --format json',
))
@click.argument("record_id")
@click.option("--limit", type=click.IntRange(1, 1000), default=10, show_default=True)
@click.option("--include-exempt", is_flag=True, help="Show exempt (Part 2) business too.")
@click.option("--engine", type=click.Choice(["whoosh", "tantivy"]), default="whoosh", show_default=True,
              envvar="COUNCILPAPERS_ENGINE", help="Search engine [env COUNCILPAPERS_ENGINE].")
@format_option()
@pass_context
def similar(ctx: Context, record_id, limit, include_exempt, engine, fmt) -> None:
    """Records like RECORD_ID (more like this): the same subject at other meetings."""
    index = _search_index(ctx, engine)
    try:
        result = index.similar(record_id, limit=limit, include_exempt=include_exempt)
    except KeyError:
        raise click.UsageError(f"No searchable record has the id {record_id!r}.") from None
    _with_origins(ctx.store, result.hits)
    render.hits(result, fmt)


def _with_origins(store: Store, hits) -> None:
    """Harvested files are cited with the URL they came from, beside file and page."""
    from .corpus.context import add_origin_urls

    for hit in hits:
        if not hit.sources:
            hit.sources = [{"id": hit.id, "source": hit.source, "page": hit.page, "line": hit.line}]
        add_origin_urls(store, hit.sources)


def _search_index(ctx: Context, engine: str):
    """The index for `engine`, knowing every form of a person's name from the
    store. A search only reads: an index not built is for `reindex` to build."""
    from .search import EngineMissing, SearchIndex
    from .search.name_forms import name_forms

    ctx.store  # an empty home says so before any search
    index = SearchIndex(ctx.home.index_dir, engine=engine, people=lambda name: name_forms(ctx.store, name))
    try:
        missing = not index.exists()
    except EngineMissing as error:
        raise click.UsageError(str(error)) from None
    if missing and engine != "whoosh":
        raise NotBuilt(f"The {engine} index is not built yet: run `councilpapers reindex --engine {engine}`.")
    if missing and ctx.store.sources():
        click.echo("The search index is not built, or is from an older version: "
                   "run `councilpapers reindex`.", err=True)
    return index


@main.command(epilog=render.examples(
    'councilpapers show mtg-2016-05-26-corporate-parenting-panel',
    'councilpapers show res-430f54a1-L367',
    'councilpapers show kent-corporate-parenting-panel-2015-12-08-agenda-pack.txt',
))
@click.argument("record_id")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text for people; json: the record with its context.")
@click.option("--include-exempt", is_flag=True, help="Show exempt (Part 2) business too.")
@pass_context
def show(ctx: Context, record_id: str, fmt: str, include_exempt: bool) -> None:
    """Print a record in context (its minute with resolutions, actions and
    votes, the meeting, attendance, and where it came from), a meeting, or a
    source (by id, path or file name) with what ingest made of it."""

    with render.paged():
        _show(ctx.store, record_id, fmt, include_exempt)


def _show(store: Store, record_id: str, fmt: str, include_exempt: bool) -> None:
    from .corpus.context import meeting_context, record_context

    if (record := store.record(record_id)) and record.exempt and not include_exempt:
        render.exempt_notice(record, fmt)
    elif record:
        context = record_context(store, record, include_exempt=include_exempt)
        if fmt == "json":
            render.to_json(render.context_json(record, context))
        else:
            render.record_in_context(record, context)
    elif meeting := store.meeting(record_id):
        view = meeting_context(store, meeting, include_exempt=include_exempt)
        if fmt == "json":
            render.to_json(render.meeting_with_records_json(view))
        else:
            render.meeting(view)
    elif source := store.source(record_id) or store.source_named(record_id):
        render.to_json(source_json(source)) if fmt == "json" else render.source(source)
    else:
        from .corpus.meetings_index import nearest_ids

        near = nearest_ids(store, record_id)
        hint = f" Nearest: {', '.join(near)}." if near else " `councilpapers meetings` lists the meetings."
        raise click.UsageError(f"No record, meeting or source has the id {record_id!r}.{hint}")


@main.command(epilog=render.examples(
    'councilpapers export -o corpus.jsonl',
    'councilpapers export | head -1',
    'councilpapers export --format csv --type resolution',
))
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl", show_default=True,
              help="jsonl: one record a line; csv: one CSV per record type (a folder), or --type T's alone.")
@click.option("--type", "only", metavar="T", help="Only records of this type (meeting, minute_item, vote, …).")
@click.option("--output", "-o", type=click.Path(dir_okay=True, path_type=Path),
              help="File to write [default: stdout]; with --format csv and no --type, the folder for the CSVs.")
@pass_context
def export(ctx: Context, fmt: str, only: str | None, output: Path | None) -> None:
    """Export the whole structured corpus as JSON Lines (see the export
    contract), or as CSV: one file per record type, lists as JSON in a cell."""
    from .corpus.export import export_rows, export_tables, export_types

    if only and only not in (types := export_types(ctx.store)):
        raise click.BadParameter(f"{only!r} is not a type the store holds; one of {', '.join(types)}.",
                                 param_hint="--type")
    if fmt == "csv" and not only:
        if output is None or (output.exists() and not output.is_dir()):
            raise click.UsageError("CSV of every type needs a folder: --output DIR (or one type: --type T).")
        written = render.csv_folder(export_tables(ctx.store), output)
        click.echo(f"Wrote {len(written)} CSV files to {output}: {', '.join(p.name for p in written)}", err=True)
        return
    if output is not None and output.is_dir():
        raise click.UsageError(f"{output} is a folder: give a file to write, or --format csv without --type.")
    with click.open_file(str(output) if output else "-", "w", encoding="utf-8") as stream:
        if fmt == "csv":
            columns, rows = export_tables(ctx.store, only).get(only, ([], []))
            render.csv_rows(rows, columns, stream)
        else:
            render.json_lines((r for r in export_rows(ctx.store) if not only or r["type"] == only), stream)


@main.command(epilog=render.examples(
    'councilpapers sources',
    'councilpapers sources --problems',
    'councilpapers sources --format csv > sources.csv',
))
@click.option("--problems", is_flag=True, help="Only the files not fully understood, each problem on its line.")
@format_option()
@pass_context
def sources(ctx: Context, problems: bool, fmt: str) -> None:
    """The files ingested and what was made of each: documents, meetings, items,
    decisions, attendance, and what was not understood (`show ID` for one file)."""
    from .corpus.sources import source_summaries

    render.sources(source_summaries(ctx.store, problems_only=problems), fmt, problems_only=problems)


@main.command(epilog=render.examples(
    'councilpapers stats',
    'councilpapers stats --by committee',
))
@click.option("--by", type=click.Choice(["committee"]),
              help="Meetings, items, decisions and actions for each committee and year.")
@click.option("--include-exempt", is_flag=True, help="Count exempt (Part 2) business too (with --by).")
@format_option()
@pass_context
def stats(ctx: Context, by: str | None, include_exempt: bool, fmt: str) -> None:
    """What the store holds; with --by committee, by committee and year."""
    if by:
        from .corpus.meetings_index import counts_by_committee_and_year

        render.committee_years(counts_by_committee_and_year(ctx.store, include_exempt=include_exempt), fmt)
        return
    counts = ctx.store.counts()
    counts["index documents"] = ctx.index.doc_count()
    render.counts(counts, fmt)


@main.command(epilog=render.examples(
    'councilpapers meetings',
    'councilpapers meetings --committee "corporate parenting" --since 2016',
))
@click.option("--committee", help="Words of the committee's name, e.g. 'corporate parenting'.")
@click.option("--since", type=PartialDate(), help="Meetings on or after: YYYY, YYYY-MM or YYYY-MM-DD.")
@click.option("--until", type=PartialDate(), help="Meetings on or before: YYYY, YYYY-MM or YYYY-MM-DD.")
@click.option("--include-exempt", is_flag=True, help="Count exempt (Part 2) business too.")
@format_option()
@pass_context
def meetings(ctx: Context, committee, since, until, include_exempt, fmt) -> None:
    """The meetings stored, by date: id (for `show`), committee, items,
    decisions (resolutions and votes) and the files that tell each."""
    from .corpus.meetings_index import meeting_rows

    rows = meeting_rows(ctx.store, committee=committee, since=since[0] if since else None,
                        until=until[1] if until else None, include_exempt=include_exempt)
    render.meetings(rows, fmt)


@main.command(epilog=render.examples(
    'councilpapers committees',
    'councilpapers committees --format json',
))
@format_option()
@pass_context
def committees(ctx: Context, fmt: str) -> None:
    """The committees stored: each with its meetings, first and last date."""
    from .corpus.meetings_index import committee_rows

    render.committees(committee_rows(ctx.store), fmt)


@main.command(epilog=render.examples(
    'councilpapers reindex',
    'councilpapers reindex --engine tantivy',
))
@click.option("--engine", type=click.Choice(["whoosh", "tantivy"]), default="whoosh", show_default=True,
              envvar="COUNCILPAPERS_ENGINE",
              help="Also build this engine's index [env COUNCILPAPERS_ENGINE]; whoosh is always built.")
@pass_context
def reindex(ctx: Context, engine: str) -> None:
    """Rebuild the search index from the store (with --engine tantivy, the
    Tantivy index too; every ingest keeps it up to date from then on)."""
    from .corpus.lock import HomeBusy
    from .search import EngineMissing, IndexBusy
    from .workflow import reindex as rebuild

    try:
        report = rebuild(ctx.home, store=ctx.store, engine=engine)
    except (HomeBusy, IndexBusy) as error:
        raise click.ClickException(str(error)) from None
    except EngineMissing as error:
        raise click.UsageError(str(error)) from None
    click.echo(f"Indexed {report.documents} documents.")


@main.command(epilog=render.examples(
    'councilpapers actions --open --owner Segurola',
    'councilpapers actions --overdue --committee "corporate parenting"',
    'councilpapers actions --since 2016 --format csv > actions.csv',
))
@click.option("--owner", help="Any form of the owner's name, or the post: 'Segurola' finds every form "
                              "of it, 'Clerk' the Clerk's.")
@click.option("--committee", help="Words of the committee's name.")
@click.option("--since", type=PartialDate(), help="Meetings on or after: YYYY, YYYY-MM or YYYY-MM-DD.")
@click.option("--until", type=PartialDate(), help="Meetings on or before: YYYY, YYYY-MM or YYYY-MM-DD.")
@click.option("--status", help="RAG status (R, A, G), a written status (Complete), or open / in progress / "
                               "carried forward / done.")
@click.option("--open", "open_only", is_flag=True,
              help="Only actions not done at the latest meeting reporting on them.")
@click.option("--overdue", is_flag=True, help="Only open actions due before today (or --as-of).")
@click.option("--include-exempt", is_flag=True, help="Show exempt (Part 2) business too.")
@click.option("--as-of", "as_of", type=PartialDate(), help="The day --overdue counts from: YYYY-MM-DD.")
@format_option()
@pass_context
def actions(ctx: Context, owner, committee, since, until, status, open_only, overdue, as_of, include_exempt, fmt) -> None:
    """The action register by due date, then meeting: who owns which action,
    when it is due, and how it stands at the latest meeting that says."""
    from .corpus.registers import action_register

    rows = action_register(
        ctx.store, owner=owner, committee=committee, since=since[0] if since else None,
        until=until[1] if until else None, status=status, open_only=open_only, overdue=overdue,
        as_of=as_of[0] if as_of else None, include_exempt=include_exempt,
    )
    if owner and not rows:
        from .corpus.registers import names_like

        if like := names_like(ctx.store.people(), owner):
            click.echo(f"No action of {owner!r}. Did you mean: {' / '.join(like)}?", err=True)
    render.actions(rows, fmt)


@main.command(epilog=render.examples(
    'councilpapers figures --kind money --min 1000000',
    'councilpapers figures SEND --min 1000000',
    'councilpapers figures "foster care" --kind percent',
))
@click.argument("query", required=False)
@click.option("--kind", type=click.Choice(["money", "percent", "count"]))
@click.option("--min", "minimum", type=Finite(), help="Smallest value (e.g. 1000000 for £1m).")
@click.option("--max", "maximum", type=Finite(), help="Largest value.")
@click.option("--limit", type=click.IntRange(1, 100000), default=50, show_default=True)
@click.option("--include-exempt", is_flag=True, help="Show exempt (Part 2) business too.")
@format_option()
@pass_context
def figures(ctx: Context, query, kind, minimum, maximum, limit, include_exempt, fmt) -> None:
    """Money, percentages and counts, with the sentence they stand in."""
    from .corpus.registers import figures as find

    rows = find(ctx.store, query, kind=kind, minimum=minimum, maximum=maximum, include_exempt=include_exempt)
    render.figures(rows[:limit], fmt)


@main.command(epilog=render.examples(
    'councilpapers acronyms',
    'councilpapers acronyms UASC',
))
@click.argument("short", required=False)
@click.option("--include-exempt", is_flag=True, help="Show exempt (Part 2) business too.")
@format_option()
@pass_context
def acronyms(ctx: Context, short, include_exempt, fmt) -> None:
    """The corpus glossary; with SHORT, what it stands for and where it is defined."""
    from .corpus.registers import glossary, glossary_entry

    if not short:
        render.glossary(glossary(ctx.store, include_exempt=include_exempt), fmt)
    elif entry := glossary_entry(ctx.store, short, include_exempt=include_exempt):
        render.glossary([entry], fmt)
    else:
        raise click.UsageError(f"No acronym {short!r} is defined in the papers.")


@main.command(epilog=render.examples(
    'councilpapers people',
    'councilpapers people Segurola',
    'councilpapers people --format csv > people.csv',
))
@click.argument("name", required=False)
@click.option("--include-exempt", is_flag=True, help="Show exempt (Part 2) business too.")
@format_option()
@pass_context
def people(ctx: Context, name, include_exempt, fmt) -> None:
    """People across files and years; with NAME, their roles over time, the
    meetings they attended and the actions they own."""
    from .corpus.registers import people_profiles

    profiles = people_profiles(ctx.store, name, include_exempt=include_exempt)
    if name and not profiles:
        from .corpus.registers import names_like

        like = names_like(ctx.store.people(), name)
        hint = f" Did you mean: {' / '.join(like)}?" if like else " No name in the papers is close to it."
        raise click.UsageError(f"Nobody called {name!r} is named in the papers.{hint}")
    render.people(profiles, fmt, asked=bool(name))


@main.command(epilog=render.examples(
    'councilpapers harvest https://democracy.kent.gov.uk/ --list',
    'councilpapers harvest https://democracy.kent.gov.uk/ --committee Cabinet --since 2024',
    'councilpapers harvest http://127.0.0.1:8000/ --no-ingest',
))
@click.argument("base_url")
@click.option("--committee", "committees", multiple=True, metavar="NAME_OR_ID",
              help="Only this committee: its id, its name, or words of its name (repeatable) [default: all].")
@click.option("--since", type=PartialDate(), help="Meetings on or after: YYYY, YYYY-MM or YYYY-MM-DD.")
@click.option("--until", type=PartialDate(), help="Meetings on or before [default: 30 days ahead].")
@click.option("--documents", "kinds", default="minutes,agenda,reports,decisions,supplements", show_default=True,
              help="Kinds of document to fetch, comma-separated.")
@click.option("--archive", type=click.Path(file_okay=False, path_type=Path),
              help="Folder of the archive [default: HOME/archive].")
@click.option("--delay", type=click.FloatRange(min=0), default=0.5, show_default=True,
              help="Seconds between requests (robots.txt's Crawl-delay wins when longer).")
@click.option("--no-ingest", is_flag=True, help="Archive only; a later harvest ingests what is archived.")
@click.option("--list", "list_only", is_flag=True, help="List committees and their meeting counts; download nothing.")
@click.option("--user-agent", help="User-Agent to send, e.g. with a contact address [default: councilpapers/VERSION (…)].")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=60.0, show_default=True,
              help="Seconds to wait for an answer (ModernGov listings can take 40 s).")
@click.option("--retries", type=click.IntRange(0, 10), default=3, show_default=True,
              help="Retries, with back-off, after 429/5xx, timeouts and dropped connections.")
@click.option("--max-size", type=click.FloatRange(min=0, min_open=True), default=200, show_default=True,
              metavar="MB", help="Largest document to download (as decoded); a larger one is a failed document.")
@click.option("--deadline", type=click.FloatRange(min=0.1), default=600, show_default=True, metavar="SECONDS",
              help="Longest one download may take, its retries and redirects included, however slowly the site sends it.")
@click.option("--html-only", is_flag=True, help="Read the HTML pages only, not the web service.")
@click.option("--insecure", is_flag=True, help="Do not verify the site's TLS certificate (some councils' chains are broken).")
@click.option("--jobs", "-j", type=click.IntRange(1, 256), help="Worker processes for the ingest [default: the number of cores].")
@click.option("--ocr/--no-ocr", default=True, show_default=True, help="OCR PDFs without a usable text layer.")
@click.option("--today", type=PartialDate(), hidden=True)  # tests: pins the 90-day re-check window
@format_option()
@pass_context
def harvest(ctx: Context, base_url, committees, since, until, kinds, archive, delay, no_ingest, list_only,
            user_agent, timeout, retries, max_size, deadline, html_only, insecure, jobs, ocr, today, fmt) -> None:
    """Harvest a ModernGov site (BASE_URL, e.g. https://democracy.kent.gov.uk/):
    list committees and meetings, download each meeting's new or changed
    documents into an archive by council / committee / date, and ingest them."""
    from .harvest import KINDS, USER_AGENT, Harvest, HarvestOptions

    wanted = frozenset(k.strip().lower() for k in kinds.split(",") if k.strip())
    if not wanted or wanted - set(KINDS):
        raise click.BadParameter(f"choose from {', '.join(KINDS)} (comma-separated).", param_hint="--documents")
    try:
        options = HarvestOptions(
            base_url=base_url, archive=archive or ctx.home.root / "archive", committees=committees,
            since=since[0] if since else None, until=until[1] if until else None, kinds=wanted, delay=delay,
            timeout=timeout, retries=retries, user_agent=user_agent or USER_AGENT, verify_tls=not insecure,
            today=today[0] if today else None, use_web_service=not html_only,
            max_size=int(max_size * 2**20), deadline=deadline,
        )
        run = Harvest(options, progress=lambda line: click.echo(line, err=True))
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="BASE_URL") from None
    with _site_faults(run):
        if list_only:
            render.committee_counts(run.count_meetings(), run.report, fmt)
            return
        try:
            report, interrupted = run.run(), False
        except KeyboardInterrupt:
            report, interrupted = run.report, True
    render.harvest_report(report)
    if interrupted:
        click.echo("interrupted: what was downloaded is kept; run the same command again to go on.", err=True)
        sys.exit(130)
    failed = bool(report.failed or report.stopped)
    if not no_ingest:
        failed |= _harvest_ingest(ctx, options, jobs, ocr)
    click.echo(f"archive: {report.archive}")
    if failed:
        sys.exit(1)


@contextmanager
def _site_faults(run) -> Iterator[None]:
    """A harvest's faults as messages; the run is closed however it ends."""
    from .harvest import ArchiveBusy, FetchError, UnknownCommittee

    try:
        yield
    except UnknownCommittee as error:
        raise click.UsageError(str(error)) from None
    except ArchiveBusy as error:
        raise click.ClickException(str(error)) from None
    except FetchError as error:  # the site itself could not be read
        run.collect_notes()
        for line in run.report.lines:
            click.echo(line, err=True)
        raise click.ClickException(f"could not read {run.base}: {error.reason} <{error.url}>") from None
    finally:
        run.close()


def _harvest_ingest(ctx: Context, options, jobs: int | None, ocr: bool) -> bool:
    """Ingest what the archive holds that the store lacks; True when a file failed."""
    from .corpus.lock import HomeBusy
    from .harvest import ingest_archive
    from .search import IndexBusy

    try:
        report = ingest_archive(options.archive, options.base_url, ctx.home, store=ctx.store, index=ctx.index,
                                jobs=jobs, ocr=ocr)
    except (HomeBusy, IndexBusy) as error:
        raise click.ClickException(f"{error} The archive is complete; run the harvest again to ingest it.") from None
    render.ingest_report(report, prefix="ingest: ")
    return bool(report.failures)


if __name__ == "__main__":
    main()
