"""One money parser: amounts as written, one table of scales, read alike by the
figure extractor and the `amount:` query."""

import pytest

from councilpapers.ingest.extractors.figures import find_figures
from councilpapers.ingest.model import Line
from councilpapers.search import query as Q
from councilpapers.text.money import SCALES, Money, amount, is_column_header, parse_money

FORMS = [
    ("£1,000", 1_000, "GBP"),
    ("£2.3m", 2_300_000, "GBP"),
    ("£4,031.2k", 4_031_200, "GBP"),
    ("£0.4m", 400_000, "GBP"),
    ("£12.21", 12.21, "GBP"),
    ("£5bn", 5_000_000_000, "GBP"),
    ("£5b", 5_000_000_000, "GBP"),
    ("£2mn", 2_000_000, "GBP"),
    ("£2b", 2_000_000_000, "GBP"),
    ("£1 million", 1_000_000, "GBP"),
    ("£3 thousand", 3_000, "GBP"),
    ("£1.2 billion", 1_200_000_000, "GBP"),
    ("$3.5 million", 3_500_000, "USD"),
    ("€750k", 750_000, "EUR"),
    ("£28 miliwn", 28_000_000, "GBP"),
]


@pytest.mark.parametrize("written, value, currency", FORMS)
def test_amounts_as_written(written, value, currency):
    assert parse_money(written) == Money(value, currency)


def test_typed_amounts_need_no_currency():
    assert parse_money("1000000") == Money(1_000_000, None)
    assert parse_money("500k") == Money(500_000, None)
    assert parse_money("2.5M") == Money(2_500_000, None)


def test_brackets_and_minus_signs_are_negative():
    assert parse_money("(£31k)") == Money(-31_000, "GBP")
    assert parse_money("-£124.5m") == Money(-124_500_000, "GBP")


@pytest.mark.parametrize("text", ["£m", "£000s", "£000", "£'000", "lots", "", "£", "(£31k", "£2.3x", "1,00"])
def test_column_headers_and_other_text_are_no_amount(text):
    assert parse_money(text) is None


def test_one_table_of_scales():
    assert set(SCALES) >= {"k", "thousand", "m", "mn", "million", "b", "bn", "billion"}
    assert amount("4,031.2", "k") == 4_031_200
    assert amount("2.3", "M") == 2_300_000
    assert amount("4,859, 856") == 4_859_856
    assert is_column_header("000") and not is_column_header("0") and not is_column_header("0.5")


def _figure_value(written: str) -> tuple[float, str]:
    found = [f for f in find_figures([Line(1, 1, f"The cost is {written} this year.")]) if f.kind == "money"]
    assert len(found) == 1, found
    return found[0].value, found[0].unit


@pytest.mark.parametrize("written, value, currency", FORMS)
def test_the_figure_extractor_and_the_amount_query_agree(written, value, currency):
    assert _figure_value(written) == (value, currency)
    assert Q.money(written) == value
    assert Q.amount_range(f">={written}") == Q.Range("amount", value, None)  # amount:">=£1 million" too


def test_a_bracketed_amount_in_a_table_row_is_negative_for_both():
    row = "Variance (£31k) £12k £4k"
    found = [f for f in find_figures([Line(1, 1, row)]) if f.kind == "money"]
    assert found[0].value == parse_money("(£31k)").value == -31_000


def test_a_bad_amount_is_a_bad_query():
    with pytest.raises(Q.BadQuery, match="is not an amount"):
        Q.amount_range(">£m")
