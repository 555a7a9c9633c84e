"""The Diagram tab, used with the mouse and keys: boxes and lines from the model, drags saved and
undone, a double-click into the walkthrough, Delete with undo, and the design checks beside it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QWheelEvent
from PySide6.QtWidgets import QApplication, QGraphicsItem, QGraphicsSimpleTextItem
from pytestqt.qtbot import QtBot

from ot62443_desktop.api import open_project
from ot62443_desktop.domain.catalogue import Scale
from ot62443_desktop.domain.design import Check
from ot62443_desktop.domain.diagram import layout
from ot62443_desktop.domain.diagram_grid import PITCH, ROW_H
from ot62443_desktop.domain.model import Answer, Asset, ProjectData, ProjectInfo, ScopeKind, Status, Zone
from ot62443_desktop.storage import ProjectStore
from ot62443_desktop.ui.commands import EditZoneCommand
from ot62443_desktop.ui.diagram_scene import BandItem, BoxItem, MarkerItem
from ot62443_desktop.ui.diagram_view import DiagramView, FindingsModel
from ot62443_desktop.ui.gap_colours import gap_colours
from ot62443_desktop.ui.main_window import MainWindow
from ot62443_desktop.ui.theme import Hue, theme
from tests.ui.boxes import Boxes, Button
from tests.ui.faults import FullDisk


def write_plant(path: Path) -> None:
    """The worked example of the design checks: four layers, four conduits, one to a zone that is gone."""
    with open_project(path, create=True, client="ACME", site="North") as project:
        project.add_zone("ENT", "Enterprise", 1, level=4)
        project.add_zone("DMZ", "DMZ", 2, level=3, assets=[Asset("historian mirror")])
        project.add_zone("SCADA", "SCADA", 2, level=2, assets=[Asset("SCADA-A")])
        project.add_zone("PLC", "Controllers", [4, 3, 3, 2, 3, 2, 3], level=1)
        project.add_zone("LAB", "Lab", 1)
        project.add_zone("GONE", "Removed below", 1)
        for conduit, name, ends in (("C-IT", "IT/OT firewall", ["ENT", "DMZ"]),
                                    ("C-OT", "OT firewall", ["DMZ", "SCADA"]),
                                    ("C-FIELD", "Control LAN", ["SCADA", "PLC"]),
                                    ("C-OLD", "Old modem", ["PLC", "GONE"])):
            project.add_zone(conduit, name, 2, kind="conduit", connects=ends)
        project.store.remove_zone("GONE")
        for requirement in ("SR 1.1", "SR 1.2"):
            project.set_answer("SCADA", requirement, "implemented")


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> Boxes:
    return Boxes(monkeypatch)


@pytest.fixture
def diagram(window: MainWindow, project_path: Path) -> Iterator[DiagramView]:
    write_plant(project_path)
    assert window.open_path(str(project_path))
    window.show_tab(5)
    assert window.view is not None
    yield window.view.diagram


def box_point(view: DiagramView, zone_id: str) -> QPoint:
    """Where the middle of a box is on the canvas's viewport."""
    item = view.scene.boxes[zone_id]
    return view.canvas.mapFromScene(item.sceneBoundingRect().center())


def cells(view: DiagramView, columns: int, rows: int) -> QPoint:
    """How far on the viewport a box moves `columns` across and `rows` down the grid boxes snap to."""
    return view.canvas.mapFromScene(QPointF(PITCH * columns, ROW_H * rows)) - view.canvas.mapFromScene(QPointF(0, 0))


def drag(qtbot: QtBot, view: DiagramView, zone_id: str, by: QPoint,
         modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    viewport = view.canvas.viewport()
    start = box_point(view, zone_id)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, modifier, start)
    for step in range(1, 6):
        qtbot.mouseMove(viewport, start + by * step / 5)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, modifier, start + by)


def on_edge(item: BoxItem | MarkerItem, point: QPointF) -> bool:
    """Whether `point` is on the outline of a box (or marker) item where it now is."""
    placed = item.placed()
    box = QRectF(placed.x, placed.y, placed.w, placed.h)
    inside = box.adjusted(-0.5, -0.5, 0.5, 0.5).contains(point)
    return inside and not box.adjusted(0.5, 0.5, -0.5, -0.5).contains(point)


