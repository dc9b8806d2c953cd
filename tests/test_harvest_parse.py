"""The ModernGov parsers on recorded answers (Gloucester's web service, Kingston's
pages) and on the quirks of ../shared/moderngov/README.md §5."""

from datetime import date
from pathlib import Path

import pytest

from councilpapers.harvest.archive import file_name, site_slug
from councilpapers.harvest.harvester import normalise_base
from councilpapers.harvest.moderngov import (
    Committee,
    Document,
    NotXml,
    attachment_id_of,
    classify,
    clean_href,
    merge_documents,
    parse_committees_html,
    parse_committees_xml,
    parse_meeting_page,
    parse_meeting_xml,
    parse_meetings_html,
    parse_meetings_xml,
    parse_xml,
)
from councilpapers.text.dates import whole_date

RECORDED = Path(__file__).resolve().parent / "fixtures" / "moderngov" / "recorded"
CONSTRUCTED = Path(__file__).resolve().parent / "fixtures" / "moderngov" / "constructed"
KINGSTON = "https://moderngov.kingston.gov.uk/"
GLOUCESTER = "https://democracy.gloucester.gov.uk/"


def recorded(name: str) -> bytes:
    return (RECORDED / name).read_bytes()


def test_gloucester_committees_keep_expired_ones_and_unescape_titles():
    committees = parse_committees_xml(recorded("gloucester-xml/GetCommittees.xml"))
    assert len(committees) == 131
    assert sum(not c.expired and not c.deleted for c in committees) == 15
    assert "Tenants' Forum" in {c.title for c in committees}


def test_gloucester_meetings_read_uk_dates_and_statuses():
    meetings = parse_meetings_xml(recorded("gloucester-xml/GetMeetings.xml"))
    assert len(meetings) == 20
    assert {m.committee_id for m in meetings} == {"129"}
    cabinet = next(m for m in meetings if m.id == "7837")
    assert cabinet.date == date(2025, 11, 21) and cabinet.time == "12.30 pm"
    assert any(m.cancelled for m in meetings)


def test_gloucester_meeting_documents_are_absolute_with_attachment_ids():
    parsed = parse_meeting_xml(recorded("gloucester-xml/GetMeeting_7837.xml"), GLOUCESTER)
    assert parsed.agenda_id == "7837"
    ids = [d.attachment_id for d in parsed.documents]
    assert "65412" in ids and len(ids) == len(set(ids))
    doc = next(d for d in parsed.documents if d.attachment_id == "65412")
    assert doc.url == "https://democracy.Gloucester.gov.uk/mgConvert2PDF.aspx?ID=65412"
    assert doc.kind == "reports" and not doc.restricted


def test_kingston_meeting_page_packs_and_item_documents():
    page = parse_meeting_page(recorded("kingston-html/Agenda_151.html"), KINGSTON + "ieListDocuments.aspx?CId=711&MId=10221&Ver=4")
    assert page.committee == "Kingston and North Kingston Neighbourhood Committee"
    assert page.date == date(2026, 1, 15) and not page.cancelled
    packs = [d for d in page.documents if d.attachment_id is None]
    items = [d for d in page.documents if d.attachment_id]
    assert [d.kind for d in packs] == ["agenda", "agenda", "supplements", "supplements", "decisions", "minutes"]
    assert packs[0].url.startswith(KINGSTON + "documents/g10230/Agenda%20frontsheet%20Thursday%2015-Jan-2026")
    assert packs[0].url.endswith(".pdf?T=0") and packs[0].title == "Agenda frontsheet"
    assert packs[2].url == KINGSTON + "mgChooseDocPack.aspx?ID=10230&SID=23550"
    assert len(items) == 17
    assert {"112217", "112215"} <= {d.attachment_id for d in items}


def test_kingston_cancelled_meeting():
    page = parse_meeting_page(recorded("kingston-html/Agenda_412.html"), KINGSTON + "ieListDocuments.aspx?CId=711&MId=10161")
    assert page.cancelled and page.date == date(2025, 12, 4)


def test_kingston_meeting_list_dates_years_and_earlier_link():
    listing = parse_meetings_html(
        recorded("kingston-html/BrowseMeetings.html"), KINGSTON + "ieListMeetings.aspx?CommitteeId=711", Committee("711", "K&NK")
    )
    assert len(listing.meetings) == 15
    first = listing.meetings[0]
    assert (first.id, first.date, first.time) == ("10337", date(2026, 6, 15), "7:30 pm")
    assert [m.id for m in listing.meetings if m.cancelled] == ["10161"]
    assert listing.years == [2022, 2023, 2024, 2025, 2026, 2027]
    assert listing.earlier == KINGSTON + "ieListMeetings.aspx?Act=earlier&CId=711&D=202409051930&MD=ielistmeetings"


