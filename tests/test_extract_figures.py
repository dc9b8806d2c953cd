"""Figures: money, percentages and counts, as council papers print them."""

import pytest
from helpers import lines_of

from councilpapers.ingest.extractors.figures import find_figures
from councilpapers.ingest.model import Line

BUDGET_PACK = "pdfs/kent-county-council-2025-02-13-budget-amendments-pack.pdf"


def figures(text: str, kind: str | None = None):
    return [f for f in find_figures(lines_of(text)) if kind is None or f.kind == kind]


@pytest.mark.parametrize(
    "sentence, written, value, unit",
    [
        ("The annual value of the contract is £23m.", "£23m", 23_000_000, "GBP"),
        ("A grant of £2.3 million was agreed.", "£2.3 million", 2_300_000, "GBP"),
        ("The award was accompanied by a cheque for £1,000.", "£1,000", 1_000, "GBP"),
        ("The post is paid £15,000 per annum.", "£15,000 per annum", 15_000, "GBP"),
        ("to avoid an £8m shortfall in Kent.", "£8m", 8_000_000, "GBP"),
        ("The capital programme is £1.2bn over ten years.", "£1.2bn", 1_200_000_000, "GBP"),
        ("A saving of £500k is planned.", "£500k", 500_000, "GBP"),
        ("financial plan results in £500.0k more in reserves", "£500.0k", 500_000, "GBP"),
        ("School Public Health Services (KCHFT) –£4,859, 856", "£4,859, 856", 4_859_856, "GBP"),
        ("APPROVED the amount of $ 72,030,000.00 for the project.", "$ 72,030,000.00", 72_030_000, "USD"),
        ("a rephasing variance of -£124.5m on the capital programme", "-£124.5m", -124_500_000, "GBP"),
        ("an overspend of +£23.3m (excluding schools)", "+£23.3m", 23_300_000, "GBP"),
        ("There was an overspend of over £1m last year.", "over £1m", 1_000_000, "GBP"),
        ("(£1m in 2024-25 reducing to zero in 2027-28)", "£1m", 1_000_000, "GBP"),
    ],
)
def test_money_as_written(sentence, written, value, unit):
    (found,) = figures(sentence, "money")
    assert (found.text, found.value, found.unit) == (written, value, unit)


def test_brackets_are_a_negative_in_a_table_row_and_an_aside_in_prose():
    text = (
        "Adult Social Care 127.1 129.5 (£0.5m) 2.4\n"
        "There were pressures on both residential care (£2.2m) and semi-independent\n"
        "placements (£2.3m).\n"
    )
    assert [f.value for f in figures(text, "money")] == [-500_000, 2_200_000, 2_300_000]


def test_a_comma_after_an_amount_is_punctuation():
    text = "The state tax was $6.52, the county tax was $5.40, and £1,000, not more."
    assert [f.value for f in figures(text, "money")] == [6.52, 5.40, 1_000]


def test_column_headers_are_not_figures():
    text = "All figures in £m\n£000s £000s £000s\n£000's\nRevenue £'000 2024-25\n"
    assert figures(text, "money") == []


@pytest.mark.parametrize(
    "sentence, written, value",
    [
        ("the results showed a 4% improvement on last year.", "4%", 4),
        ("Cases reviewed within timescales 90.1% A 1,865 2,070", "90.1%", 90.1),
        ("The statistical neighbour average is 66.6 per cent.", "66.6 per cent", 66.6),
        ("with over 73% of children in care remaining in the same placement", "over 73%", 73),
        ("Youth offending rate -0.2% on the quarter", "-0.2%", -0.2),
        ("therefore was 23 %, well below England average", "23 %", 23),
    ],
)
def test_percentages(sentence, written, value):
    (found,) = figures(sentence, "percent")
    assert (found.text, found.value, found.unit) == (written, value, "%")


def test_scorecard_row_numbers_and_percentage_age_are_not_percentages():
    text = (
        "12 % of CP Visits held within timescale H SS 94.2% G 6226 6608\n"
        "their teeth checked by a dentist 2013 %age of children who had their teeth\n"
        "Number of OLA CIC placed in Kent L SS 1254 1226 1211\n"
        "% becoming looked after within 24 months L YTD 5.5% 47 857\n"
    )
    assert [f.value for f in figures(text, "percent")] == [94.2, 5.5]


