"""The zones-and-conduits drawing as graphics items, placed where `domain.diagram.layout` puts them.

Zones are rounded boxes, conduits smaller pill-shaped boxes with a line to each zone they
connect; each is tinted and outlined by its worst SL gap. A line to a zone that does not exist
ends, dashed, at a marker naming it. Boxes can be dragged (several at once when several are
selected); when the mouse is released the scene reports where they went, and the view saves it
as one undoable change. Names are the client's text: drawn as plain text, elided to the box,
whole in an escaped tooltip. Zoomed far out, a box shows its id in a larger font: a hundred
zones fitted on a projector still read, and the name is one hover away.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPalette, QPen, QTransform
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsScene,
    QGraphicsSceneMouseEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from ot62443_desktop.domain.diagram import LABEL_W, MARGIN, Band, Box, Diagram
from ot62443_desktop.ui.gap_colours import GapColours
from ot62443_desktop.ui.plain_text import tooltip

FAR_OUT = 0.75  # below this zoom a box shows its id, large, instead of its name
_UNKNOWN_REACH = 70.0  # how far from its conduit the marker of an unknown zone sits


@dataclass(frozen=True)
class BoxLook:
    """What a box shows besides its geometry."""

    worst: int | None  # its worst SL gap; None: no SL-T
    detail: str  # the second line of a zone's box (its id and layer)
    tip: str  # the tooltip, plain text


@dataclass
class Fonts:
    name: QFont
    small: QFont
    far: QFont
    metrics: dict[int, QFontMetricsF] = field(default_factory=dict)

    def measure(self, font: QFont) -> QFontMetricsF:
        return self.metrics.setdefault(id(font), QFontMetricsF(font))


class BoxItem(QGraphicsItem):
    """One zone or conduit: selectable, movable when the project can be changed."""

    def __init__(self, box: Box, look: BoxLook, colours: GapColours, fonts: Fonts, movable: bool) -> None:
        super().__init__()
        self.box, self.look, self.colours, self.fonts = box, look, colours, fonts
        self.home = QPointF(box.x, box.y)  # where the project has it; a drag is measured from here
        self.links: list[LinkItem] = []
        self._elided: dict[tuple[int, float], str] = {}
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
            return QPointF(max(value.x(), LABEL_W), max(value.y(), 0.0))  # off the band names, on the page
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionHasChanged:
            for link in self.links:
                link.follow()
        return super().itemChange(change, value)

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
        painter.setBrush(option.palette.color(QPalette.ColorRole.Base))
        painter.drawRoundedRect(rect, *self._radii())
        painter.setBrush(self.colours.fill(self.look.worst))
        painter.drawRoundedRect(rect, *self._radii())
        painter.setPen(self.colours.text)
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        if lod < FAR_OUT:
            self._text(painter, self.fonts.far, self.box.zone_id, rect, lod)
        elif self.box.conduit:
            self._text(painter, self.fonts.small, self.box.name, rect, lod)
        else:
            top, bottom = QRectF(rect.x(), rect.y() + 4, rect.width(), rect.height() * 0.55 - 2), \
                QRectF(rect.x(), rect.y() + rect.height() * 0.55, rect.width(), rect.height() * 0.45 - 4)
            self._text(painter, self.fonts.name, self.box.name, top, lod)
            self._text(painter, self.fonts.small, self.look.detail, bottom, lod)

    def _text(self, painter: QPainter, font: QFont, text: str, rect: QRectF, lod: float) -> None:
        key = (id(font), round(lod, 2))
        if key not in self._elided:
            self._elided[key] = self.fonts.measure(font).elidedText(text, Qt.TextElideMode.ElideRight,
                                                                    rect.width() - 12)
        painter.setFont(font)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextSingleLine, self._elided[key])


class LinkItem(QGraphicsLineItem):
    """A conduit's line to one zone it connects, following both boxes as they move."""

    def __init__(self, conduit: BoxItem, zone: BoxItem, colour: QColor) -> None:
        super().__init__()
        self.conduit, self.zone = conduit, zone
        self.setPen(QPen(colour, 2))
        self.setZValue(0)
        conduit.links.append(self)
        zone.links.append(self)
        self.follow()

    def follow(self) -> None:
        self.setLine(self.conduit.sceneBoundingRect().center().x(), self.conduit.sceneBoundingRect().center().y(),
                     self.zone.sceneBoundingRect().center().x(), self.zone.sceneBoundingRect().center().y())