def test_a_box_per_zone_and_a_line_per_conduit_endpoint(diagram: DiagramView) -> None:
    scene = diagram.scene
    assert set(scene.boxes) == {"ENT", "DMZ", "SCADA", "PLC", "LAB", "C-IT", "C-OT", "C-FIELD", "C-OLD"}
    ends = sorted((link.conduit.zone_id, link.zone.zone_id) for link in scene.links)
    assert ends == [("C-FIELD", "PLC"), ("C-FIELD", "SCADA"), ("C-IT", "DMZ"), ("C-IT", "ENT"),
                    ("C-OLD", "GONE"), ("C-OLD", "PLC"), ("C-OT", "DMZ"), ("C-OT", "SCADA")]
    assert list(scene.markers) == ["GONE"]
    dashed = [(link.conduit.zone_id, link.zone.zone_id) for link in scene.links
              if link.pen().style() == Qt.PenStyle.DashLine]
    assert dashed == [("C-OLD", "GONE")]
    assert scene.boxes["C-OLD"].box.conduit and not scene.boxes["PLC"].box.conduit
    assert scene.boxes["ENT"].y() < scene.boxes["PLC"].y()  # enterprise on top, as Purdue drawings have it
    assert band_names(diagram) == ["Level 4: site business", "Level 3: site operations",
                                   "Level 2: supervisory control", "Level 1: basic control", "Not placed in a layer"]


def test_each_line_on_screen_runs_where_the_documents_draw_it(diagram: DiagramView, window: MainWindow) -> None:
    store = window.session.store  # type: ignore[union-attr]
    planned = {(link.conduit_id, link.zone_id): link.points for link in layout(store.snapshot()).links}
    path = {(link.conduit.zone_id, link.zone.zone_id): link.path() for link in diagram.scene.links}
    assert set(path) == set(planned)
    for key, points in planned.items():
        drawn = path[key]
        assert [(drawn.elementAt(n).x, drawn.elementAt(n).y) for n in range(drawn.elementCount())] == list(points)


def test_boxes_take_the_colour_of_their_worst_gap(diagram: DiagramView) -> None:
    colours = gap_colours(diagram.palette())
    looks = {zone_id: item.look for zone_id, item in diagram.scene.boxes.items()}
    assert looks["PLC"].worst == 4 and looks["ENT"].worst == 1  # nothing answered: SL-A 0
    shades = theme(diagram.palette())
    assert colours.colour(looks["PLC"].worst) == shades.hue(Hue.BAD)
    assert colours.colour(looks["ENT"].worst) == shades.hue(Hue.WARN)  # the dashboard's colours for these gaps
    assert colours.fill(looks["ENT"].worst) == shades.gap_fill(1).background
    assert "SL-T / SL-A per FR" in looks["PLC"].tip and "Controllers" in looks["PLC"].tip
    link = next(link for link in diagram.scene.links if link.conduit.zone_id == "C-OT")
    assert link.pen().color() == QColor(colours.colour(looks["C-OT"].worst))


def test_a_drag_saves_the_place_and_undo_puts_it_back(qtbot: QtBot, window: MainWindow,
                                                      diagram: DiagramView) -> None:
    store = window.session.store  # type: ignore[union-attr]
    before = diagram.scene.boxes["LAB"].pos()
    drag(qtbot, diagram, "LAB", cells(diagram, 1, -1))
    moved = store.zone("LAB").position
    assert moved is not None and moved[0] > before.x() and moved[1] < before.y()
    assert window.session.undo_stack.undoText() == "Move LAB on the diagram"  # type: ignore[union-attr]
    diagram.refresh()
    assert diagram.scene.boxes["LAB"].pos() == QPointF(*moved)  # the layout keeps the dragged place
    window.session.undo_stack.undo()  # type: ignore[union-attr]
    assert store.zone("LAB").position is None
    diagram.refresh()
    assert diagram.scene.boxes["LAB"].pos() == before


