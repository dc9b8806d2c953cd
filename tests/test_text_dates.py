"""One dates module: dates as papers write them (English and Welsh), UK
numeric dates, and the partial dates users type for ranges."""

from datetime import date

import pytest
from click.testing import CliRunner

from councilpapers.cli import main
from councilpapers.search import query as Q
from councilpapers.text import dates
from councilpapers.text.dates import (
    BadDate, MONTH_NAMES, add_period, count_of, find_date, find_time, month_end, month_name, month_number,
    names_next_meeting, next_month_end, parse_date, partial_date, whole_date,
)


@pytest.mark.parametrize("text, day", [
    ("Thursday, 13th February, 2025", date(2025, 2, 13)),
    ("Milburn Parish Council - 5th March 2019", date(2019, 3, 5)),
    ("MEETING 11th SEPTEMBER 2019", date(2019, 9, 11)),
    ("held on the 1st May 2019 at", date(2019, 5, 1)),
    ('Held on 18" March 2014', date(2014, 3, 18)),  # OCR's superscript "th"
    ("January 27, 2020, 7:00 p.m.", date(2020, 1, 27)),
    ("26 of May 2016", date(2016, 5, 26)),
])
def test_english_dates(text, day):
    assert find_date(text)[0] == day


@pytest.mark.parametrize("text, day", [
    ("CYFARFOD 14eg TACHWEDD 2018", date(2018, 11, 14)),
    ("am 7.30pm ar y 14eg Tachwedd 2018 yn yr Ystafell", date(2018, 11, 14)),
    ("a gynhaliwyd ar y 10fed Hydref 2018", date(2018, 10, 10)),
    ("1af Ionawr 2019", date(2019, 1, 1)),
    ("2il Chwefror 2019", date(2019, 2, 2)),
    ("3ydd Mawrth 2019", date(2019, 3, 3)),
    ("4ydd Ebrill 2019", date(2019, 4, 4)),
    ("5ed Mai 2019", date(2019, 5, 5)),
    ("11eg Medi 2019", date(2019, 9, 11)),
    ("22ain Mehefin 2020", date(2020, 6, 22)),
    ("31 Gorffennaf 2019", date(2019, 7, 31)),
    ("6ed Awst 2019", date(2019, 8, 6)),
    ("12 Rhagfyr 2018", date(2018, 12, 12)),
    ("14eg o Dachwedd 2018", date(2018, 11, 14)),  # the month's soft mutation after "o"
    ("Dydd Mercher, 11eg Medi 2019", date(2019, 9, 11)),
    ("Dydd Mawrth 5 Mawrth 2019", date(2019, 3, 5)),  # "Mawrth" is Tuesday and March
])
def test_welsh_dates(text, day):
    assert find_date(text)[0] == day


def test_every_welsh_month():
    for number, name in enumerate(MONTH_NAMES["cy"], 1):
        assert find_date(f"1 {name} 2019")[0] == date(2019, number, 1), name
        assert month_name(number, "cy") == name
    assert month_name(5) == "May"


@pytest.mark.parametrize("text, day", [
    ("11.09.2019", date(2019, 9, 11)),
    ("11/09/2019", date(2019, 9, 11)),
    ("Date: 4-2-2025", date(2025, 2, 4)),
])
def test_numeric_dates_are_day_first(text, day):
    assert find_date(text)[0] == day


def test_impossible_and_ambiguous_numbers_are_no_date():
    assert find_date("31/02/2025") == (None, None)
    assert find_date("minute 19.03.5") == (None, None)
    assert find_date("11/09.2019") == (None, None)  # one separator, not two


def test_a_written_date_comes_before_a_numeric_one():
    assert find_date("Printed 01/01/2020 for the meeting on 5th March 2019")[0] == date(2019, 3, 5)


def test_a_date_without_its_year_takes_it_from_the_context():
    assert find_date("Monday 23rd November")[0] is None
    assert find_date("Monday 23rd November", date(2015, 12, 8))[0] == date(2015, 11, 23)
    assert parse_date("14eg Tachwedd", date(2018, 12, 12)) == date(2018, 11, 14)


