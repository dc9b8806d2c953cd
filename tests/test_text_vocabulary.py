"""Council vocabulary and number patterns are data files, read once; the rules
that use them agree on one definition."""

import re

import pytest

from councilpapers.ingest.extractors import figures
from councilpapers.ingest.model import Line
from councilpapers.ingest.segment import cover_sheets, documents as segment_documents
from councilpapers.search import documents as search_documents, query as Q
from councilpapers.text import vocabulary


def test_files_are_read_without_their_comments():
    for name in ("counted_nouns", "counted_acronyms", "counted_compounds", "decision_numbers"):
        entries = vocabulary.terms(name)
        assert entries and not any(e.startswith("#") or not e.strip() for e in entries)
    assert "children" in vocabulary.terms("counted_nouns")
    assert "foster carers" in vocabulary.terms("counted_compounds")
    assert vocabulary.terms("counted_nouns") is vocabulary.terms("counted_nouns")  # read once


def test_the_figure_extractor_counts_the_vocabulary_words():
    assert figures.COUNTED_NOUNS >= {"children", "carers", "placements"}
    assert "UASC" in figures.COUNTED_ACRONYMS and "foster carers" in figures.COMPOUND_UNITS
    found = figures.find_figures([Line(1, 1, "There were 26 approved foster carers and 963 UASC.")])
    assert [(f.text, f.unit) for f in found] == [("26 approved foster carers", "foster carers"), ("963 UASC", "UASC")]


def test_one_decision_number_pattern_everywhere():
    number = vocabulary.DECISION_NUMBER
    assert re.fullmatch(number, "15/00067") and not re.fullmatch(number, "2015/67")
    assert cover_sheets.DECISION_NO.search("Decision No: 15/00067")["no"] == "15/00067"
    assert segment_documents.DECISION_NO_LABEL.match("DECISION NO: 15/00068")["no"] == "15/00068"
    assert search_documents.DECISION_NO.findall("decisions 15/00067 and 14/00081") == ["15/00067", "14/00081"]
    assert Q.Planner().plan("decision 15/00067").pins == [("decision", "15/00067")]


def test_a_bad_pattern_is_named(monkeypatch):
    monkeypatch.setattr(vocabulary, "terms", lambda name: ("(\\d+)/\\d+",))
    with pytest.raises(vocabulary.VocabularyError, match="captures a group"):
        vocabulary.pattern.__wrapped__("test_capturing")
    monkeypatch.setattr(vocabulary, "terms", lambda name: ("[0-9",))
    with pytest.raises(vocabulary.VocabularyError, match="is not a regular expression"):
        vocabulary.pattern.__wrapped__("test_broken")


def test_a_missing_file_is_named():
    with pytest.raises(vocabulary.VocabularyError, match="no vocabulary file"):
        vocabulary.terms("no_such_vocabulary")
