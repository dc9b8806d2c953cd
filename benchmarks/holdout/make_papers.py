#!/usr/bin/env python3
"""Generate the blind holdout papers (PDFs) and their gold answers.

    /work/main/.venv/bin/python benchmarks/holdout/make_papers.py [OUT_DIR]
        writes the 14 PDFs into OUT_DIR (default /tmp/holdout/papers) and checks that
        the committed gold in benchmarks/holdout/gold/ is what the papers print;
    ... make_papers.py OUT_DIR --write-gold
        also (re)writes the gold files.

Every paper is written by one function below from the same values it records as gold:
a name, a minute number, a resolution's text or an action's owner is printed from the
very string that goes into the gold, so the two cannot disagree. Inline markup in the
paragraph strings marks what the gold takes from them, and is removed before printing:

    <r>...</r>   the text of a resolution (minute = the item being written)
    <o>...</o>   an action's owner, printed inline
    <a>...</a>   an action's task (owner: the last <o>, else the paragraph's Action
                 column / "ACTION:" line, else "")

`**bold**` is fpdf2 markdown and is printed bold. The output is deterministic (fixed
creation dates, core fonts only): the PDFs are not committed, this script is.
"""

from __future__ import annotations

import argparse
import datetime
import json
import re
import sys
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import MethodReturnValue

HERE = Path(__file__).resolve().parent
GOLD_DIR = HERE / "gold"
DEFAULT_OUT = Path("/tmp/holdout/papers")
FIXED_DATE = datetime.datetime(2025, 6, 30, 9, 0, tzinfo=datetime.timezone.utc)

TAG = re.compile(r"</?[roa]>")
SPAN = re.compile(r"<([roa])>(.*?)</\1>", re.S)


def clean(text: str) -> str:
    """Gold form of a printed span: markdown and markup removed, spaces normalised."""
    text = TAG.sub("", text).replace("**", "")
    return re.sub(r"\s+", " ", text).strip()


def printable(text: str) -> str:
    """What is printed: markup removed. Core fonts take Latin-1 only."""
    out = TAG.sub("", text)
    out.encode("latin-1")  # raises on a character the core fonts cannot print
    return out


# --------------------------------------------------------------------------- gold


class Minutes:
    """One set of minutes as the gold records it, filled while the paper is written."""

    def __init__(self, committee, date, time, venue, **extra):
        self.d = {"committee": committee}
        if "committee_en" in extra:
            self.d["committee_en"] = extra.pop("committee_en")
        self.d.update({
            "date": date, "time": time, "venue": venue,
            "present": [], "apologies": [], "in_attendance": [], "absent": [], "substitutes": [],
            "items": [], "resolutions": [], "actions": [], "votes": [],
        })
        self.d.update(extra)
        self.cur = None

    def item(self, number, title, agenda_ref=None, note=None):
        entry = {"number": number, "title": clean(title), "agenda_ref": agenda_ref}
        if note:
            entry["note"] = note
        self.d["items"].append(entry)
        self.cur = number

    def take(self, text: str, owner: str | None = None) -> str:
        """Record the <r>/<o>/<a> spans of a paragraph; return what to print."""
        pending = None
        for tag, body in SPAN.findall(text):
            if tag == "r":
                self.d["resolutions"].append({"minute": self.cur, "text": clean(body)})
            elif tag == "o":
                pending = clean(body)
            else:
                who = pending if pending is not None else (owner or "")
                pending = None
                self.d["actions"].append({"minute": self.cur, "owner": who, "action": clean(body)})
        return printable(text)

    def extend(self, more: str):
        """A list printed under a resolution's lead line is part of its text."""
        last = self.d["resolutions"][-1]
        last["text"] = clean(last["text"] + " " + more)

    def vote(self, for_, against, abstain, result, note=None):
        entry = {"minute": self.cur, "for": for_, "against": against, "abstain": abstain, "result": result}
        if note:
            entry["note"] = note
        self.d["votes"].append(entry)

    def note(self, text):
        self.d["note"] = text


class Gold:
    def __init__(self, stem):
        self.stem = stem
        self.d = {"source": stem + ".pdf", "path": "holdout/" + stem + ".pdf", "pack": None,
                  "agenda_items": [], "documents": [], "minutes": [], "reports": []}
        self.mins: list[Minutes] = []

    def pack(self, committee, date, time, venue, note=None):
        self.d["pack"] = {"committee": committee, "date": date, "time": time, "venue": venue}
        if note:
            self.d["pack"]["note"] = note

    def document(self, kind, title, first_page, note=None):
        entry = {"kind": kind, "title": clean(title), "first_page": first_page}
        if note:
            entry["note"] = note
        self.d["documents"].append(entry)

    def agenda_item(self, code, title, pages=(None, None), note=None):
        entry = {"code": code, "title": clean(title), "pages": list(pages)}
        if note:
            entry["note"] = note
        self.d["agenda_items"].append(entry)

    def minutes(self, *args, **kw) -> Minutes:
        m = Minutes(*args, **kw)
        self.mins.append(m)
        return m

    def as_dict(self):
        out = dict(self.d)
        out["minutes"] = [m.d for m in self.mins]
        return out


# --------------------------------------------------------------------------- layout


class Paper(FPDF):
    """An A4 page set with a running header/footer and a few layout helpers.
    All x positions are absolute millimetres from the page's left edge."""

    def __init__(self, family="helvetica", size=11, lh=5.2, margins=(20, 18, 20), bottom=22,
                 title=None, author=None):
        super().__init__(format="A4", unit="mm")
        self.set_creation_date(FIXED_DATE)
        self.fam, self.size, self.lh = family, size, lh
        self.set_margins(*margins)
        self.set_auto_page_break(True, margin=bottom)
        self.c_margin = 0
        self.header_fn = None
        self.footer_fn = None
        self.rec: Minutes | None = None
        self.gap = 2.0
        if title:
            self.set_title(title)
        if author:
            self.set_author(author)
        self.set_creator("Microsoft Word")

    # fpdf2 hooks
    def header(self):
        if self.header_fn:
            self.header_fn(self)

    def footer(self):
        if self.footer_fn:
            self.footer_fn(self)

    @property
    def right(self):
        return self.w - self.r_margin

    def f(self, style="", size=None, family=None):
        self.set_font(family or self.fam, style, size or self.size)

    def need(self, mm):
        """Start a new page unless `mm` millimetres are left (keep a heading with its text)."""
        if self.get_y() + mm > self.page_break_trigger:
            self.add_page()

    def _take(self, text, owner=None):
        if self.rec is not None:
            return self.rec.take(text, owner)
        if SPAN.search(text):
            raise ValueError("markup outside minutes: " + text)
        return printable(text)

    def say(self, text, x=None, style="", size=None, align="L", h=None, after=0.0):
        """One line of text at x (or centred / flush right between the margins)."""
        self.f(style, size)
        h = h or self.lh
        text = self._take(text)
        if align == "L":
            self.set_x(self.l_margin if x is None else x)
            self.cell(self.get_string_width(text) + 0.5, h, text, new_x="LMARGIN", new_y="NEXT")
        else:
            self.set_x(self.l_margin)
            self.cell(0, h, text, align=align, new_x="LMARGIN", new_y="NEXT")
        if after:
            self.ln(after)

    def para(self, text, x=None, right=None, style="", size=None, h=None, align="L", md=True,
             after=None, col=None, col_x=None, col_style="B", action_line=None, owner=None):
        """A wrapped paragraph from x to `right`. `col`: an Action-column entry printed at
        col_x beside the paragraph's last line (its owner for the paragraph's <a> spans);
        `action_line`: an owner printed below as a bold "ACTION: ..." line."""
        x0 = self.l_margin if x is None else x
        x1 = self.right if right is None else right
        h = h or self.lh
        text = self._take(text, owner=col or action_line or owner)
        self.f(style, size)
        if col is not None:
            lines = self.multi_cell(x1 - x0, h, text, align=align, markdown=md, dry_run=True,
                                    output=MethodReturnValue.LINES)
            self.need(len(lines) * h)
        self.set_x(x0)
        self.multi_cell(x1 - x0, h, text, align=align, markdown=md, new_x="LMARGIN", new_y="NEXT")
        if col is not None:
            y = self.get_y()
            self.f(col_style, size)
            self.set_xy(col_x, y - h)
            self.cell(self.right - col_x, h, col)
            self.set_xy(self.l_margin, y)
            self.f(style, size)
        if action_line is not None:
            self.f("B", size)
            self.set_x(x0)
            self.cell(x1 - x0, h, "ACTION: " + action_line, align="R", new_x="LMARGIN", new_y="NEXT")
            self.f(style, size)
        self.ln(self.gap if after is None else after)

    def heading(self, number, title, num_x, title_x, style="B", size=None, right=None, after=1.0,
                keep=3, title_style=None, h=None, before=1.0):
        """A numbered heading: the number at num_x, the (wrapping) title at title_x."""
        h = h or self.lh
        self.ln(before)
        self.need(h * keep)
        y = self.get_y()
        if number:
            self.f(style, size)
            self.set_xy(num_x, y)
            self.cell(max(title_x - num_x, 1), h, number)
        self.f(title_style if title_style is not None else style, size)
        self.set_xy(title_x, y)
        x1 = self.right if right is None else right
        self.multi_cell(x1 - title_x, h, printable(title), new_x="LMARGIN", new_y="NEXT")
        self.ln(after)

    def row(self, cells, h=None, style="", size=None):
        """One table row: cells are (x, text, width, align)."""
        h = h or self.lh
        self.need(h)
        self.f(style, size)
        y = self.get_y()
        for x, text, w, align in cells:
            self.set_xy(x, y)
            self.cell(w, h, printable(text), align=align)
        self.set_xy(self.l_margin, y + h)

    def label(self, label, value, label_x, value_x, h=None, style="B", value_style="", size=None, after=0.5):
        """A label and a wrapping value: 'Date:   Tuesday 23 July 2024'."""
        h = h or self.lh
        self.need(h)
        y = self.get_y()
        self.f(style, size)
        self.set_xy(label_x, y)
        self.cell(value_x - label_x, h, printable(label))
        self.f(value_style, size)
        self.set_xy(value_x, y)
        self.multi_cell(self.right - value_x, h, printable(value), new_x="LMARGIN", new_y="NEXT")
        self.ln(after)

    def rule(self, after=2.0):
        self.line_width = 0.3
        y = self.get_y()
        self.line(self.l_margin, y, self.right, y)
        self.ln(after)


def names_list(names, last="and"):
    """'A, B, C and D' from a list."""
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + f" {last} " + names[-1]


def page_footer(text_left=None, text_right=None, centre=None, size=8.5, y=-14, family=None):
    def draw(p: Paper):
        p.set_y(y)
        p.f("", size, family)
        if text_left:
            p.set_x(p.l_margin)
            p.cell(0, 4, text_left(p) if callable(text_left) else text_left)
        if text_right:
            p.set_x(p.l_margin)
            p.cell(0, 4, text_right(p) if callable(text_right) else text_right, align="R")
        if centre:
            p.set_x(p.l_margin)
            p.cell(0, 4, centre(p) if callable(centre) else centre, align="C")
    return draw


SIGN_LINE = "Signed ......................................................... Chairman          Date ...................................."


# ====================================================================== the papers
#
# Each function takes nothing and returns (Paper, Gold).


