"""Colours, type sizes and spacing, derived from the palette: one home for every widget's look.

No widget names a colour of its own. Hues that carry meaning (met green, gap red, priority
orange...) come in a light and a dark shade, and anything drawn behind text is that hue
mixed into the palette's own base colour, with the palette's own text on top, so a badge or
a table cell stays readable in the system's dark mode, or in a high-contrast theme.
`contrast_ratio` is the WCAG 2 formula the tests hold these colours to (4.5 for text,
3 for marks that carry meaning without text).
"""

from __future__ import annotations

from enum import Enum
from typing import NamedTuple

from PySide6.QtGui import QColor, QFont, QPalette

# Spacing in device-independent pixels, and type sizes as multiples of the system font.
PAGE_MARGINS = (40, 28, 40, 28)  # left, top, right, bottom of a whole page (start page, About)
SECTION_GAP = 16  # between the blocks of a page
TITLE_SCALE = 1.9  # the program's name on the start page and in About
HEADING_SCALE = 1.35  # a requirement's title, a page's heading
SUBHEADING_SCALE = 1.1  # a section inside a page or dialog

TEXT_CONTRAST = 4.5  # WCAG AA for body text
MARK_CONTRAST = 3.0  # WCAG AA for graphics that carry meaning (a status dot)


class Hue(Enum):
    """Meanings that have a colour; each has a shade for a light and for a dark palette."""

    GOOD = ("#2e7d32", "#66bb6a")
    WARN = ("#e65100", "#ffb74d")
    BAD = ("#c62828", "#ef5350")
    CAUTION = ("#f9a825", "#fdd835")  # a milder warning (a P3 action)
    INFO = ("#3949ab", "#9fa8da")
    NEUTRAL = ("#757575", "#9e9e9e")
    EXCEL = ("#1d6f42", "#5cbf82")  # the spreadsheet export's accent
    PDF = ("#b71c1c", "#ef6f6f")  # the document export's accent


# What a requirement counts as (domain.rules.Result, a StrEnum, by value: the theme loads before any project
# layer), as a coloured mark: the navigator's dots, the requirement page's status badge.
RESULT_HUES: dict[str, Hue | None] = {
    "met": Hue.GOOD,
    "gap": Hue.BAD,
    "not_assessed": Hue.NEUTRAL,
    "not_applicable": Hue.INFO,
    "out_of_scope": None,  # above SL-T: faint, asked only on request
}
# Remediation priorities: P1 most urgent.
PRIORITY_HUES = {"P1": Hue.BAD, "P2": Hue.WARN, "P3": Hue.CAUTION, "P4": Hue.NEUTRAL}
FILL_STRENGTH = 0.3  # how much of a hue goes into a cell's background


def is_dark(palette: QPalette) -> bool:
    """Whether the palette draws light text on a dark base (the system's dark mode)."""
    return palette.color(QPalette.ColorRole.Base).lightness() < palette.color(QPalette.ColorRole.Text).lightness()


def luminance(colour: QColor) -> float:
    """WCAG relative luminance of an opaque colour."""
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4
    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())


