"""Web page reader: main content only, one line per block, ModernGov item numbers joined."""

from __future__ import annotations

from pathlib import Path

import pytest

from councilpapers.ingest.model import UnreadableFile
from councilpapers.ingest.readers import read_file

GENERIC_PAGE = """<!DOCTYPE html>
<html><head><title>Minutes</title><style>p { color: red }</style>
<script>var tracking = "do not index me";</script></head>
<body>
<div id="cookie-banner">We use cookies. <button>Accept</button></div>
<header><a href="/">Home</a> Council logo</header>
<nav><ul><li><a href="/calendar">Calendar</a></li><li>Committees</li></ul></nav>
<main>
  <h1>Planning Committee, 3 March 2025</h1>
  <p>Present: Councillors   Smith,
     Jones and Patel.</p>
  <ul><li>Apologies: Councillor Brown</li><li>Declarations: none</li></ul>
  <table><tr><th>Item</th><th>Decision</th></tr>
         <tr><td>Land at Mill Lane</td><td>Approved</td></tr></table>
  <p>First line<br>second line</p>
  <script>document.write("nor me")</script>
</main>
<aside>Related pages</aside>
<footer>&copy; 2025 The Council</footer>
</body></html>
"""

MODERNGOV_PAGE = """<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"></head>
<body><div id="breadcrumb-holder">Home &gt; Committees</div>
<div id="modgov"><div class="mgHeader"><h1 class="mgMainTitleTxt">Agenda and minutes</h1></div>
<h2 class="mgSubTitleTxt">Corporate Parenting Panel - Thursday, 26th May, 2016 10.00 am</h2>
<div class="mgContent">
<p><span class="mgLabel">Venue: </span>Darent Room, Sessions House</p>
<table class="mgItemTable">
<tr><th class="mgHide">No.</th><th class="mgHide">Item</th></tr>
<tr><td class="mgItemNumberCell"><p class="mgAiTitleTxt">143.</p></td>
    <td><p class="mgAiTitleTxt">Membership</p></td></tr>
<tr><td class="mgItemNumberCell"><p class="mgAiTitleTxt">144.</p></td>
    <td><p class="mgAiTitleTxt">Apologies and substitutes</p>
        <p class="mgSubItemTitleTxt">Minutes:</p>
        <div class="mgWordPara"><p>Apologies were received from Mr R Brookbank.</p>
        <p>&nbsp;</p></div></td></tr>
<tr><td class="mgItemNumberCell"><p class="mgAiTitleTxt">145.</p></td>
    <td><p class="mgAiTitleTxt"><a href="documents/s1/Minutes.pdf">Minutes of the meeting held on 15 March 2016
        <span class="mgFileSize">PDF 153 KB</span></a></p>
        <p>RESOLVED that the minutes be signed. Cost \xa3100.</p></td></tr>
</table></div>
<div class="mgFooter"><script>var x = 1;</script><p>&nbsp;</p></div>
</div>
<nav id="side-nav"><ul><li><a href="mgCalendarMonthView.aspx">Calendar</a></li></ul></nav>
<footer id="page-footer">&copy; 2016 Kent County Council</footer>
</body></html>
"""


def read_page(tmp_path: Path, html: str | bytes, name: str = "page.html"):
    path = tmp_path / name
    path.write_bytes(html.encode("utf-8") if isinstance(html, str) else html)
    return read_file(path)


def texts(extracted) -> list[str]:
    return [line.text for line in extracted.lines]


def test_generic_page_keeps_main_content_only(tmp_path):
    extracted = read_page(tmp_path, GENERIC_PAGE)
    assert extracted.format == "html"
    assert texts(extracted) == [
        "Planning Committee, 3 March 2025",
        "Present: Councillors Smith, Jones and Patel.",
        "Apologies: Councillor Brown",
        "Declarations: none",
        "Item  Decision",
        "Land at Mill Lane  Approved",
        "First line",
        "second line",
    ]
    assert [line.number for line in extracted.lines] == list(range(1, 9))
    assert all(line.page is None and not line.furniture for line in extracted.lines)


def test_body_without_main_drops_navigation_scripts_and_cookie_banner(tmp_path):
    page = GENERIC_PAGE.replace("<main>", "<div>").replace("</main>", "</div>")
    lines = texts(read_page(tmp_path, page))
    assert lines[0] == "Planning Committee, 3 March 2025"
    joined = "\n".join(lines)
    for noise in ("cookies", "Calendar", "Home", "Related pages", "2025 The Council",
                  "tracking", "nor me", "color"):
        assert noise not in joined


def test_moderngov_items_join_number_and_title(tmp_path):
    lines = texts(read_page(tmp_path, MODERNGOV_PAGE.encode("cp1252")))
    assert lines == [
        "Agenda and minutes",
        "Corporate Parenting Panel - Thursday, 26th May, 2016 10.00 am",
        "Venue: Darent Room, Sessions House",
        "143. Membership",
        "144. Apologies and substitutes",
        "Minutes:",
        "Apologies were received from Mr R Brookbank.",
        "145. Minutes of the meeting held on 15 March 2016",
        "RESOLVED that the minutes be signed. Cost £100.",
    ]


def test_html_content_named_txt_is_read_as_html(tmp_path):
    extracted = read_page(tmp_path, GENERIC_PAGE, name="page.txt")
    assert extracted.format == "html"
    assert extracted.warnings == ["named .txt but the content is html"]


def test_page_without_text(tmp_path):
    with pytest.raises(UnreadableFile, match="^no readable content in the web page$"):
        read_page(tmp_path, "<html><body><nav>Menu</nav><script>x()</script></body></html>")


def test_binary_named_html(tmp_path):
    with pytest.raises(UnreadableFile, match="^binary data, not text$"):
        read_page(tmp_path, b"\x00\x01\x02garbage\xff\xfe" * 50)


def test_real_kingston_moderngov_pages(shared_file):
    pages = ["pdfs/kingston-neighbourhood-committee-2026-01-15-moderngov-agenda-page.html",
             "moderngov/fixtures/recorded/kingston-html/Agenda_151.html"]
    for name in pages:
        path = shared_file(name)
        lines = texts(read_file(path))
        assert lines[:2] == [
            "Agenda, decisions and minutes",
            "Kingston and North Kingston Neighbourhood Committee - Thursday 15 January 2026 7:30 pm",
        ]
        assert "54. Public Question Time" in lines
        assert "59. Petition Regarding the Introduction of Traffic Management Measures On Manorgate Road" in lines
        assert "Apologies were received from Councillors Noel Hadjimichael, Patrick Hall and John Sweeney." in lines
        joined = "\n".join(lines)
        for noise in ("Skip to main content", "Committee details", "Election results",
                      "All Rights Reserved", "mgJQuery", "PDF 161 KB", ", item 59."):
            assert noise not in joined


def test_real_moderngov_meeting_list_inside_aspnet_form(shared_file):
    path = shared_file("moderngov/fixtures/recorded/kingston-html/BrowseMeetings.html")
    assert "15 Jan 2026 7:30 pm - Agenda, Decisions, Minutes" in texts(read_file(path))