def thornby_moor():
    """Yorkshire parish council: annual meeting and ordinary business in one set of
    minutes; Word style, bold "24/041" numbers with hanging titles; prose Present;
    ACTION lines; signed footer on every page; a recorded count on a co-option."""
    g = Gold("thornby-moor-parish-council-2024-05-14-annual-meeting-minutes")
    p = Paper("helvetica", 10.5, 5.0, margins=(20, 16, 18), bottom=30,
              title="Minutes Annual Meeting 14 May 2024", author="Clerk")

    def footer(pp):
        pp.set_y(-24)
        pp.f("", 9.5)
        pp.cell(0, 5, SIGN_LINE, align="C", new_x="LMARGIN", new_y="NEXT")
        pp.ln(2)
        pp.f("I", 8)
        pp.cell(0, 4, "Thornby Moor Parish Council - Annual Meeting 14.05.2024", new_x="LMARGIN")
        pp.set_x(pp.l_margin)
        pp.cell(0, 4, f"Page {pp.page_no()} of {{nb}}", align="R")

    p.footer_fn = footer
    m = g.minutes("Thornby Moor Parish Council", "2024-05-14", "19:30", "Thornby Moor Village Hall")
    p.rec = m
    p.add_page()
    g.document("minutes", "Thornby Moor Parish Council - Minutes of the Annual Meeting of the Parish Council, 14th May 2024", p.page_no())

    p.say("THORNBY MOOR PARISH COUNCIL", style="B", size=15, align="C", h=7)
    p.para("**Minutes of the Annual Meeting of the Parish Council held on Tuesday 14th May 2024 at "
           "7.30pm in Thornby Moor Village Hall**", x=35, right=175, align="C", after=4)

    present = [("J Metcalfe", " (Chairman)"), ("P Ackroyd", ""), ("S Dinsdale", ""),
               ("R Hebblethwaite", ""), ("A Lofthouse", ""), ("T Ramsden", "")]
    m.d["present"] = [n for n, _ in present]
    p.para("**Present:** Cllrs " + names_list([n + r for n, r in present]) + ".", x=20)
    att = ["Mrs K Birtwhistle", "County Cllr D Whitaker"]
    m.d["in_attendance"] = att
    p.para(f"**In attendance:** {att[0]} (Clerk), {att[1]} (North Yorkshire Council) and four members "
           "of the public.", x=20, after=4)

    NUM, TIT = 20, 40

    def item(num, title):
        m.item(num, title)
        p.heading(num, title, NUM, TIT)

    def body(text, x=TIT, **kw):
        p.para(text, x=x, **kw)

    item("24/041", "Election of Chairman")
    body("Cllr Metcalfe was proposed by Cllr Ackroyd and seconded by Cllr Ramsden. There were no other "
         "nominations. **RESOLVED** that <r>Cllr J Metcalfe be elected Chairman of the Council for the year "
         "2024/25</r>. Cllr Metcalfe signed the Declaration of Acceptance of Office, which was witnessed by "
         "the Clerk, and thanked members for their support.")
    item("24/042", "Election of Vice-Chairman")
    body("Cllr Dinsdale was proposed by Cllr Lofthouse and seconded by Cllr Hebblethwaite. **RESOLVED** "
         "that <r>Cllr S Dinsdale be elected Vice-Chairman for 2024/25</r>.")
    item("24/043", "Apologies for Absence")
    m.d["apologies"] = ["Cllr M Thwaite"]
    body("Apologies were received from Cllr M Thwaite (holiday). **RESOLVED** that <r>the reason for "
         "absence be accepted</r>.")
    item("24/044", "Declarations of Interest")
    body("Cllr Hebblethwaite declared a personal interest in item 24/051 (planning application at Low "
         "Garth Farm) as a neighbour of the applicant. No requests for dispensation had been received.")
    item("24/045", "Appointment of Representatives to Outside Bodies")
    body("**RESOLVED** that <r>the following appointments be made for 2024/25:</r>", after=0.5)
    for line in ["Village Hall Management Committee - Cllr Lofthouse",
                 "Footpaths and Rights of Way - Cllrs Ramsden and Dinsdale",
                 "Ryedale Parishes Liaison Group - the Chairman",
                 "Thornby Moor Recreation Ground Trust - Cllr Ackroyd"]:
        p.para(line, x=46, after=0.3)
        m.extend(line)
    p.ln(1.5)
    item("24/046", "Review of Standing Orders, Financial Regulations and Policies")
    body("The Clerk had circulated the revised Standing Orders (based on the NALC model 2018, updated "
         "2022), the Financial Regulations and the Complaints Procedure. **RESOLVED** <r>to adopt the "
         "Standing Orders, Financial Regulations and Complaints Procedure as circulated</r>.")
    item("24/047", "Minutes of the Meeting held on 9th April 2024")
    body("The minutes, having been circulated, were taken as read. **RESOLVED** that <r>the minutes of the "
         "meeting held on 9th April 2024 be approved as a true record and signed by the Chairman</r>.")
    item("24/048", "Co-option to fill Casual Vacancy")
    body("Two applications had been received for the vacancy following the resignation of Mr H Pratt, "
         "and both letters had been circulated to members. Cllr Ackroyd proposed that Mrs L Sowerby be "
         "co-opted and Cllr Ramsden seconded.")
    v = (4, 1, 1)
    body(f"The proposal was put to the vote: {v[0]} in favour, {v[1]} against, {v[2]} abstention. "
         "**RESOLVED** that <r>Mrs L Sowerby be co-opted to fill the casual vacancy</r>. Mrs Sowerby will "
         "sign her Declaration of Acceptance of Office and take her seat at the June meeting.")
    m.vote(*v, "carried")
    item("24/049", "Highways and Matters Arising")
    body("(a) Moor Lane potholes: County Cllr Whitaker reported that the section between the church and "
         "Low Garth had been inspected and was programmed for patching in the summer, but residents "
         "continued to report new damage after the heavy rain in April. The Clerk would <a>report the new "
         "potholes on Moor Lane using the online fault reporting system and send photographs to County "
         "Cllr Whitaker</a>.", action_line="Clerk")
    body("(b) Speeding on the B1257 through the village: the Speed Indicator Device had recorded average "
         "speeds of 38mph in the 30mph limit over the last month, with the highest readings between 7am "
         "and 9am. Members felt that the data should be shared with the police and with North Yorkshire "
         "Council's road safety team. Cllr Ramsden offered to <a>move the device to the eastern entrance "
         "of the village in June</a>.", action_line="Cllr Ramsden")
    body("(c) Bus shelter, Church Street: the replacement glass panel had been fitted and the invoice is "
         "included under 24/050.")
    item("24/050", "Finance")
    body("(a) Payments. **RESOLVED** that <r>the following payments be approved:</r>", after=0.5)
    for payee, what, amount in [("K Birtwhistle", "Clerk's salary, April 2024", "£412.60"),
                                ("HMRC", "PAYE and NIC, April 2024", "£103.20"),
                                ("Thornby Moor Village Hall", "Room hire, April and May", "£60.00"),
                                ("Yorkshire Local Councils Associations", "Annual subscription", "£187.00"),
                                ("Dales Glazing Ltd", "Bus shelter panel", "£246.00")]:
        p.row([(46, payee, 66, "L"), (114, what, 48, "L"), (162, amount, 28, "R")])
        m.extend(f"{payee} {what} {amount}")
    p.ln(2)
    body("(b) Annual Governance and Accountability Return 2023/24. The Clerk presented the internal "
         "auditor's report, which raised no issues. **RESOLVED** that <r>Section 1, the Annual Governance "
         "Statement 2023/24, be approved and signed by the Chairman and the Clerk</r>. **RESOLVED** that "
         "<r>Section 2, the Accounting Statements 2023/24, be approved and signed by the Chairman</r>.")
    item("24/051", "Planning")
    body("ZE24/00318/FUL - Low Garth Farm, Thornby Moor: erection of agricultural storage building. Having "
         "declared an interest, Cllr Hebblethwaite took no part in the discussion or the decision. "
         "**RESOLVED** that <r>the Parish Council has no objection to the application</r>.")
    item("24/052", "Correspondence")
    body("A letter from a resident about dog fouling on the playing field was noted. The Clerk to <a>order "
         "two additional dog waste bins and ask North Yorkshire Council to empty them weekly</a>.",
         action_line="Clerk")
    item("24/053", "Date of Next Meeting")
    body("Tuesday 11th June 2024 at 7.30pm in the Village Hall.")
    p.para("There being no further business the Chairman closed the meeting at 9.05pm.", x=20, style="I")

    m.note("Annual meeting and ordinary business in one set of minutes; committee given as the council. "
           "Present in prose after 'Cllrs' (names without the title); 'four members of the public' are counted, "
           "not named. Mr H Pratt (resigned) and Mrs L Sowerby (co-opted, takes her seat in June) are not "
           "attendees. Actions: the task sentence in the body plus a right-aligned bold 'ACTION: ...' line "
           "giving the owner. 24/049(b) 'Members agreed that the data should be shared ...' is a passive "
           "agreement with no RESOLVED formula: not counted. Lists under 24/045 and 24/050(a) are part of "
           "their resolutions (cells joined with spaces).")
    return p, g


def glenmorven():
    """Scottish community council: centred title block, Present one name per line with
    office-bearers' roles in a second column, "Item N" headings, a right-hand Action
    column of initials, "Proposed by ..., seconded by ..., and agreed", AGREED."""
    g = Gold("glenmorven-and-ardlussa-community-council-2024-03-12-minutes")
    p = Paper("helvetica", 10, 4.8, margins=(18, 15, 16), bottom=24, title="GACC minutes March 2024")
    COL = 168

    def header(pp):
        if pp.page_no() > 1:
            pp.set_y(10)
            pp.f("B", 9)
            pp.set_x(COL)
            pp.cell(0, 5, "Action")
            pp.set_y(17)

    def footer(pp):
        pp.set_y(-18)
        pp.f("", 8.5)
        pp.cell(0, 4, "Approved: ............................................ Convener        Date: ..........................",
                new_x="LMARGIN", new_y="NEXT")
        pp.set_x(pp.l_margin)
        pp.cell(0, 4, "GACC Minutes 12/03/2024")
        pp.set_x(pp.l_margin)
        pp.cell(0, 4, str(pp.page_no()), align="R")

    p.header_fn, p.footer_fn = header, footer
    m = g.minutes("Glenmorven and Ardlussa Community Council", "2024-03-12", "19:30", "Ardlussa Village Hall")
    p.rec = m
    p.add_page()
    g.document("minutes", "Glenmorven and Ardlussa Community Council - Minutes of the Ordinary Meeting, 12 March 2024", p.page_no())
    p.say("GLENMORVEN AND ARDLUSSA COMMUNITY COUNCIL", style="B", size=13, align="C", h=6.5)
    p.say("Minutes of the Ordinary Meeting held in Ardlussa Village Hall", align="C", size=11)
    p.say("on Tuesday 12 March 2024 at 7.30pm", align="C", size=11, after=4)

    present = [("Morag Lindsay", "Convener"), ("Ewan MacLeod", "Secretary"), ("Fiona Buchanan", "Treasurer"),
               ("Alasdair Grant", ""), ("Catriona Munro", ""), ("Donald Ferguson", "")]
    m.d["present"] = [n for n, _ in present]
    for i, (name, role) in enumerate(present):
        p.row([(18, "Present:" if i == 0 else "", 30, "L"), (50, name, 45, "L"), (98, role, 40, "L")],
              style="")
    p.ln(1.5)
    att = [("Cllr Iain Sinclair", "(Argyll and Bute Council)"), ("PC Kirsty Henderson", "(Police Scotland)")]
    m.d["in_attendance"] = [n for n, _ in att]
    for i, (name, role) in enumerate(att + [("3 members of the public", "")]):
        p.row([(18, "In attendance:" if i == 0 else "", 30, "L"), (50, name, 45, "L"), (98, role, 60, "L")])
    p.ln(3)
    p.f("B", 10)
    p.set_x(COL)
    p.cell(0, 5, "Action", new_x="LMARGIN", new_y="NEXT")
    p.rule(1.5)

    NUM, TIT, RIGHT = 18, 36, 160

    def item(num, title):
        m.item(num, title)
        p.heading("Item " + num, title, NUM, TIT, right=RIGHT, before=1.5)

    def body(text, col=None, **kw):
        p.para(text, x=TIT, right=RIGHT, col=col, col_x=COL, **kw)

    item("1", "Welcome and Apologies")
    m.d["apologies"] = ["Hamish Crawford", "Cllr Moira Baird"]
    body("Morag Lindsay welcomed everyone to the meeting, in particular PC Henderson on her first visit. "
         "Apologies were received from Hamish Crawford and Cllr Moira Baird.")
    item("2", "Declarations of Interest")
    body("Donald Ferguson declared an interest in Item 6 as a neighbour of the application site and took no "
         "part in that discussion.")
    item("3", "Minutes of Previous Meeting (13 February 2024)")
    body("Proposed by Alasdair Grant, seconded by Catriona Munro, and agreed that <r>the minutes of the "
         "meeting of 13 February 2024 be approved as a true record</r>.")
    item("4", "Matters Arising")
    body("Ardlussa pier bus shelter - the Secretary had written to Argyll and Bute Council in January about "
         "the broken roof panel and had received no reply. <a>Letter to be followed up with the Area "
         "Committee clerk</a>.", col="EM")
    body("School path - Cllr Sinclair confirmed that the resurfacing of the path to Ardlussa Primary School "
         "was in the roads programme for 2024/25.")
    item("5", "Police Report")
    body("PC Henderson reported four incidents in the area since the last meeting: two road traffic "
         "collisions on the A816, one report of fly-tipping at the Kilbride road end and one theft of "
         "diesel from a farm. Residents were reminded to report suspicious vehicles on 101.")
    item("6", "Planning")
    body("24/00187/PP - Erection of dwellinghouse and installation of septic tank, land north of Tigh na "
         "Mara, Ardlussa. Members discussed the access, which is a single-track road with one passing "
         "place. It was AGREED <r>to make no objection but to ask that a second passing place be required "
         "as a condition of any consent</r>. <a>Comments to be submitted to the planning authority by 22 "
         "March</a>.", col="EM")
    item("7", "Treasurer's Report")
    body("Fiona Buchanan reported a balance of £3,412.67 in the current account at 29 February 2024, of "
         "which £1,250.00 is held for the Ardlussa Hall defibrillator. The annual administration grant of "
         "£611.00 from Argyll and Bute Council had been received.")
    body("It was AGREED <r>to apply to the Glenmorven Wind Farm Community Fund for £1,500 towards a heated "
         "cabinet and replacement pads for the defibrillator</r>. <a>Application to be completed before "
         "the April deadline</a>.", col="FB")
    item("8", "Glenmorven Wind Farm Community Fund")
    body("Donald Ferguson, the community council's representative on the fund panel, reported that 14 "
         "applications had been considered in the last round and £38,400 awarded, including £6,000 to the "
         "Ardlussa Hall heating project. He would be stepping down from the panel at the end of March "
         "after six years and was thanked for his work.")
    body("It was AGREED that <r>Alasdair Grant replace Donald Ferguson as the community council's "
         "representative on the fund panel from 1 April 2024</r>. <a>Fund administrator to be informed of "
         "the change</a>.", col="ML")
    item("9", "Roads")
    body("Members of the public again raised the condition of the Kilbride road, where several potholes "
         "had damaged vehicles over the winter, and the blocked culvert at Achnaba. Cllr Sinclair agreed "
         "to <a>raise both with the roads department and report back to the April meeting</a>.",
         col="Cllr Sinclair")
    item("10", "AOCB")
    body("Spring litter pick - Catriona Munro will coordinate the litter pick on Saturday 20 April, meeting "
         "at the hall at 10am. <a>Volunteers to be sought on the village Facebook page and bags and pickers "
         "requested from Argyll and Bute Council</a>.", col="CM")
    item("11", "Date of Next Meeting")
    body("Tuesday 9 April 2024 at 7.30pm in Glenmorven Church Hall.")
    p.para("The meeting closed at 9.20pm.", x=TIT, right=RIGHT)

    m.note("Attendance: 'Present:' label with one name per line and office-bearers' roles in a second "
           "column; 'In attendance:' the same, with '3 members of the public' (counted, not names). "
           "Apologies inside Item 1. Items printed 'Item N' + title (number given without 'Item'). Action "
           "column at the right (header 'Action', repeated on later pages): initials 'EM' (Ewan MacLeod), "
           "'FB' (Fiona Buchanan), 'ML' (Morag Lindsay), 'CM' (Catriona Munro) and 'Cllr Sinclair' on the "
           "last line of the paragraph; owners given as printed in the column. Item 4's 'the Secretary had "
           "written' and Item 8's 'He would be stepping down' are not actions.")
    return p, g


