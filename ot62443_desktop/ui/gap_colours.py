"""The colours of a zone's worst SL gap on the diagram, taken from the theme (ui/theme.py).

The hues are the theme's, the ones the dashboard's SL cells and bars use, in their light or
dark shade; a box's background is the theme's tint of its hue over the base, with the
palette's text on it. A zone with no SL-T (every FR at 0; ZoneScore.worst_gap None) has no gap to show, and is grey
rather than a reassuring green.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette

from ot62443_desktop.ui.theme import Hue, Theme, theme


def gap_hue(worst: int | None) -> Hue:
    if worst is None:
        return Hue.NEUTRAL
    return Hue.GOOD if worst <= 0 else Hue.WARN if worst == 1 else Hue.BAD


@dataclass(frozen=True)
class GapColours:
    colours: Theme

    @property
    def text(self) -> QColor:
        """Text drawn on a box, whatever its tint."""
        return self.colours.text

    def colour(self, worst: int | None) -> QColor:
        """A box's outline and its conduit's lines."""
        return self.colours.hue(gap_hue(worst))

    def fill(self, worst: int | None) -> QColor:
        """A box's background: its hue mixed into the base."""
        return self.colours.fill(gap_hue(worst)).background


def gap_colours(palette: QPalette) -> GapColours:
    return GapColours(theme(palette))