def test_kingston_committee_list():
    committees = parse_committees_html(recorded("kingston-html/CommitteeStructure.html"), KINGSTON + "mgListCommittees.aspx?bcr=1")
    assert ("711", "Kingston and North Kingston Neighbourhood Committee") in {(c.id, c.title) for c in committees}


def test_constructed_meeting_double_encoded_title_and_restricted_document():
    parsed = parse_meeting_xml((CONSTRUCTED / "mgWebService/GetMeeting_2001.xml").read_bytes(), "http://127.0.0.1:1/")
    assert "Leader's Announcements" not in [d.item for d in parsed.documents]  # it has no document
    restricted = [d for d in parsed.documents if d.restricted]
    assert [d.attachment_id for d in restricted] == ["50104"]
    by_id = {d.attachment_id: d for d in parsed.documents}
    assert by_id["50103"].url == "http://127.0.0.1:1/mgConvert2PDF.aspx?ID=50103"
    assert by_id["50102"].url == "http://127.0.0.1:1/documents/s50102/Revenue%20Budget%202025-26%20report.pdf"


def test_empty_get_meetings_holds_counts_only():
    assert parse_meetings_xml((CONSTRUCTED / "mgWebService/GetMeetings_empty.xml").read_bytes()) == []


def test_html_instead_of_xml_is_refused():
    with pytest.raises(NotXml):
        parse_xml(b"<html><script>window.location='/x'</script></html>")
    with pytest.raises(NotXml):
        parse_xml(b"Service unavailable")


def test_hrefs_with_line_breaks_and_spaces():
    href = "documents/g2003/Printed minutes\r\n04th-Feb-2025 18.30 Planning Committee.pdf?T=1"
    assert clean_href(href) == "documents/g2003/Printed%20minutes%2004th-Feb-2025%2018.30%20Planning%20Committee.pdf?T=1"
    assert clean_href("documents/s1/A%20B.pdf") == "documents/s1/A%20B.pdf"  # already encoded
    assert clean_href("documents/s1/100% done.pdf") == "documents/s1/100%25%20done.pdf"


@pytest.mark.parametrize("url, title, item, kind", [
    ("documents/g1/Agenda frontsheet.pdf?T=0", "Agenda frontsheet", False, "agenda"),
    ("documents/g1/Public reports pack.pdf?T=10", "Agenda reports pack", False, "agenda"),
    ("documents/g1/Printed minutes.pdf?T=1", "Minutes", False, "minutes"),
    ("documents/g1/Decisions.pdf?T=2", "Printed decisions", False, "decisions"),
    ("documents/b5501/Supplement.pdf?T=9", "Supplement: Agenda item 49", False, "supplements"),
    ("mgChooseDocPack.aspx?ID=10230", "Agenda reports pack", False, "agenda"),
    ("mgChooseDocPack.aspx?ID=10230&SID=23609", "Late Material", False, "supplements"),
    ("documents/s50122/Addendum update sheet.pdf", "Addendum update sheet", True, "supplements"),
    ("documents/s50101/Minutes of Previous Meeting.pdf", "Minutes of Previous Meeting", True, "reports"),
    ("MGCONVERT2PDF.ASPX?id=50103", "Appendix A", True, "reports"),
])
def test_classify_by_type_then_label(url, title, item, kind):
    assert classify("http://h/" + url, title, item_document=item) == kind


def test_attachment_ids_and_merge_prefer_the_named_file():
    assert attachment_id_of("http://h/documents/s50103/A.pdf") == "50103"
    assert attachment_id_of("http://h/mgConvert2PDF.aspx?ID=50103") == "50103"
    assert attachment_id_of("http://h/documents/g2010/A.pdf?T=0") is None
    convert = Document("http://h/mgConvert2PDF.aspx?ID=50103", "Appendix A", "reports", "50103")
    named = Document("http://h/documents/s50103/Appendix%20A.pdf", "Appendix A", "reports", "50103")
    (merged,) = merge_documents([convert], [named])
    assert merged.url == named.url


def test_odd_dates_are_none():
    assert whole_date("31/02/2025") is None
    assert whole_date("  ") is None
    assert whole_date("04/02/2025") == date(2025, 2, 4)


def test_base_url_and_site_folder():
    assert normalise_base("https://democracy.kent.gov.uk") == "https://democracy.kent.gov.uk/"
    assert normalise_base("https://democracy.kent.gov.uk/mgListCommittees.aspx?bcr=1") == "https://democracy.kent.gov.uk/"
    assert normalise_base("https://ww5.swindon.gov.uk/moderngov/mgWebService.asmx") == "https://ww5.swindon.gov.uk/moderngov/"
    with pytest.raises(ValueError):
        normalise_base("democracy.kent.gov.uk")
    assert site_slug("https://ww5.swindon.gov.uk/moderngov/") == "ww5.swindon.gov.uk-moderngov"
    assert site_slug("http://127.0.0.1:8080/") == "127.0.0.1-8080"