def fernbridge():
    """London borough scrutiny committee (ModernGov style): numbers in a left column,
    titles indented with '(Agenda Item N)', two-column Present list, 'Also present' and
    'Officers' lines, a call-in quoting the Cabinet's earlier decision, a recorded count."""
    g = Gold("fernbridge-overview-and-scrutiny-committee-2024-11-06-minutes")
    p = Paper("helvetica", 11, 5.4, margins=(22, 18, 20), bottom=22)

    def header(pp):
        if pp.page_no() > 1:
            pp.set_y(9)
            pp.f("", 8.5)
            pp.cell(0, 4, "Overview and Scrutiny Committee - 6 November 2024", align="R")
            pp.set_y(18)

    p.header_fn = header
    p.footer_fn = page_footer(centre=lambda pp: str(pp.page_no()), size=9, y=-13)
    m = g.minutes("Overview and Scrutiny Committee", "2024-11-06", "19:00", "Committee Room 1, Fernbridge Town Hall")
    p.rec = m
    p.add_page()
    g.document("minutes", "Minutes of the Overview and Scrutiny Committee, 6 November 2024", p.page_no())
    p.say("London Borough of Fernbridge", size=10, align="R")
    p.ln(3)
    p.say("OVERVIEW AND SCRUTINY COMMITTEE", style="B", size=14, h=7)
    p.para("Minutes of the meeting of the Overview and Scrutiny Committee held in Committee Room 1, "
           "Fernbridge Town Hall on Wednesday 6 November 2024 at 7.00 pm", after=4)

    left = [("Aisha Okafor", " (Chair)"), ("Tom Beresford", " (Vice-Chair)"), ("Priya Chandran", ""),
            ("Daniel Costa", ""), ("Helen Marsh", "")]
    right = [("Kwame Mensah", ""), ("Sunita Rao", ""), ("Rachel Stein", ""), ("Oliver Whitfield", "")]
    m.d["present"] = [n for n, _ in left + right]
    p.say("Present:", style="B")
    p.say("Councillors:", x=22, style="I")
    for i in range(len(left)):
        cells = [(32, left[i][0] + left[i][1], 70, "L")]
        if i < len(right):
            cells.append((110, right[i][0] + right[i][1], 70, "L"))
        p.row(cells)
    p.ln(2)
    also = ("Councillor Jonathan Pryce", "Cabinet Member for Housing and Regeneration")
    officers = [("Marcus Hale", "Director of Housing"), ("Grace Adeyemi", "Head of Scrutiny"),
                ("Lena Novak", "Democratic Services Officer")]
    m.d["in_attendance"] = [also[0]] + [n for n, _ in officers]
    p.label("Also present:", f"{also[0]} ({also[1]})", 22, 55)
    p.label("Officers:", "; ".join(f"{n} ({r})" for n, r in officers), 22, 55, after=3)

    NUM, TIT = 22, 36

    def item(num, title, ref):
        m.item(num, title, agenda_ref=ref)
        p.heading(num + ".", title, NUM, TIT, before=2.5, after=0)
        p.say(f"(Agenda Item {ref})", x=TIT, style="I", size=9.5, after=1)

    def body(text, x=TIT, **kw):
        p.para(text, x=x, **kw)

    item("23", "Apologies for Absence and Substitutions", "1")
    m.d["apologies"] = ["Councillor Fraser Doyle"]
    m.d["substitutes"] = [{"present": "Sunita Rao", "for": "Councillor Fraser Doyle"}]
    body("Apologies for absence were received from Councillor Fraser Doyle. Councillor Sunita Rao "
         "attended as his substitute.")
    item("24", "Declarations of Interest", "2")
    body("Councillor Kwame Mensah declared a non-pecuniary interest in Agenda Item 5 as a tenant of a "
         "council-owned property. He remained in the meeting.")
    item("25", "Minutes of the Previous Meeting", "3")
    body("**RESOLVED:** That <r>the minutes of the meeting held on 18 September 2024 be agreed as a correct "
         "record</r>.")
    item("26", "Call-in: Temporary Accommodation Procurement Strategy 2024-2027", "4")
    body("The Committee considered a call-in, submitted by Councillors Stein, Whitfield and Marsh, of the "
         "decision taken by Cabinet on 17 October 2024 (Cabinet Minute 58). The decision called in read:")
    p.para("\"RESOLVED: That Cabinet approves the Temporary Accommodation Procurement Strategy 2024-2027 and "
           "delegates authority to the Director of Housing, in consultation with the Cabinet Member for "
           "Housing and Regeneration, to award the framework contracts.\"", x=TIT + 8, right=p.right - 8,
           style="I")
    body("Councillor Stein, speaking for the signatories, said that the strategy relied too heavily on "
         "placements outside the borough, that the equalities impact assessment had not considered "
         "families with children in local schools, and that the framework value of £48m had not been "
         "tested against the option of buying homes directly.")
    body("Councillor Pryce responded that 412 households were currently in nightly-paid accommodation, "
         "costing £2.1m a year more than the framework rates, and that delay would increase the pressure "
         "on the housing budget. The framework gave priority to properties within the borough.")
    body("<o>The Director of Housing</o> confirmed that the acquisitions programme approved in the budget "
         "would deliver 60 homes by March 2026 and that the framework did not prevent further purchases. "
         "In answer to a question from Councillor Chandran he agreed to <a>circulate the updated "
         "equalities impact assessment to all members of the Committee</a>.")
    v = (3, 6, 0)
    body("Councillor Stein moved, and Councillor Whitfield seconded, that the decision be referred back to "
         "Cabinet for reconsideration. On being put to the vote the motion was lost (For: "
         f"{v[0]}, Against: {v[1]}, Abstentions: {v[2]}).")
    m.vote(*v, "lost", note="Motion to refer the decision back to Cabinet.")
    body("**RESOLVED:** That <r>the call-in be not upheld and the decision of Cabinet of 17 October 2024 "
         "take effect from the date of this meeting</r>.")
    item("27", "Housing Repairs Performance Update", "5")
    body("The Director of Housing introduced the report, which showed that 87% of emergency repairs had "
         "been completed within 24 hours in Quarter 2 against a target of 98%, and that open damp and "
         "mould cases had fallen from 640 to 415 since April. Members asked about the use of "
         "sub-contractors, the backlog of void properties and the time taken to respond to complaints.")
    body("**RESOLVED:** That <r>(1) the report be noted; and (2) a further update, including damp and mould "
         "cases by ward, be brought to the Committee in March 2025</r>.")
    item("28", "Work Programme 2024/25", "6")
    body("**RESOLVED:** That <r>the work programme be agreed, subject to the addition of an item on school "
         "place planning at the meeting on 22 January 2025</r>.")
    body("<o>The Head of Scrutiny</o> would <a>invite the Cabinet Member for Children and Education to "
         "attend that meeting</a>.")
    p.ln(3)
    p.need(24)
    p.say("The meeting ended at 9.42 pm.", x=TIT)
    p.ln(8)
    p.say("Chair ..........................................", x=TIT)

    m.note("ModernGov-style minutes: minute number 'NN.' in a left column, bold title indented, italic "
           "'(Agenda Item N)' below (agenda_ref). Present: 'Councillors:' in two columns (read across, "
           "names without the title); Councillor Sunita Rao substitute for Councillor Fraser Doyle. "
           "'Also present' (Cabinet Member) and 'Officers' put in in_attendance. Minute 26 quotes the "
           "Cabinet decision of 17 October 2024 ('RESOLVED: That Cabinet approves ...'): a decision of "
           "another meeting, not a resolution of this one. Vote: the motion to refer back, lost 3-6-0.")
    return p, g


def ashmore_vale():
    """District council planning committee: centred title block, Times, bold all-capital
    headings with 'PC.57' numbers, prose PRESENT with a substitute, application items,
    'proposed ... seconded ... and RESOLVED', recorded counts for and against."""
    g = Gold("ashmore-vale-district-council-planning-committee-2023-09-20-minutes")
    p = Paper("times", 11.5, 5.4, margins=(22, 18, 22), bottom=24)
    p.footer_fn = page_footer(text_left="Planning Committee 20.09.23", centre=lambda pp: f"- {pp.page_no()} -",
                              size=9, y=-14)
    m = g.minutes("Planning Committee", "2023-09-20", "18:00", "Council Chamber, Civic Offices, Kelham Bridge")
    p.rec = m
    p.add_page()
    g.document("minutes", "Ashmore Vale District Council - Minutes of the Planning Committee, 20 September 2023", p.page_no())
    p.say("ASHMORE VALE DISTRICT COUNCIL", style="B", size=14, align="C", h=7)
    p.say("PLANNING COMMITTEE", style="B", size=12.5, align="C", h=6.5, after=2)
    p.para("Minutes of a meeting of the Planning Committee held in the Council Chamber, Civic Offices, "
           "Kelham Bridge on Wednesday 20 September 2023 at 6.00 pm", x=32, right=178, align="C", after=4)

    chair = "R J Ashdown"
    others = [("Mrs E Carver", ""), ("P Dunmore", ""), ("S Gill", ""), ("Mrs H Kaur", ""), ("T Lomax", ""),
              ("D Nuttall", ""), ("Mrs F Oyelaran", ""), ("B Prescott", " (substitute for Councillor A Quayle)"),
              ("J Sturgess", ""), ("Mrs W Tennant", "")]
    m.d["present"] = ["Councillor " + chair] + [n for n, _ in others]
    m.d["substitutes"] = [{"present": "B Prescott", "for": "Councillor A Quayle"}]
    p.para(f"**PRESENT:** Councillor {chair} (Chairman); Councillors "
           + names_list([n + r for n, r in others]) + ".", align="J")
    officers = [("Mr N Farrow", "Head of Planning"), ("Mrs J Adebayo", "Principal Planning Officer"),
                ("Ms C Whelan", "Senior Solicitor"), ("Mr I Blunt", "Democratic Services Officer")]
    p.para("**OFFICERS:** " + names_list([f"{n} ({r})" for n, r in officers]) + ".", align="J", after=3)
    speakers = ["Mr G Harcourt", "Mrs P Ingram", "Mrs S Lowther", "Mr K Barlow"]
    m.d["in_attendance"] = [n for n, _ in officers] + speakers

    def item(num, title):
        m.item(num, title)
        p.heading(num, title, 22, 40, before=2.5)

    def body(text, **kw):
        p.para(text, align="J", **kw)

    item("PC.57", "APOLOGIES FOR ABSENCE AND SUBSTITUTIONS")
    m.d["apologies"] = ["Councillor A Quayle", "Councillor K Vine"]
    body("Apologies for absence were received from Councillor A Quayle and Councillor K Vine. Councillor B "
         "Prescott attended as substitute for Councillor Quayle.")
    item("PC.58", "DECLARATIONS OF INTEREST")
    body("Councillor Gill declared that he had been lobbied by residents on application 23/01144/FUL but "
         "had not pre-determined the application.")
    item("PC.59", "MINUTES")
    body("RESOLVED that <r>the minutes of the meeting of the Committee held on 23 August 2023 be confirmed as "
         "a correct record and signed by the Chairman</r>.")
    item("PC.60", "23/01144/FUL - LAND EAST OF PIPERS LANE, KELHAM BRIDGE")
    body("Erection of 34 dwellings with associated access, parking, landscaping and public open space.",
         style="I")
    body("The Principal Planning Officer presented the report and referred to the update sheet, which "
         "reported two further letters of objection and an amended condition 14 on construction hours. "
         "The recommendation was to grant permission subject to a Section 106 agreement.")
    body("Mr G Harcourt spoke in objection on behalf of the Pipers Lane Residents' Group, and Mrs P Ingram "
         "(agent) spoke in support of the application.")
    body("Members discussed the capacity of the Pipers Lane junction, the loss of the hedgerow along the "
         "northern boundary and the mix of affordable tenures. In response to questions, the Head of "
         "Planning confirmed that the County Highway Authority had raised no objection subject to the "
         "off-site junction improvements required by condition 9.")
    v = (7, 3, 1)
    body("It was proposed by Councillor Lomax and seconded by Councillor Carver that the application be "
         f"approved in accordance with the officer recommendation. On being put to the vote there were {v[0]} "
         f"votes for, {v[1]} against and {v[2]} abstention, and it was")
    m.vote(*v, "carried")
    body("RESOLVED that <r>planning permission be GRANTED subject to the completion of a Section 106 "
         "agreement securing 40% affordable housing and a contribution of £152,000 towards primary "
         "education, and to the conditions set out in the report as amended by the update sheet</r>.")
    item("PC.61", "23/01302/HOU - 12 ORCHARD RISE, WESTCOTE")
    body("Two-storey side extension and single-storey rear extension.", style="I")
    body("The application had been referred to the Committee by Councillor Tennant, the ward member. The "
         "officer recommendation was to grant permission. Mrs S Lowther, the neighbour at 14 Orchard Rise, "
         "spoke in objection and the applicant, Mr K Barlow, spoke in support.")
    v = (4, 6, 1)
    body("A motion to approve the application, proposed by Councillor Sturgess and seconded by Councillor "
         f"Nuttall, was LOST ({v[0]} for, {v[1]} against, {v[2]} abstention).")
    m.vote(*v, "lost", note="Motion to approve (officer recommendation).")
    v = (6, 4, 1)
    body("It was then proposed by Councillor Kaur, seconded by Councillor Dunmore and RESOLVED "
         f"({v[0]} for, {v[1]} against, {v[2]} abstention) that <r>planning permission be REFUSED on the "
         "grounds that the two-storey side extension, by reason of its height, depth and proximity to the "
         "shared boundary, would have an overbearing impact on, and cause a loss of light to, 14 Orchard "
         "Rise, contrary to Local Plan Policy DM12</r>.")
    m.vote(*v, "carried", note="Counts printed inside the RESOLVED formula.")
    item("PC.62", "PLANNING APPEALS")
    body("The Committee received the list of appeals lodged and decided since the last meeting. Members "
         "noted that the appeal at Brook Farm, Westcote (22/00871/OUT) had been allowed and costs awarded "
         "against the Council. <o>The Head of Planning</o> agreed to <a>circulate the Inspector's decision "
         "and the costs award to all members of the Committee</a>.")
    p.ln(3)
    p.need(24)
    p.say("The meeting closed at 8.14 pm.")
    p.ln(10)
    p.say("Chairman ..............................................", x=110)

    m.note("Centred title block; bold all-capital headings 'PC.NN TITLE' at the left margin, justified "
           "text. PRESENT in prose: 'Councillor R J Ashdown (Chairman); Councillors ...' (names after "
           "'Councillors' printed without the title); Councillor B Prescott substitute for Councillor A "
           "Quayle. OFFICERS and the four named public speakers (objectors, agent, applicant) put in "
           "in_attendance. Three votes: PC.60 7-3-1 carried; PC.61 motion to approve lost 4-6-1, then "
           "refusal carried 6-4-1 (counts inside 'RESOLVED (6 for, ...) that').")
    return p, g