def test_a_box_nudged_less_than_half_a_cell_stays_in_its_cell_and_nothing_is_saved(
        qtbot: QtBot, window: MainWindow, diagram: DiagramView) -> None:
    """A box moved off the grid could stand in the gaps and strips the lines run in (a breaker put a line to
    one PLC through its nudged neighbour): boxes snap to the grid as they are dragged."""
    before = diagram.scene.boxes["LAB"].pos()
    nudge = cells(diagram, 1, 1)
    drag(qtbot, diagram, "LAB", QPoint(nudge.x() // 3, nudge.y() // 3))
    assert diagram.scene.boxes["LAB"].pos() == before
    assert window.session.store.zone("LAB").position is None  # type: ignore[union-attr]
    assert not window.session.undo_stack.canUndo()  # type: ignore[union-attr]


def test_boxes_selected_together_move_in_one_undo_step(qtbot: QtBot, window: MainWindow,
                                                       diagram: DiagramView) -> None:
    store = window.session.store  # type: ignore[union-attr]
    qtbot.mouseClick(diagram.canvas.viewport(), Qt.MouseButton.LeftButton, pos=box_point(diagram, "ENT"))
    qtbot.mouseClick(diagram.canvas.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier,
                     box_point(diagram, "C-IT"))
    assert sorted(diagram.scene.selected_ids()) == ["C-IT", "ENT"]
    line = next(link for link in diagram.scene.links if (link.conduit.zone_id, link.zone.zone_id) == ("C-IT", "ENT"))
    drag(qtbot, diagram, "ENT", cells(diagram, 1, 0))
    assert store.zone("ENT").position is not None and store.zone("C-IT").position is not None
    assert store.zone("DMZ").position is None
    start, end = line.path().pointAtPercent(0), line.path().pointAtPercent(1)
    assert on_edge(diagram.scene.boxes["C-IT"], start) and on_edge(diagram.scene.boxes["ENT"], end)  # followed both
    stack = window.session.undo_stack  # type: ignore[union-attr]
    assert stack.undoText() == "Move 2 boxes on the diagram"
    stack.undo()
    assert store.zone("ENT").position is None and store.zone("C-IT").position is None


def test_the_dashed_line_to_a_missing_zone_follows_its_conduit_and_the_marker_stays_put(
        qtbot: QtBot, window: MainWindow, diagram: DiagramView) -> None:
    """The marker of a zone the project lacks stands in the band under the drawing: a click does not select
    it, a drag does not move it, a double-click opens nothing; the conduit's line to it follows the conduit."""
    marker = diagram.scene.markers["GONE"]
    line = marker.links[0]
    home = marker.pos()
    viewport = diagram.canvas.viewport()
    spot = diagram.canvas.mapFromScene(marker.sceneBoundingRect().center())
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=spot)
    assert diagram.scene.selected_ids() == [] and not marker.isSelected()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=spot)
    qtbot.mouseMove(viewport, spot + cells(diagram, 1, -1))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=spot + cells(diagram, 1, -1))
    assert marker.pos() == home and not window.session.undo_stack.canUndo()  # type: ignore[union-attr]
    tab = window.view.currentIndex()  # type: ignore[union-attr]
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=spot)
    assert window.view.currentIndex() == tab  # type: ignore[union-attr]
    drag(qtbot, diagram, "C-OLD", cells(diagram, 2, 0))
    conduit = diagram.scene.boxes["C-OLD"]
    start, end = line.path().pointAtPercent(0), line.path().pointAtPercent(1)
    assert on_edge(conduit, start) and on_edge(marker, end) and line.pen().style() == Qt.PenStyle.DashLine


