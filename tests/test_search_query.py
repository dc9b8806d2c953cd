"""The query language: parsing, field values, and planning into engine queries."""

from __future__ import annotations

import datetime as dt

import pytest

from councilpapers.search import query as Q
from councilpapers.search.lexicon import _distance


def test_parse_words_phrases_fields_and_operators():
    tree = Q.parse('committee:"corporate parenting" kind:resolution "pupil premium" OR adoption NOT thanet')
    assert isinstance(tree, Q.AndQ)
    first, second, either, negated = tree.parts
    assert first == Q.FieldQ("committee", "corporate parenting", 'committee:"corporate parenting"')
    assert second.name == "kind" and second.value == "resolution"
    assert isinstance(either, Q.OrQ) and either.parts == [Q.Quoted("pupil premium"), Q.Word("adoption")]
    assert negated == Q.NotQ(Q.Word("thanet"))


def test_parse_brackets_minus_and_dangling_operators():
    tree = Q.parse("(adoption OR fostering) -kinship AND")
    assert isinstance(tree, Q.AndQ) and tree.explicit
    assert isinstance(tree.parts[0], Q.OrQ)
    assert tree.parts[1] == Q.NotQ(Q.Word("kinship"))
    assert Q.parse("thanet AND") == Q.Word("thanet")
    # Operators with no word at all ask for nothing (not for everything).
    for text in ("NOT", "AND OR NOT", "( )"):
        with pytest.raises(Q.BadQuery):
            Q.parse(text)
    assert Q.parse("") is None and Q.parse("   ") is None


def test_unknown_fields_and_times_are_words():
    assert Q.parse("10:30") == Q.Word("10:30")
    assert Q.parse("re:budget") == Q.Word("re:budget")
    # Field names are case-insensitive, values keep their case.
    assert Q.parse("Person:Segurola") == Q.FieldQ("person", "Segurola", "Person:Segurola")
    assert Q.parse("year:2015").name == "date"


@pytest.mark.parametrize("text", ['"pupil premium', "(a OR b", "a)"])
def test_unbalanced_is_a_bad_query(text):
    with pytest.raises(Q.BadQuery):
        Q.parse(text)


@pytest.mark.parametrize("spec, expected", [
    ("2015", (dt.date(2015, 1, 1), dt.date(2015, 12, 31))),
    ("2016-02", (dt.date(2016, 2, 1), dt.date(2016, 2, 29))),
    ("2016-05-26", (dt.date(2016, 5, 26), dt.date(2016, 5, 26))),
    ("2015-04..2016-05", (dt.date(2015, 4, 1), dt.date(2016, 5, 31))),
    ("2016..", (dt.date(2016, 1, 1), None)),
    ("..2015-06", (None, dt.date(2015, 6, 30))),
    (">2015", (dt.date(2016, 1, 1), None)),
    ("<=2015-06", (None, dt.date(2015, 6, 30))),
])
def test_date_ranges(spec, expected):
    assert Q.date_range(spec) == expected


@pytest.mark.parametrize("spec", ["last year", "2015-13", "15"])
def test_bad_dates(spec):
    with pytest.raises(Q.BadQuery, match="is not a date"):
        Q.date_range(spec)


def test_amounts():
    assert Q.amount_range(">1000000") == Q.Range("amount", 1_000_000, None, lo_incl=False)
    assert Q.amount_range(">=£1m") == Q.Range("amount", 1_000_000, None)
    assert Q.amount_range("500k..2.5m") == Q.Range("amount", 500_000, 2_500_000)
    assert Q.amount_range("<1,000") == Q.Range("amount", None, 1000, hi_incl=False)
    assert Q.amount_range("£23m") == Q.Range("amount", 23e6, 23e6)
    with pytest.raises(Q.BadQuery):
        Q.amount_range(">lots")


def test_kinds_and_their_aliases():
    assert Q.kind_value("resolutions") == "resolution"
    assert Q.kind_value("minute") == "minute_item"
    assert Q.kind_value("agenda-item") == "agenda_item"
    with pytest.raises(Q.BadQuery, match="not a kind"):
        Q.kind_value("motion")


def planner(**kw):
    return Q.Planner(**kw)


def test_a_word_is_searched_in_every_weighted_field():
    plan = planner().plan("carers")
    assert plan.query == Q.OR(*(Q.Term(f, "carer", b) for f, b in Q.TEXT_FIELDS.items()))
    assert plan.highlight == {"carer"} and plan.scored


def test_fields_are_filters_that_do_not_score():
    plan = planner().plan("kind:resolution date:2015")
    assert not plan.scored
    assert plan.query == Q.AND(Q.Const(Q.Term("kind", "resolution")), Q.Const(Q.Range("date", 20150101, 20151231)))