def sedgebury():
    """Town council finance committee: letterhead with address block, centred title,
    'Minute 112.' prefixes with bold underlined titles, 'It was resolved to',
    'Proposed by ..., seconded by ..., and agreed', 'Resolved: that', a recorded vote
    set out in label columns, absent member, payments list, signed footer."""
    g = Gold("sedgebury-town-council-finance-and-general-purposes-committee-2025-02-04-minutes")
    p = Paper("helvetica", 10, 4.9, margins=(20, 15, 20), bottom=26)

    def footer(pp):
        pp.set_y(-20)
        pp.f("", 9)
        pp.cell(0, 5, "Signed: .................................................... Chair        "
                      "Date: .................................", new_x="LMARGIN", new_y="NEXT")
        pp.f("", 8)
        pp.cell(0, 4, f"Page {pp.page_no()} of {{nb}}", align="R")

    p.footer_fn = footer
    m = g.minutes("Finance and General Purposes Committee", "2025-02-04", "18:30", "Council Chamber, The Guildhall")
    p.rec = m
    p.add_page()
    g.document("minutes", "Sedgebury Town Council - Minutes of the Finance and General Purposes Committee, 4 February 2025", p.page_no())
    y = p.get_y()
    p.f("B", 16)
    p.cell(100, 8, "SEDGEBURY TOWN COUNCIL")
    p.f("", 8.5)
    for i, line in enumerate(["The Guildhall, Market Place", "Sedgebury SB7 2QL", "Tel: 01632 960177",
                              "clerk@sedgeburytowncouncil.gov.uk"]):
        p.set_xy(130, y + i * 4)
        p.cell(60, 4, line, align="R")
    p.set_y(y + 18)
    p.rule(4)
    p.say("MINUTES OF THE FINANCE AND GENERAL PURPOSES COMMITTEE", style="B", size=11.5, align="C", h=6)
    p.say("held on Tuesday 4 February 2025 at 6.30pm in the Council Chamber, The Guildhall", align="C", after=4)

    members = [("Cllr D Okonjo", " (Chair)"), ("Cllr M Haverstock", ""), ("Cllr L Pennington", ""),
               ("Cllr R Quinlan", ""), ("Cllr V Sharma", "")]
    m.d["present"] = [n for n, _ in members]
    officers = [("Mrs A Rowntree", "Town Clerk"), ("Mr J Fenwick", "Responsible Financial Officer")]
    m.d["in_attendance"] = [n for n, _ in officers]
    p.label("Members Present:", names_list([n + r for n, r in members]), 20, 52)
    p.label("Officers:", names_list([f"{n} ({r})" for n, r in officers]), 20, 52)
    p.label("Public:", "None", 20, 52, after=3)

    def item(num, title):
        m.item(num, title)
        p.heading(f"Minute {num}.", title, 20, 44, title_style="BU", before=2)

    def body(text, **kw):
        p.para(text, **kw)

    item("112", "Apologies for Absence")
    m.d["apologies"] = ["Cllr S Ebdon"]
    m.d["absent"] = ["Cllr P Garside"]
    body("Apologies were received and accepted from Cllr S Ebdon (work commitments). Cllr P Garside was "
         "absent without apology.")
    item("113", "Declarations of Interest and Requests for Dispensation")
    body("Cllr Sharma declared a non-pecuniary interest in Minute 118 as a trustee of Sedgebury Community "
         "Larder and did not vote on that grant.")
    item("114", "Minutes of the Previous Meeting")
    body("Proposed by Cllr Haverstock, seconded by Cllr Quinlan, and agreed that <r>the minutes of the "
         "meeting held on 3 December 2024 be approved and signed by the Chair as a correct record</r>.")
    item("115", "Public Participation")
    body("No members of the public were present.")
    item("116", "Accounts for Payment")
    body("The Committee reviewed the schedule of payments for December 2024 and January 2025, totalling "
         "£18,742.16, with the supporting invoices. It was resolved <r>to approve the payments as listed "
         "in the schedule</r>. <o>Cllr Pennington</o> to <a>carry out the quarterly verification of the "
         "bank reconciliations before the next meeting</a>.")
    item("117", "Budget Monitoring to 31 January 2025")
    body("The RFO presented the budget monitoring report. Income to date was £412,380 (98.2% of the annual "
         "budget) and expenditure £367,905 (84.6%). The survey of the Guildhall roof had identified urgent "
         "repairs estimated at £14,000.")
    body("Cllr Haverstock proposed, and Cllr Sharma seconded, a transfer of £5,000 from the General Reserve "
         "to the Guildhall Roof Earmarked Reserve. Cllr Quinlan requested a recorded vote:", after=1)
    v = (4, 1, 0)
    for lab, val in [("For:", f"Cllrs Haverstock, Okonjo, Pennington and Sharma ({v[0]})"),
                     ("Against:", f"Cllr Quinlan ({v[1]})"), ("Abstentions:", f"None ({v[2]})")]:
        p.label(lab, val, 30, 58, style="", after=0)
    m.vote(*v, "carried")
    p.ln(1.5)
    body("It was therefore resolved <r>to transfer £5,000 from the General Reserve to the Guildhall Roof "
         "Earmarked Reserve</r>.")
    item("118", "Community Grants 2024/25 (Round 2)")
    body("Seven applications had been received against the remaining budget of £3,000. It was resolved "
         "<r>to award the following grants:</r>", after=0.5)
    for who, amount in [("Sedgebury in Bloom", "£750.00"), ("Sedgebury Youth FC (under-11s kit)", "£500.00"),
                        ("Friends of Hollins Park", "£400.00"), ("Sedgebury Community Larder", "£1,000.00")]:
        p.row([(30, who, 80, "L"), (115, amount, 25, "R")])
        m.extend(f"{who} {amount}")
    p.ln(1.5)
    body("<o>The Town Clerk</o> to <a>notify all seven applicants of the outcome</a>.")
    item("119", "Internal Audit 2024/25")
    body("Proposed by Cllr Okonjo, seconded by Cllr Pennington, and agreed <r>to appoint Moorside Audit "
         "Services as internal auditor for 2024/25 at a fee of £850</r>.")
    item("120", "Date of Next Meeting")
    body("Tuesday 1 April 2025 at 6.30pm.")
    item("121", "Exclusion of the Press and Public")
    body("Resolved: that <r>in view of the confidential nature of the business about to be transacted, the "
         "press and public be excluded from the meeting for the following item</r>.")
    item("122", "Staffing (Confidential)")
    body("The Committee considered the Town Clerk's report on the Assistant Town Clerk post; the Town Clerk "
         "then left the meeting for the discussion. It was resolved <r>to regrade the Assistant Town Clerk "
         "post to SCP 25 with effect from 1 April 2025</r>.")
    p.ln(2)
    body("The meeting closed at 8.02pm.")

    m.note("Letterhead (council name, address block right) and centred title; attendance as label/value "
           "rows 'Members Present:', 'Officers:', 'Public: None'. Headings 'Minute NNN.' + bold underlined "
           "title (number given without 'Minute'). Apologies and an absent member inside Minute 112. "
           "Minute 117: recorded vote set out as For:/Against:/Abstentions: rows (4-1-0), then 'It was "
           "therefore resolved ...'. Minute 118's list of grants is part of its resolution. The RFO is Mr J "
           "Fenwick. Decisions 'It was resolved to' (keeps 'to'), 'Proposed by ..., seconded by ..., and "
           "agreed that/to', 'Resolved: that'.")
    return p, g


def northwold():
    """County council cabinet: labelled cover (Date:/Time:/Venue:), Present one per line
    with portfolios in a second column, officers 'name - role', numbered minutes with
    indented titles, lettered RESOLVED lists, a 'Decision:' block, a decision quoted
    from an earlier meeting, running header and 'Page N of M' footer."""
    g = Gold("northwold-county-council-cabinet-2024-07-23-minutes")
    p = Paper("helvetica", 10, 4.7, margins=(20, 20, 20), bottom=20)

    def header(pp):
        pp.set_y(9)
        pp.f("", 8.5)
        pp.cell(0, 4, "Northwold County Council", new_x="LMARGIN")
        pp.set_x(pp.l_margin)
        pp.cell(0, 4, "Cabinet - 23 July 2024", align="R")
        pp.set_y(20)

    p.header_fn = header
    p.footer_fn = page_footer(centre=lambda pp: f"Page {pp.page_no()} of {{nb}}", size=8.5, y=-13)
    m = g.minutes("Cabinet", "2024-07-23", "10:00", "Cabinet Room, County Hall, Wellbury")
    p.rec = m
    p.add_page()
    g.document("minutes", "Northwold County Council - Minutes of the Cabinet, 23 July 2024", p.page_no())
    p.say("NORTHWOLD COUNTY COUNCIL", style="B", size=16, h=8)
    p.say("Cabinet", style="B", size=14, h=7)
    p.say("Minutes", size=12, h=6, after=3)
    for lab, val in [("Date:", "Tuesday 23 July 2024"), ("Time:", "10.00 am"),
                     ("Venue:", "Cabinet Room, County Hall, Wellbury")]:
        p.label(lab, val, 20, 45, after=0.5)
    p.ln(3)

    members = [("Councillor Margaret Ellison", "Leader of the Council (Chair)"),
               ("Councillor Stephen Achebe", "Deputy Leader and Cabinet Member for Finance and Resources"),
               ("Councillor Joanna Pilling", "Cabinet Member for Adult Social Care and Public Health"),
               ("Councillor Richard Vane", "Cabinet Member for Highways and Transport"),
               ("Councillor Nadia Kowalski", "Cabinet Member for Children's Services and Education"),
               ("Councillor Hugh Tremlett", "Cabinet Member for Environment and Climate")]
    m.d["present"] = [n for n, _ in members]
    p.say("Present:", style="B")
    for name, role in members:
        p.row([(25, name, 60, "L"), (88, role, 102, "L")], size=10)
    p.ln(2)
    also = [("Councillor Peter Gorringe", "Leader of the Opposition"),
            ("Councillor Amrit Bains", "Chair of the Scrutiny Committee")]
    officers = [("Clare Whitmore", "Chief Executive"),
                ("David Obi", "Executive Director of Finance (s151 Officer)"),
                ("Sarah Lenton", "Director of Law and Governance (Monitoring Officer)"),
                ("Owen Pryor", "Democratic Services Manager")]
    m.d["in_attendance"] = [n for n, _ in also] + [n for n, _ in officers]
    p.say("Also in attendance:", style="B")
    for name, role in also:
        p.row([(25, name, 60, "L"), (88, role, 102, "L")], size=10)
    p.ln(2)
    p.say("Officers:", style="B")
    for name, role in officers:
        p.row([(25, f"{name} - {role}", 165, "L")], size=10)
    p.ln(3)

    NUM, TIT = 20, 32

    def item(num, title):
        m.item(num, title)
        p.heading(num + ".", title, NUM, TIT, before=3)

    def body(text, x=TIT, **kw):
        p.para(text, x=x, **kw)

    item("36", "Apologies for Absence")
    m.d["apologies"] = ["Councillor Lucy Farnham"]
    body("Apologies for absence were received from Councillor Lucy Farnham (Cabinet Member for Communities "
         "and Culture).")
    item("37", "Declarations of Interest")
    body("Councillor Vane declared a non-registrable interest in Minute 40 as a trustee of the Wellbury "
         "Canal Trust and took no part in the discussion or decision on that item.")
    item("38", "Minutes of the Meeting held on 25 June 2024")
    body("**RESOLVED** that <r>the minutes of the meeting held on 25 June 2024 be approved as a correct record "
         "and signed by the Chair</r>.")
    item("39", "Revenue and Capital Outturn 2023/24")
    body("Councillor Achebe introduced the report. The final revenue position for 2023/24 was an overspend "
         "of £4.71m (0.6% of the net budget), driven by demand for children's placements and home to school "
         "transport and offset in part by additional investment income. Capital expenditure had been "
         "£143.2m against a revised programme of £161.5m.")
    body("Councillor Gorringe asked whether the pressure on children's placements would recur in 2024/25. "
         "The Executive Director of Finance replied that £3.2m of it had been built into the 2024/25 budget "
         "and that the remainder would be reported in the Quarter 1 monitoring report in September.")
    body("**RESOLVED** that <r>Cabinet:</r>", after=0.5)
    for line in ["(a) notes the revenue outturn position for 2023/24, an overspend of £4.71m;",
                 "(b) approves the carry forward of capital budgets totalling £18.3m into 2024/25 as set out "
                 "in Appendix B; and",
                 "(c) approves the transfer of £2.5m from the Budget Equalisation Reserve to meet the "
                 "overspend."]:
        p.para(line, x=TIT + 6, after=0.5)
        m.extend(line)
    p.ln(1)
    body("**Reason for decision:** to comply with the Council's Financial Procedure Rules.")
    item("40", "Wellbury Canal Towpath Improvement Scheme")
    body("(Councillor Vane left the room for this item.)", style="I")
    body("Councillor Tremlett introduced the report. At its meeting on 12 March 2024 (Minute 112) Cabinet "
         "had resolved \"to approve the submission of a bid to the Active Travel Fund for the Wellbury Canal "
         "towpath scheme and, if successful, to receive a further report on its delivery\". The bid had been "
         "successful and a grant of £1.86m had been offered, with match funding of £0.4m from developer "
         "contributions. Work would start in spring 2025 and take eighteen months.")
    p.say("Decision:", x=TIT, style="B", after=0.5)
    body("<r>To accept the Active Travel Fund grant of £1.86m, to add the Wellbury Canal Towpath Improvement "
         "Scheme (£2.26m) to the capital programme for 2024/25 to 2025/26, and to delegate the award of the "
         "construction contract to the Executive Director of Place in consultation with the Cabinet Member "
         "for Environment and Climate</r>.", x=TIT + 6)
    body("**Reason for decision:** the scheme delivers the Local Cycling and Walking Infrastructure Plan "
         "route WB3 at a net cost to the Council of nil.")
    body("**Alternative options considered:** not accepting the grant, which would mean the route could not "
         "be delivered within the plan period.")
    item("41", "Home to School Transport Policy 2025/26")
    body("Councillor Kowalski presented the outcome of the consultation, which had received 1,284 "
         "responses. Councillor Bains reported the comments of the Scrutiny Committee from its meeting on 9 "
         "July 2024, which had asked for a transitional period for families with children already at "
         "school. Councillor Kowalski confirmed that the recommendation had been amended to reflect this.")
    body("**RESOLVED** that <r>the revised Home to School Transport Policy 2025/26 be approved for "
         "implementation from 1 September 2025, with existing pupils continuing under the current policy "
         "until they change school</r>.")
    body("The Leader asked <o>the Democratic Services Manager</o> to <a>arrange an all-member briefing on the "
         "policy changes before the end of September</a>.")
    item("42", "Exclusion of the Press and Public")
    body("**RESOLVED** that <r>under Section 100A(4) of the Local Government Act 1972 the press and public be "
         "excluded from the meeting for the following item of business on the grounds that it involves the "
         "likely disclosure of exempt information as defined in paragraph 3 of Part 1 of Schedule 12A to "
         "the Act</r>.")
    item("43", "Disposal of the Former Ashgrove Depot, Wellbury")
    body("Cabinet considered the exempt report of the Executive Director of Place. **RESOLVED** that <r>the "
         "freehold disposal of the former Ashgrove Depot, Wellbury, be approved on the terms set out in the "
         "exempt report</r>.")
    p.ln(3)
    p.need(24)
    p.say("The meeting ended at 11.48 am.", x=TIT)
    p.ln(8)
    p.say("Chair ..............................................", x=TIT)

    m.note("Labelled cover (Date:/Time:/Venue:), Present one per line with the portfolio in a second "
           "column; 'Also in attendance' (opposition leader, scrutiny chair) and 'Officers' ('name - role') "
           "put in in_attendance. Minute 39: 'RESOLVED that Cabinet:' with a lettered list (text keeps "
           "'Cabinet:'). Minute 40: the quoted decision of 12 March 2024 ('Cabinet had resolved \"to "
           "approve ...\"') is another meeting's, not counted; this meeting's decision is the bold "
           "'Decision:' block. 'Reason for decision'/'Alternative options considered' are not decisions. "
           "The delegation inside Minute 40's decision is not an action. No votes.")
    return p, g