def contrast_ratio(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio, 1 (same) to 21 (black on white)."""
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def mix(base: QColor, other: QColor, amount: float) -> QColor:
    """`amount` of `other` over `base` (0: base, 1: other), opaque."""
    return QColor.fromRgbF(*(b + (o - b) * amount for b, o in ((base.redF(), other.redF()),
                                                               (base.greenF(), other.greenF()),
                                                               (base.blueF(), other.blueF()))))


class Pair(NamedTuple):
    """A background and the text drawn on it."""

    background: QColor
    text: QColor


class Theme:
    """The colours of one palette. Get it with `theme(palette)`; it is cached per palette."""

    def __init__(self, palette: QPalette) -> None:
        self.palette = palette
        self.dark = is_dark(palette)
        self.base = palette.color(QPalette.ColorRole.Base)
        self.text = palette.color(QPalette.ColorRole.Text)
        self.window = palette.color(QPalette.ColorRole.Window)
        self.window_text = palette.color(QPalette.ColorRole.WindowText)

    def hue(self, hue: Hue) -> QColor:
        return QColor(hue.value[1] if self.dark else hue.value[0])

    def mark(self, result: str) -> QColor:
        """The dot of a requirement in the navigator, by what it counts as."""
        hue = RESULT_HUES[result]
        return mix(self.base, self.text, 0.18) if hue is None else self.hue(hue)

    def fill(self, hue: Hue, over: QColor | None = None) -> Pair:
        """A cell or badge tinted with `hue` over the base (or `over`), with the palette's text on it."""
        ground = self.base if over is None else over
        return Pair(mix(ground, self.hue(hue), FILL_STRENGTH), self.text if over is None else self.window_text)

    def gap_fill(self, gap: int) -> Pair:
        """An SL-T vs SL-A cell: met, one level short, or two and more."""
        return self.fill(Hue.GOOD if gap <= 0 else Hue.WARN if gap == 1 else Hue.BAD)

    def gap_bar(self, gap: int) -> QColor:
        """A bar of the SL chart, in the same meaning as `gap_fill`."""
        return self.hue(Hue.GOOD if gap <= 0 else Hue.WARN if gap == 1 else Hue.BAD)

    def priority_fill(self, priority: str) -> Pair:
        return self.fill(PRIORITY_HUES[priority])

    def badge(self) -> Pair:
        """A level badge (SL 2, a 2-1 group): a solid slate, the window's colour as text."""
        return Pair(mix(self.window_text, self.window, 0.22), QColor(self.window))

    def result_badge(self, result: str) -> Pair:
        """The status of the shown requirement, as a tinted badge over the window."""
        hue = RESULT_HUES[result] or Hue.NEUTRAL
        return self.fill(hue, over=self.window)

    def alarm(self) -> Pair:
        """The status bar's NOT SAVED: the strongest red, white text, in both palettes."""
        return Pair(QColor(Hue.BAD.value[0]), QColor("#ffffff"))

    def error_text(self) -> QColor:
        """Text that says something is wrong (a missing evidence file), on the base."""
        return self.hue(Hue.BAD)

    def icon_ink(self, disabled: bool = False) -> QColor:
        """The strokes of the icon set: the window's text, greyed when the action is unavailable."""
        group = QPalette.ColorGroup.Disabled if disabled else QPalette.ColorGroup.Active
        ink = self.palette.color(group, QPalette.ColorRole.WindowText)
        return mix(self.window, ink, 0.45) if disabled else ink

    def icon_accent(self, hue: Hue | None, disabled: bool = False) -> QColor:
        """An icon's one detail in colour (the palette's highlight when the icon names none)."""
        if disabled:
            return self.icon_ink(disabled=True)
        return self.palette.color(QPalette.ColorRole.Highlight) if hue is None else self.hue(hue)


_cache: dict[tuple[int, ...], Theme] = {}


def theme(palette: QPalette) -> Theme:
    """The theme of `palette`; the same object while the palette's colours stay the same."""
    roles = (QPalette.ColorRole.Base, QPalette.ColorRole.Text, QPalette.ColorRole.Window,
             QPalette.ColorRole.WindowText, QPalette.ColorRole.Highlight)
    key = tuple(palette.color(role).rgba() for role in roles)
    found = _cache.get(key)
    if found is None:
        if len(_cache) > 8:  # palettes come and go only when the system's theme changes
            _cache.clear()
        found = _cache[key] = Theme(QPalette(palette))
    return found


def tinted(palette: QPalette, hue: Hue) -> QPalette:
    """`palette` with its window (a label's background, when it fills it) tinted with `hue`, its text readable."""
    pair = theme(palette).fill(hue, over=palette.color(QPalette.ColorRole.Window))
    painted = QPalette(palette)
    painted.setColor(QPalette.ColorRole.Window, pair.background)
    painted.setColor(QPalette.ColorRole.WindowText, pair.text)
    return painted


def scaled_font(font: QFont, scale: float, *, bold: bool = True) -> QFont:
    """`font` at `scale` times its size: the page titles and section headings of every view."""
    scaled = QFont(font)
    if scaled.pointSizeF() > 0:
        scaled.setPointSizeF(font.pointSizeF() * scale)
    else:
        scaled.setPixelSize(round(font.pixelSize() * scale))
    scaled.setBold(bold)
    return scaled


def title_font(font: QFont) -> QFont:
    return scaled_font(font, TITLE_SCALE)


def heading_font(font: QFont) -> QFont:
    return scaled_font(font, HEADING_SCALE)


def subheading_font(font: QFont) -> QFont:
    return scaled_font(font, SUBHEADING_SCALE)


def dark_palette() -> QPalette:
    """The dark palette the contrast tests and the dark screenshots are made with: the colours of a typical
    system dark theme (Windows 11 dark, KDE Breeze Dark)."""
    role = QPalette.ColorRole
    active = {
        role.Window: "#2b2b2b", role.WindowText: "#e8e8e8", role.Base: "#1f1f1f", role.AlternateBase: "#272727",
        role.Text: "#e8e8e8", role.Button: "#363636", role.ButtonText: "#e8e8e8", role.BrightText: "#ffffff",
        role.Highlight: "#2f7fd0", role.HighlightedText: "#ffffff", role.ToolTipBase: "#363636",
        role.ToolTipText: "#e8e8e8", role.PlaceholderText: "#8f8f8f", role.Link: "#6cb4ff", role.Light: "#4a4a4a",
        role.Midlight: "#3c3c3c", role.Mid: "#303030", role.Dark: "#1a1a1a", role.Shadow: "#0d0d0d",
    }
    disabled = {role.WindowText: "#7d7d7d", role.Text: "#7d7d7d", role.ButtonText: "#7d7d7d", role.Highlight: "#3a3a3a"}
    palette = QPalette()
    for name, colour in active.items():
        palette.setColor(name, QColor(colour))
    for name, colour in disabled.items():
        palette.setColor(QPalette.ColorGroup.Disabled, name, QColor(colour))
    return palette