def test_file_names_come_from_the_site_or_the_title():
    assert file_name("http://h/documents/s1/Housing%20Strategy.pdf", "x", "application/pdf") == "Housing Strategy.pdf"
    assert file_name("http://h/mgConvert2PDF.aspx?ID=5", "Fees: 2025/26", "application/pdf") == "Fees_ 2025_26.pdf"


# -- hostile answers: no parser traces back ----------------------------------------------------

HOSTILE_VALUES = [
    "²", "½", "١٢", "99999999999999999999999", "-1", "", " ", "\x00", "http://[::1", "//[bad",
    "http://h:99999/x", "javascript:alert(1)", "議事録" * 50, "..", ".pdf", "%", "%zz", "a" * 5000,
]


def _hostile_copies(text: str, pattern: str) -> list[bytes]:
    """The text with every match of `pattern` (one group: the value) replaced by each hostile value."""
    import re

    return [re.sub(pattern, lambda m, v=value: m.group(0).replace(m.group(1), v), text).encode("utf-8")
            for value in HOSTILE_VALUES]


def _with_values(data: bytes, tag: str, value: str) -> bytes:
    """The XML with every <tag> element's text set to `value`."""
    import xml.etree.ElementTree as ET

    root = ET.fromstring(data)
    for element in root.iter(tag):
        element.text = value
    return ET.tostring(root, encoding="utf-8")


def test_hostile_values_in_the_web_service_answers_never_trace_back():
    answers = {
        "GetMeeting_2001.xml": (lambda d: parse_meeting_xml(d, "https://h/"), (
            "agendaitemnumber", "url", "attachmentid", "meetingdate", "publicationdate", "isrestricted", "title")),
        "GetMeetings_101.xml": (parse_meetings_xml, ("meetingdate", "meetingid", "committeeid", "committeetitle")),
        "GetCommittees.xml": (parse_committees_xml, ("committeeid", "committeetitle", "committeeexpired")),
    }
    for name, (parse, tags) in answers.items():
        data = (CONSTRUCTED / "mgWebService" / name).read_bytes()
        for tag in tags:
            for value in HOSTILE_VALUES:
                parse(_with_values(data, tag, value.replace("\x00", "")))  # XML holds no NUL


def test_hostile_values_in_the_pages_never_trace_back():
    import html

    committee = Committee("101", "Cabinet")
    pages = {
        "pages/ieListDocuments_CId101_MId2001.html": lambda b, u: parse_meeting_page(b, u),
        "pages/ieListMeetings_CId101.html": lambda b, u: parse_meetings_html(b, u, committee),
        "pages/mgListCommittees.html": lambda b, u: parse_committees_html(b, u),
    }
    year_select = '<select id="YearSelect"><option value="{v}">x</option><option value="2025">2025</option></select>'
    for name, parse in pages.items():
        text = (CONSTRUCTED / name).read_text(encoding="utf-8")
        for page in _hostile_copies(text, r'href="([^"]*)"'):
            parse(page, "https://h/x.aspx")
        for value in HOSTILE_VALUES:
            parse((text + year_select.format(v=html.escape(value))).encode(), "https://h/x.aspx")


def test_a_bad_agenda_item_number_keeps_the_items_and_says_so():
    meeting = (CONSTRUCTED / "mgWebService/GetMeeting_2001.xml").read_bytes()
    parsed = parse_meeting_xml(meeting.replace(b"<agendaitemnumber>1<", "<agendaitemnumber>²<".encode(), 1), "https://h/")
    assert len(parsed.documents) == len(parse_meeting_xml(meeting, "https://h/").documents)
    assert any("agenda item number '²'" in note for note in parsed.notes)


def test_file_names_fit_any_file_system_and_never_hide():
    long = file_name("http://h/documents/s1/" + "議事録" * 50 + ".pdf", "x", "application/pdf")
    assert len(long.encode("utf-8")) <= 240 and long.endswith(".pdf") and long.startswith("議事録")
    assert file_name("http://h/documents/s1/" + "é" * 300 + ".pdf", "x", "application/pdf").encode("utf-8")[-4:] == b".pdf"
    for url, title in (("http://h/documents/s1/.pdf", ".."), ("http://h/documents/s1/..pdf", ".."),
                       ("http://h/documents/s1/pdf", ".."), ("http://h/documents/s1/...", "...")):
        name = file_name(url, title, "application/pdf")
        assert name.endswith(".pdf") and not name.startswith(".") and len(name) > len(".pdf"), (url, name)
