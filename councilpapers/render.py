"""Everything the command line prints goes through here: listings as a table
for people or JSON / CSV for machines (`emit`), search hits, a record in
context, a meeting, a person's profile, cites, the ingest's progress bar and
summary, the --verbose log. The commands in `cli.py` parse options, call the
library and hand what it returns to one of these."""

from __future__ import annotations

import csv
import io
import json
import logging
import os
import re
import shutil
import sys
import textwrap
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, redirect_stdout
from pathlib import Path

import click

from .corpus.store import meeting_json
from .ingest.outcome import FileStatus, shown_path

FORMATS = ("table", "json", "csv")


def format_option(default: str = "table"):
    return click.option(
        "--format", "fmt", type=click.Choice(FORMATS), default=default, show_default=True,
        help="table for people; json or csv for machines.",
    )


def examples(*commands: str) -> str:
    """A command's --help epilog: the examples, printed as written (click's \\b)."""
    return "\b\nExamples:\n" + "\n".join(f"  {c}" for c in commands)


def emit(rows: list[dict], columns: Sequence[str], fmt: str) -> None:
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2, default=str))
    elif fmt == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=list(columns), extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _cell(row.get(k)) for k in columns})
        click.echo(buffer.getvalue(), nl=False)
    else:
        click.echo(table(rows, columns))


# The column that takes what room is left; the others keep to a modest width.
NARROW = 28
GAP = "  "


def table(rows: list[dict], columns: Sequence[str], width: int | None = None) -> str:
    """A plain table. Columns empty in every row are left out. On a terminal
    (or with `width`) cells wrap at word boundaries so the table fits; piped,
    nothing is wrapped or cut, so a reader downstream gets every word."""
    if not rows:
        return "(nothing)"
    columns = [c for c in columns if any(_cell(row.get(c)) for row in rows)]
    cells = [[_cell(row.get(c)) for c in columns] for row in rows]
    widths = [max(len(c), *(len(r[i]) for r in cells)) for i, c in enumerate(columns)]
    width = terminal_width() if width is None else width
    if width is not None:
        widths = _fitted_widths(columns, cells, widths, width - len(GAP) * (len(columns) - 1))
    lines = _wrapped_row(columns, widths)
    lines.append(GAP.join("-" * w for w in widths))
    for row in cells:
        lines.extend(_wrapped_row(row, widths))
    return "\n".join(lines)


def terminal_width() -> int | None:
    """The terminal's width when stdout is one (COLUMNS wins), else None: no limit."""
    if not _is_terminal(sys.stdout):
        return None
    return shutil.get_terminal_size((100, 24)).columns


