"""A harvest: committees -> meetings -> each meeting's documents -> the archive,
then (optionally) ingest, with the origin of every file kept in the store.

Incremental: a meeting older than the re-check window (90 days) that an
earlier run archived completely is not asked for again; a recent one is read
again and its known documents are asked for conditionally (If-None-Match /
If-Modified-Since), so only what is new or changed is downloaded. Resumable:
documents and meetings are recorded as soon as they are done, so a killed run
starts again where it stopped. Every fault (403, 404, a timeout, a truncated
body, HTML instead of a PDF, an odd date) is one line in the report and the
run goes on; so does anything no rule foresaw (a file the disk refuses, a
page no parser met): one line for that document, meeting or committee.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlsplit

from .archive import Archive, Kept, site_slug
from .client import (
    DEADLINE_SECONDS,
    MAX_DOCUMENT_BYTES,
    USER_AGENT,
    FetchError,
    PoliteClient,
    RequestBudgetExceeded,
    site_of,
)
from .moderngov import (
    KINDS,
    Committee,
    Document,
    Meeting,
    MeetingPapers,
    ModernGovSite,
    merge_documents,
)

RECHECK_DAYS = 90
MAX_REFUSALS = 10  # 403/429 answers in a row: the site is blocking this client, stop asking
EARLIEST = date(2000, 1, 1)  # ModernGov sites hold nothing older
AHEAD_DAYS = 30  # agendas are published about a week ahead; further out there is nothing yet


class UnknownCommittee(ValueError):
    pass


class _Blocked(Exception):
    """The site refuses every request: the run stops rather than hammer it."""


@dataclass
class HarvestOptions:
    base_url: str
    archive: Path
    committees: tuple[str, ...] = ()
    since: date | None = None
    until: date | None = None
    kinds: frozenset[str] = frozenset(KINDS)
    delay: float = 0.5
    timeout: float = 60.0
    retries: int = 3
    backoff: float = 2.0
    user_agent: str = USER_AGENT
    verify_tls: bool = True
    recheck_days: int = RECHECK_DAYS
    today: date | None = None
    max_requests: int | None = None
    max_refusals: int = MAX_REFUSALS
    use_web_service: bool = True
    max_size: int = MAX_DOCUMENT_BYTES  # bytes, of one document as decoded
    deadline: float = DEADLINE_SECONDS  # seconds, for one download with its retries and redirects


@dataclass
class HarvestReport:
    site: str
    archive: Path
    committees: int = 0
    meetings: int = 0  # listed in the window
    meetings_read: int = 0  # whose pages were read this run
    meetings_skipped: int = 0  # archived before and past the re-check window
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    duplicate: int = 0
    failed: int = 0
    restricted: int = 0
    other_kinds: int = 0  # documents of kinds not asked for
    lines: list[str] = field(default_factory=list)  # one per fault or notable thing
    downloaded: list[Path] = field(default_factory=list)
    requests: int = 0
    seconds: float = 0.0
    stopped: str | None = None

    def add(self, kind: str, text: str) -> None:
        self.lines.append(f"{kind}: {text}")

    def summary(self) -> str:
        parts = [f"{self.new} new", f"{self.changed} changed", f"{self.unchanged} unchanged", f"{self.failed} failed"]
        if self.duplicate:
            parts.append(f"{self.duplicate} duplicates")
        if self.restricted:
            parts.append(f"{self.restricted} restricted not fetched")
        meetings = f"{self.meetings} {'meeting' if self.meetings == 1 else 'meetings'}"
        if self.meetings_skipped:
            meetings += f" ({self.meetings_skipped} archived earlier, not re-checked)"
        return f"{meetings} of {self.committees} committees: documents " + ", ".join(parts)

    def cost(self) -> str:
        per = f", {self.requests / self.meetings_read:.1f} per meeting read" if self.meetings_read else ""
        return f"{self.requests} requests in {self.seconds:.1f} s{per}"


@dataclass
class CommitteeCount:
    committee: Committee
    meetings: int
    first: date | None
    last: date | None


def normalise_base(url: str) -> str:
    """The folder of the site's pages: https://democracy.kent.gov.uk/ from that,
    from …/mgListCommittees.aspx or from …/mgWebService.asmx."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"{url!r} is not a web address like https://democracy.example.gov.uk/")
    path = parts.path
    last = path.rsplit("/", 1)[-1]
    if "." in last and last.lower().rsplit(".", 1)[-1] in ("aspx", "asmx", "htm", "html"):
        path = path[: len(path) - len(last)]
    if not path.endswith("/"):
        path += "/"
    return f"{parts.scheme}://{parts.netloc}{path}"


