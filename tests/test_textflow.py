"""TextFlow: lines as running text, and offsets in it back to their lines."""

from helpers import lines_of

from councilpapers.ingest.textflow import TextFlow
from councilpapers.text.spacing import squash


def test_lines_one_to_a_row_with_a_blank_row_where_a_paragraph_breaks():
    # Line 3 was blank (readers drop it): a paragraph break. Line 6 was a footer
    # dropped from the middle of a sentence: the sentence runs on over it.
    lines = lines_of("Apologies were received.\nThe Panel noted\n\nthe report.\nIt asked for\n\nmore details.",
                     keep_blank=False)
    flow = TextFlow.of_lines(lines)
    assert flow.text == "Apologies were received.\nThe Panel noted\nthe report.\nIt asked for\nmore details."
    lines = lines_of("The report was noted.\n\nThe Panel asked for more.", keep_blank=False)
    flow = TextFlow.of_lines(lines)
    assert flow.text == "The report was noted.\n\nThe Panel asked for more."
    assert flow.line_at(flow.text.index("asked")) == 1  # chunk k is line k
    assert flow.chunk_end(0) == len("The report was noted.\n")  # the blank row comes with it


def test_chunks_joined_lead_back_to_their_lines():
    flow = TextFlow.of_chunks([(3, "Present: Mrs A Allen,"), (4, "Mr B Brown")])
    flow.add(7, "and Mr C Clark", separator=" ")
    assert flow.text == "Present: Mrs A Allen, Mr B Brown and Mr C Clark"
    assert [flow.line_at(flow.text.index(name)) for name in ("Allen", "Brown", "Clark")] == [3, 4, 7]
    assert flow.line_at(flow.text.index(" Mr B")) == 3  # the separator belongs to the line before
    assert len(flow) == 3 and flow.tail(5) == "Clark"


def test_a_flow_built_as_a_rule_goes():
    flow = TextFlow()
    assert not flow and flow.text == "" and flow.line_at(0) == 0
    flow.add(0, "Vice-", " ")  # no separator before the first chunk
    flow.add(1, "Chairman", "" if flow.tail(2).endswith("-") else " ")
    assert flow.text == "Vice-Chairman" and flow.line_at(5) == 1


def test_squash():
    assert squash("  Mrs\n A\u00a0 Allen\t") == "Mrs A Allen"
    assert squash(None) == ""
