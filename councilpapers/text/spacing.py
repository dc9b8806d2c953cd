"""White space as it is compared and shown: any run of spaces, tabs, line
breaks or non-breaking spaces as one space, none at either end. The one
`squash`, for every layer (names, titles, owners, the text a record keeps)."""

from __future__ import annotations


def squash(text: str | None) -> str:
    """'  Mrs\\n A  Allen ' -> 'Mrs A Allen'; None -> ''."""
    # str.split() parts at the characters regular expressions call \s, and is faster.
    return " ".join((text or "").split())