def _is_terminal(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _fitted_widths(columns, cells, widths: list[int], room: int) -> list[int]:
    """Narrow the widest columns until the row fits `room`: first down to each
    column's longest word (capped at NARROW), so words wrap whole, then further
    (long words are broken) to a floor of 6."""
    widths = list(widths)
    longest_word = [min(NARROW, max([len(columns[i].split("_")[0])] +
                                    [len(w) for r in cells for w in r[i].split()]))
                    for i in range(len(columns))]
    for floor in (longest_word, [6] * len(columns)):
        while sum(widths) > room:
            spare = [(w - f, i) for i, (w, f) in enumerate(zip(widths, floor)) if w > f]
            if not spare:
                break
            widths[max(spare)[1]] -= 1
    return widths


def _wrapped_row(cells: Sequence[str], widths: Sequence[int]) -> list[str]:
    """One row as lines: each cell wrapped to its column's width."""
    parts = [textwrap.wrap(c, w, break_long_words=True, break_on_hyphens=True) or [""] if len(c) > w else [c]
             for c, w in zip(cells, widths)]
    height = max(len(p) for p in parts)
    return [GAP.join((p[k] if k < len(p) else "").ljust(w) for p, w in zip(parts, widths)).rstrip()
            for k in range(height)]


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(_cell(v) for v in value)
    return " ".join(str(value).split())


def no_color_asked() -> bool:
    """NO_COLOR set to anything but empty turns colour off (https://no-color.org)."""
    return bool(os.environ.get("NO_COLOR"))


@contextmanager
def paged() -> Iterator[None]:
    """What is printed inside goes through a pager (click's: $PAGER or less) when
    stdout is a terminal and it is taller than the screen; piped, it is printed."""
    if not _is_terminal(sys.stdout):
        yield
        return
    ctx = click.get_current_context(silent=True)
    color = ctx.color if ctx and ctx.color is not None else True
    buffer = io.StringIO()
    with redirect_stdout(buffer):
        if ctx:  # styles survive the buffer; the pager (less -R) shows them
            ctx.color, before = color, ctx.color
        try:
            yield
        finally:
            if ctx:
                ctx.color = before
    text = buffer.getvalue()
    if text.count("\n") >= shutil.get_terminal_size((100, 24)).lines:
        click.echo_via_pager(text, color=color)
    else:
        click.echo(text, nl=False, color=color)


# -- the --verbose log --------------------------------------------------------------

class _EchoHandler(logging.Handler):
    """Log lines on stderr through click, so they go wherever stderr is now."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            click.echo(self.format(record), err=True)
        except Exception:  # a log line must never sink the command
            self.handleError(record)


def log_to_stderr(verbose: bool) -> Callable[[], None]:
    """With `verbose`, what councilpapers logs (files, readers, timings, index
    commits) goes to stderr; quiet otherwise. Returns the undo."""
    if not verbose:
        return lambda: None
    logger = logging.getLogger("councilpapers")
    handler = _EchoHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s: %(message)s", "%H:%M:%S"))
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)

    def undo() -> None:
        logger.removeHandler(handler)
        logger.setLevel(level)

    return undo


# -- ingest -------------------------------------------------------------------------

@contextmanager
def ingest_progress(total_files: int) -> Iterator[Callable]:
    """The ingest's progress bar on stderr when it is a terminal (else nothing,
    not even its label): files done of all, pages read, pages per second, time
    left. Yields `update(outcome)`, to call once per file done."""
    if not _is_terminal(sys.stderr):
        yield lambda outcome: None
        return
    clock = _IngestClock(total_files, time.monotonic())
    with click.progressbar(
        length=total_files, label="Ingesting", file=sys.stderr, show_pos=True,
        item_show_func=lambda outcome: outcome and clock.describe(outcome, time.monotonic()),
    ) as bar:
        def update(outcome) -> None:
            clock.done(outcome, time.monotonic())
            bar.update(1, outcome)

        yield update


class _IngestClock:
    """Pages read and the time left. Click's own estimate divides the time since
    the start by the files done, so the workers' start-up (seconds of loading,
    paid once) is charged again to every file left: several times too long. This
    one times files from the first one done."""

    def __init__(self, total: int, start: float):
        self.total, self.start = total, start
        self.files = self.pages = 0
        self.first_done: float | None = None

    def done(self, outcome, now: float) -> None:
        self.files += 1
        if outcome.status == FileStatus.INGESTED:
            self.pages += outcome.pages or 0
        if self.first_done is None:
            self.first_done = now

    def seconds_left(self, now: float) -> float | None:
        """Files left times the time per file since the first one was done."""
        if self.first_done is None or self.files < 2:
            return None
        return (now - self.first_done) / (self.files - 1) * (self.total - self.files)

    def describe(self, outcome, now: float) -> str:
        rate = self.pages / max(now - self.start, 1e-6)
        left = self.seconds_left(now)
        eta = f"  {int(left) // 60}:{int(left) % 60:02d} left" if left is not None else ""
        return f"{self.pages:,} pages, {rate:,.0f} pages/s{eta}  {Path(outcome.path).name}"


def ingest_report(report, *, prefix: str = "") -> None:
    """A note of what was caught up, one `error:` line per failed file (stderr),
    the files left unread, then the summary line."""
    if report.caught_up:
        click.echo(f"note: indexed {report.caught_up} files an interrupted ingest had stored", err=True)
    for outcome in report.failures:
        click.echo(f"error: {shown_path(outcome.path)}: {outcome.message}", err=True)
    if report.unread:
        click.echo(f"note: {len(report.unread)} archived files are in formats ingest does not read "
                   f"(e.g. {report.unread[0].name})")
    click.echo(prefix + report.summary())
    if report.not_understood:
        click.echo(f"note: {_not_understood(report)} — see `councilpapers sources --problems`", err=True)


def _not_understood(report) -> str:
    """'3 of 12 files: no meeting found (2), minutes without items (1)'."""
    kinds: dict[str, int] = {}
    for outcome in report.not_understood:
        for kind in dict.fromkeys(problem_kind(p) for p in outcome.problems):
            kinds[kind] = kinds.get(kind, 0) + 1
    ingested = sum(1 for o in report.outcomes if o.status == "ingested")
    listed = ", ".join(f"{kind} ({n})" for kind, n in sorted(kinds.items(), key=lambda kv: -kv[1]))
    return f"{len(report.not_understood)} of {ingested} files ingested: {listed}"


def problem_kind(problem: str) -> str:
    """A parse report's problem in a few words, to count files by it."""
    for words, kind in (("no meeting", "no meeting found"), ("no items", "items not found"),
                        ("no attendance", "attendance not found"), ("no date", "meeting without a date"),
                        ("no text", "no text")):
        if words in problem:
            return kind
    return problem


