"""Output that fits: tables wrap on a terminal and cut nothing when piped, long
views page on a terminal, colour can be turned off, the progress bar keeps off a
stderr that is not a terminal, and an empty home says so."""

from __future__ import annotations

import re

import click
import pytest
from click.testing import CliRunner
from helpers import run

from councilpapers import render
from councilpapers.cli import main
from councilpapers.corpus.store import Store

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def _longest_description(home) -> str:
    rows = [r for r in Store(home / "councilpapers.sqlite").records(type="action")]
    return max((r.description for r in rows), key=len)


def test_a_piped_table_cuts_no_description(samples_home):
    longest = _longest_description(samples_home)
    assert len(longest) > 60
    result = run(samples_home, "actions")
    assert result.exit_code == 0, result.output
    assert "…" not in result.output
    assert longest in result.output


def test_a_table_on_a_terminal_wraps_whole_words_to_fit(samples_home, monkeypatch):
    monkeypatch.setattr(render, "_is_terminal", lambda stream: True)
    monkeypatch.setenv("COLUMNS", "90")
    result = run(samples_home, "actions")
    lines = result.output.splitlines()
    assert max(len(line) for line in lines) <= 90
    assert "…" not in result.output
    words = " ".join(result.output.split())
    # every word of the longest description is printed whole, none cut
    for word in _longest_description(samples_home).split():
        if len(word) < 20:
            assert re.search(rf"(^|\s){re.escape(word)}(\s|$)", words), word


def test_table_wraps_cells_into_lines_at_word_boundaries():
    rows = [{"owner": "Sarah Hammond, Florence Kroll",
             "description": "Look into a review of placement stability for children in care",
             "cite": "p. 54 l. 2378 strategy-2015.txt"}]
    text = render.table(rows, ["owner", "description", "cite"], width=60)
    assert max(len(line) for line in text.splitlines()) <= 60
    assert "look into a…" not in text.lower() and "…" not in text
    assert " ".join(text.split()).count("placement") == 1
    assert len(text.splitlines()) > 3  # the row took several lines


def test_show_of_a_meeting_pages_on_a_terminal_and_not_when_piped(samples_home, monkeypatch):
    meeting = Store(samples_home / "councilpapers.sqlite").meetings()[0].id
    paged = []
    monkeypatch.setattr(click, "echo_via_pager", lambda text, color=None: paged.append(text))
    piped = run(samples_home, "show", meeting)
    assert piped.exit_code == 0 and not paged and len(piped.output.splitlines()) > 10
    monkeypatch.setattr(render, "_is_terminal", lambda stream: True)
    monkeypatch.setenv("LINES", "10")
    on_terminal = run(samples_home, "show", meeting)
    assert on_terminal.exit_code == 0
    assert paged and ANSI.sub("", paged[0]) == piped.output


@pytest.mark.parametrize("way", ["flag", "env"])
def test_no_color_and_NO_COLOR_turn_styles_off(samples_home, way):
    args, env = (["--no-color"], {}) if way == "flag" else ([], {"NO_COLOR": "1"})
    coloured = CliRunner().invoke(main, ["--home", str(samples_home), "search", "children"], color=True)
    assert ANSI.search(coloured.output)
    plain = CliRunner(env=env).invoke(main, ["--home", str(samples_home), *args, "search", "children"], color=True)
    assert plain.exit_code == 0 and "children" in plain.output.lower()
    assert not ANSI.search(plain.output)


def test_ingest_prints_no_progress_label_when_stderr_is_not_a_terminal(samples_home_copy):
    result = run(samples_home_copy, "ingest")
    assert result.exit_code == 0
    assert "Ingesting" not in result.output