def test_whole_dates():
    assert whole_date("15/01/2025") == date(2025, 1, 15)
    assert whole_date("2025-01-15") == date(2025, 1, 15)
    assert whole_date("15 Jan 2025") == whole_date("Wednesday 15 January 2025") == date(2025, 1, 15)
    for text in ("15 January", "31/02/2025", "15 January 2025 7:00 pm", "", None):
        assert whole_date(text) is None


def test_times():
    assert find_time("at 7.30pm ar y") == "19:30"
    assert find_time("10.00 am") == "10:00"
    assert find_time("19:30") == "19:30"


@pytest.mark.parametrize("text, span", [
    ("2016", (date(2016, 1, 1), date(2016, 12, 31))),
    ("2016-02", (date(2016, 2, 1), date(2016, 2, 29))),
    ("2016-5", (date(2016, 5, 1), date(2016, 5, 31))),
    ("2016-05-26", (date(2016, 5, 26), date(2016, 5, 26))),
    (" 2016-05 ", (date(2016, 5, 1), date(2016, 5, 31))),
])
def test_partial_dates(text, span):
    assert partial_date(text) == span


@pytest.mark.parametrize("text", ["2016-13", "2016-00", "0000", "16", "2016-02-30", "2016-05-26-1", "last year", "", "2016/05"])
def test_bad_partial_dates_are_a_clean_error(text):
    with pytest.raises(BadDate, match="is not a date like 2016, 2016-05 or 2016-05-26"):
        partial_date(text)


@pytest.mark.parametrize("text", ["2016-13", "0000", "2016-02-30"])
def test_bad_partial_dates_are_a_bad_query_and_a_usage_error(text, tmp_path):
    with pytest.raises(Q.BadQuery, match="is not a date like"):
        Q.date_range(f"{text}..")
    result = CliRunner().invoke(main, ["--home", str(tmp_path / "home"), "search", "foster", "--since", text])
    assert result.exit_code == 2 and "is not a date like" in result.output
    assert "Traceback" not in result.output


def test_the_cli_and_the_query_language_read_partial_dates_alike():
    for text in ("2016", "2016-02", "2016-05-26"):
        assert Q.date_range(text) == partial_date(text)


def test_month_ends_and_periods_for_due_dates():
    assert month_end(2024, 2) == date(2024, 2, 29) and month_end(2025, 2) == date(2025, 2, 28)
    assert next_month_end(3, date(2025, 1, 14)) == date(2025, 3, 31)
    assert next_month_end(3, date(2025, 5, 13)) == date(2026, 3, 31)  # "by March" written in May: next year's
    assert [month_number(w) for w in ("Sept.", "march", "Tachwedd", "Dachwedd", "Smarch")] == [9, 3, 11, 11, None]
    assert (count_of("two"), count_of("28"), count_of("Twenty-eight")) == (2, 28, 28)
    assert add_period(date(2025, 1, 14), 28, "days") == date(2025, 2, 11)
    assert add_period(date(2025, 5, 13), 2, "weeks") == date(2025, 5, 27)
    assert add_period(date(2025, 1, 31), 1, "month") == date(2025, 2, 28)
    assert add_period(date(2025, 11, 30), 3, "months") == date(2026, 2, 28)
    assert names_next_meeting("report back to the next meeting") and names_next_meeting("Next meeting")
    assert not names_next_meeting("by 31 March 2025") and not names_next_meeting(None)


def test_plain_english_dates_read_without_dateparser_as_dateparser_reads_them():
    import dateparser

    phrases = ["26 May 2016", "Thursday, 26th May, 2016", "9 January 2025", "09 Jan 2025",
               "May 26, 2016", "Sept 14 2018", "31 April 2016", "29 February 2023", "29 Feb 2024",
               "1st of December 2019", "December 1st, 2019", "3 SEPTEMBER 2020"]
    for phrase in phrases:
        cleaned = dates._LEADING_WEEKDAY.sub("", phrase)
        cleaned = dates._ORDINAL_SUFFIX.sub("", dates._OF.sub(" ", cleaned)).strip(" ,.")
        assert dates._PLAIN_ENGLISH_DATE.fullmatch(cleaned), phrase  # the fast path reads it
        expected = dateparser.parse(cleaned, languages=["en"], settings=dict(dates._SETTINGS_BASE))
        assert parse_date(phrase) == (expected.date() if expected else None), phrase