# -- search hits --------------------------------------------------------------------

HIT_COLUMNS = ("id", "kind", "committee", "meeting_date", "minute", "agenda_ref", "title", "snippet", "source", "page", "line", "score")
HIT_CSV_COLUMNS = HIT_COLUMNS + ("url", "exempt", "sources")


def hits(result, fmt: str, *, with_facets: bool = False) -> None:
    """Hits as a table (then the facets), a JSON list (an object with --facets)
    or CSV; "Did you mean" goes to stderr when stdout is for machines."""
    if fmt == "table":
        if result.suggestion:
            click.echo(click.style(f"Did you mean: {result.suggestion}?", fg="cyan"))
        _hit_list(result.hits)
        if result.facets and result.hits:
            _facets(result.facets)
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
            row["sources"] = [cite(place) for place in row["sources"]]
    emit(rows, HIT_CSV_COLUMNS, fmt)


def _hit_list(found) -> None:
    if not found:
        click.echo("No matches.")
        return
    for n, hit in enumerate(found, 1):
        if hit.partial and (n == 1 or not found[n - 2].partial):
            some = "No record has all the words" if n == 1 else "Fewer records than asked for have all the words"
            click.echo(click.style(f"   — {some}; these have some of them —", dim=True))
        _hit(n, hit)


def _hit(n: int, hit) -> None:
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
    click.echo(click.style(f"   {cite(hit.sources[0] if hit.sources else vars(hit))}  [{hit.id}]", dim=True))
    others = hit.sources[1:]
    if others:
        shown = "; ".join(cite(place) for place in others[:3])
        more = f" and {len(others) - 3} more" if len(others) > 3 else ""
        click.echo(click.style(f"   also: {shown}{more}", dim=True))


def _facets(facets) -> None:
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


# -- a record in context, a meeting -------------------------------------------------

def to_json(data) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def context_json(record, context: dict) -> dict:
    meeting = context["meeting"]
    return {
        **record.to_json(),
        "context": {
            "meeting": meeting_json(meeting) if meeting else None,
            "minute_item": context["item"].to_json() if context["item"] else None,
            "resolutions": [r.to_json() for r in context["resolutions"]],
            "actions": [r.to_json() for r in context["actions"]],
            "action_history": {action_id: [_status_row(e) for e in facts.history]
                               for action_id, facts in context["action_facts"].items()},
            "votes": [r.to_json() for r in context["votes"]],
            "attendance": [r.to_json() for r in context["attendance"]],
            "sources": context["places"],
        },
    }


EXEMPT_MARK = " (exempt)"


def exempt_notice(record, fmt: str) -> None:
    """What `show` says of an exempt record asked for without --include-exempt."""
    note = (f"{record.id} is exempt (Part 2) business, taken in private: "
            "add --include-exempt to show it.")
    if fmt == "json":
        to_json({"id": record.id, "type": record.type, "exempt": True, "note": note})
    else:
        click.echo(note)


