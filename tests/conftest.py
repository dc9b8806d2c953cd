"""Fixtures shared by the test modules."""

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture
def shared_dir() -> Path:
    """/work/shared (real council PDFs and pages); tests using it skip without it."""
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is not available")
    return SHARED