ABERCERWYN = {
    "stem": {"en": "abercerwyn-town-council-2024-10-14-minutes",
             "cy": "abercerwyn-town-council-2024-10-14-minutes-welsh"},
    "council": {"en": "ABERCERWYN TOWN COUNCIL", "cy": "CYNGOR TREF ABERCERWYN"},
    "committee": {"en": "Abercerwyn Town Council", "cy": "Cyngor Tref Abercerwyn"},
    "venue": {"en": "Memorial Hall, Abercerwyn", "cy": "Neuadd Goffa, Abercerwyn"},
    "title": {"en": "Minutes of the Monthly Meeting of the Council held at the Memorial Hall, Abercerwyn, on "
                    "Monday 14 October 2024 at 7.00pm",
              "cy": "Cofnodion Cyfarfod Misol y Cyngor a gynhaliwyd yn y Neuadd Goffa, Abercerwyn, nos Lun "
                    "14 Hydref 2024 am 7.00yh"},
    "doc": {"en": "Abercerwyn Town Council - Minutes of the Monthly Meeting, 14 October 2024",
            "cy": "Cyngor Tref Abercerwyn - Cofnodion Cyfarfod Misol y Cyngor, 14 Hydref 2024"},
}


def abercerwyn(lang):
    """Welsh town council, the same minutes in English and in Welsh: numbers in a left
    column, bold titles, prose Present, RESOLVED / PENDERFYNWYD, 'proposed by ...,
    seconded by ... and agreed to' / 'cynigiwyd gan ..., eiliwyd gan ... a chytunwyd',
    a vote with counts, signed footer 'Mayor' / 'Maer'."""
    en = lang == "en"
    A = ABERCERWYN
    g = Gold(A["stem"][lang])
    p = Paper("helvetica", 10.5, 5.1, margins=(20, 18, 20), bottom=28)
    sign = ("Signed ............................................ Mayor          Date ..............................." if en else
            "Llofnodwyd ...................................... Maer          Dyddiad ..............................")

    def footer(pp):
        pp.set_y(-22)
        pp.f("", 9)
        pp.cell(0, 5, sign, align="C", new_x="LMARGIN", new_y="NEXT")
        pp.ln(1)
        pp.f("", 8)
        pp.cell(0, 4, ("Page " if en else "Tudalen ") + str(pp.page_no()), align="C")

    p.footer_fn = footer
    extra = {} if en else {"committee_en": A["committee"]["en"]}
    m = g.minutes(A["committee"][lang], "2024-10-14", "19:00", A["venue"][lang], **extra)
    p.rec = m
    p.add_page()
    g.document("minutes", A["doc"][lang], p.page_no())
    p.say(A["council"][lang], style="B", size=15, align="C", h=7.5)
    p.para(A["title"][lang], x=30, right=180, align="C", style="B", after=4)

    mayor = "Gwenllian Pugh"
    cllrs = ["Rhodri Bevan", "Siân Edwards", "Dafydd Hughes", "Meinir Jones", "Gareth Lloyd", "Non Parry",
             "Huw Vaughan"]
    m.d["present"] = [mayor] + cllrs
    if en:
        p.para(f"**Present:** Councillor {mayor} (Mayor); Councillors {names_list(cllrs)}.")
        m.d["in_attendance"] = ["Mrs Eirlys Morgan", "PCSO Bethan Rees"]
        p.para("**In attendance:** Mrs Eirlys Morgan (Town Clerk) and PCSO Bethan Rees (Dyfed-Powys Police).",
               after=3)
    else:
        p.para(f"**Yn bresennol:** Y Cynghorydd {mayor} (Maer); y Cynghorwyr {names_list(cllrs, 'a')}.")
        m.d["in_attendance"] = ["Mrs Eirlys Morgan", "Bethan Rees"]
        p.para("**Yn mynychu:** Mrs Eirlys Morgan (Clerc y Dref) a Bethan Rees (SCCH, Heddlu Dyfed-Powys).",
               after=3)

    NUM, TIT = 20, 32

    def item(num, title_en, title_cy):
        title = title_en if en else title_cy
        m.item(num, title)
        p.heading(num + ".", title, NUM, TIT, before=2)

    def body(text_en, text_cy, x=TIT, **kw):
        p.para(text_en if en else text_cy, x=x, **kw)

    item("1", "Apologies for Absence", "Ymddiheuriadau am Absenoldeb")
    m.d["apologies"] = ["Owain Griffiths", "Lowri Thomas"]
    body("Apologies were received from Councillors Owain Griffiths and Lowri Thomas.",
         "Derbyniwyd ymddiheuriadau gan y Cynghorwyr Owain Griffiths a Lowri Thomas.")
    item("2", "Declarations of Interest", "Datganiadau o Fuddiant")
    body("Councillor Dafydd Hughes declared a personal and prejudicial interest in item 6 as treasurer of "
         "Abercerwyn Rugby Club.",
         "Datganodd y Cynghorydd Dafydd Hughes fuddiant personol sy'n rhagfarnu yn eitem 6 fel trysorydd "
         "Clwb Rygbi Abercerwyn.")
    item("3", "Minutes of the Previous Meeting", "Cofnodion y Cyfarfod Blaenorol")
    body("The minutes of the meeting held on 9 September 2024 were considered. **RESOLVED** that <r>the "
         "minutes of the meeting held on 9 September 2024 be approved as a correct record and signed by the "
         "Mayor</r>.",
         "Ystyriwyd cofnodion y cyfarfod a gynhaliwyd ar 9 Medi 2024. **PENDERFYNWYD** bod <r>cofnodion y "
         "cyfarfod a gynhaliwyd ar 9 Medi 2024 yn cael eu cymeradwyo fel cofnod cywir a'u llofnodi gan y "
         "Maer</r>.")
    item("4", "Police Report", "Adroddiad yr Heddlu")
    body("PCSO Rees reported eleven incidents in the ward during September, including two reports of "
         "anti-social behaviour at the skate park. Patrols would continue on Friday evenings.",
         "Adroddodd SCCH Rees am un ar ddeg o ddigwyddiadau yn y ward yn ystod mis Medi, gan gynnwys dau "
         "adroddiad o ymddygiad gwrthgymdeithasol yn y parc sglefrio. Byddai patrolau'n parhau ar nos "
         "Wener.")
    item("5", "Financial Matters", "Materion Ariannol")
    body("(a) Payments: proposed by Councillor Bevan, seconded by Councillor Parry and agreed <r>to approve the "
         "payments for October 2024 totalling £6,214.38 as listed on the schedule</r>.",
         "(a) Taliadau: cynigiwyd gan y Cynghorydd Bevan, eiliwyd gan y Cynghorydd Parry a chytunwyd <r>i "
         "gymeradwyo taliadau mis Hydref 2024, cyfanswm o £6,214.38, fel y'u rhestrwyd ar yr atodlen</r>.")
    body("(b) The bank reconciliation to 30 September 2024 was received and noted.",
         "(b) Derbyniwyd a nodwyd y cysoniad banc hyd at 30 Medi 2024.")
    item("6", "Grant Applications", "Ceisiadau am Grant")
    body("Councillor Hughes left the meeting for this item. **RESOLVED** <r>to award grants of £500 to "
         "Abercerwyn Rugby Club towards new floodlights and £300 to the Abercerwyn Eisteddfod Committee</r>. "
         "Councillor Hughes returned to the meeting.",
         "Gadawodd y Cynghorydd Hughes y cyfarfod ar gyfer yr eitem hon. **PENDERFYNWYD** <r>dyfarnu grant o "
         "£500 i Glwb Rygbi Abercerwyn tuag at lifoleuadau newydd a £300 i Bwyllgor Eisteddfod "
         "Abercerwyn</r>. Dychwelodd y Cynghorydd Hughes i'r cyfarfod.")
    item("7", "Planning Applications", "Ceisiadau Cynllunio")
    if en:
        p.row([(TIT, "24/0731/FUL", 28, "L"), (TIT + 28, "Former Bethesda Chapel, Stryd y Bont", 72, "L"),
               (TIT + 102, "Change of use to a dwelling", 56, "L")], size=10)
    else:
        p.row([(TIT, "24/0731/FUL", 28, "L"), (TIT + 28, "Hen Gapel Bethesda, Stryd y Bont", 72, "L"),
               (TIT + 102, "Newid defnydd i annedd", 56, "L")], size=10)
    p.ln(1.5)
    body("**RESOLVED** that <r>no objection be raised to application 24/0731/FUL, subject to the retention of "
         "the chapel's original frontage</r>.",
         "**PENDERFYNWYD** <r>peidio â gwrthwynebu cais 24/0731/FUL, ar yr amod bod blaen gwreiddiol y capel "
         "yn cael ei gadw</r>.")
    item("8", "Christmas Lights", "Goleuadau Nadolig")
    v = (6, 2, 0)
    body("Members discussed extending the festive lighting to Heol y Castell. Following a vote "
         f"({v[0]} for, {v[1]} against, no abstentions) it was **RESOLVED** <r>to extend the Christmas lights "
         "to Heol y Castell this year</r>. <o>The Town Clerk</o> to <a>obtain three quotations for the "
         "additional installation</a>.",
         "Trafododd yr aelodau ymestyn y goleuadau Nadolig i Heol y Castell. Yn dilyn pleidlais "
         f"({v[0]} o blaid, {v[1]} yn erbyn, neb yn ymatal) **PENDERFYNWYD** <r>ymestyn y goleuadau Nadolig i "
         "Heol y Castell eleni</r>. <o>Clerc y Dref</o> i <a>gael tri dyfynbris ar gyfer y gwaith gosod "
         "ychwanegol</a>.")
    m.vote(*v, "carried", note="'no abstentions' / 'neb yn ymatal' printed: abstain 0.")
    item("9", "Correspondence", "Gohebiaeth")
    body("A letter from the County Council about the consultation on closing the Stryd Fawr public toilets "
         "was noted. <o>The Town Clerk</o> to <a>respond expressing the Council's opposition to the "
         "closure</a>.",
         "Nodwyd llythyr gan y Cyngor Sir ynghylch yr ymgynghoriad ar gau toiledau cyhoeddus Stryd Fawr. "
         "<o>Clerc y Dref</o> i <a>ymateb gan fynegi gwrthwynebiad y Cyngor i'r cau</a>.")
    item("10", "Date of Next Meeting", "Dyddiad y Cyfarfod Nesaf")
    body("Monday 11 November 2024 at 7.00pm in the Memorial Hall.",
         "Nos Lun 11 Tachwedd 2024 am 7.00yh yn y Neuadd Goffa.")
    p.ln(2)
    p.need(24)
    p.say("The meeting closed at 8.40pm." if en else "Daeth y cyfarfod i ben am 8.40yh.", x=TIT)

    other = A["stem"]["cy" if en else "en"]
    m.note(("English" if en else "Welsh-language") + f" copy of the minutes of the same meeting as {other}.pdf: "
           "same people, items and decisions. Numbers in a left column, bold title-case titles; prose "
           "Present after 'Councillor ... (Mayor); Councillors ...' / 'Y Cynghorydd ... (Maer); y "
           "Cynghorwyr ...'. "
           + ("PCSO Bethan Rees in attendance. " if en else
              "'Bethan Rees (SCCH, Heddlu Dyfed-Powys)': SCCH = PCSO, a role in brackets. 'bod' (that) "
              "after PENDERFYNWYD left out as the formula's; 'i' (to) after 'a chytunwyd' kept, as 'to' is. ")
           + "Item 8: vote 6-2-0 then RESOLVED.")
    return p, g


def abercerwyn_en():
    return abercerwyn("en")


def abercerwyn_cy():
    return abercerwyn("cy")