def record_in_context(record, context: dict) -> None:
    """The meeting and who attended, the minute item with its votes,
    resolutions and actions (the record asked for marked ▶), then every place
    that tells it."""
    meeting = context["meeting"]
    if meeting:
        when = ", ".join(x for x in (meeting.date, meeting.time, meeting.venue) if x) or "undated"
        click.echo(click.style(f"{meeting.committee} — {when}", bold=True))
        _attendance(context["attendance_by_status"])
        click.echo()
    item, merged = context["item"], context.get("merged")
    if item is not None:
        _item_in_context(record, item, context)
    if record.type == "vote" and not any(v is merged for v in context["votes"]):
        vote_lines(merged or record, mark=True)  # a vote under no minute item, or an exempt one
    elif item is None or record.type not in ("minute_item", "resolution", "action", "vote"):
        _record_fields(record)
    click.echo()
    click.echo("Told by:")
    for place in context["places"]:
        click.echo(f"   {cite(place)}  [{place['id']}]")
    if record.source not in {p["source"] for p in context["places"]}:
        click.echo(f"   {cite({'source': record.source, 'page': record.page, 'line': record.line})}  [{record.id}]")


def _item_in_context(record, item, context: dict) -> None:
    number = f"Minute {item.number}. " if item.number else ""
    ref = f" (Item {item.agenda_ref})" if item.agenda_ref else ""
    mark = "▶ " if record.type == "minute_item" else ""
    exempt = EXEMPT_MARK if item.exempt else ""
    click.echo(click.style(f"{mark}{number}{item.title}{ref}{exempt}", bold=True))
    _paragraphs(item.text)
    for vote in context["votes"]:
        asked = record.type == "vote" and (vote.id == record.id or record.id in {p["id"] for p in vote.attested_by})
        vote_lines(vote, mark=asked)
    for res in context["resolutions"]:
        mark = "▶ " if record.id in {p["id"] for p in res.attested_by} or res.id == record.id else ""
        click.echo(click.style(f"{mark}RESOLVED that", bold=True))
        _paragraphs(res.text)
    for action in context["actions"]:
        mark = "▶ " if action.id == record.id else ""
        facts = context["action_facts"].get(action.id)
        due = facts.due if facts else action.due
        extra = ", ".join(x for x in (due and f"due {due}", action.status and f"status {action.status}",
                                      facts and facts.status) if x)
        click.echo(f"{mark}ACTION: {action.owner} to {action.description}" + (f" ({extra})" if extra else ""))
        if mark and facts and len(facts.history) > 1:
            for entry in facts.history:
                words = f" ({entry.words})" if entry.words else ""
                click.echo(f"   {entry.date or '?'}  {entry.status}{words}  [{short_cite(entry)}]")


HIDDEN_FIELDS = ("type", "id", "source", "page", "line", "meeting", "title", "subject", "text", "attested_by")


def _record_fields(record) -> None:
    title = getattr(record, "title", "") or getattr(record, "subject", "")
    click.echo(click.style(f"▶ {record.type.replace('_', ' ')}: {title}", bold=True))
    for key, value in record.to_json().items():
        if key in HIDDEN_FIELDS or value in (None, "", [], False):
            continue
        click.echo(f"   {key}: {value if not isinstance(value, list) else '; '.join(map(str, value))}")
    if getattr(record, "text", None):
        _paragraphs(record.text)


def _paragraphs(text: str, indent: str = "   ") -> None:
    for block in re.split(r"\n\s*\n", text.strip()):
        click.echo(textwrap.fill(" ".join(block.split()), width=100, initial_indent=indent,
                                 subsequent_indent=indent))


def meeting(view) -> None:
    """A meeting (a `corpus.context.MeetingContext`): its files, attendance,
    and each minute item with its cites, votes and resolutions."""
    record = view.meeting
    click.echo(click.style(f"{record.committee} — {record.date or 'undated'}", bold=True))
    if record.time or record.venue:
        click.echo(", ".join(x for x in (record.time, record.venue) if x))
    for path in view.source_paths:
        click.echo(f"source: {path}")
    _attendance(view.attendance)
    if view.agenda:
        click.echo("\nAgenda:")
        for agenda_item in view.agenda:
            code = f"{agenda_item.code}  " if agenda_item.code else ""
            pages = (f" (pages {agenda_item.first_page}-{agenda_item.last_page})"
                     if agenda_item.first_page and agenda_item.last_page else "")
            exempt = EXEMPT_MARK if agenda_item.exempt else ""
            click.echo(f"   {code}{agenda_item.title}{pages}{exempt}  [{short_cite(agenda_item)}]")
    if view.items:
        click.echo("\nMinutes:")
    for entry in view.items:
        item = entry.item
        number = f"{item.number}. " if item.number else ""
        ref = f" (Item {item.agenda_ref})" if item.agenda_ref else ""
        cites = "; ".join(cite(place) for place in item.attested_by)
        exempt = EXEMPT_MARK if item.exempt else ""
        click.echo(f"\n{number}{item.title}{ref}{exempt}  [{cites}]")
        for vote in entry.votes:
            vote_lines(vote)
        for res in entry.resolutions:
            click.echo(f"   RESOLVED that {res.text}")


