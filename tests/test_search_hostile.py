"""Hostile queries: whatever a user types, `search` answers within seconds,
with hits or one sentence and exit 2, never a traceback and never a hang;
and a query that cannot mean "everything" never lists everything.

Every query runs in a child process under a timeout, so a query that loops
fails its test instead of hanging the suite.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TIMEOUT = 60  # seconds for a whole batch: far more than it needs, far less than a hang

# Runs each query given (JSON on stdin) through the command line in one
# process, and prints for each: exit code, whether a traceback or an
# exception escaped, the last line of the output, and the ids found.
DRIVER = textwrap.dedent("""
    import json, sys
    from click.testing import CliRunner
    from councilpapers.cli import main

    home, batches = sys.argv[1], json.load(sys.stdin)
    out = []
    for args in batches:
        result = CliRunner().invoke(main, ["--home", home, *args])
        escaped = result.exception if not isinstance(result.exception, SystemExit) else None
        ids = []
        if result.exit_code == 0 and "--format" in args:
            try:
                ids = [h["id"] for h in json.loads(result.stdout)]
            except ValueError:
                ids = None
        out.append({"args": args, "code": result.exit_code, "ids": ids,
                    "escaped": type(escaped).__name__ if escaped else None,
                    "traceback": "Traceback" in result.output,
                    "last": (result.output.strip().splitlines() or [""])[-1]})
    print(json.dumps(out))
""")


def run_batch(home: Path, batches: list[list[str]]) -> list[dict]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    try:
        done = subprocess.run([sys.executable, "-c", DRIVER, str(home)], input=json.dumps(batches),
                              capture_output=True, text=True, timeout=TIMEOUT, env=env)
    except subprocess.TimeoutExpired:
        pytest.fail(f"no answer within {TIMEOUT} s to one of: {batches}")
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout)


def searches(home: Path, *queries: str, extra: tuple[str, ...] = ("--format", "json", "--limit", "1000")) -> list[dict]:
    return run_batch(home, [["search", q, *extra] for q in queries])


def assert_refused(result: dict) -> None:
    """One sentence, exit 2."""
    assert result["code"] == 2, result
    assert not result["traceback"] and result["escaped"] is None, result
    assert result["last"].startswith("Error: ") and len(result["last"]) < 200, result


@pytest.fixture
def home(samples_home):
    return samples_home


def test_dangling_operators_are_dropped_not_looped_on(home):
    plain, *odd = searches(home, "foster carers", "foster AND AND carers", "foster AND OR carers",
                           "foster OR OR carers AND")
    assert plain["code"] == 0 and plain["ids"]
    for result in odd:
        assert result["code"] == 0 and result["ids"], result


def test_a_query_of_operators_only_is_refused(home):
    for result in searches(home, "AND OR NOT", "NOT", "( )", "AND"):
        assert_refused(result)


def test_queries_past_the_bounds_get_one_sentence(home):
    too_long = " ".join(["foster"] * 1500)
    too_many = " ".join(f"w{n}" for n in range(200))
    nested = "(" * 300 + "foster" + ")" * 300
    negated = "NOT " * 2000 + "foster"
    deep_not = "NOT " * 40 + "foster"
    for result in searches(home, too_long, too_many, nested, negated, deep_not):
        assert_refused(result)
    # Within the bounds a long query still answers.
    within = searches(home, " ".join(["foster", "carers", "survey"] * 10), "((((foster))))")
    assert all(r["code"] == 0 and r["ids"] for r in within), within


def test_dates_past_the_calendar_or_open_both_ends_are_refused(home):
    for result in searches(home, "date:>9999", "date:<0001", "date:..", "date:>=10000"):
        assert_refused(result)


def test_empty_field_values_are_refused_not_ignored(home):
    for result in searches(home, 'kind:""', 'committee:""', "amount:..", 'person:""', "person:!!!", "owner:!!!"):
        assert_refused(result)


def test_blank_query_is_a_usage_error_like_an_empty_one(home):
    for result in searches(home, "", "   ", "\t"):
        assert_refused(result)


def test_dates_before_any_meeting_find_nothing_and_undated_records_stay_out(home):
    early, bounded, open_ended, until = run_batch(home, [
        ["search", "date:<1000", "--format", "json", "--limit", "1000"],
        ["search", "date:2010..9999", "--format", "json", "--limit", "1000"],
        ["search", "date:2010..", "--format", "json", "--limit", "1000"],
        ["search", "--until", "0999", "--format", "json", "--limit", "1000"],
    ])
    assert early["code"] == 0 and early["ids"] == []
    assert until["code"] == 0 and until["ids"] == []
    # Every dated record is after 2010: a range up to 9999 is the open range, no undated ones added.
    assert bounded["ids"] and sorted(bounded["ids"]) == sorted(open_ended["ids"])


def test_wordless_names_match_nobody_in_the_registers(home):
    people, actions, figures = run_batch(home, [
        ["people", "!!!"], ["actions", "--owner", "!!!", "--format", "json"],
        ["figures", "--min", "nan", "--format", "json"],
    ])
    assert people["code"] == 2 and not people["traceback"]
    assert actions["code"] == 0 and actions["ids"] == [] or actions["code"] == 2, actions
    assert_refused(figures)


# -- a bounded fuzz: random strings of the query language's pieces --------------

PIECES = ["AND", "OR", "NOT", "(", ")", '"', "-", "foster", "carers", "kind:", "kind:action",
          "date:", "date:..", "date:>", "date:2016..", "date:<0001", "amount:", "amount:>1m", "amount:..",
          "person:", "owner:", "committee:", 'committee:""', "minute:", "item:B1", "decision:15/00067",
          "153", "B3", "UASC", "£1m", "10:30", "re:", "!!!", "*", "?", "\\", "é", "\u200b", ":", "..", ">="]


def fuzz_queries(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    return [" ".join(rng.choice(PIECES) for _ in range(rng.randint(1, 12))) for _ in range(count)]


def test_fuzzed_queries_answer_or_refuse_in_one_sentence(home):
    queries = fuzz_queries(14, 150)
    for result in searches(home, *queries, extra=("--limit", "5")):
        assert not result["traceback"] and result["escaped"] is None, result
        assert result["code"] in (0, 2), result
        if result["code"] == 2:
            assert result["last"].startswith("Error: "), result
