"""The program's icons: SVG files drawn for it (resources/icons/), inked with the palette.

Each icon is drawn in strokes of `currentColor` with one detail in the accent colour #1e88e5;
both are replaced when the icon is drawn, by the palette's text colour and the icon's accent
(ui/theme.py), so the icons follow the system's dark mode and grey out when an action is
unavailable. They are vectors drawn at the size and device pixel ratio asked for: sharp at
16 px in a menu, 24 px in the toolbar, and on a 200% screen. Nothing is read or parsed until
an icon is first painted, and each drawing is kept per size, ratio, mode and palette: in
memory, and as a PNG in the data folder's cache, so that the next start draws its first
window without loading the SVG renderer at all.
"""

from __future__ import annotations

import contextlib
import zlib
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QIconEngine, QPixmap

from ot62443_desktop.paths import data_dir, package_folder
from ot62443_desktop.ui.theme import Hue, theme

if TYPE_CHECKING:
    from PySide6.QtGui import QPainter

INK, ACCENT = b"currentColor", b"#1e88e5"  # the two colours an icon file may use
ACCENTS: dict[str, Hue | None] = {  # an icon's accent: a meaning's hue, or None for the palette's highlight
    "export-excel": Hue.EXCEL, "import": Hue.EXCEL, "export-pdf": Hue.PDF, "new": Hue.GOOD, "walkthrough": Hue.GOOD,
}
Key = tuple[int, int, int, float, int]
SMALL = 24  # px: up to this size an icon with a small variant draws that one


@cache
def icons_folder() -> Path:
    return package_folder("ot62443_desktop.resources") / "icons"


@cache
def svg_source(name: str) -> bytes:
    """The icon file's text (read once)."""
    return (icons_folder() / f"{name}.svg").read_bytes()


def inked(name: str, ink: str, accent: str) -> bytes:
    """The icon's SVG with its two colours replaced."""
    return svg_source(name).replace(INK, ink.encode()).replace(ACCENT, accent.encode())


class PaletteIconEngine(QIconEngine):
    """Draws one SVG icon in the application palette's colours, at any size and pixel ratio."""

    def __init__(self, name: str, small: str | None = None) -> None:
        super().__init__()
        self.name, self.small = name, small  # small: a simpler drawing for 24 px and less
        self._drawn: dict[Key, QPixmap] = {}

    def drawing_for(self, size: int) -> str:
        return self.small if self.small and size <= SMALL else self.name

    def colours(self, mode: QIcon.Mode) -> tuple[str, str]:
        """Ink and accent for `mode`: disabled greys both, selected draws in the highlighted text's colour."""
        colours = theme(QGuiApplication.palette())
        if mode is QIcon.Mode.Selected:
            ink = colours.palette.color(colours.palette.ColorRole.HighlightedText).name()
            return ink, ink
        disabled = mode is QIcon.Mode.Disabled
        return colours.icon_ink(disabled).name(), colours.icon_accent(ACCENTS.get(self.name), disabled).name()

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        """Drawn from the drawing kept for that size, ratio, mode and palette (tab bars paint their icons
        this way, at every repaint: rendering the SVG each time cost the first frame a few milliseconds)."""
        device = painter.device()
        scale = device.devicePixelRatioF() if device is not None else 1.0
        painter.drawPixmap(rect, self.scaledPixmap(rect.size(), mode, state, scale))

    def scaledPixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State,  # noqa: N802 - Qt API
                     scale: float) -> QPixmap:
        key = (size.width(), size.height(), mode.value, scale, QGuiApplication.palette().cacheKey())
        drawn = self._drawn.get(key)
        if drawn is None:
            drawn = drawing(self.drawing_for(min(size.width(), size.height())), *self.colours(mode), size, scale)
            if len(self._drawn) > 16:
                self._drawn.clear()
            self._drawn[key] = drawn
        return drawn

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def clone(self) -> QIconEngine:
        return PaletteIconEngine(self.name, self.small)

    def key(self) -> str:
        return "ot62443-palette-svg"


def render(svg: bytes, painter: QPainter, rect: QRectF) -> None:
    from PySide6.QtSvg import QSvgRenderer  # with the first icon drawn that is not in the cache

    QSvgRenderer(QByteArray(svg)).render(painter, rect)


def cache_dir() -> Path:
    return data_dir() / "cache" / "icons"


def drawing(name: str, ink: str, accent: str, size: QSize, scale: float) -> QPixmap:
    """Icon `name` in these colours at `size` (logical pixels) for a screen of pixel ratio `scale`: read from
    the cache when it was drawn before, else drawn and kept there (a cache that cannot be written is skipped).
    A cached drawing is named by the SVG file's size and time, so an icon drawn anew is never taken for it."""
    pixels = QSize(round(size.width() * scale), round(size.height() * scale))
    stamp = (icons_folder() / f"{name}.svg").stat()
    version = zlib.crc32(f"{stamp.st_size}:{stamp.st_mtime_ns}".encode())
    folder = cache_dir()
    usable = not any(p.is_symlink() for p in (folder.parent, folder))  # never through a planted link
    path = folder / f"{name}-{ink[1:]}-{accent[1:]}-{pixels.width()}x{pixels.height()}-{version:08x}.png"
    drawn = QPixmap(str(path)) if usable and path.is_file() and not path.is_symlink() else QPixmap()
    if drawn.size() != pixels:
        from PySide6.QtGui import QPainter  # drawing, not reading the cache, needs a painter

        drawn = QPixmap(pixels)
        drawn.fill(Qt.GlobalColor.transparent)
        painter = QPainter(drawn)
        render(inked(name, ink, accent), painter, QRectF(0, 0, pixels.width(), pixels.height()))
        painter.end()
        if usable:
            keep(drawn, path)
    drawn.setDevicePixelRatio(scale)
    return drawn


def keep(pixmap: QPixmap, path: Path) -> None:
    """Write the drawing whole or not at all (another window may be reading the cache), into a new
    file of its own that then replaces the name: a link planted there is replaced, never followed."""
    from PySide6.QtCore import QBuffer, QIODevice

    from ot62443_desktop.storage.fsutil import atomic_write  # only when a drawing is new: not at start-up

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not pixmap.save(buffer, "PNG"):
        return
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, bytes(data.data()), durable=False)


@cache
def icon(name: str) -> QIcon:
    """The icon `name` (a file resources/icons/NAME.svg); made once, drawn when first shown."""
    return QIcon(PaletteIconEngine(name))


@cache
def app_icon() -> QIcon:
    """The program's own icon, in its own colours (it has neither of the two an icon is inked with); a
    simpler shield at 24 px and less, where the checklist of the full drawing would blur."""
    return QIcon(PaletteIconEngine("ot62443", small="ot62443-small"))


DOT_CELL, DOT_SIZE = 16, 9  # px: a status dot in a list row, centred in an icon's cell


@cache
def _dot(rgba: int) -> QIcon:
    from PySide6.QtGui import QPainter

    made = QIcon()
    for scale in (1, 2):
        pixmap = QPixmap(DOT_CELL * scale, DOT_CELL * scale)
        pixmap.fill(Qt.GlobalColor.transparent)
        pixmap.setDevicePixelRatio(scale)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor.fromRgba(rgba))
        offset = (DOT_CELL - DOT_SIZE) / 2
        painter.drawEllipse(QRectF(offset, offset, DOT_SIZE, DOT_SIZE))
        painter.end()
        made.addPixmap(pixmap)
    return made


def dot(colour: QColor) -> QIcon:
    """A round mark of `colour` (a requirement's state in the navigator), sharp at 100% and 200%."""
    return _dot(colour.rgba())
