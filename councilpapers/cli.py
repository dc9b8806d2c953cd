"""The command line: parse options, call the packages, print.

Exit codes: 0 success; 1 some files failed to ingest (the rest were stored);
2 a usage error (bad option, unknown id, bad query).
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from datetime import date
from pathlib import Path

import click

from .corpus.home import Home
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
        import calendar

        if isinstance(value, tuple):
            return value
        parts = str(value).split("-")
        try:
            numbers = [int(p) for p in parts]
            if len(numbers) == 1:
                return date(numbers[0], 1, 1), date(numbers[0], 12, 31)
            if len(numbers) == 2:
                year, month = numbers
                return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
            if len(numbers) == 3:
                day = date(*numbers)
                return day, day
        except ValueError:
            pass
        self.fail(f"{value!r} is not a date like 2016, 2016-05 or 2016-05-26.", param, ctx)


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
@format_option()
@pass_context
def search(ctx: Context, query, kind, committee, since, until, limit, fmt) -> None:
    """Search the papers: words, "exact phrases", AND / OR / NOT."""
    from .search import BadQuery

    if not query and not (kind or committee or since or until):
        raise click.UsageError("Give a query, or at least one of --kind, --committee, --since, --until.")
    try:
        hits = ctx.index.search(
            query, kind=kind, committee=committee,
            since=since[0] if since else None,
            until=until[1] if until else None, limit=limit,
        )
    except BadQuery as error:
        raise click.UsageError(str(error)) from None
    if fmt == "table":
        _print_hits(hits)
    else:
        emit([hit.to_json() for hit in hits], HIT_COLUMNS, fmt)


HIT_COLUMNS = ("id", "kind", "committee", "meeting_date", "minute", "agenda_ref", "title", "snippet", "source", "page", "line", "score")


def _print_hits(hits) -> None:
    if not hits:
        click.echo("No matches.")
        return
    for n, hit in enumerate(hits, 1):
        when = hit.meeting_date.strftime("%-d %b %Y") if hit.meeting_date else "undated"
        where = []
        if hit.minute:
            where.append(f"minute {hit.minute}")
        if hit.agenda_ref:
            where.append(f"item {hit.agenda_ref}")
        head = " · ".join([hit.committee or "(no meeting)", when, *where, hit.kind.replace("_", " ")])
        click.echo(click.style(f"{n}. {head}", bold=True))
        click.echo(f"   {hit.title}")
        click.echo(f"   {_highlight(hit.snippet, hit.highlights)}")
        page = f" p. {hit.page}" if hit.page else ""
        click.echo(click.style(f"   {Path(hit.source).name}{page}, line {hit.line}  [{hit.id}]", dim=True))


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
@pass_context
def show(ctx: Context, record_id: str) -> None:
    """Print a record, meeting or source by its id, with where it came from."""
    store = ctx.store
    record = store.record(record_id)
    if record:
        click.echo(json.dumps(record.to_json(), ensure_ascii=False, indent=2))
        return
    meeting = store.meeting(record_id)
    if meeting:
        _show_meeting(store, meeting)
        return
    source = store.source(record_id)
    if source:
        click.echo(json.dumps(source_json(source), ensure_ascii=False, indent=2))
        return
    raise click.UsageError(f"No record, meeting or source has the id {record_id!r}.")


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
        cites = "; ".join(_cite(place) for place in item.attested_by)
        click.echo(f"\n{number}{item.title}{ref}  [{cites}]")
        for vote in (r for r in records if r.type == "vote" and r.minute == item.number):
            counts = f"For {vote.for_}, Against {vote.against}, Abstain {vote.abstain}"
            flag = " (a count disagrees with its list of names)" if vote.count_mismatch else ""
            click.echo(f"   Vote p. {vote.page}: {counts} — {vote.result or 'result not stated'}{flag}")
        for res in resolutions:
            if (res.minute and res.minute == item.number) or (not res.minute and res.title == item.title):
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
    return f"{Path(place['source']).name}{page}, line {place['line']}"


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
        owner_person_ids=_person_ids(ctx.store, owner) if owner else None,
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


def _person_ids(store: Store, name: str) -> set[str]:
    """People whose name or any alias has all the words of `name`."""
    words = name.lower().split()
    return {
        person.id for person in store.people()
        if any(all(w in alias.lower().split() for w in words) for alias in [person.name, *person.aliases])
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


if __name__ == "__main__":
    main()