def test_reset_layout_forgets_every_dragged_place_undoably(qtbot: QtBot, window: MainWindow,
                                                           diagram: DiagramView) -> None:
    store = window.session.store  # type: ignore[union-attr]
    assert not diagram.reset_button.isEnabled()  # nothing to reset yet
    drag(qtbot, diagram, "LAB", cells(diagram, 1, 0))
    diagram.refresh()
    assert diagram.reset_button.isEnabled()
    qtbot.mouseClick(diagram.reset_button, Qt.MouseButton.LeftButton)
    assert store.zone("LAB").position is None
    window.session.undo_stack.undo()  # type: ignore[union-attr]
    assert store.zone("LAB").position is not None


def test_a_box_is_never_dragged_over_the_layer_names_or_off_the_page(qtbot: QtBot, window: MainWindow,
                                                                     diagram: DiagramView) -> None:
    drag(qtbot, diagram, "LAB", QPoint(-2000, -2000))
    x, y = window.session.store.zone("LAB").position  # type: ignore[union-attr, misc]
    assert x >= 120 and y >= 0


def test_double_click_opens_that_zone_in_the_walkthrough(qtbot: QtBot, window: MainWindow,
                                                         diagram: DiagramView) -> None:
    qtbot.mouseDClick(diagram.canvas.viewport(), Qt.MouseButton.LeftButton, pos=box_point(diagram, "SCADA"))
    view = window.view
    assert view is not None and view.currentIndex() == 1
    assert view.walkthrough.current_key() == ("SCADA", "SR 1.1 RE 1")  # its first unanswered requirement
    window.show_tab(5)
    qtbot.mouseDClick(diagram.canvas.viewport(), Qt.MouseButton.LeftButton, pos=box_point(diagram, "C-OT"))
    assert view.walkthrough.current_key() == ("C-OT", "SR 1.1")  # a conduit is assessed too


def test_delete_removes_the_selected_box_after_asking_and_undo_brings_it_back(
        qtbot: QtBot, window: MainWindow, diagram: DiagramView, boxes: Boxes) -> None:
    store = window.session.store  # type: ignore[union-attr]
    qtbot.mouseClick(diagram.canvas.viewport(), Qt.MouseButton.LeftButton, pos=box_point(diagram, "SCADA"))
    boxes.answers.append(Button.No)
    qtbot.keyClick(diagram.canvas, Qt.Key.Key_Delete)
    assert "Remove SCADA (SCADA) and its 2 answer(s)?" in boxes.last() and "SCADA" in store.scope_ids()
    boxes.answers.append(Button.Yes)
    qtbot.keyClick(diagram.canvas, Qt.Key.Key_Delete)
    assert "SCADA" not in store.scope_ids()
    diagram.refresh()
    assert "SCADA" not in diagram.scene.boxes
    assert "SCADA" in diagram.scene.markers
    assert diagram.scene.markers["SCADA"].links[0].conduit.zone_id == "C-OT"
    window.session.undo_stack.undo()  # type: ignore[union-attr]
    assert store.answer("SCADA", "SR 1.1") is not None
    diagram.refresh()
    assert "SCADA" in diagram.scene.boxes


def test_delete_with_nothing_or_several_selected_says_what_to_do(
        qtbot: QtBot, window: MainWindow, diagram: DiagramView, boxes: Boxes) -> None:
    diagram.canvas.setFocus()
    qtbot.keyClick(diagram.canvas, Qt.Key.Key_Delete)
    assert "Select one zone or conduit" in window.statusBar().currentMessage()
    window.statusBar().clearMessage()
    for zone_id, modifier in (("ENT", Qt.KeyboardModifier.NoModifier), ("DMZ", Qt.KeyboardModifier.ControlModifier)):
        qtbot.mouseClick(diagram.canvas.viewport(), Qt.MouseButton.LeftButton, modifier, box_point(diagram, zone_id))
    qtbot.keyClick(diagram.canvas, Qt.Key.Key_Delete)
    assert "Select one zone or conduit" in window.statusBar().currentMessage()
    assert boxes.shown == [] and len(window.session.store.zones()) == 9  # type: ignore[union-attr]