VOTE_SIDES = (("for", "for_", "names_for"), ("against", "against", "names_against"),
              ("abstain", "abstain", "names_abstain"))


def vote_counts(vote) -> str:
    """'For 3, Against 2' as stated; a side stated only by its names counted '(3 named)'."""
    parts = []
    for label, count_field, names_field in VOTE_SIDES:
        count, names = getattr(vote, count_field), getattr(vote, names_field)
        if count is not None:
            parts.append(f"{label.capitalize()} {count}")
        elif names:
            parts.append(f"{label.capitalize()} {len(names)} named")
    return ", ".join(parts) or "no counts stated"


def vote_lines(vote, *, mark: bool = False) -> None:
    """A vote: what was voted on, the counts and result, each list of names, where it is told."""
    head = "▶ Vote" if mark else "   Vote"
    flag = " (a count disagrees with its list of names)" if vote.count_mismatch else ""
    exempt = EXEMPT_MARK if vote.exempt else ""
    click.echo(f"{head}: {vote_counts(vote)} — {vote.result or 'result not stated'}{flag}{exempt}")
    if vote.motion:
        click.echo(textwrap.fill(" ".join(vote.motion.split()), width=100, initial_indent="      on: ",
                                 subsequent_indent="      "))
    for label, _, names_field in VOTE_SIDES:
        if names := getattr(vote, names_field):
            click.echo(f"      {label}: {', '.join(names)}")
    places = vote.attested_by or [{"source": vote.source, "page": vote.page, "line": vote.line}]
    click.echo(click.style("      " + "; ".join(cite(p) for p in places), dim=True))


def meeting_with_records_json(view) -> dict:
    return {**meeting_json(view.meeting), "records": [r.to_json() for r in view.records]}


ATTENDANCE_LABELS = {
    "present": "Present", "substitute": "Substitutes", "also_present": "Also present",
    "in_attendance": "In attendance", "apologies": "Apologies",
}


def _attendance(by_status: dict) -> None:
    """One line per status, e.g. "Substitutes: Mr T A Maddison (for Ms C J Cribbon)"."""
    for status, people in by_status.items():
        names = []
        for person in people:
            extra = person.role or (f"for {person.substitute_for}" if person.substitute_for else None)
            names.append(f"{person.name} ({extra})" if extra else person.name)
        click.echo(f"{ATTENDANCE_LABELS.get(status, status)}: " + ", ".join(names))


# -- registers: actions, figures, people --------------------------------------------

ACTION_COLUMNS = ("due", "date", "committee", "minute", "owner", "description", "progress", "cite")
ACTION_FIELDS = ("due", "due_text", "due_meeting", "date", "committee", "meeting", "minute", "owner", "description",
                 "status", "progress", "history", "reports_on", "cite", "id", "person", "source", "page", "line")
ACTION_CSV_FIELDS = tuple("history_text" if f == "history" else f for f in ACTION_FIELDS)


def actions(rows, fmt: str) -> None:
    columns = {"table": ACTION_COLUMNS, "csv": ACTION_CSV_FIELDS}.get(fmt, ACTION_FIELDS)
    emit([_action_row(r) for r in rows], columns, fmt)


def _action_row(row) -> dict:
    action, meeting = row.action, row.meeting
    history = [_status_row(entry) for entry in row.history]
    return {
        "due": row.due, "due_text": action.due_text, "due_meeting": row.facts.due_meeting if row.facts else None,
        "date": meeting.date if meeting else None,
        "committee": meeting.committee if meeting else "(action plan)",
        "meeting": meeting.id if meeting else None,
        "minute": action.minute, "owner": action.owner, "description": action.description,
        "status": action.status, "progress": row.progress, "reports_on": row.reports_on,
        "history": history,
        "history_text": "; ".join(f"{h['status']} {h['date'] or ''} ({h['cite']})" for h in history),
        "cite": short_cite(action) + (EXEMPT_MARK if action.exempt else ""),
        "id": action.id, "person": action.person, "source": action.source,
        "page": action.page, "line": action.line,
    }