class Harvest:
    def __init__(self, options: HarvestOptions, progress: Callable[[str], None] | None = None):
        self.options = options
        self.base = normalise_base(options.base_url)
        self.today = options.today or date.today()
        self.since = options.since or EARLIEST
        self.until = options.until or self.today + timedelta(days=AHEAD_DAYS)
        self.recheck_from = self.today - timedelta(days=options.recheck_days)
        self.progress = progress or (lambda line: None)
        self.client = PoliteClient(
            delay=options.delay, timeout=options.timeout, retries=options.retries, backoff=options.backoff,
            user_agent=options.user_agent, verify=options.verify_tls, max_requests=options.max_requests,
            site=self.base, max_size=options.max_size, deadline=options.deadline,
        )
        self.site = ModernGovSite(self.base, self.client, use_web_service=options.use_web_service)
        self.report = HarvestReport(self.base, Path(options.archive) / site_slug(self.base))
        self._archive: Archive | None = None  # opened by run(): --list leaves no trace
        self._refusals = 0  # 403/429 in a row
        self._site = site_of(self.base)

    @property
    def archive(self) -> Archive:
        if self._archive is None:
            self._archive = Archive(self.options.archive, self.base)
        return self._archive

    def close(self) -> None:
        self.client.close()
        if self._archive is not None:
            self._archive.close()

    # -- listing --------------------------------------------------------------

    def committees(self) -> list[Committee]:
        """The committees asked for (all, by default): by id, by exact title, or
        by words of the title."""
        listed = self.site.committees()
        if not self.options.committees:
            return listed
        chosen: dict[str, Committee] = {}
        for wanted in self.options.committees:
            text = wanted.strip().lower()
            exact = [c for c in listed if c.id == wanted.strip() or c.title.lower() == text]
            matches = exact or [c for c in listed if text in c.title.lower()]
            if not matches and wanted.strip().isdigit():
                matches = [Committee(wanted.strip(), f"Committee {wanted.strip()}")]  # not listed: ask anyway
            if not matches:
                raise UnknownCommittee(
                    f"No committee of {self.base} is called or numbered {wanted!r}; "
                    "`councilpapers harvest URL --list` lists them."
                )
            for c in matches:
                chosen.setdefault(c.id, c)
        return list(chosen.values())

    def count_meetings(self) -> list[CommitteeCount]:
        """harvest --list: each committee with its meetings in the window."""
        rows = []
        for committee in self.committees():
            meetings, odd = self.site.meetings(committee, self.since, self.until)
            for line in odd:
                self.report.add("note", line)
            dated = sorted(m.date for m in meetings if m.date)
            rows.append(CommitteeCount(committee, len(meetings), dated[0] if dated else None, dated[-1] if dated else None))
        self.collect_notes()
        return rows

    # -- the harvest ----------------------------------------------------------------

    def run(self) -> HarvestReport:
        started = time.monotonic()
        try:
            with self.archive.lock():
                committees = self.committees()
                self.report.committees = len(committees)
                for committee in committees:
                    self.committee(committee)
        except (RequestBudgetExceeded, _Blocked) as error:
            self.report.stopped = str(error)
            self.report.add("error", str(error))
        finally:
            self.report.seconds = time.monotonic() - started
            self.collect_notes()
        return self.report

    def committee(self, committee: Committee) -> None:
        """One committee's meetings; a failure to list them is a line and the run goes on."""
        try:
            meetings, odd = self.site.meetings(committee, self.since, self.until)
        except (RequestBudgetExceeded, _Blocked):
            raise
        except Exception as error:  # noqa: BLE001 (a FetchError, or a listing no parser foresaw: one line)
            self.report.failed += 1
            self.report.add("error", f"{committee.title}: its meetings could not be listed ({_why(error)})")
            return
        for line in odd:
            self.report.add("note", line)
        if not meetings:
            self.progress(f"{committee.title}: no meetings {self._window()}")
        for meeting in sorted(meetings, key=lambda m: (m.date or date.max, m.id)):
            self.report.meetings += 1
            self.meeting_safely(meeting)

    def meeting_safely(self, meeting: Meeting) -> None:
        """`meeting`, where anything unforeseen is one line and the meeting is left to the next run."""
        try:
            self.meeting(meeting)
        except (RequestBudgetExceeded, _Blocked):
            raise
        except Exception as error:  # noqa: BLE001 (no rule foresaw it: say so, go on with the next meeting)
            self.report.failed += 1
            self.report.add("error", f"{_label(meeting)}: its documents could not be read ({_why(error)})")
            with contextlib.suppress(Exception):
                self.archive.mark_meeting(meeting, False, self.options.kinds)

    def _window(self) -> str:
        return f"from {self.since.isoformat()} to {self.until.isoformat()}"

    def collect_notes(self) -> None:
        """Move the site's and the client's notes (web service, robots.txt) into the report."""
        self.report.requests = self.client.requests
        for note in self.site.notes + self.client.notes:
            self.report.add("note", note)
        self.site.notes.clear()
        self.client.notes.clear()

    def meeting(self, meeting: Meeting) -> None:
        kinds = self.options.kinds
        recent = meeting.date is None or meeting.date >= self.recheck_from
        if not recent and self.archive.meeting_done(meeting.id, kinds):
            self.report.meetings_skipped += 1
            return
        try:
            papers = self.site.papers(meeting)
        except FetchError as error:
            self.report.failed += 1
            self.report.add("error", f"{_label(meeting)}: its documents could not be listed ({error.reason})")
            self.archive.mark_meeting(meeting, False, kinds)
            return
        self.report.meetings_read += 1
        label = _label(meeting)
        ok = True
        for note in papers.notes:
            self.report.add("note", f"{label}: {note}")
        for doc in papers.restricted:
            self.report.restricted += 1
            ident = f", attachment {doc.attachment_id}" if doc.attachment_id else ""
            self.report.add("restricted", f"{label}: {doc.title}{ident} (exempt or restricted; listed, not fetched)")
        for title in papers.restricted_items:
            self.report.add("restricted", f"{label}: item '{title}' (exempt; no public document)")
        documents, chooser_ok = self._open_pack_choosers(papers)
        ok &= chooser_ok
        before = self.report.new + self.report.changed
        for doc in documents:
            if doc.kind not in kinds:
                self.report.other_kinds += 1
                continue
            if site_of(doc.url) != self._site:
                self.report.add("note", f"{label}: {doc.title} is on another site, not fetched <{doc.url}>")
                continue
            ok &= self.document(doc, meeting, papers, recent)
        self.archive.mark_meeting(meeting, ok, kinds)
        got = self.report.new + self.report.changed - before
        self.progress(f"{label}: {len(documents)} documents, {got} new or changed")

    def _open_pack_choosers(self, papers: MeetingPapers) -> tuple[list[Document], bool]:
        """mgChooseDocPack.aspx pages list a pack's PDFs: put those in its place."""
        out: list[Document] = []
        ok = True
        for doc in papers.documents:
            if "mgchoosedocpack.aspx" not in urlsplit(doc.url).path.lower() or doc.kind not in self.options.kinds:
                out.append(doc)
                continue
            try:
                out.extend(self.site.open_pack_chooser(doc, papers.page_url))
            except FetchError as error:
                ok = False
                self.report.failed += 1
                self.report.add("error", f"{_label(papers.meeting)}: {doc.title}: {error.reason} <{doc.url}>")
        return merge_documents(out), ok

    def document(self, doc: Document, meeting: Meeting, papers: MeetingPapers, recent: bool) -> bool:
        """Fetch one document into the archive; False when it failed. Whatever
        goes wrong with it is one line: the run goes on."""
        try:
            return self._document(doc, meeting, papers, recent)
        except (RequestBudgetExceeded, _Blocked):
            raise
        except Exception as error:  # noqa: BLE001 (the disk refused the file, or what no rule foresaw)
            self.report.failed += 1
            self.report.add("error", f"{_label(meeting)}: {doc.title}: could not be archived ({_why(error)})"
                                     f" <{doc.url}>")
            return False

    def _document(self, doc: Document, meeting: Meeting, papers: MeetingPapers, recent: bool) -> bool:
        label = _label(meeting)
        known = self.archive.document(doc.key)
        if known is not None and not recent:
            self.report.unchanged += 1  # resuming an old meeting: this one is in already
            return True
        headers = {"Referer": papers.page_url}
        if known is not None:
            if known["etag"]:
                headers["If-None-Match"] = known["etag"]
            if known["last_modified"]:
                headers["If-Modified-Since"] = known["last_modified"]
        part = self.archive.partial_file()
        try:
            try:
                fetched = self.client.download(doc.url, part, headers=headers)
            except FetchError as error:
                self.report.failed += 1
                self.report.add("error", f"{label}: {doc.title}: {error.reason} <{doc.url}>")
                self._refused(error)
                return False
            self._refusals = 0
            if fetched.status == 304:
                self.archive.touch(doc, fetched)
                self.report.unchanged += 1
                return True
            problem = body_problem(part, doc, fetched)
            if problem:
                self.report.failed += 1
                self.report.add("error", f"{label}: {doc.title}: {problem} <{doc.url}>")
                return False
            if fetched.redirects:
                self.report.add("note", f"{label}: {doc.title}: redirected to {fetched.url} <{doc.url}>")
            kept = self.archive.keep(part, doc, meeting, papers.page_url, fetched)
            self._count(kept, doc, label)
            return True
        finally:
            part.unlink(missing_ok=True)

    def _refused(self, error: FetchError) -> None:
        if error.status not in (403, 429):
            return
        self._refusals += 1
        if self._refusals >= self.options.max_refusals:
            raise _Blocked(
                f"stopped: {self._refusals} documents refused in a row (HTTP {error.status}); the site is "
                "blocking this client. Try later, or --user-agent with a contact address."
            )

    def _count(self, kept: Kept, doc: Document, label: str) -> None:
        if kept.status == "duplicate":
            self.report.duplicate += 1
            self.report.add("note", f"{label}: {doc.title}: same bytes as {kept.path.name}, kept once")
            return
        setattr(self.report, kept.status, getattr(self.report, kept.status) + 1)
        if kept.status in ("new", "changed"):
            self.report.downloaded.append(kept.path)
            if kept.status == "changed":
                self.report.add("note", f"{label}: {doc.title}: changed on the site, archived again")