def test_the_checks_list_shows_the_worked_example_and_a_click_selects_the_box(
        qtbot: QtBot, diagram: DiagramView) -> None:
    found = [(finding.check, finding.scope_id) for finding, _, _ in diagram.findings.findings]
    assert found == [(Check.SL_STEP, "C-FIELD"), (Check.UNKNOWN_ZONE, "C-OLD"), (Check.NO_ASSETS, "PLC"),
                     (Check.ISOLATED, "LAB")]
    texts = [diagram.findings.index(row, 1).data() for row in range(diagram.findings.rowCount())]
    assert texts[0] == "SL-T steps from 2 to 4 in FR 1 between SCADA and PLC, and no design note says why"
    assert texts[1] == "Connects GONE, which is not a zone of this project"
    assert texts[2] == "No asset is listed for this zone (layer: Level 1: basic control)"
    assert diagram.checks_title.text() == "Design checks: 4 finding(s)"
    rect = diagram.checks.visualRect(diagram.findings.index(3, 1))
    qtbot.mouseClick(diagram.checks.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert diagram.scene.selected_ids() == ["LAB"]


def test_the_drawing_follows_edits_and_answers(qtbot: QtBot, window: MainWindow, diagram: DiagramView) -> None:
    session = window.session
    assert session is not None
    lab = session.store.zone("LAB")
    session.undo_stack.push(EditZoneCommand(session, lab, replace(lab, level=0)))
    qtbot.waitUntil(lambda: "Level 0: process" in band_names(diagram))
    assert band_names(diagram)[-2:] == ["Level 0: process", "Not in this project"]  # GONE's marker alone
    for requirement in session.catalogues.requirements(Scale.SECURITY_LEVEL):
        if requirement.level == 1:
            session.apply_answer("ENT", requirement.id, Answer("ENT", requirement.id, Status.IMPLEMENTED))
    qtbot.waitUntil(lambda: diagram.scene.boxes["ENT"].look.worst == 0)  # SL-A 1 everywhere: no gap


def band_names(view: DiagramView) -> list[str]:
    bands = sorted((item for item in view.scene.items() if isinstance(item, BandItem)), key=lambda b: b.band.y)
    return [band.name for band in bands]


def test_a_read_only_project_shows_boxes_that_cannot_be_moved_or_removed(
        qtbot: QtBot, window: MainWindow, project_path: Path, boxes: Boxes) -> None:
    write_plant(project_path)
    with ProjectStore.open(project_path):  # another instance holds it: opened read-only
        assert window.open_path(str(project_path))
        window.show_tab(5)
        view = window.view.diagram  # type: ignore[union-attr]
        assert not any(item.flags() & QGraphicsItem.GraphicsItemFlag.ItemIsMovable
                       for item in view.scene.boxes.values())
        assert not view.reset_button.isEnabled()
        qtbot.mouseClick(view.canvas.viewport(), Qt.MouseButton.LeftButton, pos=box_point(view, "LAB"))
        qtbot.keyClick(view.canvas, Qt.Key.Key_Delete)
        assert window.statusBar().currentMessage().startswith("Nothing was changed: this project is read-only")
        assert "LAB" in window.session.store.scope_ids()  # type: ignore[union-attr]


def test_the_findings_model_passes_the_model_tester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    zones = (Zone("SCADA", "SCADA", Zone.uniform(2), level=2),
             Zone("C-OLD", "Old modem", Zone.uniform(1), kind=ScopeKind.CONDUIT, connects=("SCADA", "GONE")))
    findings = FindingsModel()
    findings.show(ProjectData(ProjectInfo("c", "s"), zones))
    assert [f.check for f, _, _ in findings.findings] == [Check.UNKNOWN_ZONE, Check.NO_ASSETS]
    qtmodeltester.check(findings)


def test_zoom_keys_wheel_and_fit(qtbot: QtBot, diagram: DiagramView) -> None:
    canvas = diagram.canvas
    fitted = canvas.scale_factor()
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert canvas.scale_factor() == pytest.approx(fitted * 1.25) and not canvas.fitted
    qtbot.keyClick(canvas, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(canvas, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert canvas.scale_factor() == pytest.approx(fitted / 1.25)
    wheel = QWheelEvent(QPointF(50, 50), QPointF(canvas.viewport().mapToGlobal(QPoint(50, 50))), QPoint(),
                        QPoint(0, 240), Qt.MouseButton.NoButton, Qt.KeyboardModifier.ControlModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(canvas.viewport(), wheel)
    assert canvas.scale_factor() == pytest.approx(fitted / 1.25 * 1.25 ** 2)
    qtbot.keyClick(canvas, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert canvas.scale_factor() == pytest.approx(fitted) and canvas.fitted


def test_a_drag_the_disk_refuses_is_told_and_the_box_goes_back(
        qtbot: QtBot, window: MainWindow, diagram: DiagramView, disk: FullDisk, boxes: Boxes) -> None:
    before = diagram.scene.boxes["LAB"].pos()
    disk.fill()
    drag(qtbot, diagram, "LAB", cells(diagram, 1, 0))
    assert window.session.store.zone("LAB").position is None  # type: ignore[union-attr]
    assert not window.session.undo_stack.canUndo()  # type: ignore[union-attr]
    assert "NOT SAVED" in window.windowTitle()
    qtbot.waitUntil(lambda: diagram.scene.boxes["LAB"].pos() == before)  # where the project still has it
    disk.free()


def test_a_project_without_zones_says_where_to_add_them(qtbot: QtBot, window: MainWindow, project_path: Path) -> None:
    with open_project(project_path, create=True, client="ACME", site="North"):
        pass
    assert window.open_path(str(project_path))
    window.show_tab(5)
    view = window.view.diagram  # type: ignore[union-attr]
    texts = [item.text() for item in view.scene.items() if isinstance(item, QGraphicsSimpleTextItem)]
    assert texts == ["No zones or conduits yet. Add them in the Zones & conduits tab (Alt+Shift+1): they are "
                     "drawn here, layer by layer."]
    assert view.checks_title.text() == "Design checks: 0 finding(s)" and not view.reset_button.isEnabled()


def test_a_conduit_whose_zones_are_all_gone_is_drawn_and_checked(
        qtbot: QtBot, window: MainWindow, project_path: Path, boxes: Boxes) -> None:
    """Opening the Diagram tab on a conduit none of whose zones exist brought the program down (the checks
    raised in the middle of resetting their table); removing the last zone of a conduit did too."""
    with open_project(project_path, create=True, client="ACME", site="North") as project:
        for zone_id in ("A", "B", "KEEP"):
            project.add_zone(zone_id, zone_id, 1, level=1)
        project.add_zone("C-AB", "A to B", 1, kind="conduit", connects=["A", "B"])
        project.add_zone("C-NONE", "Spare", 1, kind="conduit", connects=[])
        project.store.remove_zone("A")
    assert window.open_path(str(project_path))
    window.show_tab(5)
    diagram = window.view.diagram  # type: ignore[union-attr]
    assert list(diagram.scene.markers) == ["A"]
    assert {(f.check, f.scope_id) for f, _, _ in diagram.findings.findings} >= {
        (Check.UNKNOWN_ZONE, "C-AB"), (Check.TOO_FEW, "C-NONE")}
    qtbot.mouseClick(diagram.canvas.viewport(), Qt.MouseButton.LeftButton, pos=box_point(diagram, "B"))
    boxes.answers.append(Button.Yes)
    qtbot.keyClick(diagram.canvas, Qt.Key.Key_Delete)
    diagram.refresh()
    assert sorted(diagram.scene.markers) == ["A", "B"] and "B" not in diagram.scene.boxes
    assert (Check.UNKNOWN_ZONE, "C-AB") in {(f.check, f.scope_id) for f, _, _ in diagram.findings.findings}


def test_zoomed_far_out_a_missing_zones_marker_reads_as_the_zones_ids_do(diagram: DiagramView) -> None:
    """The marker kept its 22 px font however far out: 6.6 px on screen at 0.3, where the zones' ids are 12."""
    marker = diagram.scene.markers["GONE"]
    assert marker.font(0.3).pixelSize() * 0.3 >= 9 and marker.font(1.0) == diagram.scene.boxes["PLC"].fonts.small
