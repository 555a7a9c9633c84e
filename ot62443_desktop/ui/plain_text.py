"""User text is data: shown as written, never as markup, at a cost that follows its length.

Qt guesses whether a label or tooltip is rich text (Qt.mightBeRichText), and rich text loads
any image it names: a zone name `<img src="/dev/zero">` would hang the window. Labels that show
user text are Qt.PlainText; tooltips have no such switch, so they get escaped HTML. Text is
shortened for display only, never in the project. An editor or view holding a run of many
characters without a break wraps anywhere: Qt's search for a word break is quadratic in such a
run (a 1 MB run took over three minutes to show), wrapping anywhere is linear.
"""

from __future__ import annotations

import re

from PySide6.QtGui import QTextOption

from ot62443_desktop.domain.text import elide as cut

DISPLAY_CHARS = 300  # a table cell or a one-line label
MESSAGE_CHARS = 2000  # an error line or a tooltip
LONG_RUN = 500  # characters without a break opportunity after which wrapping goes anywhere

# Characters after which Qt (Unicode line breaking) may always break. No-break spaces are left out
# on purpose: a run joined by them has no break opportunity, however many spaces str.split() sees.
_BREAKS = re.compile("[ \t\n\r\f\v\u1680\u2000-\u2006\u2008-\u200b\u2028\u2029\u205f\u3000]+")
Wrap = QTextOption.WrapMode
# What html.escape() replaces, in one pass: the first window shows tooltips, and the html module is not small.
_ESCAPED = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"})


def elide(text: str, limit: int = DISPLAY_CHARS) -> str:
    """`text` cut to `limit` characters with an ellipsis, for display only."""
    return cut(text, limit)


def first_line(text: str, limit: int = DISPLAY_CHARS) -> str:
    """The first line of `text`, shortened: a table cell shows one line."""
    lines = text[: limit + 1].splitlines()
    return elide(lines[0], limit) if lines else ""


def tooltip(text: str) -> str:
    """A tooltip showing `text` literally: escaped rich text that keeps its line breaks ('' for none)."""
    if not text:
        return ""
    return '<p style="white-space:pre-wrap">' + elide(text, MESSAGE_CHARS).translate(_ESCAPED) + "</p>"


def has_long_run(text: str) -> bool:
    """Whether `text` has LONG_RUN or more characters in a row without a place to break (linear)."""
    return len(text) >= LONG_RUN and any(len(run) >= LONG_RUN for run in _BREAKS.split(text))


def wrap_mode(text: str) -> QTextOption.WrapMode:
    """Word wrap for ordinary text; anywhere when a run without breaks would make word wrap crawl."""
    return Wrap.WrapAnywhere if has_long_run(text) else Wrap.WrapAtWordBoundaryOrAnywhere