def _why(error: Exception) -> str:
    """One line for an error: a FetchError's reason, an OSError's message, else its type and text."""
    if isinstance(error, FetchError):
        return error.reason
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return f"{type(error).__name__}: {str(error).splitlines()[0][:200] if str(error) else 'no detail'}"


def _label(meeting: Meeting) -> str:
    when = meeting.date.isoformat() if meeting.date else f"undated ({meeting.raw_date or 'no date'})"
    cancelled = ", cancelled" if meeting.cancelled else ""
    return f"{meeting.committee} {when}{cancelled}"


def body_problem(part: Path, doc: Document, fetched) -> str | None:
    """Why a downloaded body must not enter the archive, or None: an HTML page
    where a PDF was promised (a login, error or bot-filter page), a PDF cut short,
    an empty body."""
    if fetched.size == 0:
        return "empty body"
    with open(part, "rb") as handle:
        head = handle.read(1024)
        handle.seek(max(0, fetched.size - 4096))
        tail = handle.read()
    path = urlsplit(fetched.url).path.lower()
    wants_pdf = (
        path.endswith(".pdf") or "mgconvert2pdf" in path or fetched.content_type == "application/pdf"
        or "mgconvert2pdf" in urlsplit(doc.url).path.lower()
    )
    looks_html = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:15].lower().startswith((b"<!doctype html", b"<html", b"<head"))
    if wants_pdf:
        if b"%PDF-" not in head:
            if looks_html or fetched.content_type in ("text/html", "application/xhtml+xml"):
                return "an HTML page instead of a PDF (an error, login or bot-filter page?)"
            return f"not a PDF (content type {fetched.content_type or 'not given'})"
        if b"%%EOF" not in tail:
            return "truncated PDF (no %%EOF at the end)"
        return None
    if fetched.content_type == "text/html" and not path.endswith((".htm", ".html")):
        return "an HTML page instead of a document"
    return None


