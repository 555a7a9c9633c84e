"""Text cut short for messages, cells and headings: one rule, so every place shortens alike."""

from __future__ import annotations

ELLIPSIS = "\u2026"


def elide(text: str, limit: int) -> str:
    """`text` of at most `limit` characters: when cut, it ends in an ellipsis (never after a space)."""
    return text if len(text) <= limit else text[: max(0, limit - 1)].rstrip() + ELLIPSIS


def one_line(text: str, limit: int) -> str:
    """`text` with every run of white space (line breaks too) folded into one space, then elided."""
    return elide(" ".join(text.split()), limit)