@pytest.mark.parametrize(
    "sentence, written, value, unit",
    [
        ("e) an overview of services provided to Kent's 2,330 children and young people", "2,330 children", 2330, "children"),
        ("held last week attended by 80 carers and a number of social workers", "80 carers", 80, "carers"),
        ("26 locum social workers in four teams had been recruited", "26 locum social workers", 26, "social workers"),
        ("The data refers to 58 cases, with an average of 549 days", "58 cases", 58, "cases"),
        ("There were now 963 UASC being looked after", "963 UASC", 963, "UASC"),
        ("seven new IROs had been employed", "seven new IROs", 7, "IROs"),
        ("with over fifty staff recruited as a result", "over fifty staff", 50, "staff"),
        ("assisting forty seven individuals to run training", "forty seven individuals", 47, "individuals"),
        ("to have 342.2 whole-time equivalent health visitors in post", "342.2 whole-time equivalent health visitors",
         342.2, "health visitors"),
        ("151 out of 2,511 children did not communicate their views", "151 out of 2,511 children", 151, "children"),
        ("there were 967 Care Leavers.", "967 Care Leavers", 967, "care leavers"),
    ],
)
def test_counts(sentence, written, value, unit):
    found = figures(sentence, "count")
    assert (found[0].text, found[0].value, found[0].unit) == (written, value, unit)


def test_a_count_across_a_line_wrap_cites_the_line_of_its_number():
    text = (
        "year, 143 children had been placed for adoption, 181 children had been adopted and 138\n"
        "new adopters approved. A three month moratorium had been placed on recruitment.\n"
    )
    counts = figures(text, "count")
    assert [(f.text, f.index) for f in counts] == [
        ("143 children", 0), ("181 children", 0), ("138 new adopters", 0),
    ]
    assert counts[-1].context.endswith("138 new adopters approved.")


@pytest.mark.parametrize(
    "text",
    [
        "The meeting will be held on 13 February 2025 at 10.00 am in the Council Chamber.",
        "In 2015 children in care were consulted.",
        "Contact: Ann Hunter, Tel: 03000 416 287, Sessions House, Maidstone ME14 1XQ",
        "B1 Minutes of the meeting held on 15 March 2016 (Pages 5 - 16)",
        "Item 5 Children in care update; see Appendix 2 children's services dashboard.",
        "Minute 153 children's services; paragraph 12 staff were thanked.",
        "Young people aged 16 and 17 years and Key Stage 4 pupils.",
        "3.1 Children in Care are supported by the Virtual School.",
        "12 Children and young people should be involved in decisions.",
        "LILAC Standard achieved 13 Children and young people should be in control.",
        "A 1.4 Children are being effectively safeguarded from harm",
        "4 Early Help Assessments and plans are of a high standard",
        "Volume 0 50 100 150 200 children",
        "fewer than one in three children in care attained level 4.",
        "As of 30/09/15 there were placements for 5-11 year olds over 10 years.",
        "No recorded disability < 3 Placements 3+ Placements",
        "a rate of 56 per 10,000 children looked after",
        "on 3 monthly visits and 2 weeks later",
    ],
)
def test_things_that_are_not_counts(text):
    assert [f.text for f in figures(text, "count")] == []


def test_index_is_the_position_in_lines_and_the_context_is_the_sentence():
    text = (
        "Recommendations\n"
        "\n"
        "The Panel noted that the annual value of the\n"
        "contract is £23m. The contract starts in October.\n"
    )
    (found,) = find_figures(lines_of(text, first=500))
    assert found.index == 3
    assert found.context == "The Panel noted that the annual value of the contract is £23m."


def test_context_is_at_most_300_characters_and_keeps_the_figure():
    text = "A" + " very" * 100 + " long sentence about £8m and" + " more words" * 60 + "."
    (found,) = figures(text, "money")
    assert len(found.context) <= 300
    assert "£8m" in found.context


