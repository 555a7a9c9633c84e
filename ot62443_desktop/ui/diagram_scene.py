"""The zones-and-conduits drawing as graphics items, placed where `domain.diagram.layout` puts them.

Zones are rounded boxes, conduits smaller pill-shaped boxes with a line to each zone they
connect; each is tinted and outlined by its worst SL gap. A line to a zone that does not exist
ends, dashed, at a marker naming it, among the zones with no layer. Boxes can be dragged
(several at once when several are selected), from one cell of the layout's grid to another; when
the mouse is released the scene reports where they went, and the view saves it as one undoable
change. Names are the client's text: drawn as plain text, elided to the box, whole in an escaped
tooltip. Zoomed far out, a box shows its id in a larger font: a hundred zones fitted on a
projector still read, and the name is one hover away.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPalette, QPen, QTransform
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsSceneMouseEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from ot62443_desktop.domain.diagram import Band, Diagram
from ot62443_desktop.domain.diagram_grid import LABEL_W, MARGIN, Box, snapped
from ot62443_desktop.domain.diagram_routes import Way, route
from ot62443_desktop.ui.gap_colours import GapColours
from ot62443_desktop.ui.plain_text import tooltip

FAR_OUT = 0.75  # below this zoom a box shows its id, large, instead of its name
CROWDED = 8  # a conduit with more ends than this draws its lines lighter


@dataclass(frozen=True)
class BoxLook:
    """What a box shows besides its geometry."""

    worst: int | None  # its worst SL gap; None: no SL-T
    detail: str  # the second line of a zone's box (its id and layer)
    tip: str  # the tooltip, plain text


@dataclass
class Fonts:
    name: QFont  # a zone's name
    small: QFont  # its id, a conduit's name, the marker of a zone the project lacks
    far: QFont  # the id alone, zoomed far out
    band: QFont  # a layer's name
    metrics: dict[str, QFontMetricsF] = field(default_factory=dict)

    def measure(self, font: QFont) -> QFontMetricsF:
        return self.metrics.setdefault(font.key(), QFontMetricsF(font))

    def fitting(self, font: QFont, text: str, width: float) -> QFont:
        """`font`, made smaller if `text` would not fit in `width` (not below two thirds of its size)."""
        wide = self.measure(font).horizontalAdvance(text)
        if wide <= width:
            return font
        smaller = QFont(font)
        smaller.setPixelSize(max(int(font.pixelSize() * width / wide), font.pixelSize() * 2 // 3))
        return smaller

    def far_out(self, text: str, width: float, lod: float) -> QFont:
        """The font of a box's id shown alone, zoomed far out to `lod`: about 12 px on screen however far out, as
        long as `text` fits `width`."""
        font = QFont(self.far)
        font.setPixelSize(max(self.far.pixelSize(), round(12 / lod)))
        return self.fitting(font, text, width)


def zoom_step(lod: float) -> float:
    """The zoom rounded to a tenth (at least 0.1), so that fonts worked out for it are kept and reused."""
    return max(round(lod, 1), 0.1)


class BoxItem(QGraphicsItem):
    """One zone or conduit: selectable, movable when the project can be changed."""

    def __init__(self, box: Box, look: BoxLook, colours: GapColours, fonts: Fonts, movable: bool) -> None:
        super().__init__()
        self.box, self.look, self.colours, self.fonts = box, look, colours, fonts
        self.home = QPointF(box.x, box.y)  # where the project has it; a drag is measured from here
        self.links: list[LinkItem] = []
        self._elided: dict[str, tuple[QFont, list[str]]] = {}
        self.setPos(self.home)
        self.setZValue(2 if box.conduit else 1)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable, movable)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges)
        self.setToolTip(tooltip(look.tip))
        self.setCursor(Qt.CursorShape.OpenHandCursor if movable else Qt.CursorShape.PointingHandCursor)

    @property
    def zone_id(self) -> str:
        return self.box.zone_id

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt API
        return QRectF(-3, -3, self.box.w + 6, self.box.h + 6)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRoundedRect(QRectF(0, 0, self.box.w, self.box.h), *self._radii())
        return path

    def _radii(self) -> tuple[float, float]:
        radius = self.box.h / 2 if self.box.conduit else 8.0
        return radius, radius

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: object) -> object:  # noqa: N802 - Qt API
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionChange and isinstance(value, QPointF):
            # Off the band names, on the page, and on the grid, where the lines keep clear of it.
            return QPointF(*snapped(max(value.x(), LABEL_W), max(value.y(), 0.0), self.box.conduit))
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionHasChanged:
            for link in self.links:
                link.follow()
        return super().itemChange(change, value)

    def placed(self) -> Box:
        """The box where it is now (dragged or not)."""
        return replace(self.box, x=self.pos().x(), y=self.pos().y())

    def moved(self) -> bool:
        return self.pos() != self.home

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        rect = QRectF(0, 0, self.box.w, self.box.h)
        colour = self.colours.colour(self.look.worst)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.isSelected():
            highlight = option.palette.color(QPalette.ColorRole.Highlight)
            painter.setPen(QPen(highlight, 5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(-1, -1, 1, 1), *self._radii())
        painter.setPen(QPen(colour, 2))
        painter.setBrush(self.colours.fill(self.look.worst))
        painter.drawRoundedRect(rect, *self._radii())
        painter.setPen(self.colours.text)
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        if lod < FAR_OUT:
            self._lines(painter, f"far{zoom_step(lod)}", self.fonts.far, self.box.zone_id, rect, 1)
        elif self.box.conduit:
            self._lines(painter, "name", self.fonts.small, self.box.name, rect, 2)
        else:
            split = rect.height() - self.fonts.measure(self.fonts.small).height() - 3
            self._lines(painter, "name", self.fonts.name, self.box.name, QRectF(0, 2, rect.width(), split - 2), 2)
            self._lines(painter, "detail", self.fonts.small, self.look.detail,
                        QRectF(0, split, rect.width(), rect.height() - split - 2), 1)

    def _lines(self, painter: QPainter, key: str, font: QFont, text: str, rect: QRectF, most: int) -> None:
        """`text` in at most `most` lines across `rect`, the last one elided; worked out once per box."""
        if key not in self._elided:
            fitted = self.fonts.far_out(text, rect.width() - 12, float(key[3:])) if key.startswith("far") else font
            self._elided[key] = (fitted, wrap(self.fonts.measure(fitted), text, rect.width() - 12, most))
        fitted, lines = self._elided[key]
        painter.setFont(fitted)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, "\n".join(lines))


def wrap(metrics: QFontMetricsF, text: str, width: float, most: int) -> list[str]:
    """Greedy word wrap into at most `most` lines, the last elided; a word too long for a line is elided."""
    words, lines = text.split(), []
    while words and len(lines) < most - 1:
        line = words.pop(0)
        while words and metrics.horizontalAdvance(f"{line} {words[0]}") <= width:
            line += " " + words.pop(0)
        if metrics.horizontalAdvance(line) > width and words:
            words.insert(0, line)  # one word wider than the box: the last line elides it
            break
        lines.append(line)
    if words:
        lines.append(metrics.elidedText(" ".join(words), Qt.TextElideMode.ElideRight, width))
    return lines


class LinkItem(QGraphicsPathItem):
    """A conduit's line to one zone it connects (dashed, to the marker of one the project lacks), routed as in
    the documents (the way the layout gave it), following both boxes as they move."""

    def __init__(self, conduit: BoxItem, zone: BoxItem | MarkerItem, colour: QColor, way: Way) -> None:
        super().__init__()
        self.conduit, self.zone, self.way = conduit, zone, way
        pen = QPen(colour, 2, Qt.PenStyle.DashLine if isinstance(zone, MarkerItem) else Qt.PenStyle.SolidLine)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        self.setPen(pen)
        self.setZValue(0)
        conduit.links.append(self)
        zone.links.append(self)
        self.follow()

    def follow(self) -> None:
        (x, y), *rest = route(self.conduit.placed(), self.zone.placed(), self.way)
        path = QPainterPath(QPointF(x, y))
        for x, y in rest:
            path.lineTo(x, y)
        self.setPath(path)


class MarkerItem(QGraphicsItem):
    """A zone a conduit names that the project does not have: a dashed box naming it, where the layout put it
    (among the zones with no layer), which the conduit's dashed line reaches. Neither movable nor selectable:
    there is nothing to move or remove."""

    def __init__(self, box: Box, fonts: Fonts, tip: str) -> None:
        super().__init__()
        self.box, self.fonts, self.text = box, fonts, f"? {box.zone_id}"
        self.links: list[LinkItem] = []
        self._fonts: dict[float, QFont] = {}  # by zoom_step; 0: not far out
        self.setPos(box.x, box.y)
        self.setZValue(1)
        self.setToolTip(tooltip(tip))

    @property
    def zone_id(self) -> str:
        return self.box.zone_id

    def placed(self) -> Box:
        return self.box

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt API
        return QRectF(-1, -1, self.box.w + 2, self.box.h + 2)

    def font(self, lod: float) -> QFont:
        """Its text's font at zoom `lod`: far out, as a zone's id, so that both read alike."""
        step = zoom_step(lod) if lod < FAR_OUT else 0.0
        if step not in self._fonts:
            self._fonts[step] = self.fonts.far_out(self.text, self.box.w - 12, step) if step else self.fonts.small
        return self._fonts[step]

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        rect = QRectF(0, 0, self.box.w, self.box.h)
        text = option.palette.color(QPalette.ColorRole.Text)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(text, 1.5, Qt.PenStyle.DashLine))
        painter.setBrush(option.palette.color(QPalette.ColorRole.Base))
        painter.drawRoundedRect(rect, 8, 8)
        font = self.font(option.levelOfDetailFromTransform(painter.worldTransform()))
        painter.setPen(text)
        painter.setFont(font)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.fonts.measure(font).elidedText(
            self.text, Qt.TextElideMode.ElideRight, rect.width() - 12))


class BandItem(QGraphicsItem):
    """A layer: a stripe across the drawing with its name at the left, larger when zoomed far out."""

    def __init__(self, band: Band, name: str, width: float, shaded: bool, font: QFont) -> None:
        super().__init__()
        self.band, self.name, self.width, self.shaded, self.font = band, name, width, shaded, font
        self._fonts: dict[float, tuple[QFont, str]] = {}
        self.setZValue(-1)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt API
        return QRectF(0, self.band.y, self.width, self.band.h)

    def _label_rect(self) -> QRectF:
        return QRectF(MARGIN / 2, self.band.y + 4, LABEL_W - MARGIN, self.band.h - 8)

    def label(self, lod: float) -> tuple[QFont, str]:
        """The label's font and text at this zoom: as set near; far out, about 11 px on screen, and if
        the name does not fit so, its part before a colon ("Level 3" of "Level 3: site operations")."""
        step = round(min(lod, FAR_OUT), 2)
        if step not in self._fonts:
            font, text = QFont(self.font), self.name
            if lod < FAR_OUT:
                font.setPixelSize(round(11 / step))
                short = self.name.partition(":")[0].strip() or self.name
                text = self.name if self._fits(font, self.name) else short
                while font.pixelSize() > 8 and not self._fits(font, text):
                    font.setPixelSize(font.pixelSize() - 1)
            self._fonts[step] = (font, text)
        return self._fonts[step]

    def _fits(self, font: QFont, text: str) -> bool:
        rect = self._label_rect()
        return rect.contains(QFontMetricsF(font).boundingRect(rect, Qt.TextFlag.TextWordWrap, text))

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        palette = option.palette
        rect = self.boundingRect()
        if self.shaded:
            painter.fillRect(rect, palette.color(QPalette.ColorRole.AlternateBase))
        line = QColor(palette.color(QPalette.ColorRole.Text))
        line.setAlpha(40)
        painter.setPen(QPen(line, 1))
        painter.drawLine(rect.topLeft(), rect.topRight())
        label = QColor(palette.color(QPalette.ColorRole.Text))
        label.setAlpha(170)
        painter.setPen(label)
        font, text = self.label(option.levelOfDetailFromTransform(painter.worldTransform()))
        painter.setFont(font)
        painter.drawText(self._label_rect(),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap, text)


class DiagramScene(QGraphicsScene):
    """The items of one layout; `moved` gives {zone id: (x, y)} when a drag ends, `opened` a double-clicked id."""

    moved = Signal(dict)
    opened = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.boxes: dict[str, BoxItem] = {}
        self.links: list[LinkItem] = []
        self.markers: dict[str, MarkerItem] = {}

    def build(self, diagram: Diagram, looks: dict[str, BoxLook], band_names: list[str], colours: GapColours,
              fonts: Fonts, *, movable: bool, marker_tip: str) -> None:
        """Replace every item with those of `diagram`."""
        self.clear()
        self.boxes, self.links, self.markers = {}, [], {}
        for n, band in enumerate(diagram.bands):
            self.addItem(BandItem(band, band_names[n], diagram.width, n % 2 == 1, fonts.band))
        for box in diagram.boxes:
            item = BoxItem(box, looks[box.zone_id], colours, fonts, movable)
            self.boxes[box.zone_id] = item
            self.addItem(item)
        for box in diagram.markers:
            self.markers[box.zone_id] = MarkerItem(box, fonts, marker_tip.replace("%1", box.zone_id))
            self.addItem(self.markers[box.zone_id])
        ends = Counter(link.conduit_id for link in diagram.links)
        for link in diagram.links:
            conduit = self.boxes[link.conduit_id]
            colour = colours.colour(conduit.look.worst)
            if ends[link.conduit_id] > CROWDED:
                colour = QColor(colour)
                colour.setAlpha(110)  # a conduit to dozens of zones: its lines must not hide the boxes
            end = self.markers[link.zone_id] if link.missing else self.boxes[link.zone_id]
            self.links.append(LinkItem(conduit, end, colour, link.way))
            self.addItem(self.links[-1])
        self.setSceneRect(QRectF(0, 0, diagram.width, diagram.height))

    def show_hint(self, text: str, font: QFont, colour: QColor) -> None:
        """A line of text where the drawing would be (a project with no zone yet)."""
        hint = self.addSimpleText(text, font)
        hint.setBrush(colour)
        hint.setPos(MARGIN, MARGIN)
        self.setSceneRect(self.itemsBoundingRect().adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN))

    def select_only(self, zone_ids: set[str]) -> None:
        self.clearSelection()
        for zone_id in zone_ids:
            if item := self.boxes.get(zone_id):
                item.setSelected(True)

    def selected_ids(self) -> list[str]:
        return [item.zone_id for item in self.selectedItems() if isinstance(item, BoxItem)]

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802 - Qt API
        super().mouseReleaseEvent(event)
        moved = {zone_id: (round(item.pos().x(), 1), round(item.pos().y(), 1))
                 for zone_id, item in self.boxes.items() if item.moved()}
        for zone_id in moved:
            self.boxes[zone_id].home = self.boxes[zone_id].pos()
        if moved:
            self.moved.emit(moved)

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802 - Qt API
        item = self.itemAt(event.scenePos(), QTransform())
        while item is not None and not isinstance(item, BoxItem):
            item = item.parentItem()
        if isinstance(item, BoxItem):
            self.opened.emit(item.zone_id)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)
