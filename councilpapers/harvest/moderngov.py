"""ModernGov sites: committees, meetings and each meeting's documents, from the
web service (`mgWebService.asmx`, XML) where the site offers it and from the
HTML pages where it does not.

The parsers are pure functions of a response's bytes (tested on recorded
responses); `ModernGovSite` asks the site through a `PoliteClient`.
See ../shared/moderngov/README.md for how the sites behave.

- XML: the standard library's ElementTree (expat 2.4+ refuses entity
  expansion attacks); every repeated element is found with `findall`, so one
  child or many read the same; booleans are the strings True/False; counts
  carry spaces; titles may be entity-encoded twice.
- HTML: selectolax's lexbor backend (already used by the HTML reader), by ModernGov's class
  names (`mgMeetingTableLnk`, `mgActionList`, `mgItemTable`, …).
- Dates are dd/mm/yyyy; `GetMeetings` treats `sToDate` as exclusive.
- Links are resolved with urljoin against the page (or, for the XML's
  relative links, the site's base); raw spaces and line breaks in hrefs are
  cleaned and percent-encoded, `?T=` kept.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from urllib.parse import parse_qs, quote, urlencode, urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser as HTMLParser, LexborNode as Node

from ..text.dates import whole_date
from ..text.spacing import squash
from .client import FetchError, PoliteClient

KINDS = ("minutes", "agenda", "reports", "decisions", "supplements")

# Pack types by the T= parameter of documents/g<N>/….pdf?T=<t> (README §4).
PACK_KIND_BY_T = {"0": "agenda", "10": "agenda", "1": "minutes", "2": "decisions", "9": "supplements"}
RESTRICTED_TITLE = re.compile(r"\bexempt\b|\bpart\s*(2|ii)\b|\bconfidential\b|not for publication", re.I)
SUPPLEMENT_TITLE = re.compile(r"\bsupplement|\baddend|\bupdate sheet|\blate (material|representations|papers)|\bto follow\b", re.I)
MINUTES_TITLE = re.compile(r"\bminutes\b", re.I)
DECISIONS_TITLE = re.compile(r"\bdecisions?\b", re.I)
AGENDA_TITLE = re.compile(r"\bagenda\b|\bfront ?sheet\b|\breports pack\b", re.I)
DOCUMENT_HREF = re.compile(r"(^|/)(documents/|mgconvert2pdf\.aspx|mgchoosedocpack\.aspx)", re.I)


class NotXml(Exception):
    """The web service answered with something that is not its XML."""


@dataclass
class Committee:
    id: str
    title: str
    expired: bool = False
    deleted: bool = False
    category: str | None = None


@dataclass
class Meeting:
    id: str
    committee_id: str
    committee: str
    date: date | None
    time: str | None = None
    status: str = ""
    raw_date: str = ""  # as the site wrote it, for "odd date" lines

    @property
    def cancelled(self) -> bool:
        return "cancel" in self.status.lower()


@dataclass
class Document:
    url: str
    title: str
    kind: str  # one of KINDS
    attachment_id: str | None = None
    item: str | None = None  # the agenda item's title
    restricted: bool = False
    published: date | None = None
    external: bool = False  # a link to another site (isurl), never fetched

    @property
    def key(self) -> str:
        """The same document reached two ways (mgConvert2PDF and documents/s<N>)
        has one key: its attachment id; packs are keyed by path and T=."""
        if self.attachment_id:
            return f"a{self.attachment_id}"
        parts = urlsplit(self.url)
        t = _query(self.url).get("t")
        sid = _query(self.url).get("sid")
        return "u" + parts.path.lower() + (f"?T={t}" if t else "") + (f"&SID={sid}" if sid else "")


@dataclass
class MeetingPapers:
    meeting: Meeting
    page_url: str
    documents: list[Document] = field(default_factory=list)  # public ones, each once
    restricted: list[Document] = field(default_factory=list)  # listed, never fetched
    restricted_items: list[str] = field(default_factory=list)  # exempt items without a document link
    notes: list[str] = field(default_factory=list)


# -- small helpers -------------------------------------------------------------


def clean_href(href: str) -> str:
    """Collapse the CR/LF/tabs some sites put in hrefs to one space, then
    percent-encode what must be (spaces as %20, never '+'); existing %XX stay."""
    text = " ".join(href.replace("\r", " ").replace("\n", " ").replace("\t", " ").split())
    text = re.sub(r"%(?![0-9A-Fa-f]{2})", "%25", text)
    return quote(text, safe=":/?#[]@!$&'()*+,;=%~")


def absolute(base: str, href: str) -> str:
    """The link made absolute; "" for one that is no address ("http://[::1", say)."""
    try:
        return urljoin(base, clean_href(href))
    except ValueError:
        return ""


def _query(url: str) -> dict[str, str]:
    """Query parameters, names lowercased (IIS is case-insensitive)."""
    return {k.lower(): v[0] for k, v in parse_qs(urlsplit(url).query, keep_blank_values=True).items()}


def uk_date(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def _unescape_twice(text: str) -> str:
    # Titles arrive as "Leader&amp;#39;s" in the XML: one unescape by the parser, one here.
    return squash(html.unescape(text or ""))


def _is_true(text: str | None) -> bool:
    return (text or "").strip().lower() == "true"


def _el_text(element: ET.Element | None, tag: str) -> str:
    if element is None:
        return ""
    found = element.find(tag)
    return (found.text or "").strip() if found is not None else ""


def parse_xml(data: bytes) -> ET.Element:
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:100].lower()
    if not head.startswith(b"<"):
        raise NotXml("not XML")
    if head.startswith(b"<!doctype html") or head.startswith(b"<html"):
        raise NotXml("an HTML page instead of XML")
    try:
        return ET.fromstring(data)
    except ET.ParseError as error:
        raise NotXml(f"unreadable XML ({error})") from None


def classify(url: str, title: str = "", *, item_document: bool = False, decision: bool = False) -> str:
    """minutes / agenda / reports / decisions / supplements: by the URL's path
    and T= first (ModernGov's own types), the label second."""
    path = urlsplit(url).path.lower()
    query = _query(url)
    if "/documents/b" in path or path.startswith("documents/b"):
        return "supplements"
    if "mgchoosedocpack.aspx" in path:
        return "supplements" if query.get("sid") else "agenda"
    t = query.get("t")
    if t in PACK_KIND_BY_T and not item_document:
        return PACK_KIND_BY_T[t]
    if decision:
        return "decisions"
    if SUPPLEMENT_TITLE.search(title):
        return "supplements"
    if item_document:
        return "reports"
    if MINUTES_TITLE.search(title):
        return "minutes"
    if DECISIONS_TITLE.search(title):
        return "decisions"
    if AGENDA_TITLE.search(title):
        return "agenda"
    return "reports"


def attachment_id_of(url: str) -> str | None:
    """documents/s<N>/… and mgConvert2PDF.aspx?ID=<N> carry the attachment id."""
    path = urlsplit(url).path
    match = re.search(r"(?:^|/)documents/s(\d+)/", path, re.I)
    if match:
        return match.group(1)
    if path.lower().endswith("mgconvert2pdf.aspx"):
        return _query(url).get("id") or None
    return None


# -- the web service (XML) -------------------------------------------------------


def parse_committees_xml(data: bytes) -> list[Committee]:
    root = parse_xml(data)
    return [
        Committee(
            id=_el_text(c, "committeeid"), title=_unescape_twice(_el_text(c, "committeetitle")),
            expired=_is_true(_el_text(c, "committeeexpired")), deleted=_is_true(_el_text(c, "committeedeleted")),
            category=_el_text(c, "committeecategory") or None,
        )
        for c in root.iter("committee") if _el_text(c, "committeeid")
    ]


def parse_meetings_xml(data: bytes) -> list[Meeting]:
    """GetMeetings: committee/committeemeetings/meeting; an empty answer may hold
    counts only."""
    root = parse_xml(data)
    meetings = []
    for committee in root.iter("committee"):
        cid = _el_text(committee, "committeeid")
        title = _unescape_twice(_el_text(committee, "committeetitle"))
        for m in committee.iter("meeting"):
            raw = _el_text(m, "meetingdate")
            meetings.append(Meeting(
                id=_el_text(m, "meetingid"), committee_id=cid, committee=title, date=whole_date(raw),
                time=_el_text(m, "meetingtime") or None, status=_el_text(m, "meetingstatus"), raw_date=raw,
            ))
    return [m for m in meetings if m.id]


@dataclass
class MeetingXml:
    agenda_id: str | None
    documents: list[Document]
    restricted_items: list[str]
    date: date | None
    raw_date: str
    notes: list[str] = field(default_factory=list)


def _item_order(number: str) -> tuple:
    """Agenda items by number (1, 2, … 10), then those numbered otherwise ("5a") by text."""
    return (0, int(number), "") if number.isdecimal() else (1, 0, number)


def _odd_item_number(number: str) -> bool:
    """A number written with what is numeric but no decimal digit ('²', '½', 'Ⅻ')."""
    return any(c.isnumeric() and not c.isdecimal() for c in number)


def parse_meeting_xml(data: bytes, base_url: str) -> MeetingXml:
    """GetMeeting: agendaitems/agendaitem/linkeddocuments/linkeddoc, in agenda order."""
    root = parse_xml(data)
    items = root.findall("./agendaitems/agendaitem")
    notes = [
        f"agenda item number {number!r} is no number: the item is ordered by its text"
        for item in items if _odd_item_number(number := _el_text(item, "agendaitemnumber"))
    ]
    documents: list[Document] = []
    restricted_items: list[str] = []
    for item in sorted(items, key=lambda item: _item_order(_el_text(item, "agendaitemnumber"))):
        item_title = _unescape_twice(_el_text(item, "agendaitemtitle"))
        item_restricted = (
            _is_true(_el_text(item, "isrestricted"))
            or _el_text(item, "isdisplayallowed").lower() == "false"
        )
        docs = item.findall("./linkeddocuments/linkeddoc")
        if item_restricted and not docs:
            restricted_items.append(item_title)
        for doc in docs:
            href = _el_text(doc, "url")
            title = _unescape_twice(_el_text(doc, "title")) or item_title
            url = absolute(base_url, href) if href else ""
            if not url:
                continue
            documents.append(Document(
                url=url, title=title,
                kind=classify(url, title, item_document=True, decision=_is_true(_el_text(doc, "isdecisionattachment"))),
                attachment_id=_el_text(doc, "attachmentid") or attachment_id_of(url),
                item=item_title,
                restricted=item_restricted or _is_true(_el_text(doc, "isrestricted")) or bool(RESTRICTED_TITLE.search(title)),
                published=whole_date(_el_text(doc, "publicationdate")),
                external=_is_true(_el_text(doc, "isurl")),
            ))
    raw = _el_text(root, "meetingdate")
    return MeetingXml(_el_text(root, "agendaid") or None, documents, restricted_items, whole_date(raw), raw, notes)


# -- the HTML pages ----------------------------------------------------------------


def _link_text(anchor: Node) -> str:
    """An anchor's words without ModernGov's file-size and hidden spans."""
    parser = HTMLParser(anchor.html or "")
    for span in parser.css("span.mgFileSize, span.mgHide, img"):
        span.decompose()
    return " ".join((parser.body.text(deep=True) if parser.body else "").split())


def parse_committees_html(page: bytes, page_url: str) -> list[Committee]:
    """mgListCommittees.aspx: links to mgCommitteeDetails.aspx?ID=<cid>."""
    tree = HTMLParser(page.decode("utf-8", "replace"))
    committees: dict[str, Committee] = {}
    for anchor in tree.css("a[href]"):
        href = anchor.attributes.get("href") or ""
        if "mgcommitteedetails.aspx" not in href.lower():
            continue
        cid = _query(absolute(page_url, href)).get("id")
        title = _link_text(anchor)
        if cid and title and cid not in committees:
            committees[cid] = Committee(cid, title)
    return list(committees.values())


@dataclass
class MeetingList:
    meetings: list[Meeting]
    years: list[int]  # the year selector's options
    earlier: str | None  # the "Earlier meetings" link
    odd_dates: list[str]


def parse_meetings_html(page: bytes, page_url: str, committee: Committee) -> MeetingList:
    """ieListMeetings.aspx: a.mgMeetingTableLnk "15 Jan 2026 7:30 pm" [- CANCELLED]."""
    tree = HTMLParser(page.decode("utf-8", "replace"))
    meetings, odd = [], []
    for anchor in tree.css("a.mgMeetingTableLnk"):
        url = absolute(page_url, anchor.attributes.get("href") or "")
        mid = _query(url).get("mid")
        if not mid:
            continue
        words = anchor.text(deep=True).replace("\xa0", " ").split()
        day = whole_date(" ".join(words[:3]))
        if day is None:
            odd.append(" ".join(words))
        parent = anchor.parent
        status = squash(parent.text(deep=True)) if parent is not None else ""
        meetings.append(Meeting(
            mid, committee.id, committee.title, day, " ".join(words[3:]) or None,
            "Cancelled" if "CANCELLED" in status.upper() else "", " ".join(words[:3]),
        ))
    years = sorted({
        int(value) for option in tree.css("select#YearSelect option, select[name=YearSelect] option")
        if (value := (option.attributes.get("value") or "").strip()).isdecimal() and 1900 < int(value) < 3000
    })
    earlier = None
    for anchor in tree.css("a.mgTableNextLnk"):
        href = anchor.attributes.get("href") or ""
        if "act=earlier" in href.lower():
            earlier = absolute(page_url, href) or None
    return MeetingList(meetings, years, earlier, odd)


@dataclass
class MeetingPage:
    committee: str | None
    date: date | None
    cancelled: bool
    documents: list[Document]
    restricted_items: list[str]


def parse_meeting_page(page: bytes, page_url: str) -> MeetingPage:
    """ieListDocuments.aspx: the packs in ul.mgActionList, the items' documents
    in table#mgItemTable; items marked exempt are listed, never fetched."""
    tree = HTMLParser(page.decode("utf-8", "replace"))
    heading = tree.css_first("h2.mgSubTitleTxt")
    heading_text = squash(heading.text(deep=True)) if heading else ""
    committee, _, when = heading_text.rpartition(" - ")
    meta = tree.css_first('meta[name="DC.date"]')
    day = _heading_date(when) or whole_date((meta.attributes.get("content") or "") if meta else "")
    documents: list[Document] = []
    for anchor in tree.css("ul.mgActionList a[href]"):
        href = anchor.attributes.get("href") or ""
        if not DOCUMENT_HREF.search(href):
            continue
        url = absolute(page_url, href)
        if not url:
            continue
        title = _link_text(anchor)
        documents.append(Document(url, title, classify(url, title), restricted=bool(RESTRICTED_TITLE.search(title))))
    restricted_items: list[str] = []
    table = tree.css_first("table#mgItemTable") or tree.css_first("table.mgItemTable")
    for row in table.css("tr") if table else []:
        title_node = row.css_first("td:nth-child(2) p.mgAiTitleTxt") or row.css_first("p.mgAiTitleTxt")
        item_title = _link_text(title_node) if title_node else ""
        item_restricted = bool(RESTRICTED_TITLE.search(item_title))
        links = [a for a in row.css("a[href]") if DOCUMENT_HREF.search(a.attributes.get("href") or "")]
        if item_restricted and not links:
            restricted_items.append(item_title)
        for anchor in links:
            url = absolute(page_url, anchor.attributes.get("href") or "")
            if not url:
                continue
            title = _link_text(anchor)
            documents.append(Document(
                url, title, classify(url, title, item_document=True), attachment_id_of(url), item_title or None,
                restricted=item_restricted or bool(RESTRICTED_TITLE.search(title)),
            ))
    return MeetingPage(committee or None, day, "CANCELLED" in heading_text.upper(), documents, restricted_items)


def _heading_date(text: str) -> date | None:
    """"Wednesday 15 January 2025 7:00 pm[, CANCELLED]" -> 2025-01-15."""
    words = text.replace(",", " ").split()
    for start in range(len(words) - 2):
        day = whole_date(" ".join(words[start:start + 3]))
        if day:
            return day
    return None


def parse_pack_chooser(page: bytes, page_url: str, kind: str) -> list[Document]:
    """mgChooseDocPack.aspx: the pack's PDFs (documents/…)."""
    tree = HTMLParser(page.decode("utf-8", "replace"))
    found = []
    for anchor in tree.css("a[href]"):
        href = anchor.attributes.get("href") or ""
        if re.search(r"(^|/)documents/", href, re.I) and (url := absolute(page_url, href)):
            found.append(Document(url, _link_text(anchor), kind, attachment_id_of(url)))
    return found


def merge_documents(*lists: Iterable[Document]) -> list[Document]:
    """Each document once, by key (attachment id, else path and T=): the first
    list's order; a documents/… URL is preferred to mgConvert2PDF (it names the
    file); restricted if any listing says so."""
    merged: dict[str, Document] = {}
    for documents in lists:
        for doc in documents:
            have = merged.get(doc.key)
            if have is None:
                merged[doc.key] = doc
                continue
            url = have.url
            if "mgconvert2pdf" in urlsplit(url).path.lower() and "/documents/" in urlsplit(doc.url).path.lower():
                url = doc.url
            merged[doc.key] = replace(
                have, url=url, restricted=have.restricted or doc.restricted,
                item=have.item or doc.item, published=have.published or doc.published,
            )
    return list(merged.values())


# -- the site -------------------------------------------------------------------------


class ModernGovSite:
    """A ModernGov site at `base` (the folder of its .aspx pages), asked
    through `client`. The web service is tried first; when it fails (disabled,
    refused, an HTML page instead of XML) the HTML pages serve for the rest of
    the run, and `notes` says so."""

    def __init__(self, base: str, client: PoliteClient, *, use_web_service: bool = True):
        self.base = base
        self.client = client
        self.web_service = use_web_service
        self.notes: list[str] = []

    def service_url(self, operation: str, **params) -> str:
        return urljoin(self.base, "mgWebService.asmx/" + operation) + ("?" + urlencode(params) if params else "")

    def _xml(self, operation: str, **params) -> bytes:
        fetched = self.client.get(self.service_url(operation, **params))
        parse_xml(fetched.content)  # raises NotXml early
        return fetched.content

    def _fall_back(self, why: str) -> None:
        if self.web_service:
            self.web_service = False
            self.notes.append(f"web service: {why}; using the HTML pages")

    # committees

    def committees(self) -> list[Committee]:
        if self.web_service:
            try:
                return parse_committees_xml(self._xml("GetCommittees"))
            except FetchError as error:
                self._fall_back(error.reason)
            except NotXml as error:
                self._fall_back(str(error))
        page_url = urljoin(self.base, "mgListCommittees.aspx?bcr=1")
        return parse_committees_html(self.client.get(page_url).content, page_url)

    # meetings

    def meetings(self, committee: Committee, since: date, until: date) -> tuple[list[Meeting], list[str]]:
        """The committee's meetings dated since..until (inclusive), and lines about
        odd dates. Meetings with no readable date are kept (dated later from their page)."""
        if self.web_service:
            try:
                data = self._xml(
                    "GetMeetings", lCommitteeId=committee.id, sFromDate=uk_date(since),
                    sToDate=uk_date(until + timedelta(days=1)),  # exclusive on the server
                )
                meetings = parse_meetings_xml(data)
                for m in meetings:
                    m.committee_id, m.committee = committee.id, m.committee or committee.title
                return _in_window(meetings, since, until), _odd(meetings)
            except NotXml as error:
                self._fall_back(str(error))
            except FetchError as error:
                self._fall_back(error.reason)
        return self._meetings_from_pages(committee, since, until)

    def _meetings_from_pages(self, committee: Committee, since: date, until: date) -> tuple[list[Meeting], list[str]]:
        first_url = urljoin(self.base, f"ieListMeetings.aspx?CId={committee.id}")
        first = parse_meetings_html(self.client.get(first_url).content, first_url, committee)
        found: dict[str, Meeting] = {m.id: m for m in first.meetings}
        if first.years:
            for year in first.years:
                if since.year <= year <= until.year:
                    url = urljoin(self.base, f"ieListMeetings.aspx?CId={committee.id}&Year={year}")
                    listing = parse_meetings_html(self.client.get(url).content, url, committee)
                    for m in listing.meetings:
                        found.setdefault(m.id, m)
        else:  # no year selector: walk "Earlier meetings", a bounded number of pages
            listing, pages = first, 0
            while listing.earlier and pages < 50:
                dated = [m.date for m in listing.meetings if m.date]
                if dated and min(dated) < since:
                    break
                pages += 1
                listing = parse_meetings_html(self.client.get(listing.earlier).content, listing.earlier, committee)
                new = [m for m in listing.meetings if m.id not in found]
                if not new:
                    break
                for m in new:
                    found[m.id] = m
        meetings = list(found.values())
        return _in_window(meetings, since, until), _odd(meetings)

    # a meeting's documents

    def meeting_page_url(self, meeting: Meeting) -> str:
        return urljoin(self.base, f"ieListDocuments.aspx?CId={meeting.committee_id}&MId={meeting.id}&Ver=4")

    def papers(self, meeting: Meeting) -> MeetingPapers:
        """The meeting's documents: the item documents of GetMeeting (with their
        restricted flags) and the packs and item documents of its page, each
        once. A failure of either source is a note; both failing raises."""
        page_url = self.meeting_page_url(meeting)
        papers = MeetingPapers(meeting, page_url)
        from_xml: MeetingXml | None = None
        from_page: MeetingPage | None = None
        errors = []
        if self.web_service:
            try:
                from_xml = parse_meeting_xml(self._xml("GetMeeting", lMeetingId=meeting.id), self.base)
            except NotXml as error:
                errors.append(f"GetMeeting: {error}")
            except FetchError as error:
                errors.append(f"GetMeeting: {error.reason}")
        try:
            fetched = self.client.get(page_url)
            from_page = parse_meeting_page(fetched.content, fetched.url)
        except FetchError as error:
            errors.append(f"meeting page: {error.reason}")
        if from_xml is None and from_page is None:
            raise FetchError(page_url, "; ".join(errors))
        papers.notes.extend(errors + (from_xml.notes if from_xml else []))
        if meeting.date is None:
            meeting.date = (from_page and from_page.date) or (from_xml and from_xml.date)
        if from_page and from_page.cancelled and not meeting.status:
            meeting.status = "Cancelled"
        documents = merge_documents(
            from_page.documents if from_page else [], from_xml.documents if from_xml else [],
        )
        papers.documents = [d for d in documents if not d.restricted and not d.external]
        papers.restricted = [d for d in documents if d.restricted]
        papers.notes.extend(
            f"external link, not fetched: {d.title} <{d.url}>" for d in documents if d.external and not d.restricted
        )
        items = (from_xml.restricted_items if from_xml else []) + (from_page.restricted_items if from_page else [])
        with_docs = {d.item for d in papers.restricted}
        papers.restricted_items = [t for t in dict.fromkeys(items) if t not in with_docs]
        return papers

    def open_pack_chooser(self, doc: Document, referer: str) -> list[Document]:
        fetched = self.client.get(doc.url, headers={"Referer": referer})
        return parse_pack_chooser(fetched.content, fetched.url, doc.kind)


def _in_window(meetings: list[Meeting], since: date, until: date) -> list[Meeting]:
    return [m for m in meetings if m.date is None or since <= m.date <= until]


def _odd(meetings: list[Meeting]) -> list[str]:
    return [
        f"meeting {m.id} ({m.committee}): odd date '{m.raw_date}'; dated from its page instead"
        for m in meetings if m.date is None
    ]