def test_real_kent_budget_pack_money_with_pages(shared_file):
    from councilpapers.ingest.readers import read_file

    lines = read_file(shared_file(BUDGET_PACK)).body()
    money = [(f.text, f.value, lines[f.index].page) for f in find_figures(lines) if f.kind == "money"]
    assert len(money) >= 30
    assert all(page for _, _, page in money)
    assert ("£61.5m", 61_500_000, 6) in money
    assert ("£12.21 per hour", 12.21, 5) in money
    assert not any(text.startswith("£000") for text, _, _ in money)


def test_a_gap_in_line_numbers_is_a_paragraph_break():
    # Readers drop blank lines: lines 10 and 12 are two paragraphs, 20 and 22 one
    # sentence across a dropped page footer.
    lines = [
        Line(10, 1, "Summary of the report"),
        Line(12, 1, "The annual grant is £8m this year. There were 138"),
        Line(14, 1, "Children in Care Council members at the event."),
        Line(20, 1, "The service supported"),
        Line(22, 2, "97 young people in residence."),
    ]
    found = find_figures(lines)
    assert [(f.text, f.context) for f in found] == [
        ("£8m", "The annual grant is £8m this year."),
        ("97 young people", "The service supported 97 young people in residence."),
    ]


# Counts whose noun is elsewhere in the sentence ("linked" counts).


@pytest.mark.parametrize(
    "sentence, written, value, unit",
    [
        # "N of these/those/them/which/whom": the thing counted comes before.
        ("There are 248 young people placed in other local authorities, 113 of\nthese are in Medway.",
         "113 of these", 113, "young people"),
        ("Last year we staffed 32 employees, 31 of those live in the City.", "31 of those", 31, "employees"),
        ("assessed 8 organisations (six of which are directly commissioned by KCC", "six of which", 6,
         "organisations"),
        ("There were 70 referrals this year. 12 of them were from schools.", "12 of them", 12, "referrals"),
        # "of which/whom N" + a verb.
        ("There are 30 FTE IRO's split across the two districts of which 13 are currently locum staff.",
         "13", 13, "IRO's"),
        ("against 7 standards of which 4 were achieved", "4", 4, "standards"),
        ("an audit in April 2016 of 70 cases, of which, 23 were of children in care.", "23", 23, "cases"),
        # "N out of M" + a verb.
        ("205 out of 2,070 were reviewed out of timescale.", "205 out of 2,070", 205, ""),
        # A change from or to a number, when the sentence counts something.
        ("There were now 963 UASC being looked after (having increased from 386\nin March 2015);", "386", 386,
         "UASC"),
        ("In 2011 and 2012 Kent had 190 UASC young people and this rose to 220 in 2014.", "220", 220, "UASC"),
        ("The number of referrals fell from 16,779 to 15,200 last year.", "16,779", 16779, "referrals"),
        # "the number of <noun> numbered/was N".
        ("the number of unallocated cases\nnumbered 130 for August, 126 of which related to UASC", "130", 130,
         "cases"),
        ("The number of children in care at the end of March was 1,812.", "1,812", 1812, "children"),
        ("Complaints totalled 85 in the year.", "85", 85, "complaints"),
        # A group of things: "intake of N", "caseload of N".
        ("compared to last year’s intake of 40, in addition to 8 secondees", "40", 40, "intake"),
        ("each worker has a caseload of 18, which is high.", "18", 18, "cases"),
        ("expected the intake of new graduates to be around 50, compared to last year’s intake of 40.", "40", 40,
         "graduates"),
        # A bound only a count fits.
        ("Reduction in referrals to SCS to ‘no more than 16,779’- EYPS Business Plan", "no more than 16,779",
         16779, "referrals"),
        ("a twenty five bed capacity unit", "twenty five bed capacity", 25, "beds"),
        # A capacity counts beds or places.
        ("levels of occupancy of its fifty bed capacity.", "fifty bed capacity", 50, "beds"),
        ("The home has a 12-place capacity.", "12-place capacity", 12, "places"),
        # "N <things> of <counted noun>", "N of the [M] <counted noun>".
        ("Some 120 audited experiences of children and young people were then scrutinised",
         "Some 120 audited experiences", 120, "experiences"),
        ("15 of the 47 children with a plan for adoption had a plan agreed", "15 of the 47 children", 15, "children"),
        ("Only 6 of the looked after children attended.", "6 of the looked after children", 6, "children"),
    ],
)
def test_linked_counts(sentence, written, value, unit):
    found = [f for f in figures(sentence, "count") if f.value == value]
    assert [(f.text, f.value, f.unit) for f in found] == [(written, value, unit)]