def _status_row(entry) -> dict:
    """One status an action had: where and when the papers say so."""
    return {"status": entry.status, "words": entry.words, "meeting": entry.meeting, "date": entry.date,
            "source": entry.source, "page": entry.page, "line": entry.line, "record": entry.record,
            "cite": short_cite(entry)}


FIGURE_COLUMNS = ("text", "kind", "value", "unit", "context", "date", "committee", "cite")


def figures(rows, fmt: str) -> None:
    emit([_figure_row(f, m) for f, m in rows], FIGURE_COLUMNS, fmt)


def _figure_row(figure, meeting) -> dict:
    return {
        "text": figure.text, "kind": figure.kind, "value": figure.value, "unit": figure.unit,
        "context": figure.context, "date": meeting.date if meeting else None,
        "committee": meeting.committee if meeting else None,
        "cite": short_cite(figure) + (EXEMPT_MARK if figure.exempt else ""),
        "source": figure.source, "page": figure.page, "line": figure.line,
    }


def glossary(entries, fmt: str) -> None:
    rows = [{"short": e.short, "long": e.long, "sources": [Path(s).name for s in e.sources]} for e in entries]
    emit(rows, ("short", "long", "sources"), fmt)


PERSON_COLUMNS = ("name", "role", "meetings", "actions", "aliases", "id")
PERSON_FIELDS = ("id", "name", "aliases", "role", "roles", "party", "meetings", "actions", "attended", "owns",
                 "votes")
MOST_PROFILES = 3  # a name asked for, in a table: up to this many people shown in full


def people(profiles, fmt: str, *, asked: bool) -> None:
    """A few people asked for by name in full (`profile`), else one row each."""
    if asked and fmt == "table" and len(profiles) <= MOST_PROFILES:
        for one in profiles:
            profile(one)
        return
    emit([_person_row(p) for p in profiles], PERSON_COLUMNS if fmt == "table" else PERSON_FIELDS, fmt)


def _person_row(profile) -> dict:
    person = profile.person
    latest = max(person.roles, key=lambda r: r.get("last_seen") or "", default=None)
    return {
        "id": person.id, "name": person.name, "aliases": person.aliases,
        "role": latest["role"] if latest else None, "roles": person.roles, "party": person.party,
        "meetings": len(profile.attended), "actions": len(profile.actions),
        "attended": [m.id for m, _, _ in profile.attended],
        "owns": [row.action.id for row in profile.actions],
        "votes": [{"vote": vote.id, "meeting": meeting.id if meeting else None, "side": side, "result": vote.result}
                  for vote, meeting, side in profile.votes],
    }


def profile(profile) -> None:
    """A person: forms of the name, party, roles over time, meetings attended, actions owned."""
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
            click.echo(f"   {when}  {row.action.description}  [{short_cite(row.action)}]")
    if profile.votes:
        click.echo(f"votes ({len(profile.votes)}):")
        for vote, meeting, side in profile.votes:
            when = f"{meeting.date}  {meeting.committee}" if meeting else "(no meeting)"
            motion = " ".join((vote.motion or "").split())
            motion = motion if len(motion) <= 70 else motion[:69] + "…"
            click.echo(f"   {when}  {side}  ({vote.result or 'result not stated'})  {motion}  [{vote.id}]")
    click.echo()


MEETING_COLUMNS = ("id", "date", "committee", "items", "decisions", "file")
MEETING_FIELDS = ("id", "date", "time", "committee", "venue", "status", "items", "decisions", "sources")


def meetings(rows, fmt: str) -> None:
    """`meetings`: one row a meeting; the table names each file, JSON/CSV give paths."""
    listed = [r.row() for r in rows]
    if fmt == "table":
        listed = [{**row, "file": [Path(p).name for p in row["sources"]]} for row in listed]
    emit(listed, MEETING_COLUMNS if fmt == "table" else MEETING_FIELDS, fmt)


def committees(rows: list[dict], fmt: str) -> None:
    emit(rows, ("committee", "meetings", "first", "last"), fmt)