def harvest(options: HarvestOptions, progress: Callable[[str], None] | None = None) -> HarvestReport:
    run = Harvest(options, progress)
    try:
        return run.run()
    finally:
        run.close()


# -- ingest and origins --------------------------------------------------------------


def ingest_archive(archive_root: Path, base_url: str, home, *, store=None, index=None,
                   jobs: int | None = None, ocr: bool = True, progress=None):
    """Ingest the site's archived files the store lacks (or holds other bytes of)
    through `workflow.run_ingest`, keeping each file's origin (URL, committee,
    meeting, validators) in the store. The `IngestReport`, whose `unread` lists
    the files left out (formats ingest does not read)."""
    from ..workflow import run_ingest

    unread: list[Path] = []

    def select(store) -> list[Path]:
        pending, left_out = archived_to_ingest(archive_root, base_url, store)
        unread.extend(left_out)
        return pending

    report = run_ingest(home, select=select, store=store, index=index, jobs=jobs, ocr=ocr, progress=progress)
    report.unread = unread
    return report


def archived_to_ingest(archive_root: Path, base_url: str, store) -> tuple[list[Path], list[Path]]:
    """Record the origin of every archived file in the store; the files to
    ingest (new, or other bytes than the store's), and those ingest cannot read."""
    from ..corpus.store import SourceOrigin
    from ..ingest.readers import SUPPORTED_SUFFIXES

    archive = Archive(archive_root, normalise_base(base_url))
    try:
        rows = archive.kept_documents()
    finally:
        archive.close()
    origins, pending, unread = [], [], []
    for row in rows:
        path = (archive.site_dir / row["path"]).resolve()
        origins.append(SourceOrigin(
            path=str(path), url=row["url"], committee=row["committee"], meeting_date=row["meeting_date"],
            meeting_url=row["meeting_url"], kind=row["kind"], etag=row["etag"],
            last_modified=row["last_modified"], fetched_at=row["fetched_at"],
        ))
        if path.suffix.lower() not in SUPPORTED_SUFFIXES:
            unread.append(path)
            continue
        source = store.source_at(str(path))
        if source is None or source.sha256 != row["sha256"]:
            pending.append(path)
    store.set_origins(origins)
    return pending, unread