def pennine_vale():
    """Fire and rescue authority budget meeting: two-column member list, officers with
    their roles before the names, numbered items with numbered paragraphs (5.1, 5.2)
    that are not items, AGREED, an amendment lost and a recorded vote with names."""
    g = Gold("pennine-vale-fire-and-rescue-authority-2025-02-17-minutes")
    p = Paper("times", 11.5, 5.3, margins=(22, 18, 20), bottom=22)
    p.footer_fn = page_footer(text_left="Pennine Vale Fire and Rescue Authority - Budget Meeting 17 February 2025",
                              text_right=lambda pp: f"Page {pp.page_no()}", size=9, y=-13)
    m = g.minutes("Pennine Vale Fire and Rescue Authority", "2025-02-17", "10:30",
                  "Service Headquarters, Carr Road, Holmebridge")
    p.rec = m
    p.add_page()
    g.document("minutes", "Pennine Vale Fire and Rescue Authority - Minutes of the Budget Meeting, 17 February 2025", p.page_no())
    p.say("PENNINE VALE FIRE AND RESCUE AUTHORITY", style="B", size=14, h=7)
    p.para("Minutes of the Budget Meeting of the Authority held at Service Headquarters, Carr Road, "
           "Holmebridge on Monday 17 February 2025 at 10.30 am", after=3)
    members = ["Councillor B Hollings (Chair)", "Councillor N Aziz", "Councillor C Brearley", "Councillor T Dyson",
               "Councillor J Firth", "Councillor K Haigh", "Councillor L Ingham", "Councillor M Khan",
               "Councillor R Lumb", "Councillor P Naylor", "Councillor S Oldroyd", "Councillor A Priestley",
               "Councillor D Sutcliffe", "Councillor F Wadsworth", "Councillor G Yates"]
    m.d["present"] = [n.replace(" (Chair)", "") for n in members]
    p.say("Members present:", style="B", after=0.5)
    half = (len(members) + 1) // 2
    for i in range(half):
        cells = [(30, members[i], 70, "L")]
        if i + half < len(members):
            cells.append((110, members[i + half], 70, "L"))
        p.row(cells)
    p.ln(2)
    officers = [("Chief Fire Officer", "A Redfearn"), ("Director of Finance and Treasurer", "M Clegg"),
                ("Clerk and Monitoring Officer", "H Butterworth"), ("Committee Services Officer", "E Shaw")]
    m.d["in_attendance"] = [n for _, n in officers]
    p.para("**Officers in attendance:** " + names_list([f"{r} {n}" for r, n in officers]) + ".", after=3)

    NUM, TIT, PNUM, PTXT = 22, 32, 32, 44

    def item(num, title):
        m.item(num, title)
        p.heading(num + ".", title, NUM, TIT, before=2.5)
        item.n = 0

    def para(text, **kw):
        item.n += 1
        p.need(p.lh * 2)
        p.f("", None)
        p.set_xy(PNUM, p.get_y())
        p.cell(12, p.lh, f"{m.cur}.{item.n}")
        p.set_y(p.get_y())
        p.para(text, x=PTXT, **kw)

    item("1", "Chair's Announcements")
    para("The Chair congratulated Watch Manager S Holt of Holmebridge Fire Station on the award of the King's "
         "Fire Service Medal in the New Year Honours.")
    item("2", "Apologies for Absence")
    m.d["apologies"] = ["Councillor W Greenwood"]
    para("Apologies for absence were received from Councillor W Greenwood.")
    item("3", "Declarations of Interest")
    para("No declarations of interest were made.")
    item("4", "Minutes of the Meeting held on 16 December 2024")
    para("AGREED that <r>the minutes of the meeting held on 16 December 2024 be signed by the Chair as a "
         "correct record</r>.")
    item("5", "Revenue Budget 2025/26 and Medium Term Financial Plan")
    para("The Treasurer presented the report, which set out a net revenue budget of £52.84m for 2025/26. The "
         "provisional settlement had confirmed that fire and rescue authorities could increase their Band D "
         "precept by up to £5.00 without a referendum.")
    para("Members noted the pressures from the 2024 pay award, the increase in employer National Insurance "
         "contributions and the replacement of the breathing apparatus fleet, and that the Medium Term "
         "Financial Plan (MTFP) showed a funding gap of £2.9m by 2028/29.")
    v = (3, 11, 1)
    para("Councillor Khan moved an amendment, seconded by Councillor Naylor, that the precept increase be "
         "limited to 2.99% and the difference met from the Budget Stabilisation Reserve. Upon being put to "
         f"the vote the amendment was lost: For ({v[0]}), Against ({v[1]}), Abstain ({v[2]}).")
    m.vote(*v, "lost", note="Amendment of Councillor Khan.")
    v = (12, 2, 1)
    para("A recorded vote was then taken on the substantive motion:", after=0.5)
    for lab, names in [(f"For ({v[0]}):", "Councillors Aziz, Brearley, Dyson, Firth, Haigh, Hollings, Ingham, "
                                         "Lumb, Oldroyd, Priestley, Sutcliffe and Wadsworth"),
                       (f"Against ({v[1]}):", "Councillors Khan and Naylor"),
                       (f"Abstain ({v[2]}):", "Councillor Yates")]:
        p.label(lab, names, PTXT, PTXT + 26, style="B", after=0.5)
    m.vote(*v, "carried", note="Recorded vote on the substantive motion, names listed under each count.")
    p.ln(1.5)
    para("AGREED: <r></r>", after=0.5)
    for line in ["(a) that a net revenue budget for 2025/26 of £52,840,000 be approved;",
                 "(b) that a Band D precept of £89.47 be set for 2025/26, an increase of £5.00 (5.92%); and",
                 "(c) that the Medium Term Financial Plan 2025/26 to 2028/29 be approved."]:
        p.para(line, x=PTXT + 6, after=0.5)
        m.extend(line)
    p.ln(1.5)
    item("6", "Capital Programme 2025/26 to 2029/30 and Treasury Management Strategy")
    para("The Treasurer presented the capital programme of £23.6m, including two new fire appliances a year "
         "and the rebuild of Lowfold Fire Station, together with the Treasury Management Strategy, the "
         "Minimum Revenue Provision (MRP) policy statement and the prudential indicators.")
    para("AGREED that <r>the Capital Programme 2025/26 to 2029/30, the Treasury Management Strategy 2025/26, "
         "the MRP policy statement and the prudential indicators be approved</r>.")
    item("7", "Community Risk Management Plan 2025-2029")
    para("The Chief Fire Officer presented the draft Community Risk Management Plan (CRMP), which proposed "
         "moving the second appliance at Lowfold to day-crewing and investing in prevention work with older "
         "people living alone.")
    para("In response to a question from Councillor Haigh, <o>the Chief Fire Officer</o> undertook to "
         "<a>provide members with response time data for each station area before the consultation "
         "begins</a>.")
    para("AGREED that <r>the draft CRMP 2025-2029 be approved for a twelve-week public consultation "
         "commencing on 3 March 2025</r>.")
    item("8", "Pay Policy Statement 2025/26")
    para("AGREED that <r>the Pay Policy Statement 2025/26 be approved for publication on the Authority's "
         "website</r>.")
    p.ln(3)
    p.need(24)
    p.say("The meeting closed at 12.35 pm.", x=TIT)
    p.ln(8)
    p.say("Chair ..............................................", x=TIT)

    g.d["acronyms"] = [{"short": "MTFP", "long": "Medium Term Financial Plan"},
                       {"short": "MRP", "long": "Minimum Revenue Provision"},
                       {"short": "CRMP", "long": "Community Risk Management Plan"}]
    m.note("Members present in two columns (down the first, then the second), all 'Councillor ...'. "
           "Officers printed with the role before the name ('Chief Fire Officer A Redfearn'): names given "
           "without the role. Items 'N.' with numbered paragraphs 'N.1', 'N.2' (paragraphs, not items). "
           "Watch Manager S Holt (item 1) is not an attendee. Item 5: amendment lost 3-11-1; recorded vote "
           "on the substantive motion 12-2-1 with names; 'AGREED:' followed by parts (a)-(c) each starting "
           "'that' (kept, inside the parts).")
    return p, g


def wealdmoor():
    """Police and crime panel: running header, Present as a two-column table (member |
    authority) with a header row, in attendance 'name - role', 'NN/25' minute numbers,
    a precept vote 'For 6, Against 2, Abstentions 1', RESOLVED, actions of named posts."""
    g = Gold("wealdmoor-police-and-crime-panel-2025-02-06-minutes")
    p = Paper("helvetica", 10.5, 5.0, margins=(20, 22, 20), bottom=22)

    def header(pp):
        pp.set_y(10)
        pp.f("B", 9)
        pp.cell(0, 4, "Wealdmoor Police and Crime Panel", align="R", new_x="LMARGIN", new_y="NEXT")
        pp.f("", 8)
        pp.cell(0, 4, "6 February 2025", align="R")
        pp.set_y(22)

    p.header_fn = header
    p.footer_fn = page_footer(centre=lambda pp: f"Page {pp.page_no()}", size=8.5, y=-13)
    m = g.minutes("Wealdmoor Police and Crime Panel", "2025-02-06", "14:00", "Committee Room 2, Shire Hall, Dunmere")
    p.rec = m
    p.add_page()
    g.document("minutes", "Minutes of the Wealdmoor Police and Crime Panel, 6 February 2025", p.page_no())
    p.say("WEALDMOOR POLICE AND CRIME PANEL", style="B", size=14, align="C", h=7)
    p.say("MINUTES of the meeting held on Thursday 6 February 2025 at 2.00 pm", align="C")
    p.say("in Committee Room 2, Shire Hall, Dunmere", align="C", after=4)

    members = [("Cllr Helen Brightwell (Chair)", "Dunmere City Council"),
               ("Cllr Ravi Mistry (Vice-Chair)", "North Wealdmoor District Council"),
               ("Cllr Alan Corbett", "Tarnley Borough Council"),
               ("Cllr Judith Fane", "Wealdmoor County Council"),
               ("Cllr Kevin O'Hara", "South Wealdmoor District Council"),
               ("Cllr Sarah Pemberton", "Wealdmoor County Council"),
               ("Cllr Gavin Thorne", "Eastcliff Borough Council"),
               ("Mrs Janet Oduya", "Independent Co-opted Member"),
               ("Mr Paul Rennard", "Independent Co-opted Member")]
    m.d["present"] = [re.sub(r" \(.*\)", "", n) for n, _ in members]
    p.say("PRESENT", style="B", after=0.5)
    p.row([(25, "Member", 70, "L"), (100, "Representing", 80, "L")], style="BU")
    for name, body in members:
        p.row([(25, name, 70, "L"), (100, body, 80, "L")])
    p.ln(2)
    att = [("Mr Simon Carrick", "Police and Crime Commissioner"),
           ("Ms Deborah Lyle", "Chief Executive, Office of the Police and Crime Commissioner"),
           ("Mr Martin Hoy", "Chief Finance Officer, Office of the Police and Crime Commissioner"),
           ("Mrs Kathryn Dell", "Panel Support Officer, Dunmere City Council")]
    m.d["in_attendance"] = [n for n, _ in att]
    p.say("IN ATTENDANCE", style="B", after=0.5)
    for name, role in att:
        p.para(f"{name} - {role}", x=25, after=0.3)
    p.ln(2)

    NUM, TIT = 20, 38

    def item(num, title):
        m.item(num, title)
        p.heading(num, title, NUM, TIT, before=2.5)

    def body(text, x=TIT, **kw):
        p.para(text, x=x, align="J", **kw)

    item("01/25", "Apologies and Substitutes")
    m.d["apologies"] = ["Cllr Lorraine Quigley"]
    body("Apologies were received from Cllr Lorraine Quigley (Tarnley Borough Council). No substitute had "
         "been nominated.")
    item("02/25", "Declarations of Interest")
    body("None.")
    item("03/25", "Minutes of the Meeting held on 28 November 2024")
    body("RESOLVED that <r>the minutes of the meeting held on 28 November 2024 be approved as a correct record "
         "and signed by the Chair</r>.")
    item("04/25", "Public Questions")
    body("No public questions had been received.")
    item("05/25", "Proposed Police Precept 2025/26")
    body("The Police and Crime Commissioner (PCC) presented his proposal to increase the policing element of "
         "the Band D council tax by £14.00, from £278.35 to £292.35 (5.03%), the maximum permitted without a "
         "referendum. He explained that the increase, together with the Home Office grant settlement, would "
         "fund the recruitment of 40 additional neighbourhood officers and keep the 999 answering target of "
         "90% within ten seconds.")
    body("The Chief Finance Officer reported that the budget required £6.2m of efficiency savings over four "
         "years, of which £1.8m had been identified for 2025/26, and that the general reserve would remain "
         "at 3% of net revenue expenditure.")
    body("Members asked about rural response times, the cost of the new control room system and the impact "
         "on residents of the combined increase in council tax. Mr Rennard asked how the savings would be "
         "achieved without reducing front-line posts, and <o>the Commissioner</o> agreed to <a>provide the "
         "Panel with a breakdown of the efficiency savings by directorate</a>.")
    v = (6, 2, 1)
    body("The Chair moved that the Panel support the proposed precept without qualification, and a vote was "
         f"taken: For {v[0]}, Against {v[1]}, Abstentions {v[2]}.")
    m.vote(*v, "carried")
    body("RESOLVED that <r>the Panel supports the Commissioner's proposed precept of £292.35 for a Band D "
         "property for 2025/26 without qualification or comment</r>.")
    body("<o>The Panel Support Officer</o> to <a>write to the Commissioner confirming the Panel's decision by "
         "8 February 2025</a>.")
    item("06/25", "Police and Crime Plan Performance Report (Quarter 3)")
    body("The Chief Executive of the Office of the PCC presented the report. Members welcomed the reduction "
         "in residential burglary but raised concern at the fall in the charge rate for domestic abuse "
         "offences. RESOLVED that <r>the report be noted and that the Commissioner be invited to present a "
         "report on domestic abuse outcomes to the June 2025 meeting</r>.")
    item("07/25", "Complaints against the Commissioner")
    body("The Panel Support Officer reported that no complaints had been received since the last meeting.")
    item("08/25", "Work Programme")
    body("RESOLVED that <r>the work programme be approved, with the addition of a report on rural and "
         "wildlife crime for the September 2025 meeting</r>.")
    p.ln(3)
    p.need(24)
    p.say("The meeting closed at 3.55 pm.", x=TIT)
    p.ln(8)
    p.say("Chair ..............................................", x=TIT)

    g.d["acronyms"] = [{"short": "PCC", "long": "Police and Crime Commissioner"}]
    m.note("Present as a table with an underlined header row 'Member | Representing' (council or "
           "'Independent Co-opted Member'); names without the bracketed (Chair)/(Vice-Chair). In "
           "attendance one a line, 'name - role'. Minute numbers 'NN/25' in a left column, titles "
           "indented. Actions: 'the Commissioner agreed to ...' and 'The Panel Support Officer to ...'. The "
           "June report request inside 06/25's RESOLVED is not an action (no owner undertakes it).")
    return p, g


def blackmoor_hills():
    """National park authority planning committee: letterhead left/right, prose members
    with Mr/Mrs/Dr/Cllr titles, UNNUMBERED bold underlined headings, application
    headings, 'Decision:' lines, a vote with counts, public speakers."""
    g = Gold("blackmoor-hills-national-park-authority-planning-committee-2025-06-13-minutes")
    p = Paper("helvetica", 10.5, 5.0, margins=(20, 16, 20), bottom=22)
    p.footer_fn = page_footer(text_left="Planning Committee - 13 June 2025",
                              text_right=lambda pp: f"Page {pp.page_no()} of {{nb}}", size=8.5, y=-13)
    m = g.minutes("Planning Committee", "2025-06-13", "10:00", "National Park Office, Low Mill, Hexwick")
    p.rec = m
    p.add_page()
    g.document("minutes", "Blackmoor Hills National Park Authority - Minutes of the Planning Committee, 13 June 2025", p.page_no())
    y = p.get_y()
    p.f("B", 12)
    p.multi_cell(90, 6, "BLACKMOOR HILLS\nNATIONAL PARK AUTHORITY")
    p.f("", 8.5)
    for i, line in enumerate(["National Park Office", "Low Mill, Hexwick", "01632 960355"]):
        p.set_xy(130, y + i * 4)
        p.cell(60, 4, line, align="R")
    p.set_y(y + 16)
    p.rule(4)
    p.say("PLANNING COMMITTEE", style="B", size=13, h=6.5)
    p.para("Minutes of the meeting held at the National Park Office, Low Mill, Hexwick on Friday 13 June 2025 "
           "at 10.00 am", after=3)
    members = [("Mr R Atherton", " (Chair)"), ("Mrs G Barraclough", ""), ("Cllr P Castell", ""),
               ("Dr M Dewhurst", ""), ("Cllr S Earnshaw", ""), ("Ms T Fairbairn", ""), ("Mr L Gaskell", ""),
               ("Cllr J Hird", ""), ("Mrs A Inglis", "")]
    m.d["present"] = [n for n, _ in members]
    p.para("**Members present:** " + names_list([n + r for n, r in members]) + ".")
    officers = [("Ms V Ormerod", "Head of Development Management"), ("Mr C Pollard", "Senior Planning Officer"),
                ("Mrs D Quarmby", "Solicitor"), ("Miss H Redman", "Committee Officer")]
    p.para("**Officers:** " + names_list([f"{n} ({r})" for n, r in officers]) + ".", after=3)
    m.d["in_attendance"] = [n for n, _ in officers] + ["Mr F Lister", "Ms R Sugden"]

    def item(title):
        m.item(None, title)
        p.heading(None, title, 20, 20, title_style="BU", before=2.5)

    def body(text, **kw):
        p.para(text, **kw)

    item("Apologies for Absence")
    m.d["apologies"] = ["Cllr K Jowett", "Mr N Kershaw"]
    body("Apologies were received from Cllr K Jowett and Mr N Kershaw.")
    item("Declarations of Interest")
    body("Cllr Castell declared a personal and prejudicial interest in application NP/BH/25/0142/FUL "
         "(Hallcliffe Barn) as the applicant is a close relative, and left the meeting during its "
         "consideration.")
    item("Minutes")
    body("**RESOLVED:** <r>The minutes of the meeting held on 9 May 2025 were approved as a correct record and "
         "signed by the Chair</r>.")
    item("Public Participation")
    body("Under the Authority's public speaking scheme, Mr F Lister spoke in objection to application "
         "NP/BH/25/0142/FUL and Ms R Sugden, the applicant's agent, spoke in support.")
    item("NP/BH/25/0142/FUL - Conversion of Hallcliffe Barn to a Dwelling, Hallcliffe Lane, Thwaite Edge")
    body("The Senior Planning Officer presented the report. The barn stands 600 metres from the nearest "
         "settlement and is not identified as a heritage asset in the Local Plan; the recommendation was "
         "refusal. Members considered the condition of the building, the need for homes for local workers "
         "and the effect of the conversion and its access track on the open moorland landscape.")
    v = (7, 1, 0)
    body("A motion to approve the application was not seconded. The officer recommendation was moved by Dr "
         f"Dewhurst and seconded by Mrs Inglis and, on a vote ({v[0]} for, {v[1]} against, {v[2]} abstentions), "
         "was carried.")
    m.vote(*v, "carried")
    body("**Decision:** <r>Refuse, for the reason set out in the report: the proposal would create a new "
         "dwelling in an isolated location in the open countryside, contrary to Local Plan Policy H4 and "
         "Core Strategy Policy L1</r>.", x=28)
    item("NP/BH/25/0187/HOU - Single-Storey Rear Extension, 4 Mill Cottages, Hexwick")
    body("The application was before the Committee because the applicant is a member of staff. There were "
         "no objections.")
    body("**Decision:** <r>Approve, subject to the conditions set out in the report</r>.", x=28)
    item("NP/BH/25/0203/LBC - Replacement Windows, The Old Vicarage, Thwaite Edge")
    body("Members were unable to judge the effect of the proposed timber casements from the photographs in "
         "the report.")
    body("**Decision:** <r>Defer, to allow a site visit by members of the Committee</r>.", x=28)
    body("<o>The Committee Officer</o> to <a>arrange the site visit before the July meeting</a>.")
    item("Enforcement Update")
    body("Members noted the quarterly enforcement report, which listed 23 open cases. <o>The Head of "
         "Development Management</o> to <a>report back on the unauthorised track at Nab End Farm to the next "
         "meeting</a>.")
    item("Date of Next Meeting")
    body("Friday 11 July 2025 at 10.00 am at Low Mill, Hexwick.")
    p.ln(2)
    body("The meeting closed at 12.20 pm.")

    m.note("Minutes WITHOUT item numbers: bold underlined headings (application headings included), so every "
           "item and resolution has number/minute null. Decisions: 'RESOLVED:' (Minutes) and indented bold "
           "'Decision:' lines for the applications (text after the label). Cllr Castell left for the "
           "Hallcliffe Barn item but was present. Named public speakers Mr F Lister and Ms R Sugden in "
           "in_attendance. Vote 7-1-0 on the refusal (Castell absent for the item).")
    return p, g


