"""The Diagram tab: the zones-and-conduits drawing beside the design checks.

The drawing is rebuilt from `domain.diagram.layout` whenever zones or answers change (when it
can be seen), the geometry every export draws too. Dragging boxes, resetting the layout and
removing a box are undoable edits like any other.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ot62443_desktop.domain.catalogue import FR_IDS
from ot62443_desktop.domain.design import Finding, design_checks
from ot62443_desktop.domain.diagram import layout
from ot62443_desktop.domain.model import ProjectData, ScopeKind, Zone
from ot62443_desktop.domain.scoring import ZoneScore, score_zone
from ot62443_desktop.ui.commands import PlaceZonesCommand, RemoveZoneCommand
from ot62443_desktop.ui.diagram_canvas import DiagramCanvas, Legend
from ot62443_desktop.ui.diagram_scene import BoxLook, DiagramScene, Fonts
from ot62443_desktop.ui.diagram_text import finding_text, layer_names
from ot62443_desktop.ui.gap_colours import gap_colours
from ot62443_desktop.ui.i18n import fill
from ot62443_desktop.ui.labels import kind_label
from ot62443_desktop.ui.lazy_view import LazyView
from ot62443_desktop.ui.plain_text import elide, tooltip
from ot62443_desktop.ui.session import ProjectSession
from ot62443_desktop.ui.table_model import ListTableModel
from ot62443_desktop.ui.zones_view import confirm_removal

Index = QModelIndex | QPersistentModelIndex
WIDE = 2.0  # a drawing wider than this many times its height has the design checks under it


class FindingsModel(ListTableModel):
    """The design checks' findings: what is wrong, and the zone or conduit it is about."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([self.tr("Zone or conduit"), self.tr("Design check")], parent)
        self.findings: list[tuple[Finding, str, str]] = []  # the finding, its sentence, its scope's name

    def show(self, project: ProjectData) -> None:
        names = {z.id: z.name for z in project.zones}
        rows = [(f, finding_text(f, project), names.get(f.scope_id, "")) for f in design_checks(project)]
        self.beginResetModel()  # once the rows are made (table_model.py)
        self.findings = self.rows = rows
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        finding, sentence, name = self.findings[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return finding.scope_id if index.column() == 0 else elide(sentence)
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(f"{finding.scope_id}  {name}\n{sentence}")
        return None


class DiagramView(LazyView):
    """The drawing, its tools and the design checks; `zone_opened` asks for a zone's walkthrough."""

    zone_opened = Signal(str)

    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.scene = DiagramScene(self)
        self.scene.moved.connect(self._save_moves)
        self.scene.opened.connect(self.zone_opened)
        self.canvas = DiagramCanvas(self.scene)
        self.canvas.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.findings = FindingsModel(self)
        self.checks = QTableView()
        self.checks.setModel(self.findings)
        self.checks.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.checks.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.checks.setWordWrap(True)
        self.checks.verticalHeader().hide()
        self.checks.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.checks.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.checks.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.checks.selectionModel().currentRowChanged.connect(self._show_finding)
        self.checks_title = QLabel()
        self.checks_title.setTextFormat(Qt.TextFormat.PlainText)
        self.reset_button = QPushButton(self.tr("&Reset layout"))
        self.reset_button.setToolTip(self.tr("Put every box back where the automatic layout places it"))
        self.reset_button.clicked.connect(self.reset_layout)
        self._actions()
        self._build_layout()
        self._checks_placed = False
        session.read_only_changed.connect(self._mark_stale)

    def _actions(self) -> None:
        """Zoom and fit anywhere in the tab; Delete only on the drawing (not in the checks list)."""
        self.zoom_buttons = []
        for text, keys, slot, scope in (
                (self.tr("Zoom &in"), [QKeySequence.StandardKey.ZoomIn, "Ctrl+="], self.canvas.zoom_in, self),
                (self.tr("Zoom &out"), [QKeySequence.StandardKey.ZoomOut], self.canvas.zoom_out, self),
                (self.tr("&Fit"), ["Ctrl+0"], self.canvas.fit, self),
                (self.tr("Remove"), [QKeySequence.StandardKey.Delete, "Backspace"], self.remove_selected,
                 self.canvas)):
            action = QAction(text, scope)
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            scope.addAction(action)
            if scope is self:
                button = QPushButton(text)
                button.setToolTip(action.shortcut().toString(QKeySequence.SequenceFormat.NativeText))
                button.clicked.connect(slot)
                self.zoom_buttons.append(button)

    def _build_layout(self) -> None:
        tools = QHBoxLayout()
        for button in (*self.zoom_buttons, self.reset_button):
            tools.addWidget(button)
        tools.addSpacing(16)
        tools.addWidget(Legend())
        tools.addStretch(1)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.checks_title)
        side_layout.addWidget(self.checks)
        self.splitter = QSplitter()
        self.splitter.addWidget(self.canvas)
        self.splitter.addWidget(side)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setChildrenCollapsible(False)
        layout_ = QVBoxLayout(self)
        layout_.addLayout(tools)
        layout_.addWidget(self.splitter, 1)

    # -- drawing --------------------------------------------------------------------------------

    def reload(self) -> None:
        project = self.session.snapshot()
        selected = set(self.scene.selected_ids())
        centre = self.canvas.mapToScene(self.canvas.viewport().rect().center())
        first = not self.scene.boxes
        diagram = layout(project)
        scores = {z.id: score_zone(project, self.session.catalogues, z) for z in project.zones}
        names = layer_names(project.info)
        by_english = dict(zip(project.info.layer_names, names, strict=True))
        bands = [self.tr("Not in this project") if band.missing_only
                 else by_english.get(band.name) or self.tr("Not placed in a layer") for band in diagram.bands]
        self.scene.build(diagram, {z.id: self._look(z, scores[z.id], names) for z in project.zones}, bands,
                         gap_colours(self.palette()), self._fonts(), movable=not self.session.read_only,
                         marker_tip=self.tr("A conduit names %1, which is not a zone of this project"))
        if not project.zones:
            self.scene.show_hint(self.tr("No zones or conduits yet. Add them in the Zones & conduits tab "
                                         "(Alt+Shift+1): they are drawn here, layer by layer."),
                                 self._fonts().band, self.palette().color(QPalette.ColorRole.Text))
        self.scene.select_only(selected)
        self._place_checks(diagram.width / max(diagram.height, 1.0))
        if first or self.canvas.fitted:
            self.canvas.fit()
        else:
            self.canvas.centerOn(centre)
        self.findings.show(project)
        self.checks_title.setText(self.tr("Design checks: %n finding(s)", "", len(self.findings.findings)))
        self.reset_button.setEnabled(not self.session.read_only and any(z.position for z in project.zones))

    def _place_checks(self, aspect: float) -> None:
        """The checks under a wide drawing (as Purdue drawings mostly are) and beside a tall one: the
        drawing gets the room it can use, which on a projector is what makes its names readable."""
        wide = aspect > WIDE
        orientation = Qt.Orientation.Vertical if wide else Qt.Orientation.Horizontal
        if orientation == self.splitter.orientation() and self._checks_placed:
            return
        self._checks_placed = True
        self.splitter.setOrientation(orientation)
        total = self.splitter.height() if wide else self.splitter.width()
        side = 170 if wide else 360
        self.splitter.setSizes([max(total - side, side), side])

    def _look(self, zone: Zone, score: ZoneScore, layers: tuple[str, ...]) -> BoxLook:
        worst = score.worst_gap
        lines = [f"{zone.id}  {zone.name}", kind_label(zone.kind)]
        if zone.level is not None and zone.level < len(layers):
            lines[-1] += f" · {layers[zone.level]}"
        lines.append(self.tr("SL-T / SL-A per FR: %1").replace("%1", "  ".join(
            f"{fr.replace('FR ', 'FR')} {t}/{a}" for fr, t, a in zip(FR_IDS, zone.sl_t, score.sl_a, strict=True))))
        lines.append(self.tr("No SL-T set") if worst is None else
                     fill(self.tr("Largest SL gap: %1"), worst))
        if zone.kind is ScopeKind.ZONE and zone.assets:
            lines.append(self.tr("%n asset(s)", "", len(zone.assets)))
        lines.append(self.tr("Double-click to assess it in the walkthrough"))
        return BoxLook(worst, zone.id, "\n".join(lines))

    def _fonts(self) -> Fonts:
        """Sizes in pixels of the scene, whose units are points: the drawing is the same on any screen."""
        name, small, far, band = (QFont(self.font()) for _ in range(4))
        name.setPixelSize(12)
        name.setBold(True)
        small.setPixelSize(10)
        far.setPixelSize(22)
        far.setBold(True)
        band.setPixelSize(12)
        return Fonts(name, small, far, band)

    def _show_finding(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        scope_id = self.findings.findings[current.row()][0].scope_id
        self.scene.select_only({scope_id})
        if item := self.scene.boxes.get(scope_id):
            self.canvas.ensureVisible(item, 40, 40)

    # -- edits ----------------------------------------------------------------------------------

    def _save_moves(self, moved: dict[str, tuple[float, float]]) -> None:
        if not self.session.editable():
            self.refresh()
            return
        before = [self.session.store.zone(zone_id) for zone_id in moved]
        after = [replace(zone, position=moved[zone.id]) for zone in before]
        text = (self.tr("Move %1 on the diagram").replace("%1", before[0].id) if len(before) == 1
                else self.tr("Move %n boxes on the diagram", "", len(before)))
        self.session.undo_stack.push(PlaceZonesCommand(self.session, before, after, text))

    def reset_layout(self) -> None:
        if not self.session.editable():
            return
        before = [zone for zone in self.session.store.zones() if zone.position is not None]
        if before:
            self.session.undo_stack.push(PlaceZonesCommand(
                self.session, before, [replace(zone, position=None) for zone in before],
                self.tr("Reset the diagram layout")))

    def remove_selected(self) -> None:
        """Remove the selected zone or conduit, asking first as the zones editor does (undoable)."""
        selected = self.scene.selected_ids()
        if len(selected) != 1:
            self.session.refused.emit(self.tr("Select one zone or conduit on the diagram to remove it."))
            return
        if not self.session.editable():
            return
        zone = self.session.store.zone(selected[0])
        if confirm_removal(self, self.session, zone):
            self.session.undo_stack.push(RemoveZoneCommand(self.session, zone.id))
