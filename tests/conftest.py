"""Fixtures shared by the test modules: the real papers in ../shared, one file
at a time, and the bundled samples ingested once per session."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from helpers import run

# COUNCILPAPERS_SHARED points the tests at another copy of ../shared (a partial one,
# say); files missing from it skip the tests that read them.
SHARED = Path(os.environ.get("COUNCILPAPERS_SHARED") or Path(__file__).resolve().parents[2] / "shared")


def shared_path(name: str) -> Path:
    """`name` (e.g. "pdfs/x.pdf") in the shared folder; skips the test when it is absent."""
    path = SHARED / name
    if not path.is_file():
        pytest.skip(f"{path} is not available")
    return path


@pytest.fixture
def shared_file():
    """shared_file("pdfs/x.pdf") is that file's path; the test skips, naming it, without it."""
    return shared_path


@pytest.fixture(scope="session")
def samples_home(tmp_path_factory) -> Path:
    """A home with the bundled samples ingested, built once per session. For tests
    that only read it (a read may fill the store's people cache, which any reader
    would fill the same way); tests that write take samples_home_copy."""
    home = tmp_path_factory.mktemp("samples-home")
    result = run(home, "ingest")
    assert result.exit_code == 0, result.output
    return home


@pytest.fixture
def samples_home_copy(samples_home, tmp_path) -> Path:
    """A copy of samples_home of this test's own, to ingest into or reindex."""
    return Path(shutil.copytree(samples_home, tmp_path / "home"))
