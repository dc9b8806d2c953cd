"""The command line: parse options, call the packages, print.

Exit codes: 0 success; 1 some files failed to ingest (the rest were stored);
2 a usage error (bad option, unknown id, bad query).
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import asdict
from pathlib import Path

import click

from .corpus.home import Home
from .corpus.context import of_item, record_context
from .corpus.merge import merge_records
from .corpus.people import PersonResolver
from .corpus.store import Store, meeting_json, source_json
from .output import emit, format_option

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


class Context:
    def __init__(self, home: Home):
        self.home = home
        self._store: Store | None = None
        self._index = None

    @property
    def store(self) -> Store:
        if self._store is None:
            self._store = Store(self.home.store_path)
        return self._store

    @property
    def index(self):
        if self._index is None:
            from .search import SearchIndex

            self._index = SearchIndex(self.home.index_dir)
        return self._index


pass_context = click.make_pass_decorator(Context)


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


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--home", type=click.Path(file_okay=False), envvar="COUNCILPAPERS_HOME",
    help="Folder of the store and index [env COUNCILPAPERS_HOME; default: the user data folder].",
)
@click.version_option(package_name="councilpapers")
@click.pass_context
def main(ctx: click.Context, home: str | None) -> None:
    """Council meeting papers as a searchable, structured record."""
    ctx.obj = Context(Home.locate(home))


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--jobs", "-j", type=click.IntRange(1, 256), help="Worker processes reading files [default: the number of cores].")
@click.option("--ocr/--no-ocr", default=True, show_default=True, help="OCR PDFs without a usable text layer (needs Tesseract).")
@pass_context
def ingest(ctx: Context, paths: tuple[Path, ...], jobs: int | None, ocr: bool) -> None:
    """Ingest files or folders (recursively); with no path, the bundled samples."""
    from .corpus.lock import HomeBusy, write_lock
    from .ingest.manager import catch_up_index, discover, ingest_paths
    from .ingest.parallel import default_jobs
    from .progress import ingest_progress
    from .search import IndexBusy

    targets = list(paths) or [SAMPLES]
    try:
        with write_lock(ctx.home.root):
            caught_up = catch_up_index(ctx.store, ctx.index)
            if caught_up:
                click.echo(f"note: indexed {caught_up} files an interrupted ingest had stored", err=True)
            found = list(discover(targets))
            files = [f for f in found if isinstance(f, Path)]
            with ingest_progress(len(files)) as update:
                outcomes = [f for f in found if not isinstance(f, Path)]
                outcomes += ingest_paths(
                    files, ctx.store, ctx.index, update, jobs=jobs or default_jobs(), ocr=ocr,
                )
    except HomeBusy as error:
        raise click.ClickException(str(error)) from None
    except IndexBusy as error:
        raise click.ClickException(
            f"{error} The store is up to date; the index catches up on the next ingest, "
            "or run `councilpapers reindex`."
        ) from None
    counts = {"ingested": 0, "unchanged": 0, "duplicate": 0, "failed": 0}
    for outcome in outcomes:
        counts[outcome.status] += 1
        if outcome.failed:
            click.echo(f"error: {outcome.path}: {outcome.message}", err=True)
    total = sum(counts.values())
    summary = f"{total} {'file' if total == 1 else 'files'}: " + ", ".join(f"{n} {status}" for status, n in counts.items() if n or status != "duplicate")
    click.echo(summary)
    if counts["failed"]:
        sys.exit(1)


@main.command()
@click.argument("query", required=False, default="")
@click.option("--kind", help="minute_item, resolution, agenda_item, document, report, action.")
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

    if not query and not (kind or committee or since or until):
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
    _add_urls(ctx.store, result.hits)
    _emit_hits(result, fmt, with_facets=with_facets)


@main.command()
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
    _add_urls(ctx.store, result.hits)
    _emit_hits(result, fmt)


def _add_urls(store: Store, hits) -> None:
    """Harvested files are cited with the URL they came from, beside file and page."""
    for hit in hits:
        if not hit.sources:
            hit.sources = [{"id": hit.id, "source": hit.source, "page": hit.page, "line": hit.line}]
        _add_place_urls(store, hit.sources)


def _add_place_urls(store: Store, places: list[dict]) -> None:
    for place in places:
        origin = store.origin_of(place["source"]) if place.get("source") else None
        if origin:
            place["url"] = origin.url


HIT_COLUMNS = ("id", "kind", "committee", "meeting_date", "minute", "agenda_ref", "title", "snippet", "source", "page", "line", "score")
HIT_CSV_COLUMNS = HIT_COLUMNS + ("url", "exempt", "sources")


def _search_index(ctx: Context, engine: str):
    """The index for `engine`, knowing every form of a person's name from the
    store; the Tantivy index is built from the store the first time it is asked for."""
    from .search import EngineMissing, SearchIndex

    index = SearchIndex(ctx.home.index_dir, engine=engine, people=lambda name: _name_forms(ctx.store, name))
    try:
        missing = not index.exists()
    except EngineMissing as error:
        raise click.UsageError(str(error)) from None
    if missing and ctx.home.store_path.exists() and ctx.store.sources():
        if engine == "whoosh":
            click.echo("The search index is not built, or is from an older version: "
                       "run `councilpapers reindex`.", err=True)
        else:
            _build_engine(ctx, index, engine)
    return index


def _build_engine(ctx: Context, index, engine: str) -> None:
    from .corpus.lock import HomeBusy, write_lock
    from .search import IndexBusy
    from .search.documents import store_documents

    click.echo(f"Building the {engine} index from the store (once)…", err=True)
    try:
        with write_lock(ctx.home.root):
            index.build_engine(engine, store_documents(ctx.store))
    except (HomeBusy, IndexBusy) as error:
        raise click.ClickException(str(error)) from None


def _name_forms(store: Store, name: str) -> tuple[set[str], set[str]]:
    """Surnames of every form of the people called `name`, and their ids."""
    from .corpus.registers import people_named
    from .search.documents import surname

    people = people_named(store.people(), name)
    surnames = {s for p in people for alias in [p.name, *p.aliases] if (s := surname(alias))}
    return surnames, {p.id for p in people}


def _emit_hits(result, fmt: str, *, with_facets: bool = False) -> None:
    """Hits as a table (then the facets), a JSON list (an object with --facets)
    or CSV; "Did you mean" goes to stderr when stdout is for machines."""
    if fmt == "table":
        if result.suggestion:
            click.echo(click.style(f"Did you mean: {result.suggestion}?", fg="cyan"))
        _print_hits(result.hits)
        if result.facets and result.hits:
            _print_facets(result.facets)
        return
    if result.suggestion:
        click.echo(f"Did you mean: {result.suggestion}?", err=True)
    if fmt == "json" and with_facets:
        click.echo(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
        return
    rows = [hit.to_json() for hit in result.hits]
    for row in rows:
        row["url"] = row["sources"][0].get("url") if row.get("sources") else None
    if fmt == "csv":
        for row in rows:
            row["sources"] = [_cite(place) for place in row["sources"]]
    emit(rows, HIT_CSV_COLUMNS, fmt)


def _print_hits(hits) -> None:
    if not hits:
        click.echo("No matches.")
        return
    for n, hit in enumerate(hits, 1):
        if hit.partial and (n == 1 or not hits[n - 2].partial):
            some = "No record has all the words" if n == 1 else "Fewer records than asked for have all the words"
            click.echo(click.style(f"   — {some}; these have some of them —", dim=True))
        when = hit.meeting_date.strftime("%-d %b %Y") if hit.meeting_date else "undated"
        where = []
        if hit.minute:
            where.append(f"minute {hit.minute}")
        if hit.agenda_ref:
            where.append(f"item {hit.agenda_ref}")
        kind = hit.kind.replace("_", " ") + (" (exempt)" if hit.exempt else "")
        head = " · ".join([hit.committee or "(no meeting)", when, *where, kind])
        click.echo(click.style(f"{n}. {head}", bold=True))
        click.echo(f"   {hit.title}")
        if hit.snippet:
            click.echo(f"   {_highlight(hit.snippet, hit.highlights)}")
        click.echo(click.style(f"   {_cite(hit.sources[0] if hit.sources else vars(hit))}  [{hit.id}]", dim=True))
        others = hit.sources[1:]
        if others:
            shown = "; ".join(_cite(place) for place in others[:3])
            more = f" and {len(others) - 3} more" if len(others) > 3 else ""
            click.echo(click.style(f"   also: {shown}{more}", dim=True))


def _print_facets(facets) -> None:
    click.echo()
    for name, label in (("committee", "committee"), ("year", "year"), ("kind", "kind")):
        counts = facets.get(name) or {}
        if not counts:
            continue
        order = sorted(counts.items(), key=(lambda kv: kv[0]) if name == "year" else (lambda kv: (-kv[1], kv[0])),
                       reverse=name == "year")
        click.echo(f"by {label}: " + " · ".join(f"{k.replace('_', ' ') if name == 'kind' else k} {v}" for k, v in order))


def _highlight(snippet: str, spans) -> str:
    out, last = [], 0
    for start, end in sorted(spans):
        out.append(snippet[last:start])
        out.append(click.style(snippet[start:end], fg="yellow", bold=True))
        last = end
    out.append(snippet[last:])
    return "".join(out)


@main.command()
@click.argument("record_id")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text for people; json: the record with its context.")
@pass_context
def show(ctx: Context, record_id: str, fmt: str) -> None:
    """Print a record in context (its minute with resolutions, actions and
    votes, the meeting, attendance, and where it came from), a meeting or a source."""
    store = ctx.store
    record = store.record(record_id)
    if record:
        context = record_context(store, record)
        _add_place_urls(store, context["places"])
        if fmt == "json":
            click.echo(json.dumps(_context_json(record, context), ensure_ascii=False, indent=2))
        else:
            _print_record(record, context)
        return
    meeting = store.meeting(record_id)
    if meeting:
        if fmt == "json":
            records = merge_records(store.records(meeting_id=meeting.id))
            data = {**meeting_json(meeting), "records": [r.to_json() for r in records]}
            click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        else:
            _show_meeting(store, meeting)
        return
    source = store.source(record_id)
    if source:
        click.echo(json.dumps(source_json(source), ensure_ascii=False, indent=2))
        return
    raise click.UsageError(f"No record, meeting or source has the id {record_id!r}.")


def _context_json(record, context: dict) -> dict:
    meeting = context["meeting"]
    return {
        **record.to_json(),
        "context": {
            "meeting": meeting_json(meeting) if meeting else None,
            "minute_item": context["item"].to_json() if context["item"] else None,
            "resolutions": [r.to_json() for r in context["resolutions"]],
            "actions": [r.to_json() for r in context["actions"]],
            "votes": [r.to_json() for r in context["votes"]],
            "attendance": [r.to_json() for r in context["attendance"]],
            "sources": context["places"],
        },
    }


def _print_record(record, context: dict) -> None:
    import textwrap

    def para(text: str, indent: str = "   ") -> None:
        for block in re.split(r"\n\s*\n", text.strip()):
            click.echo(textwrap.fill(" ".join(block.split()), width=100, initial_indent=indent,
                                     subsequent_indent=indent))

    meeting = context["meeting"]
    if meeting:
        when = ", ".join(x for x in (meeting.date, meeting.time, meeting.venue) if x) or "undated"
        click.echo(click.style(f"{meeting.committee} — {when}", bold=True))
        _show_attendance(context["attendance"])
        click.echo()
    item = context["item"]
    if item is not None:
        number = f"Minute {item.number}. " if item.number else ""
        ref = f" (Item {item.agenda_ref})" if item.agenda_ref else ""
        mark = "▶ " if record.type == "minute_item" else ""
        click.echo(click.style(f"{mark}{number}{item.title}{ref}", bold=True))
        para(item.text)
        for vote in context["votes"]:
            counts = f"For {vote.for_}, Against {vote.against}, Abstain {vote.abstain}"
            click.echo(f"   Vote: {counts} — {vote.result or 'result not stated'}")
        for res in context["resolutions"]:
            mark = "▶ " if record.id in {p["id"] for p in res.attested_by} or res.id == record.id else ""
            click.echo(click.style(f"{mark}RESOLVED that", bold=True))
            para(res.text)
        for action in context["actions"]:
            mark = "▶ " if action.id == record.id else ""
            extra = ", ".join(x for x in (action.due and f"due {action.due}", action.status and f"status {action.status}") if x)
            click.echo(f"{mark}ACTION: {action.owner} to {action.description}" + (f" ({extra})" if extra else ""))
    if item is None or record.type not in ("minute_item", "resolution", "action", "vote"):
        click.echo(click.style(f"▶ {record.type.replace('_', ' ')}: {getattr(record, 'title', '') or getattr(record, 'subject', '')}", bold=True))
        for key, value in record.to_json().items():
            if key in ("type", "id", "source", "page", "line", "meeting", "title", "subject", "text", "attested_by") or value in (None, "", [], False):
                continue
            click.echo(f"   {key}: {value if not isinstance(value, list) else '; '.join(map(str, value))}")
        if getattr(record, "text", None):
            para(record.text)
    click.echo()
    click.echo("Told by:")
    for place in context["places"]:
        click.echo(f"   {_cite(place)}  [{place['id']}]")
    if record.source not in {p["source"] for p in context["places"]}:
        click.echo(f"   {_cite({'source': record.source, 'page': record.page, 'line': record.line})}  [{record.id}]")


def _show_meeting(store: Store, meeting) -> None:
    click.echo(click.style(f"{meeting.committee} — {meeting.date or 'undated'}", bold=True))
    if meeting.time or meeting.venue:
        click.echo(", ".join(x for x in (meeting.time, meeting.venue) if x))
    for source_id in meeting.sources:
        source = store.source(source_id)
        if source:
            click.echo(f"source: {source.path}")
    records = merge_records(store.records(meeting_id=meeting.id))
    _show_attendance([r for r in records if r.type == "attendance"])
    resolutions = [r for r in records if r.type == "resolution"]
    for item in (r for r in records if r.type == "minute_item"):
        number = f"{item.number}. " if item.number else ""
        ref = f" (Item {item.agenda_ref})" if item.agenda_ref else ""
        _add_place_urls(store, item.attested_by)
        cites = "; ".join(_cite(place) for place in item.attested_by)
        click.echo(f"\n{number}{item.title}{ref}  [{cites}]")
        for vote in (r for r in records if r.type == "vote" and r.minute == item.number):
            counts = f"For {vote.for_}, Against {vote.against}, Abstain {vote.abstain}"
            flag = " (a count disagrees with its list of names)" if vote.count_mismatch else ""
            click.echo(f"   Vote p. {vote.page}: {counts} — {vote.result or 'result not stated'}{flag}")
        for res in resolutions:
            if of_item(res, item):
                click.echo(f"   RESOLVED that {res.text}")


def _show_attendance(attendance) -> None:
    labels = {
        "present": "Present", "substitute": "Substitutes", "also_present": "Also present",
        "in_attendance": "In attendance", "apologies": "Apologies",
    }
    seen: set[tuple] = set()
    for status, label in labels.items():
        names = []
        for person in attendance:
            # Two files of the meeting print the same list, one "Mr T A Maddison",
            # the other "Mr T Maddison": title and surname tell it is the same.
            key = (status, person.name.split()[0], person.name.split()[-1], person.substitute_for)
            if person.status != status or key in seen:
                continue
            seen.add(key)
            extra = person.role or (f"for {person.substitute_for}" if person.substitute_for else None)
            names.append(f"{person.name} ({extra})" if extra else person.name)
        if names:
            click.echo(f"{label}: " + ", ".join(names))


def _short_cite(record) -> str:
    """Page and line first, so a narrow column still shows where to look."""
    page = f"p. {record.page} " if record.page else ""
    return f"{page}l. {record.line} {Path(record.source).name}"


def _cite(place: dict) -> str:
    page = f" p. {place['page']}" if place.get("page") else ""
    url = f" <{place['url']}>" if place.get("url") else ""
    return f"{Path(place['source']).name}{page}, line {place['line']}{url}"


@main.command()
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl", show_default=True)
@click.option("--output", "-o", type=click.File("w", encoding="utf-8"), default="-", help="File to write (default: stdout).")
@pass_context
def export(ctx: Context, fmt: str, output) -> None:
    """Export the whole structured corpus as JSON Lines (see the export contract)."""
    store = ctx.store
    sources = {s.id: s for s in store.sources()}
    for source in sources.values():
        output.write(json.dumps(source_json(source), ensure_ascii=False) + "\n")
    meetings = store.meetings()
    for meeting in meetings:
        output.write(json.dumps(meeting_json(meeting), ensure_ascii=False) + "\n")
    # A meeting told by several files gives each of its items once.
    people = store.people()
    for person in people:
        output.write(json.dumps({"type": "person", **asdict(person)}, ensure_ascii=False) + "\n")
    resolve = PersonResolver(people)
    for meeting in meetings:
        for record in merge_records(store.records(meeting_id=meeting.id)):
            if record.type not in NOT_EXPORTED:
                resolve.fill(record)
                output.write(json.dumps(record.to_json(), ensure_ascii=False) + "\n")
    for record in store.records_without_meeting():
        if record.type not in NOT_EXPORTED:
            resolve.fill(record)
            output.write(json.dumps(record.to_json(), ensure_ascii=False) + "\n")


NOT_EXPORTED = {"passage", "mention"}  # kept for search and for resolving people


@main.command()
@format_option()
@pass_context
def stats(ctx: Context, fmt: str) -> None:
    """What the store holds."""
    counts = ctx.store.counts()
    counts["index documents"] = ctx.index.doc_count()
    rows = [{"what": k, "count": v} for k, v in counts.items()]
    emit(rows, ("what", "count"), fmt)


@main.command()
@pass_context
def reindex(ctx: Context) -> None:
    """Rebuild the search index from the store."""
    from .corpus.lock import HomeBusy, write_lock
    from .search import IndexBusy
    from .search.documents import store_documents

    try:
        with write_lock(ctx.home.root):
            n = ctx.index.rebuild(store_documents(ctx.store))
            # After the commit: a crash before it leaves the marks for the next ingest.
            ctx.store.mark_all_indexed()
    except (HomeBusy, IndexBusy) as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Indexed {n} documents.")


@main.command()
@click.option("--owner", help="Any form of the owner's name: 'Segurola' finds every form of it.")
@click.option("--committee", help="Words of the committee's name.")
@click.option("--since", type=PartialDate(), help="Meetings on or after: YYYY, YYYY-MM or YYYY-MM-DD.")
@click.option("--until", type=PartialDate(), help="Meetings on or before: YYYY, YYYY-MM or YYYY-MM-DD.")
@click.option("--status", help="RAG status (R, A, G) or a written status, e.g. Complete.")
@format_option()
@pass_context
def actions(ctx: Context, owner, committee, since, until, status, fmt) -> None:
    """The action register: who owns which action, newest meeting first."""
    from .corpus.registers import action_register

    rows = action_register(
        ctx.store, owner=owner, committee=committee, since=since[0] if since else None,
        until=until[1] if until else None, status=status,
    )
    emit([_action_row(r) for r in rows], ACTION_COLUMNS if fmt == "table" else ACTION_FIELDS, fmt)


ACTION_COLUMNS = ("date", "committee", "minute", "owner", "description", "due", "status", "cite")
ACTION_FIELDS = ACTION_COLUMNS + ("id", "person", "source", "page", "line")


def _action_row(row) -> dict:
    action, meeting = row.action, row.meeting
    return {
        "date": meeting.date if meeting else None,
        "committee": meeting.committee if meeting else "(action plan)",
        "minute": action.minute, "owner": action.owner, "description": action.description,
        "due": action.due, "status": action.status,
        "cite": _short_cite(action),
        "id": action.id, "person": action.person, "source": action.source,
        "page": action.page, "line": action.line,
    }


@main.command()
@click.argument("query", required=False)
@click.option("--kind", type=click.Choice(["money", "percent", "count"]))
@click.option("--min", "minimum", type=float, help="Smallest value (e.g. 1000000 for £1m).")
@click.option("--max", "maximum", type=float, help="Largest value.")
@click.option("--limit", type=click.IntRange(1, 100000), default=50, show_default=True)
@format_option()
@pass_context
def figures(ctx: Context, query, kind, minimum, maximum, limit, fmt) -> None:
    """Money, percentages and counts, with the sentence they stand in."""
    from .corpus.registers import figures as find

    rows = find(ctx.store, query, kind=kind, minimum=minimum, maximum=maximum)
    emit([_figure_row(f, m) for f, m in rows[:limit]], FIGURE_COLUMNS, fmt)


FIGURE_COLUMNS = ("text", "kind", "value", "unit", "context", "date", "committee", "cite")


def _figure_row(figure, meeting) -> dict:
    return {
        "text": figure.text, "kind": figure.kind, "value": figure.value, "unit": figure.unit,
        "context": figure.context, "date": meeting.date if meeting else None,
        "committee": meeting.committee if meeting else None,
        "cite": _short_cite(figure),
        "source": figure.source, "page": figure.page, "line": figure.line,
    }


@main.command()
@click.argument("short", required=False)
@format_option()
@pass_context
def acronyms(ctx: Context, short, fmt) -> None:
    """The corpus glossary; with SHORT, what it stands for and where it is defined."""
    from .corpus.registers import glossary

    entries = glossary(ctx.store)
    if short:
        entries = [e for e in entries if e.short.upper() == short.upper()]
        if not entries:
            raise click.UsageError(f"No acronym {short!r} is defined in the papers.")
    rows = [{"short": e.short, "long": e.long, "sources": [Path(s).name for s in e.sources]} for e in entries]
    emit(rows, ("short", "long", "sources"), fmt)


@main.command()
@click.argument("name", required=False)
@format_option()
@pass_context
def people(ctx: Context, name, fmt) -> None:
    """People across files and years; with NAME, their roles over time, the
    meetings they attended and the actions they own."""
    from .corpus.registers import people_profiles

    profiles = people_profiles(ctx.store, name)
    if name and not profiles:
        raise click.UsageError(f"Nobody called {name!r} is named in the papers.")
    if name and fmt == "table" and len(profiles) <= 3:
        for profile in profiles:
            _print_profile(profile)
        return
    rows = [_person_row(p) for p in profiles]
    emit(rows, ("name", "role", "meetings", "actions", "aliases", "id") if fmt == "table" else PERSON_FIELDS, fmt)


PERSON_FIELDS = ("id", "name", "aliases", "role", "roles", "party", "meetings", "actions", "attended", "owns")


def _person_row(profile) -> dict:
    person = profile.person
    latest = max(person.roles, key=lambda r: r.get("last_seen") or "", default=None)
    return {
        "id": person.id, "name": person.name, "aliases": person.aliases,
        "role": latest["role"] if latest else None, "roles": person.roles, "party": person.party,
        "meetings": len(profile.attended), "actions": len(profile.actions),
        "attended": [m.id for m, _, _ in profile.attended],
        "owns": [row.action.id for row in profile.actions],
    }


def _print_profile(profile) -> None:
    person = profile.person
    click.echo(click.style(f"{person.name}  [{person.id}]", bold=True))
    if person.aliases:
        click.echo(f"also written: {', '.join(person.aliases)}")
    if person.party:
        click.echo(f"party: {person.party}")
    for role in sorted(person.roles, key=lambda r: r.get("first_seen") or ""):
        span = " to ".join(dict.fromkeys(x for x in (role.get("first_seen"), role.get("last_seen")) if x))
        click.echo(f"role: {role['role']}" + (f" ({span})" if span else ""))
    if profile.attended:
        click.echo(f"meetings attended ({len(profile.attended)}):")
        for meeting, status, role in profile.attended:
            click.echo(f"   {meeting.date}  {meeting.committee}  {status.replace('_', ' ')}")
    if profile.actions:
        click.echo(f"actions owned ({len(profile.actions)}):")
        for row in profile.actions:
            when = row.meeting.date if row.meeting else "action plan"
            click.echo(f"   {when}  {row.action.description}  [{_short_cite(row.action)}]")
    click.echo()


@main.command()
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
@click.option("--html-only", is_flag=True, help="Read the HTML pages only, not the web service.")
@click.option("--insecure", is_flag=True, help="Do not verify the site's TLS certificate (some councils' chains are broken).")
@click.option("--jobs", "-j", type=click.IntRange(1, 256), help="Worker processes for the ingest [default: the number of cores].")
@click.option("--ocr/--no-ocr", default=True, show_default=True, help="OCR PDFs without a usable text layer.")
@click.option("--today", type=PartialDate(), hidden=True)  # tests: pins the 90-day re-check window
@format_option()
@pass_context
def harvest(ctx: Context, base_url, committees, since, until, kinds, archive, delay, no_ingest, list_only,
            user_agent, timeout, retries, html_only, insecure, jobs, ocr, today, fmt) -> None:
    """Harvest a ModernGov site (BASE_URL, e.g. https://democracy.kent.gov.uk/):
    list committees and meetings, download each meeting's new or changed
    documents into an archive by council / committee / date, and ingest them."""
    from .harvest import KINDS, USER_AGENT, ArchiveBusy, Harvest, HarvestOptions, UnknownCommittee

    wanted = frozenset(k.strip().lower() for k in kinds.split(",") if k.strip())
    if not wanted or wanted - set(KINDS):
        raise click.BadParameter(f"choose from {', '.join(KINDS)} (comma-separated).", param_hint="--documents")
    try:
        options = HarvestOptions(
            base_url=base_url, archive=archive or ctx.home.root / "archive", committees=committees,
            since=since[0] if since else None, until=until[1] if until else None, kinds=wanted, delay=delay,
            timeout=timeout, retries=retries, user_agent=user_agent or USER_AGENT, verify_tls=not insecure,
            today=today[0] if today else None, use_web_service=not html_only,
        )
        run = Harvest(options, progress=lambda line: click.echo(line, err=True))
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="BASE_URL") from None
    try:
        if list_only:
            _harvest_list(run, fmt)
            return
        report, interrupted = None, False
        try:
            report = run.run()
        except KeyboardInterrupt:
            report, interrupted = run.report, True
    except UnknownCommittee as error:
        raise click.UsageError(str(error)) from None
    except ArchiveBusy as error:
        raise click.ClickException(str(error)) from None
    except Exception as error:  # the site itself could not be read (FetchError)
        from .harvest import FetchError

        if isinstance(error, FetchError):
            run.collect_notes()
            for line in run.report.lines:
                click.echo(line, err=True)
            raise click.ClickException(f"could not read {run.base}: {error.reason} <{error.url}>") from None
        raise
    finally:
        run.close()
    for line in report.lines:
        click.echo(line)
    click.echo(report.summary())
    click.echo(report.cost())
    if interrupted:
        click.echo("interrupted: what was downloaded is kept; run the same command again to go on.", err=True)
        sys.exit(130)
    failed = bool(report.failed or report.stopped)
    if not no_ingest:
        failed |= _harvest_ingest(ctx, options, jobs, ocr)
    click.echo(f"archive: {report.archive}")
    if failed:
        sys.exit(1)


def _harvest_list(run, fmt: str) -> None:
    counts = run.count_meetings()
    rows = [{
        "id": c.committee.id, "committee": c.committee.title,
        "status": "deleted" if c.committee.deleted else "expired" if c.committee.expired else "live",
        "meetings": c.meetings, "first": c.first.isoformat() if c.first else None,
        "last": c.last.isoformat() if c.last else None,
    } for c in counts]
    emit(rows, ("id", "committee", "status", "meetings", "first", "last"), fmt)
    for line in run.report.lines:
        click.echo(line, err=True)
    if fmt == "table":
        click.echo(f"{len(rows)} committees, {sum(r['meetings'] for r in rows)} meetings; {run.report.cost()}")


def _harvest_ingest(ctx: Context, options, jobs: int | None, ocr: bool) -> bool:
    """Ingest what the archive holds that the store lacks; True when a file failed."""
    from .corpus.lock import HomeBusy, write_lock
    from .harvest import ingest_archive
    from .ingest.manager import catch_up_index
    from .ingest.parallel import default_jobs
    from .search import IndexBusy

    try:
        with write_lock(ctx.home.root):
            catch_up_index(ctx.store, ctx.index)
            outcomes, unread = ingest_archive(
                options.archive, options.base_url, ctx.store, ctx.index, jobs=jobs or default_jobs(), ocr=ocr,
            )
    except (HomeBusy, IndexBusy) as error:
        raise click.ClickException(f"{error} The archive is complete; run the harvest again to ingest it.") from None
    counts = {"ingested": 0, "unchanged": 0, "duplicate": 0, "failed": 0}
    for outcome in outcomes:
        counts[outcome.status] += 1
        if outcome.failed:
            click.echo(f"error: {outcome.path}: {outcome.message}", err=True)
    if unread:
        click.echo(f"note: {len(unread)} archived files are in formats ingest does not read (e.g. {unread[0].name})")
    total = sum(counts.values())
    click.echo(f"ingest: {total} {'file' if total == 1 else 'files'}: "
               + ", ".join(f"{n} {status}" for status, n in counts.items() if n or status != "duplicate"))
    return bool(counts["failed"])


if __name__ == "__main__":
    main()
