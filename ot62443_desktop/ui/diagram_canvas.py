"""The view the drawing is seen through: zoom with Ctrl+wheel or the keys, fit, rubber-band selection,
and the legend of its colours."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPen, QWheelEvent
from PySide6.QtWidgets import QGraphicsScene, QGraphicsView, QWidget

from ot62443_desktop.ui.gap_colours import gap_colours

MIN_SCALE, MAX_SCALE = 0.15, 4.0
MAX_FIT = 1.5  # a small drawing is fitted larger than life, not blown up to poster size
STEP = 1.25


class DiagramCanvas(QGraphicsView):
    def __init__(self, scene: QGraphicsScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setBackgroundBrush(self.palette().base())
        self.fitted = True  # follows the window's size until the person zooms

    def scale_factor(self) -> float:
        return self.transform().m11()

    def zoom(self, factor: float, *, fitted: bool = False) -> None:
        target = min(max(self.scale_factor() * factor, MIN_SCALE), MAX_SCALE)
        self.scale(target / self.scale_factor(), target / self.scale_factor())
        self.fitted = fitted

    def zoom_in(self) -> None:
        self._zoom_at_centre(STEP)

    def zoom_out(self) -> None:
        self._zoom_at_centre(1 / STEP)

    def _zoom_at_centre(self, factor: float) -> None:
        anchor = self.transformationAnchor()
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.zoom(factor)
        self.setTransformationAnchor(anchor)

    def fit(self) -> None:
        """The whole drawing in the window, no larger than MAX_FIT."""
        rect = self.sceneRect()
        if rect.isEmpty():
            return
        view = self.viewport().rect().adjusted(8, 8, -8, -8)
        factor = min(view.width() / rect.width(), view.height() / rect.height(), MAX_FIT)
        self.resetTransform()
        self.zoom(max(factor, MIN_SCALE) / self.scale_factor(), fitted=True)
        self.centerOn(rect.center())

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt API
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                self.zoom(STEP ** steps)
            event.accept()
            return
        super().wheelEvent(event)

    def resizeEvent(self, event: object) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)  # type: ignore[arg-type]
        if self.fitted:
            self.fit()


class Legend(QWidget):
    """What the colours and the dashed line mean, drawn with the same colours as the boxes."""

    SWATCH = 14

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries = [(0, self.tr("No SL gap")), (1, self.tr("SL gap 1")), (2, self.tr("SL gap 2 or more")),
                        (None, self.tr("No SL-T"))]
        self.dashed = self.tr("Zone not in the project")
        self.setSizePolicy(self.sizePolicy().horizontalPolicy(), self.sizePolicy().Policy.Fixed)
        self.setToolTip(self.tr("Each box and its lines take the colour of its largest gap between SL-T and "
                                "SL-A over the seven FRs."))

    def _widths(self) -> list[int]:
        metrics = self.fontMetrics()
        return [self.SWATCH + 6 + metrics.horizontalAdvance(text) + 16
                for text in [label for _, label in self.entries] + [self.dashed]]

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(sum(self._widths()) + 12, self.fontMetrics().height() + 8)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colours = gap_colours(self.palette())
        middle, x = self.height() / 2, 6.0
        widths = self._widths()
        for (worst, label), width in zip(self.entries, widths, strict=False):
            swatch = QRectF(x, middle - self.SWATCH / 2, self.SWATCH, self.SWATCH)
            painter.setPen(QPen(colours.colour(worst), 2))
            painter.setBrush(colours.fill(worst))
            painter.drawRoundedRect(swatch, 3, 3)
            self._label(painter, x + self.SWATCH + 6, label)
            x += width
        painter.setPen(QPen(colours.text, 2, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(x, middle), QPointF(x + self.SWATCH, middle))
        self._label(painter, x + self.SWATCH + 6, self.dashed)

    def _label(self, painter: QPainter, x: float, text: str) -> None:
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(QRectF(x, 0, self.width() - x, self.height()), Qt.AlignmentFlag.AlignVCenter, text)