class UnknownEnd(QGraphicsItem):
    """A dashed line from a conduit to a marker naming a zone the project does not have."""

    def __init__(self, conduit: BoxItem, zone_id: str, slot: int, colour: QColor, fonts: Fonts, tip: str) -> None:
        super().__init__(conduit)
        self.zone_id, self.colour, self.fonts = zone_id, colour, fonts
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemStacksBehindParent)
        box = conduit.box
        self.start = QPointF(box.w / 2, box.h / 2)
        self.end = QPointF(box.w + _UNKNOWN_REACH * 0.6, box.h / 2 + (slot - 0.5) * 34)
        self.setToolTip(tooltip(tip))

    def _label_rect(self) -> QRectF:
        width = min(self.fonts.measure(self.fonts.small).horizontalAdvance(f"? {self.zone_id}") + 12, 140)
        return QRectF(self.end.x(), self.end.y() - 11, width, 22)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt API
        return QRectF(self.start, self.end).normalized().united(self._label_rect()).adjusted(-3, -3, 3, 3)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(self.colour, 2, Qt.PenStyle.DashLine))
        painter.drawLine(self.start, self.end)
        label = self._label_rect()
        painter.setBrush(option.palette.color(QPalette.ColorRole.Base))
        painter.drawRoundedRect(label, 4, 4)
        painter.setPen(option.palette.color(QPalette.ColorRole.Text))
        painter.setFont(self.fonts.small)
        text = self.fonts.measure(self.fonts.small).elidedText(f"? {self.zone_id}", Qt.TextElideMode.ElideRight,
                                                               label.width() - 8)
        painter.drawText(label, Qt.AlignmentFlag.AlignCenter, text)


class BandItem(QGraphicsItem):
    """A layer: a stripe across the drawing with its name at the left."""

    def __init__(self, band: Band, name: str, width: float, shaded: bool, font: QFont) -> None:
        super().__init__()
        self.band, self.name, self.width, self.shaded, self.font = band, name, width, shaded, font
        self.setZValue(-1)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt API
        return QRectF(0, self.band.y, self.width, self.band.h)

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
        painter.setFont(self.font)
        painter.drawText(QRectF(MARGIN / 2, rect.y() + 4, LABEL_W - MARGIN, rect.height() - 8),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap,
                         self.name)


class DiagramScene(QGraphicsScene):
    """The items of one layout; `moved` gives {zone id: (x, y)} when a drag ends, `opened` a double-clicked id."""

    moved = Signal(dict)
    opened = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.boxes: dict[str, BoxItem] = {}
        self.links: list[LinkItem] = []
        self.unknown: list[UnknownEnd] = []

    def build(self, diagram: Diagram, looks: dict[str, BoxLook], band_names: list[str], colours: GapColours,
              fonts: Fonts, *, movable: bool, unknown_tip: str) -> None:
        """Replace every item with those of `diagram`."""
        self.clear()
        self.boxes, self.links, self.unknown = {}, [], []
        for n, band in enumerate(diagram.bands):
            self.addItem(BandItem(band, band_names[n], diagram.width, n % 2 == 1, fonts.small))
        for box in diagram.boxes:
            item = BoxItem(box, looks[box.zone_id], colours, fonts, movable)
            self.boxes[box.zone_id] = item
            self.addItem(item)
        slots: dict[str, int] = {}
        for link in diagram.links:
            conduit = self.boxes[link.conduit_id]
            colour = colours.colour(conduit.look.worst)
            if link.end is None:
                slot = slots[link.conduit_id] = slots.get(link.conduit_id, -1) + 1
                self.unknown.append(UnknownEnd(conduit, link.zone_id, slot, colour, fonts,
                                               unknown_tip.replace("%1", link.zone_id)))
            else:
                self.links.append(LinkItem(conduit, self.boxes[link.zone_id], colour))
                self.addItem(self.links[-1])
        rect = self.itemsBoundingRect().united(QRectF(0, 0, diagram.width, diagram.height))
        for item in self.items():
            if isinstance(item, BandItem):  # the stripes run under everything, markers of unknown zones too
                item.prepareGeometryChange()
                item.width = rect.right()
        self.setSceneRect(rect)

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