def haverleigh():
    """Unitary council licensing sub-committee hearing: centred title, Present / Officers
    / Parties one per line in a labelled column, numbered capital titles indented, a long
    item across a page break, RESOLVED with numbered conditions, an action."""
    g = Gold("haverleigh-council-licensing-sub-committee-2024-08-28-minutes")
    p = Paper("times", 11.5, 5.3, margins=(22, 18, 22), bottom=22)
    p.footer_fn = page_footer(text_left="Licensing Sub-Committee - 28 August 2024",
                              text_right=lambda pp: f"Page {pp.page_no()}", size=9, y=-13)
    m = g.minutes("Licensing Sub-Committee", "2024-08-28", "10:00", "Committee Room 1, Civic Centre, Haverleigh")
    p.rec = m
    p.add_page()
    g.document("minutes", "Haverleigh Council - Minutes of the Licensing Sub-Committee, 28 August 2024", p.page_no())
    p.say("HAVERLEIGH COUNCIL", style="B", size=14, align="C", h=7)
    p.say("LICENSING SUB-COMMITTEE", style="B", size=12.5, align="C", h=6.5)
    p.say("Hearing under the Licensing Act 2003", style="I", align="C", after=2)
    p.para("Minutes of the hearing held on Wednesday 28 August 2024 at 10.00 am in Committee Room 1, Civic "
           "Centre, Haverleigh", x=35, right=175, align="C", after=4)

    LAB, VAL = 22, 62
    members = ["Councillor Tariq Hussain (Chair)", "Councillor Emma Glover", "Councillor Neil Parr"]
    officers = [("Rebecca Stone", "Licensing Officer"), ("Mark Ellery", "Legal Adviser"),
                ("Hannah Doyle", "Democratic Services Officer")]
    parties = [("Mr Dev Raman", "Applicant"), ("Ms Claire Hutton", "Solicitor for the Applicant"),
               ("Mrs Joan Pike", "Interested Party (local resident)"),
               ("PC Liam Watts", "Haverleigh Police Licensing Unit")]
    m.d["present"] = [n.replace(" (Chair)", "") for n in members]
    m.d["in_attendance"] = [n for n, _ in officers] + [n for n, _ in parties]
    for lab, lines in [("Present:", members), ("Officers:", [f"{n} - {r}" for n, r in officers]),
                       ("Parties present:", [f"{n} - {r}" for n, r in parties])]:
        for i, line in enumerate(lines):
            p.row([(LAB, lab if i == 0 else "", VAL - LAB, "L"), (VAL, line, 120, "L")], style="")
        p.ln(2)
    p.ln(2)

    NUM, TIT = 22, 36

    def item(num, title):
        m.item(num, title)
        p.heading(num + ".", title, NUM, TIT, before=2.5)

    def body(text, x=TIT, **kw):
        p.para(text, x=x, align="J", **kw)

    item("12", "ELECTION OF CHAIR FOR THE HEARING")
    body("Councillor Glover proposed and Councillor Parr seconded that Councillor Hussain chair the hearing. "
         "RESOLVED that <r>Councillor Hussain be elected Chair for the hearing</r>.")
    item("13", "APOLOGIES FOR ABSENCE")
    body("There were no apologies for absence.")
    item("14", "DECLARATIONS OF INTEREST")
    body("No declarations of interest were made.")
    item("15", "APPLICATION FOR A NEW PREMISES LICENCE - THE SALT CELLAR, 22 QUAY STREET, HAVERLEIGH")
    body("The Chair outlined the procedure for the hearing. The Licensing Officer presented the report: the "
         "application sought the sale of alcohol on and off the premises, recorded music and late night "
         "refreshment from 10:00 to 00:30 daily. One representation had been received from a local resident "
         "on the grounds of the prevention of public nuisance. Haverleigh Police had agreed conditions with "
         "the applicant before the hearing and had withdrawn their representation.")
    body("Ms Hutton, for the applicant, explained that the premises would operate as a seafood restaurant and "
         "wine bar with 48 covers, that Mr Raman had run licensed premises in the town for eleven years "
         "without incident, and that he had agreed to a dispersal policy and to CCTV covering the entrance.")
    body("Mrs Pike addressed the Sub-Committee. She lives in the flat above the neighbouring shop and was "
         "concerned about noise from customers smoking on Quay Street late at night and from the emptying "
         "of bottles into external bins early in the morning.")
    body("PC Watts confirmed the agreed conditions and that the police had no further concerns.")
    body("All parties were given the opportunity to ask questions and to sum up. The Sub-Committee withdrew "
         "to deliberate at 11.05 am, accompanied by the Legal Adviser and the Democratic Services Officer, and "
         "returned at 11.50 am.")
    body("RESOLVED that <r>the application for a premises licence be granted as applied for, subject to "
         "conditions consistent with the operating schedule, the conditions agreed with Haverleigh Police and "
         "the following additional conditions:</r>", after=0.5)
    for line in ["(1) the sale of alcohol shall end at 23:00 on Sunday to Thursday and at 00:00 on Friday and "
                 "Saturday;",
                 "(2) no more than six customers shall be permitted to smoke outside the premises after 22:00;",
                 "(3) no bottles or glass shall be placed in external bins between 22:00 and 08:00."]:
        p.para(line, x=TIT + 8, after=0.5)
        m.extend(line)
    p.ln(1.5)
    body("Reasons: the Sub-Committee had regard to the licensing objectives, the Council's Statement of "
         "Licensing Policy and the guidance issued under section 182 of the Licensing Act 2003. It considered "
         "the additional conditions appropriate and proportionate to promote the prevention of public "
         "nuisance.")
    body("The Legal Adviser advised that all parties had the right of appeal to the Magistrates' Court within "
         "21 days of receiving the written decision. <o>The Licensing Officer</o> to <a>send the written "
         "decision notice to all parties within five working days</a>.")
    p.ln(2)
    p.need(24)
    p.say("The hearing closed at 12.02 pm.", x=TIT)
    p.ln(8)
    p.say("Chair ..............................................", x=TIT)

    m.d["apologies"] = []
    m.note("Attendance in a labelled column, one a line: 'Present:' (members), 'Officers:' and 'Parties "
           "present:' ('name - role'); officers and parties put in in_attendance. Numbered minutes 'NN.' "
           "with capital titles indented. Item 15 runs across the page break; its RESOLVED has a lead line "
           "and numbered conditions (1)-(3) joined into the text; 'Reasons:' is not a decision. No votes.")
    return p, g


def kestermouth_agenda():
    """Town council summons and agenda: letterhead, 'NOTICE OF MEETING', summons sentence
    carrying venue/date/time, signature block, numbered 'To ...' items with hanging
    indents (some wrapping), public notes, and a schedule of payments on its own page."""
    g = Gold("kestermouth-town-council-2025-01-20-agenda")
    p = Paper("helvetica", 10.5, 5.0, margins=(22, 15, 20), bottom=20)
    p.footer_fn = page_footer(centre=lambda pp: f"Page {pp.page_no()} of {{nb}}", size=8, y=-12)
    p.add_page()
    g.document("agenda", "Kestermouth Town Council - Notice of Meeting and Agenda, Monday 20 January 2025", p.page_no())
    y = p.get_y()
    p.f("B", 17)
    p.cell(110, 9, "Kestermouth Town Council")
    p.f("", 8.5)
    for i, line in enumerate(["Town Hall, Fore Street", "Kestermouth KM4 1AB", "Tel: 01632 960921",
                              "Town Clerk: Mr P Lambourne"]):
        p.set_xy(130, y + i * 4)
        p.cell(68, 4, line, align="R")
    p.set_y(y + 19)
    p.rule(5)
    p.say("NOTICE OF MEETING", style="B", size=13, align="C", h=7, after=2)
    p.para("Members of the Council are hereby summoned to attend a meeting of Kestermouth Town Council to be "
           "held in the Council Chamber, Town Hall, Fore Street, Kestermouth on Monday 20 January 2025 at "
           "7.00 pm for the purpose of transacting the business set out below.", align="J", after=3)
    p.say("P Lambourne", style="I")
    p.say("Town Clerk")
    p.say("14 January 2025", after=3)
    g.pack("Kestermouth Town Council", "2025-01-20", "19:00", "Council Chamber, Town Hall, Fore Street, Kestermouth",
           note="From the summons sentence under 'NOTICE OF MEETING'.")
    p.say("AGENDA", style="BU", size=12, align="C", h=6, after=2)

    items = [
        "To receive apologies for absence",
        "To receive declarations of interest and requests for dispensations",
        "Public participation: a period of up to 15 minutes for members of the public to address the "
        "Council on items on this agenda",
        "To approve the minutes of the meeting held on 16 December 2024",
        "To receive the Mayor's announcements",
        "To receive reports from County and District Councillors",
        "To consider the recommendations of the Finance Committee of 7 January 2025 on the budget for "
        "2025/26 and to set the precept for 2025/26",
        "To approve the schedule of payments for December 2024 (attached)",
        "To agree the Council's response to the Kestermouth Harbourside Neighbourhood Plan Regulation 14 "
        "consultation",
        "To consider a request from Kestermouth Rowing Club to use the Town Quay for its regatta on 14 June "
        "2025",
        "Correspondence",
        "Date of next meeting: Monday 17 February 2025",
        "Exclusion of the press and public: to resolve that, in view of the confidential nature of the "
        "business to be transacted, the press and public be excluded from the meeting for the following item",
        "To consider quotations for the refurbishment of the Town Hall windows",
    ]
    for i, title in enumerate(items, start=1):
        g.agenda_item(str(i), title)
        p.heading(f"{i}.", title, 22, 32, style="", after=1.2, keep=2, before=0.4)
    p.ln(2)
    p.para("Members of the public and press are welcome to attend. Anyone wishing to speak under item 3 is "
           "asked to let the Town Clerk know by noon on the day of the meeting.", style="I", size=9,
           align="J")

    p.add_page()
    title = "Schedule of Payments - December 2024"
    g.document("appendix", title, p.page_no(), note="Attached to item 8.")
    p.say("Kestermouth Town Council", style="B", size=12)
    p.say(title, style="B", size=11, after=3)
    cols = [(22, 22, "L"), (44, 62, "L"), (106, 52, "L"), (160, 30, "R")]
    p.row([(x, t, w, a) for (x, w, a), t in zip(cols, ["Ref", "Payee", "Details", "Amount"])], style="B")
    p.rule(1)
    rows = [("1241", "South West Water", "Town Hall water", "£86.40"),
            ("1242", "Kestermouth Print Ltd", "Newsletter, winter edition", "£612.00"),
            ("1243", "M Treloar", "Grounds maintenance, December", "£1,150.00"),
            ("1244", "HMRC", "PAYE and NIC, December", "£1,384.22"),
            ("1245", "Local Government Pension Scheme", "Employer contributions, December", "£1,047.15"),
            ("1246", "Staff salaries", "December (net)", "£4,918.63"),
            ("1247", "Harbour Electrical", "Christmas lights removal", "£540.00"),
            ("1248", "Lloyds Bank", "Service charge", "£18.50")]
    for row in rows:
        p.row([(x, t, w, a) for (x, w, a), t in zip(cols, row)])
    p.rule(1)
    p.row([(106, "Total", 52, "L"), (160, "£9,756.90", 30, "R")], style="B")

    g.d["minutes"] = []
    g.d["note"] = ("Summons and agenda (page 1) and the schedule of payments attached to item 8 (page 2). "
                   "Items '1.'-'14.' with hanging indents; titles as printed (several wrap). Item 13 holds the "
                   "words 'to resolve that ...': an agenda item, not a resolution. No page references printed. "
                   "'Mr P Lambourne' (Town Clerk) signs the summons.")
    return p, g


