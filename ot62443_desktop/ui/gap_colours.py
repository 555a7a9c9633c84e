"""The colours of a zone's worst SL gap, in shades that read on the palette (light or dark).

One home for them: the diagram's boxes, lines and legend take them from here. A zone with no
SL-T (every FR at 0) has no gap to show, and is grey rather than a reassuring green.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette

NO_TARGET = None  # the worst gap of a zone whose SL-T is 0 in every FR


@dataclass(frozen=True)
class GapColours:
    met: QColor  # worst gap 0
    near: QColor  # worst gap 1
    far: QColor  # worst gap 2 or more
    none: QColor  # no SL-T
    text: QColor  # text drawn on a tint of any of them

    def colour(self, worst: int | None) -> QColor:
        if worst is None:
            return self.none
        return self.met if worst <= 0 else self.near if worst == 1 else self.far

    def fill(self, worst: int | None) -> QColor:
        """A light tint of the colour over the window, for a box's background."""
        tinted = QColor(self.colour(worst))
        tinted.setAlpha(70)
        return tinted


def gap_colours(palette: QPalette) -> GapColours:
    text = QColor(palette.color(QPalette.ColorRole.Text))
    if palette.color(QPalette.ColorRole.Base).lightness() < 128:
        return GapColours(QColor("#66bb6a"), QColor("#ffb74d"), QColor("#ef5350"), QColor("#9e9e9e"), text)
    return GapColours(QColor("#2e7d32"), QColor("#ef6c00"), QColor("#c62828"), QColor("#757575"), text)


def worst_gap(sl_t: Sequence[int], sl_gap: Sequence[int]) -> int | None:
    """The largest SL gap over the FRs; None (grey) for a zone with no target at all."""
    return max(sl_gap) if any(sl_t) else NO_TARGET
