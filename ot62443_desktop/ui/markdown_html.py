"""Markdown to HTML for Qt rich-text widgets; raw HTML in the source is shown as text."""

from __future__ import annotations

import html
from functools import lru_cache


@lru_cache(maxsize=1024)
def render(text: str) -> str:
    """Render Markdown after escaping `<` and `&`, so typed markup never becomes HTML."""
    import markdown  # imported on first use: it costs start-up time

    return markdown.markdown(html.escape(text, quote=False), extensions=["sane_lists"])
