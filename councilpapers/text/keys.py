"""Keys for comparing what two places write differently."""

from __future__ import annotations

import re


def title_key(text: str | None) -> str:
    """A title for comparison: lower case, punctuation as single spaces, so
    "Pupil Premium – Update." and "pupil premium update" are one title."""
    return re.sub(r"[^a-z0-9]+", " ", (text or "").lower()).strip()