def test_only_stop_words_is_nothing_to_search():
    assert planner().plan("the and of").query is None


def test_minute_references_pin_but_other_numbers_do_not():
    assert planner().plan("minute 153").pins == [("minute", "153")]
    assert planner().plan("153").pins == [("minute", "153")]
    assert planner().plan("item B1").pins == [("minute", "B1")]
    assert planner().plan("Key Stage 2 results").pins == []
    assert planner().plan("decision 15/00067").pins == [("decision", "15/00067")]


def test_unknown_words_are_corrected_and_suggested():
    known = {"foster", "carer", "survei"}
    plan = planner(known=lambda t: t in known, correct=lambda w: {"fostr": "foster"}.get(w)).plan("fostr carer survey")
    assert plan.suggestion == "foster carer survey"
    assert "foster" in plan.highlight and "fostr" not in plan.highlight


def test_acronyms_expand_both_ways():
    glossary = Q.Glossary([("UASC", "Unaccompanied Asylum Seeking Children")])
    long_terms = ("unaccompani", "asylum", "seek", "children")
    plan = planner(glossary=glossary).plan("UASC")
    assert any(isinstance(t, Q.Phrase) and t.values == long_terms for t in _terms(plan.query))
    plan = planner(glossary=glossary).plan("unaccompanied asylum seeking children")
    assert Q.Term("text", "uasc") in set(_terms(plan.query))
    plan = planner(glossary=glossary).plan('"unaccompanied asylum seeking children"')
    assert Q.Term("text", "uasc") in set(_terms(plan.query))


def test_person_uses_every_form_of_the_name():
    plan = planner(people=lambda name: ({"Segurola"}, {"per-segurola-p"})).plan("person:Philip Segurola")
    terms = set(_terms(plan.query))
    assert Q.Term("people", "segurola") in terms and Q.Term("person_ids", "per-segurola-p") in terms
    owner = planner().plan("owner:Ireland")
    assert Q.Term("kind", "action") in set(_terms(owner.query))


def test_plain_words_relax_but_explicit_and_does_not():
    assert len(planner().plan("allowance kinship review").relaxed) == 2  # two of three, then any
    assert planner().plan("allowance AND kinship").relaxed == []
    assert planner().plan("allowance").relaxed == []


def test_question_words_and_titles_are_not_required():
    plan = planner().plan("how many social workers")
    assert plan.highlight == {"social", "worker"}
    assert planner().plan("Mr Oakford").highlight == {"oakford"}


def test_edit_distance_counts_a_swap_as_one():
    assert _distance("fostr", "foster", 2) == 1
    assert _distance("recieve", "receive", 2) == 1
    assert _distance("adoptoin", "adoption", 2) == 1
    assert _distance("carer", "career", 1) == 1
    assert _distance("abc", "xyz", 1) == 2


def _terms(q):
    if isinstance(q, (Q.Term, Q.Phrase, Q.Range)):
        yield q
    elif isinstance(q, Q.Const):
        yield from _terms(q.child)
    elif isinstance(q, Q.Bool):
        for part in (*q.must, *q.should, *q.must_not):
            yield from _terms(part)


def test_parse_consumes_every_operator_and_bounds_the_query():
    # A run of operators is dropped whatever comes first (it used to loop for ever).
    assert Q.parse("foster AND AND carers") == Q.AndQ([Q.Word("foster"), Q.Word("carers")], explicit=True)
    assert Q.parse("foster OR AND carers") == Q.AndQ([Q.Word("foster"), Q.Word("carers")], explicit=True)
    for text in (" ".join(["w"] * (Q.MAX_QUERY_TERMS + 1)), "x" * (Q.MAX_QUERY_CHARS + 1),
                 "(" * (Q.MAX_QUERY_DEPTH + 1) + "a" + ")" * (Q.MAX_QUERY_DEPTH + 1),
                 "NOT " * (Q.MAX_QUERY_DEPTH + 1) + "a", "NOT " * 2000 + "a"):
        with pytest.raises(Q.BadQuery):
            Q.parse(text)
    assert Q.parse("(" * Q.MAX_QUERY_DEPTH + "a" + ")" * Q.MAX_QUERY_DEPTH) == Q.Word("a")


def test_field_values_that_would_match_everything_are_refused():
    planner = Q.Planner()
    for text in ('kind:""', 'committee:""', "amount:..", "date:..", "date:>9999", "date:<0001", "person:!!!"):
        with pytest.raises(Q.BadQuery):
            planner.plan(text)