def test_time_left_is_timed_from_the_first_file_done_not_the_start_up():
    class Done:
        status, pages, path = "ingested", 10, "a.pdf"

    clock = render._IngestClock(total=100, start=0.0)
    clock.done(Done(), now=20.0)  # 20 s of workers starting, then one file
    for n in range(1, 10):
        clock.done(Done(), now=20.0 + n)  # one file a second from then on
    # 90 files left at a second each; dividing 29 s by 10 files would say 261 s
    assert clock.seconds_left(now=29.0) == pytest.approx(90.0)


@pytest.mark.parametrize("command", [["search", "children"], ["actions"], ["people"], ["figures"],
                                     ["show", "min-x"], ["acronyms"]])
def test_an_empty_home_says_so(tmp_path, command):
    result = run(tmp_path / "nothing-here", *command)
    assert result.exit_code == 2
    assert "no papers ingested in" in result.output and "councilpapers ingest PATH" in result.output
    assert "No matches" not in result.output and "Traceback" not in result.output


def test_help_works_in_an_empty_home(tmp_path):
    result = run(tmp_path / "nothing-here", "search", "--help")
    assert result.exit_code == 0 and "Usage:" in result.output


COMMANDS = sorted(main.commands)


@pytest.mark.parametrize("name", COMMANDS)
def test_every_commands_help_ends_with_examples_that_run(samples_home, name, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # an example may write a file (export -o corpus.jsonl)
    result = run(samples_home, name, "--help")
    assert result.exit_code == 0
    tail = result.output.rstrip().split("Examples:")[-1].strip().splitlines()
    assert "Examples:" in result.output and 2 <= len(tail) <= 3
    assert all(line.strip().startswith(f"councilpapers {name}") for line in tail)
    if name in ("ingest", "harvest", "reindex"):
        return  # they write: their examples name places this test has not got
    import shlex

    for line in tail:
        words = shlex.split(line.split("#")[0])
        if any(w in (">", "|") for w in words):
            words = words[: min(words.index(w) for w in (">", "|") if w in words)]
        ran = run(samples_home, *words[1:])
        assert ran.exit_code == 0, (line, ran.output)


def test_pyproject_licence_is_a_spdx_string_setuptools_reads_without_warning():
    import tomllib
    from pathlib import Path

    project = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text())
    assert project["project"]["license"] == "MIT"
    assert any(req.replace(" ", "").startswith("setuptools>=77") for req in project["build-system"]["requires"])


# -- spelling -------------------------------------------------------------------------

@pytest.mark.parametrize("typed, meant", [("whitepaper", "white paper"), ("fostercarers", "foster carers")])
def test_a_compound_is_split_into_two_words_of_the_papers_not_replaced(samples_home, typed, meant):
    result = run(samples_home, "search", typed)
    assert result.exit_code == 0
    assert f"Did you mean: {meant}?" in result.output
    assert "whittaker" not in result.output


def test_a_word_of_the_papers_is_never_corrected(samples_home):
    for word in ("lodgings", "cabinet"):
        assert "Did you mean" not in run(samples_home, "search", word).output


# -- names typed by hand --------------------------------------------------------------

def test_a_misspelt_name_gets_the_nearest_names_not_a_silent_nothing(samples_home):
    result = run(samples_home, "people", "Segurla")
    assert result.exit_code == 2
    assert "Did you mean:" in result.output and "Segurola" in result.output
    owner = run(samples_home, "actions", "--owner", "Segurla")
    assert owner.exit_code == 0 and "Did you mean:" in owner.output and "Segurola" in owner.output


def test_a_name_like_nobody_says_nothing_is_close(samples_home):
    result = run(samples_home, "people", "Zzyzxqw")
    assert "No name in the papers is close to it" in result.output


def test_figures_expand_an_acronym_as_search_does(samples_home):
    import json

    result = run(samples_home, "figures", "CIC", "--limit", "100000", "--format", "json")
    contexts = [row["context"].lower() for row in json.loads(result.output)]
    assert any("cic" in c for c in contexts)
    spelt_out = [c for c in contexts if "children in care" in c and "cic" not in c]
    assert spelt_out  # "Children in Care" written out is the same figure subject