def hollinmoor_pack():
    """District council summons/agenda pack: ModernGov-style front sheet with a contact
    block, membership, summons sentence, PART I / PART II, '(Pages 1 - 2)' references,
    then the minutes of the previous meeting (pack pages 1-2, capital headings 'NN TITLE'
    without a dot, 'RESOLVED - That') and a report cover with labelled fields (page 3)."""
    g = Gold("hollinmoor-district-council-environment-and-leisure-committee-2025-03-12-agenda-pack")
    p = Paper("helvetica", 10.5, 5.0, margins=(20, 16, 20), bottom=20)

    def footer(pp):
        if pp.page_no() > 1:
            pp.set_y(-13)
            pp.f("", 9)
            pp.cell(0, 4, f"Page {pp.page_no() - 1}", align="C")

    p.footer_fn = footer
    p.add_page()
    g.document("agenda", "Hollinmoor District Council - Summons and Agenda, Environment and Leisure Committee, 12 March 2025", p.page_no())
    y = p.get_y()
    p.f("B", 15)
    p.multi_cell(90, 7, "Hollinmoor\nDistrict Council")
    p.f("", 8.5)
    for i, (lab, val) in enumerate([("", "Democratic Services"), ("", "Civic Centre, Station Road, Hollinmoor"),
                                    ("Contact:", "Joanne Pearce"), ("Direct line:", "01632 960482"),
                                    ("Email:", "democratic.services@hollinmoor.gov.uk"), ("Date:", "3 March 2025")]):
        p.set_xy(112, y + i * 4)
        p.cell(20, 4, lab)
        p.set_xy(132, y + i * 4)
        p.cell(58, 4, val)
    p.set_y(y + 27)
    p.f("", 10)
    p.para("**To:** Members of the Environment and Leisure Committee - Councillors K Ashworth (Chair), B Dalby "
           "(Vice-Chair), L Everitt, M Fawcett, R Goodall, S Holroyd, P Illingworth and T Jagger", size=9.5)
    p.say("Dear Councillor,", after=1)
    p.para("You are summoned to attend a meeting of the **Environment and Leisure Committee** to be held in the "
           "Council Chamber, Civic Centre, Hollinmoor on **Wednesday, 12 March 2025 at 6.30 pm**.", after=2)
    p.say("Alison Beckwith", style="I")
    p.say("Chief Executive", after=3)
    g.pack("Environment and Leisure Committee", "2025-03-12", "18:30", "Council Chamber, Civic Centre, Hollinmoor",
           note="From the summons sentence; the contact block's 'Date: 3 March 2025' is the issue date.")
    p.say("A G E N D A", style="B", size=12, align="C", h=6, after=1)
    p.say("PART I - ITEMS CONSIDERED IN PUBLIC", style="B", size=10, after=1.5)
    items = [("1", "Apologies for Absence and Substitutions", None),
             ("2", "Declarations of Interest", None),
             ("3", "Minutes of the Meeting held on 15 January 2025", (1, 2)),
             ("4", "Public Questions", None),
             ("5", "Review of Fees and Charges for Leisure Services 2025/26", (3, 3)),
             ("6", "Household Waste Collection Round Optimisation", None),
             ("7", "Committee Work Programme 2025/26", None)]

    def agenda(code, title, pages, extra=None):
        g.agenda_item(code, title, pages or (None, None))
        p.need(p.lh * 2)
        yy = p.get_y()
        p.f("B", 10.5)
        p.set_xy(20, yy)
        p.cell(10, p.lh, code + ".")
        p.set_xy(32, yy)
        p.multi_cell(124, p.lh, title, new_x="LMARGIN", new_y="NEXT")
        if pages:
            p.f("", 10)
            p.set_xy(160, yy)
            p.cell(30, p.lh, f"(Pages {pages[0]} - {pages[1]})" if pages[0] != pages[1] else f"(Page {pages[0]})",
                   align="R")
            p.set_y(max(p.get_y(), yy + p.lh))
        if extra:
            p.para(extra, x=32, right=158, size=9.5, style="I", after=0)
        p.ln(1.8)

    notes = {"3": "To approve as a correct record the minutes of the meeting held on 15 January 2025.",
             "5": "Report of the Leisure Services Manager.", "6": "Report to follow."}
    for code, title, pages in items:
        agenda(code, title, pages, notes.get(code))
    p.say("PART II - ITEMS LIKELY TO BE CONSIDERED IN PRIVATE", style="B", size=10, after=1.5)
    agenda("8", "Exclusion of the Public and Press", None,
           "To consider passing a resolution under Section 100A(4) of the Local Government Act 1972 to exclude "
           "the public and press for the following item (paragraph 3 of Part 1 of Schedule 12A).")
    agenda("9", "Leisure Centre Operator Contract Extension", None, "Exempt report of the Head of Leisure and Culture.")

    # ---- minutes of the previous meeting: pack pages 1-2
    p.add_page()
    start = p.page_no()
    g.document("minutes", "Minutes of the Environment and Leisure Committee, 15 January 2025", start)
    m = g.minutes("Environment and Leisure Committee", "2025-01-15", "18:30",
                  "COUNCIL CHAMBER, CIVIC CENTRE, HOLLINMOOR")
    p.rec = m
    p.say("HOLLINMOOR DISTRICT COUNCIL", style="B", size=12, align="C", h=6)
    p.say("ENVIRONMENT AND LEISURE COMMITTEE", style="B", size=12, align="C", h=6, after=1)
    p.para("MINUTES OF THE MEETING HELD IN THE COUNCIL CHAMBER, CIVIC CENTRE, HOLLINMOOR ON WEDNESDAY, "
           "15 JANUARY 2025 AT 6.30 PM", x=30, right=180, align="C", style="B", size=10, after=3)
    cllrs = [("K Ashworth", " (Chair)"), ("B Dalby", " (Vice-Chair)"), ("L Everitt", ""), ("R Goodall", ""),
             ("S Holroyd", ""), ("P Illingworth", ""), ("T Jagger", ""),
             ("W Marsden", " (substitute for Councillor M Fawcett)")]
    m.d["present"] = [n for n, _ in cllrs]
    m.d["substitutes"] = [{"present": "W Marsden", "for": "Councillor M Fawcett"}]
    p.label("PRESENT:", "Councillors " + names_list([n + r for n, r in cllrs]), 20, 58, size=10)
    officers = [("G Sowden", "Head of Environmental Services"), ("F Tillotson", "Leisure Services Manager"),
                ("J Pearce", "Democratic Services Officer")]
    p.label("OFFICERS PRESENT:", names_list([f"{n} ({r})" for n, r in officers]), 20, 58, size=10, after=3)
    m.d["in_attendance"] = [n for n, _ in officers] + ["Mr A Crossley"]

    def item(num, title):
        m.item(num, title)
        p.heading(num, title, 20, 32, before=2)

    def body(text, **kw):
        p.para(text, x=32, **kw)

    item("34", "APOLOGIES FOR ABSENCE AND SUBSTITUTIONS")
    m.d["apologies"] = ["Councillor M Fawcett"]
    body("Apologies for absence were received from Councillor M Fawcett. Councillor W Marsden attended as "
         "substitute.")
    item("35", "DECLARATIONS OF INTEREST")
    body("There were no declarations of interest.")
    item("36", "MINUTES")
    body("RESOLVED - That <r>the minutes of the meeting held on 13 November 2024 be approved as a correct "
         "record and signed by the Chair</r>.")
    item("37", "PUBLIC QUESTIONS")
    body("Mr A Crossley asked when the public toilets in Ellerby Park would reopen. The Chair replied that "
         "the refurbishment contract had been let and the toilets would reopen by Easter.")
    item("38", "STREET CLEANSING PERFORMANCE 2024/25")
    body("The Head of Environmental Services presented the mid-year performance report. 94% of streets "
         "surveyed had met the litter standard, against a target of 92%, but fly-tipping reports had risen "
         "by 18% compared with the same period last year.")
    body("RESOLVED - That <r>(1) the performance report be noted; and (2) a litter enforcement pilot be "
         "undertaken in Hollinmoor town centre from April 2025</r>.")
    body("<o>The Head of Environmental Services</o> to <a>report the outcome of the pilot to the Committee in "
         "October 2025</a>.")
    item("39", "PLAY AREA INVESTMENT PROGRAMME")
    body("The Leisure Services Manager presented the proposed programme for the refurbishment of eleven "
         "play areas over two years, funded from developer contributions and the capital programme. Members "
         "asked that inclusive equipment be included at every site.")
    v = (6, 2, 0)
    body("On being put to the vote the recommendation was carried "
         f"(For {v[0]}, Against {v[1]}, Abstain {v[2]}).")
    m.vote(*v, "carried")
    body("RESOLVED - That <r>the play area investment programme 2025-2027 of £640,000 be approved</r>.")
    item("40", "GARDEN WASTE SUBSCRIPTION SCHEME 2025/26")
    body("The Head of Environmental Services reported that 21,460 households had subscribed to the garden "
         "waste service in 2024/25, 6% more than in the previous year, and that the service had covered its "
         "costs. The report proposed increasing the annual charge from £48 to £52, with a discount of £5 for "
         "subscriptions taken out before 1 March, and extending the season to the end of November.")
    body("Members discussed the effect of the increase on take-up, the number of missed collections in "
         "the autumn and the option of a second bin at a reduced charge. Councillor Everitt asked that the "
         "renewal letters explain the reasons for the increase.")
    body("RESOLVED - That <r>(1) the annual charge for the garden waste service be set at £52 from 1 April "
         "2025, with a discount of £5 for subscriptions received before 1 March; and (2) the collection "
         "season be extended to the last week of November</r>.")
    body("<o>The Head of Environmental Services</o> to <a>include an explanation of the increase in the "
         "renewal letters to subscribers</a>.")
    item("41", "WORK PROGRAMME")
    body("The Committee considered its work programme for the remainder of the municipal year. Members asked "
         "for a report on the Ellerby Park toilets refurbishment and an update on the fly-tipping "
         "enforcement pilot.")
    body("RESOLVED - That <r>the work programme be noted, subject to the addition of a report on the Ellerby "
         "Park toilets refurbishment at the June 2025 meeting</r>.")
    p.ln(2)
    p.need(24)
    p.say("The meeting closed at 8.05 pm.", x=32)
    p.ln(6)
    p.say("Chair ..............................................", x=32)
    m.note("Minutes of the previous meeting inside the pack (pack pages 1-2, PDF pages "
           f"{start}-{start + 1}). Headings 'NN TITLE' in capitals without a dot; 'RESOLVED - That'. "
           "PRESENT: 'Councillors ...' with Councillor W Marsden substitute for Councillor M Fawcett. "
           "Officers and the public questioner Mr A Crossley in in_attendance. Vote 6-2-0 in minute 39. "
           "The report asked for in minute 41 is a request of the Committee, not an action (no owner).")
    p.rec = None
    if p.page_no() != start + 1:
        raise RuntimeError(f"Hollinmoor minutes must fill pack pages 1-2: start {start}, now {p.page_no()}")

    # ---- report: pack page 3
    p.add_page()
    rep_page = p.page_no()
    subject = "Review of Fees and Charges for Leisure Services 2025/26"
    g.document("report", subject, rep_page)
    p.say("HOLLINMOOR DISTRICT COUNCIL", style="B", size=12, h=6, after=3)
    by = "Felicity Tillotson, Leisure Services Manager"
    for lab, val in [("Report to:", "Environment and Leisure Committee"), ("Date:", "12 March 2025"),
                     ("Report of:", by), ("Subject:", subject), ("Wards affected:", "All"),
                     ("Key decision:", "No"), ("Exempt:", "No")]:
        p.label(lab, val, 20, 58, after=0.8)
    p.ln(3)
    sections = [
        ("1. Purpose of Report", "To set the fees and charges for the Council's leisure centres, sports "
         "pitches and Ellerby Park pavilion for 2025/26."),
        ("2. Recommendation", "That the Committee approves the fees and charges set out in Appendix A with "
         "effect from 1 April 2025."),
        ("3. Background", "Fees and charges are reviewed every year. The proposals increase most charges by "
         "3.5%, in line with the budget assumption, and freeze junior and concessionary prices for a second "
         "year. Swimming lessons rise by £0.30 to £7.80 a session and adult pitch hire by £2.00 to £58.00 a "
         "match. The proposals would raise about £46,000 of additional income in 2025/26."),
        ("4. Consultation", "The leisure centre users' forum was consulted in January 2025 and supported the "
         "freeze on junior prices."),
        ("5. Financial Implications", "The additional income has been included in the 2025/26 budget "
         "approved by Council on 20 February 2025."),
        ("6. Background Papers", "None. Appendix A: Schedule of Fees and Charges 2025/26 (circulated "
         "separately)."),
    ]
    for head, text in sections:
        p.say(head, style="B", after=0.5)
        p.para(text, x=25, align="J", after=2.5)
    if p.page_no() != rep_page:
        raise RuntimeError("Hollinmoor report must fit pack page 3")

    g.d["reports"] = [{"subject": subject, "by": [by], "to": "Environment and Leisure Committee - 12 March 2025",
                       "decision_no": None, "classification": None, "first_page": rep_page,
                       "note": "Labelled cover fields 'Report to:', 'Date:', 'Report of:', 'Subject:'. "
                               "'2. Recommendation' is a recommendation, not a decision."}]
    g.d["note"] = ("ModernGov-style summons pack: page 1 front sheet (contact block, membership in the 'To:' line, "
                   "summons sentence, 'A G E N D A' letter-spaced, PART I / PART II, page references at the right "
                   "'(Pages 1 - 2)', '(Page 3)', italic notes under some items: not part of the titles); pages 2-3 "
                   "the minutes of 15 January 2025 (printed 'Page 1', 'Page 2'); page 4 the report for item 5 "
                   "(printed 'Page 3'). Agenda pages are the printed pack page numbers. The membership list is "
                   "not attendance. Item 8's 'To consider passing a resolution' is not a resolution.")
    return p, g


# ---------------------------------------------------------------------------


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", nargs="?", type=Path, default=DEFAULT_OUT, help="folder for the PDFs (default %(default)s)")
    ap.add_argument("--write-gold", action="store_true", help="(re)write benchmarks/holdout/gold/*.json")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    stale = []
    for build in PAPERS:
        paper, gold = build()
        pdf_path = args.out / (gold.stem + ".pdf")
        paper.output(str(pdf_path))
        data = gold.as_dict()
        text = json.dumps(data, indent=1, ensure_ascii=False) + "\n"
        gold_path = GOLD_DIR / (gold.stem + ".json")
        if args.write_gold:
            GOLD_DIR.mkdir(parents=True, exist_ok=True)
            gold_path.write_text(text, encoding="utf-8")
        elif not gold_path.exists() or gold_path.read_text(encoding="utf-8") != text:
            stale.append(gold_path.name)
        print(f"{pdf_path}  ({paper.pages_count} pages)")
    if stale:
        print("gold differs from the papers (run with --write-gold):", ", ".join(stale), file=sys.stderr)
        return 1
    return 0


PAPERS = [
    thornby_moor,
    glenmorven,
    fernbridge,
    ashmore_vale,
    sedgebury,
    northwold,
    abercerwyn_en,
    abercerwyn_cy,
    pennine_vale,
    wealdmoor,
    blackmoor_hills,
    haverleigh,
    kestermouth_agenda,
    hollinmoor_pack,
]

if __name__ == "__main__":
    sys.exit(main())