def test_a_numeral_that_continues_a_list_counts_what_the_list_began_with():
    text = "130 children had 3 placements, 45 had 4 placements and 36 had 5 or more placements."
    assert [(f.text, f.unit) for f in figures(text, "count")] == [
        ("130 children", "children"), ("3 placements", "placements"), ("45", "children"),
        ("4 placements", "placements"), ("36", "children"),
    ]


def test_a_heading_a_blank_line_above_is_no_label():
    # Readers drop blank lines: the gap between lines 10 and 12 is one.
    lines = [
        Line(10, 1, "CIC reviews outside of timescale by gender and age"),
        Line(12, 1, "205 out of 2,070 were reviewed out of timescale."),
    ]
    assert [f.text for f in find_figures(lines) if f.kind == "count"] == ["205 out of 2,070"]
    text = "Reviews by gender and age\n\n205 out of 2,070 were reviewed out of timescale."
    assert [f.text for f in figures(text, "count")] == ["205 out of 2,070"]
    # On one line, or wrapped without a break, the label holds.
    assert figures("Young people aged\n16 out of 18 were consulted.", "count") == []


@pytest.mark.parametrize(
    "text, counts",
    [
        # Years, dates, times, money, percentages, measures are not linked counts.
        ("There were 963 UASC being looked after, having increased from 2014 to 2015.", ["963 UASC"]),
        ("There were 963 UASC; waiting times increased from 12 months to 18 months.", ["963 UASC"]),
        ("There were 963 UASC, and the share increased from 12% to 15%.", ["963 UASC"]),
        ("There were 963 UASC, and the cost increased from £2m to £3m.", ["963 UASC"]),
        ("The 30 staff worked from 9 to 5 on weekdays.", ["30 staff"]),
        ("130 children had 3 placements, 2015 had fewer.", ["130 children", "3 placements"]),
        ("130 children were seen on 3 March, 14:00 had passed.", ["130 children"]),
        ("The 12 children were aged 16, 17 and 18.", ["12 children"]),
        ("The meeting at 10.00 of which we spoke.", []),
        ("A total of £5m was spent, of which 3 was capital.", []),
        ("The intake of 2015 was larger; capacity of 50% was reached.", []),
        ("The population of Kent is 1.5 million; a population of 1.5 million lives here.", []),
        ("There was a backlog of 3 weeks.", []),
        ("The number of referrals stood at 24 per 10,000 children.", []),
        ("The 2016 bed capacity figures and a 50 MW capacity solar farm.", []),
        # Labels, item and page numbers, phone numbers, references.
        ("See page 5 of these papers and Appendix 2 of which the first part.", []),
        ("Item 5 of which the recommendations; paragraph 3 of these regulations.", []),
        ("Key Stage 4 of these pupils was reviewed.", []),
        ("Volume 2 of these reports was published on 13 February 2025.", []),
        ("Principle 3 of the staff code applies.", []),
        ("In sections 20 and 21 of the Children Act 1989 children are protected.", []),
        ("Tel: 01622 694 of which the extension is 12.", []),
        ("Application 15/00067 of which the decision was deferred.", []),
        # Ages, scores and fractions.
        ("The number of young people who were 16 rose sharply.", []),
        ("Young people aged no more than 16 can apply.", []),
        ("Referrals should be no more than 16 years old.", []),
        ("She scored 8 out of 10 in the survey.", []),
        ("Three quarters of children with disabilities had one placement.", []),
        ("Two thirds of the pupils attended.", []),
    ],
)
def test_things_that_are_not_linked_counts(text, counts):
    assert [f.text for f in figures(text, "count")] == counts
