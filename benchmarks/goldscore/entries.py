"""One constructor per record type, called alike for gold and found records, so the
two sides of a comparison are always built the same way.

Records of the minutes (items, resolutions, attendance, substitutes, actions, votes)
carry their meeting's date, not its committee: they are matched within the meeting of
the same date, so a committee misread costs the meeting row only.
"""

from __future__ import annotations

from .matching import Entry, name_key, normalise_text, number_key

MAIN_KINDS = ("meeting", "minute_item", "resolution", "attendance", "agenda_item", "action")
RECALL_ONLY = {"figure"}  # the gold holds a hand-picked sample of them
DOCUMENT_LINE_SLACK = 3  # a text document may start on its banner or a few lines later
FIGURE_LINE_SLACK = 1
LABEL_WIDTH = 100


def _shown(*parts) -> str:
    text = " | ".join(str(p) for p in parts if p not in (None, ""))
    return text if len(text) <= LABEL_WIDTH else text[: LABEL_WIDTH - 1] + "…"


def meeting(date, committees) -> Entry:
    names = tuple(c for c in committees if c)
    return Entry("meeting", (date,), committees=names, label=_shown(date, *names))


def meeting_detail(date, field: str, value, printed_elsewhere=()) -> Entry:
    """time (HH:MM), venue or status ("cancelled") of the meeting of a date, by the
    text rule (two times a minute apart are only 0.8 alike); what other papers of the
    meeting print is as right."""
    return Entry(
        "meeting_detail", (date, field), texts=(value,), alternatives=tuple(printed_elsewhere),
        label=_shown(date, field, value),
    )


def minute_item(date, number, title) -> Entry:
    return Entry("minute_item", (date, number_key(number)), texts=(title,), label=_shown(date, number, title))


def resolution(date, minute, text) -> Entry:
    return Entry("resolution", (date, number_key(minute)), texts=(text,), label=_shown(date, minute, text))


def attendance(date, name, status: str) -> Entry:
    return Entry("attendance", (date, name_key(name), status), label=_shown(date, status, name))


def substitute(date, present, instead_of) -> Entry:
    return Entry(
        "substitute", (date, name_key(present), name_key(instead_of)),
        label=_shown(date, present, f"for {instead_of}"),
    )


def action(date, minute, owner, task) -> Entry:
    return Entry(
        "action", (date, number_key(minute), name_key(owner)), hint=normalise_text(task),
        label=_shown(date, minute, owner or "(no owner)", task),
    )


def agenda_item(code, title, first_page, last_page) -> Entry:
    return Entry(
        "agenda_item", (number_key(code), first_page, last_page), texts=(title,),
        label=_shown(code, title, f"pages {first_page}-{last_page}" if first_page else ""),
    )


def document_at_line(kind, line) -> Entry:
    """A document of a text sample, where it starts give or take a few lines."""
    return Entry("document", (kind,), near=line, slack=DOCUMENT_LINE_SLACK, label=_shown(kind, f"line {line}"))


def document_at_page(kind, first_page) -> Entry:
    return Entry("document", (kind, first_page), label=_shown(kind, f"page {first_page}"))


def report(subject, decision_no) -> Entry:
    return Entry("report", ((decision_no or "").strip(),), texts=(subject,), label=_shown(decision_no, subject))


def vote(date, minute, votes_for, against, abstain, result) -> Entry:
    counts = tuple(None if n is None else int(n) for n in (votes_for, against, abstain))
    return Entry(
        "vote", (date, number_key(minute), *counts, normalise_text(result)),
        label=_shown(date, minute, "for/against/abstain " + "/".join(str(n) for n in counts), result),
    )


def acronym(short, long) -> Entry:
    return Entry("acronym", ((short or "").strip(),), texts=(long,), label=_shown(short, long))


def figure(kind, value, position, slack: int) -> Entry:
    """A money amount, percentage or count; `position` is a line (samples, within
    FIGURE_LINE_SLACK) or a page (dev gold, exact), None when the gold gives neither."""
    kind = "percent" if kind == "percentage" else kind
    return Entry("figure", (kind, round(float(value), 2)), near=position, slack=slack, label=_shown(kind, value, position))
