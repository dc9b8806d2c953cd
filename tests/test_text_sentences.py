"""Where sentences end in minutes' running text (initials, titles, dotted
abbreviations, amounts and paragraph numbers)."""

from councilpapers.text.sentences import RUNS_ON, first_sentence, last_sentence_start, sentence_ends


def test_initials_titles_and_dotted_abbreviations_do_not_end_a_sentence():
    assert first_sentence("Cllr. J. Amis set up the page. Cllr. Amis") == "Cllr. J. Amis set up the page"
    assert first_sentence("sent to C.S.G. Planning Section. Next") == "sent to C.S.G. Planning Section"
    assert first_sentence("Cyng. H. Morgan ac A.W. Price yn gytûn. Clerc") == "Cyng. H. Morgan ac A.W. Price yn gytûn"
    assert first_sentence("see para. 4 and No. 12 below. Then") == "see para. 4 and No. 12 below"


def test_an_amount_a_lower_case_word_or_a_semicolon_do_not_end_one():
    assert first_sentence("a grant of £1,250.00 to the club; and the balance. Clerk") == (
        "a grant of £1,250.00 to the club; and the balance"
    )
    assert first_sentence("£75.00. Clerk to pay") == "£75.00"
    assert first_sentence("the hall e.g. the kitchen. Yes") == "the hall e.g. the kitchen"


def test_a_paragraph_number_after_a_stop_starts_a_new_sentence():
    assert first_sentence("the report be noted. 2. The Chair thanked officers") == "the report be noted"
    assert first_sentence("signed by the Chair. 24/032 Planning") == "signed by the Chair"


def test_sentence_starts_and_ends():
    text = "The report was received. After discussion it was agreed. The Clerk"
    assert sentence_ends(text) == [text.index("received.") + 8, text.index("agreed.") + 6]
    assert text[last_sentence_start(text, 0, text.index("it was")):].startswith("After discussion")


def test_a_line_ending_in_an_article_or_preposition_runs_on():
    assert RUNS_ON.search("resolved to accept the")
    assert RUNS_ON.search("the money be paid to")
    assert not RUNS_ON.search("and the Chair signed them")