def committee_years(rows: list[dict], fmt: str) -> None:
    emit(rows, ("committee", "year", "meetings", "items", "agenda_items", "decisions", "actions", "attendance"), fmt)


def counts(counts: dict, fmt: str) -> None:
    emit([{"what": k, "count": v} for k, v in counts.items()], ("what", "count"), fmt)


def csv_rows(rows: list[dict], columns: Sequence[str], output) -> None:
    """Rows as CSV for other tools: lists and objects as JSON in their cell, true/false as 1/0."""
    writer = csv.DictWriter(output, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _csv_value(row.get(k)) for k in columns})


def _csv_value(value):
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return int(value)
    return value


def csv_folder(tables: dict, folder: Path) -> list[Path]:
    """One TYPE.csv per record type in `folder`; the paths written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for kind, (columns, rows) in tables.items():
        path = folder / f"{kind}.csv"
        with path.open("w", encoding="utf-8", newline="") as stream:
            csv_rows(rows, columns, stream)
        written.append(path)
    return written


def json_lines(rows: Iterable[dict], output) -> None:
    for row in rows:
        output.write(json.dumps(row, ensure_ascii=False) + "\n")


# -- harvest ------------------------------------------------------------------------

def committee_counts(counts, report, fmt: str) -> None:
    """`harvest --list`: each committee with its meetings, then the cost."""
    rows = [{
        "id": c.committee.id, "committee": c.committee.title,
        "status": "deleted" if c.committee.deleted else "expired" if c.committee.expired else "live",
        "meetings": c.meetings, "first": c.first.isoformat() if c.first else None,
        "last": c.last.isoformat() if c.last else None,
    } for c in counts]
    emit(rows, ("id", "committee", "status", "meetings", "first", "last"), fmt)
    for line in report.lines:
        click.echo(line, err=True)
    if fmt == "table":
        click.echo(f"{len(rows)} committees, {sum(r['meetings'] for r in rows)} meetings; {report.cost()}")


def harvest_report(report) -> None:
    for line in report.lines:
        click.echo(line)
    click.echo(report.summary())
    click.echo(report.cost())


# -- cites --------------------------------------------------------------------------

def short_cite(record) -> str:
    """Page and line first, so a narrow column still shows where to look."""
    page = f"p. {record.page} " if record.page else ""
    return f"{page}l. {record.line} {Path(record.source).name}"


def cite(place: dict) -> str:
    page = f" p. {place['page']}" if place.get("page") else ""
    url = f" <{place['url']}>" if place.get("url") else ""
    return f"{Path(place['source']).name}{page}, line {place['line']}{url}"


# -- sources and their parse reports --------------------------------------------------

SOURCE_COLUMNS = ("file", "status", "pages", "meetings", "items", "decisions", "attendance", "problems")
SOURCE_FIELDS = ("id", "path", "status", "pages", "documents", "meetings", "items", "decisions", "attendance",
                 "problems")


def sources(summaries, fmt: str, *, problems_only: bool = False) -> None:
    """The sources as a table (with --problems, each problem on its own line) or JSON/CSV."""
    if fmt != "table":
        emit([s.row() for s in summaries], SOURCE_FIELDS, fmt)
        return
    if problems_only:
        if not summaries:
            click.echo("Every file was understood: each gave its meetings and items.")
        for summary in summaries:
            click.echo(click.style(f"{Path(summary.source.path).name}  [{summary.source.id}]", bold=True))
            for problem in summary.problems:
                click.echo(f"   {problem}")
        return
    rows = [{**s.row(), "problems": len(s.problems) or ""} for s in summaries]
    emit(rows, SOURCE_COLUMNS, fmt)


def source(source) -> None:
    """A source and its parse report, for people."""
    from .corpus.parse_report import ParseReport

    click.echo(click.style(f"{Path(source.path).name}  [{source.id}]", bold=True))
    click.echo(f"path: {source.path}")
    layer = f", text layer {source.text_layer}" if source.text_layer else ""
    click.echo(f"{source.format or 'unknown format'}, {source.pages or 0} pages, {source.status}{layer}")
    if source.error:
        click.echo(f"error: {source.error}")
    if source.duplicate_of:
        click.echo(f"same content as {source.duplicate_of}")
    report = ParseReport.from_json(source.parse_report)
    for line in report.lines() if report else []:
        click.echo(line)
