"""A project from someone else is data: its names, notes and paths are shown as written, and
nothing in them makes the window read a file, follow a link or load an image.

The image paths point at a FIFO: whoever opened it to read would wait for a writer, so a
watcher process keeps waiting to write, notes every reader it meets and lets it go on (a
test that opens it fails instead of hanging).
"""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QTextCursor, QTextDocument, QTextOption
from PySide6.QtGui import Qt as GuiQt  # Qt.mightBeRichText is a QtGui function
from PySide6.QtWidgets import QToolTip, QWidget
from pytestqt.qtbot import QtBot

from ot62443_desktop.api import open_project
from ot62443_desktop.domain.model import Asset, Evidence, RemediationItem
from ot62443_desktop.ui.main_window import MainWindow
from ot62443_desktop.ui.markdown_view import InertDocument, MarkdownView
from ot62443_desktop.ui.plain_text import MESSAGE_CHARS, elide
from ot62443_desktop.ui.recent import Entry
from ot62443_desktop.ui.requirement_page import RequirementPage
from ot62443_desktop.ui.zones_view import ZoneDialog
from tests.ui.boxes import Boxes
from tests.ui.conftest import when_dialog_opens

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise")  # tooltips, offscreen


# Waits to write to the FIFO, so that a reader never blocks, and notes each reader it met. It is a
# process of its own: a thread would need the GIL, which the GUI thread holds while Qt reads.
WATCHER = """
import os, sys
fifo, log = sys.argv[1:]
while True:
    fd = os.open(fifo, os.O_WRONLY)
    with open(log, "a") as out:
        out.write("opened\\n")
    os.close(fd)
"""


class Trap:
    """A FIFO standing in for an image file; `opened` counts whatever read it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.log = path.with_suffix(".log")
        os.mkfifo(path)
        self.log.touch()
        self._watcher = subprocess.Popen([sys.executable, "-c", WATCHER, str(path), str(self.log)])

    @property
    def opened(self) -> int:
        return len(self.log.read_text().splitlines())

    def stop(self) -> None:
        self._watcher.kill()
        self._watcher.wait()


@pytest.fixture
def trap(tmp_path: Path) -> Iterator[Trap]:
    spring = Trap(tmp_path / "trap.png")
    yield spring
    spring.stop()
    assert spring.opened == 0, "something opened the image file a project named"


@pytest.fixture
def resource_requests(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every resource a Markdown view or its document is asked for (none: images are gone before layout)."""
    asked: list[str] = []
    for cls in (MarkdownView, InertDocument):
        refuse = cls.loadResource

        def spy(self: Any, kind: int, name: QUrl, refuse: Any = refuse) -> object:
            asked.append(name.toString())
            return refuse(self, kind, name)
        monkeypatch.setattr(cls, "loadResource", spy)
    return asked


@pytest.fixture(autouse=True)
def boxes(monkeypatch: pytest.MonkeyPatch) -> Boxes:
    return Boxes(monkeypatch)


def hostile(trap: Trap, what: str) -> str:
    return (f'{what} <img src="{trap.path}"> <img src="//127.0.0.1/share/x.png"> '
            '<a href="file:///etc/passwd">x</a> <b>bold</b> &amp; <para>')


# a local name that looks like markup, a share (looking at it would log in there on Windows),
# a device path, and names no file system takes
EVIDENCE = ('<img src="x.png">.png', "//127.0.0.1/share/x.png", "\\\\.\\pipe\\x", "x" * 5000, "a\0b")


def note(trap: Trap) -> str:
    return "\n\n".join([
        hostile(trap, "Seen"),
        f"![the trap]({trap.path})",
        "![by reference][share]",
        f'[passwords](file:///etc/passwd "<img src=\'{trap.path}\'>")',
        "[share]: //127.0.0.1/share/x.png",
    ])


@pytest.fixture
def hostile_project(project_path: Path, trap: Trap) -> Path:
    with open_project(project_path, create=True, client=hostile(trap, "Client"), site=hostile(trap, "Site")) as p:
        p.add_zone("Z1", hostile(trap, "Zone"), 2)
        zone = dataclasses.replace(p.store.zone("Z1"), description=hostile(trap, "About"),
                                   assets=(Asset(hostile(trap, "PLC")),))
        p.store.update_zone(zone)
        evidence = tuple(Evidence(path, "0" * 64, hostile(trap, "Photo"), date(2024, 5, 1)) for path in EVIDENCE)
        p.set_answer("Z1", "SR 1.1", "not_implemented", notes=note(trap), finding=hostile(trap, "Finding"),
                     evidence=evidence)
        p.store.set_remediation(RemediationItem("Z1", "SR 1.1", action=hostile(trap, "Fix"),
                                                owner=hostile(trap, "Owner")))
    return project_path


def shown(text: str) -> str:
    """What Qt shows for a label or tooltip text it is left to guess the format of."""
    if not GuiQt.mightBeRichText(text):
        return text
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText().replace("\u2029", "\n")


def show_tooltip(widget: QWidget, text: str) -> None:
    """Show a tooltip the way a hover does, so that Qt lays it out (and would load what it names)."""
    QToolTip.showText(widget.mapToGlobal(QPoint(5, 5)), text, widget)
    QToolTip.hideText()


def images_in(document: QTextDocument) -> list[str]:
    found = []
    block = document.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            char_format = fragments.fragment().charFormat()
            if char_format.isImageFormat():
                found.append(char_format.toImageFormat().name())
            fragments += 1
        block = block.next()
    return found


def open_page(window: MainWindow, path: Path) -> RequirementPage:
    assert window.open_path(str(path))
    window.show_tab(1)
    walkthrough = window.view.walkthrough  # type: ignore[union-attr]
    assert walkthrough.select("Z1", "SR 1.1")
    return walkthrough.page


def test_the_requirement_page_shows_hostile_text_as_written(
        qtbot: QtBot, window: MainWindow, hostile_project: Path, trap: Trap, resource_requests: list[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    looked_at: list[str] = []
    exists = Path.exists
    monkeypatch.setattr(Path, "exists", lambda self, **kw: looked_at.append(str(self)) or exists(self, **kw))
    page = open_page(window, hostile_project)
    assert not any(path.startswith(("//", "\\\\")) for path in looked_at)
    name = hostile(trap, "Zone")
    assert page.scope_label.text() == name and page.scope_label.textFormat() == Qt.TextFormat.PlainText
    label = page.scope_label  # wraps, rather than making the page as wide as the name
    assert label.minimumSizeHint().width() < label.fontMetrics().horizontalAdvance(name) / 2
    assert page.notes.toPlainText() == note(trap)
    assert page.finding.toPlainText() == hostile(trap, "Finding")
    assert page.action.toPlainText() == hostile(trap, "Fix") and page.owner.text() == hostile(trap, "Owner")
    rows = [page.evidence_list.item(row) for row in range(page.evidence_list.count())]
    assert [shown(row.toolTip()) for row in rows] == [elide(path, MESSAGE_CHARS) for path in EVIDENCE]
    assert [row.text().partition(": ")[0] for row in rows] == ["MISSING", "NOT CHECKED (network path)",
                                                               "NOT CHECKED (network path)", "MISSING", "MISSING"]
    assert all(row.text().endswith(hostile(trap, "Photo") + " · sha256 000000000000…") for row in rows)
    for row in rows:
        show_tooltip(page.evidence_list, row.toolTip())
    navigator = window.view.walkthrough.model  # type: ignore[union-attr]
    assert navigator.index(0, 0).data() == f"Z1  {name}"
    page.grab()
    assert resource_requests == []


def test_the_notes_preview_renders_markdown_but_no_html_image_or_tooltip(
        qtbot: QtBot, window: MainWindow, hostile_project: Path, trap: Trap, resource_requests: list[str]) -> None:
    page = open_page(window, hostile_project)
    page.preview_box.setChecked(True)
    preview = page.notes_preview
    preview.grab()
    text = preview.document().toPlainText()
    assert f'Seen <img src="{trap.path}"> <img src="//127.0.0.1/share/x.png">' in text  # raw HTML is text
    assert '<a href="file:///etc/passwd">x</a> <b>bold</b> & <para>' in text  # `&amp;` is Markdown's `&`
    assert "[image not shown: the trap]" in text and "[image not shown: by reference]" in text
    assert images_in(preview.document()) == []
    link = next(f for f in fragments(preview.document()) if f.charFormat().isAnchor())
    assert link.text() == "passwords"
    assert shown(link.charFormat().toolTip()) == "file:///etc/passwd"  # the target, not the title's markup
    show_tooltip(preview, link.charFormat().toolTip())
    assert resource_requests == []
    assert window.session.store.answer("Z1", "SR 1.1").notes == note(trap)  # type: ignore[union-attr]


def fragments(document: QTextDocument) -> Iterator[Any]:
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            yield it.fragment()
            it += 1
        block = block.next()


def test_clicking_a_link_in_the_preview_opens_nothing(
        qtbot: QtBot, window: MainWindow, hostile_project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    page = open_page(window, hostile_project)
    page.preview_box.setChecked(True)
    preview = page.notes_preview
    qtbot.waitExposed(preview)
    document, before = preview.document(), preview.document().toPlainText()
    link = next(f for f in fragments(document) if f.charFormat().isAnchor())
    cursor = QTextCursor(document)
    cursor.setPosition(link.position() + link.length() // 2)
    preview.ensureCursorVisible()
    preview.setTextCursor(cursor)
    where = preview.cursorRect(cursor).center()
    with qtbot.waitSignal(preview.anchorClicked) as clicked:  # the click did land on the link
        qtbot.mouseClick(preview.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert clicked.args[0].toString() == "file:///etc/passwd"
    assert opened == [] and preview.source().isEmpty()
    assert preview.document() is document and document.toPlainText() == before


def test_views_show_names_owners_and_actions_as_written(
        qtbot: QtBot, window: MainWindow, hostile_project: Path, trap: Trap) -> None:
    assert window.open_path(str(hostile_project))
    view = window.view
    assert view is not None
    name = hostile(trap, "Zone")
    window.show_tab(0)
    zones = view.zones.model
    assert zones.index(0, 1).data() == name and zones.index(0, 6).data() == hostile(trap, "PLC")
    tip = zones.index(0, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert shown(tip) == hostile(trap, "About")
    show_tooltip(view.zones.table, tip)
    view.zones.grab()

    window.show_tab(2)
    assert view.dashboard.zones.index(0, 0).data() == f"Z1  {name}"
    view.dashboard.zone_table.selectRow(0)
    view.dashboard.grab()  # the chart's title names the zone

    window.show_tab(3)
    plan = view.plan.model
    row = next(r for r in range(plan.rowCount()) if plan.index(r, 2).data() == "SR 1.1")
    cell = plan.index(row, 6)
    assert cell.data() == hostile(trap, "Owner") == cell.data(Qt.ItemDataRole.EditRole)
    assert plan.index(row, 10).data() == hostile(trap, "Fix")
    for column, expected in ((10, hostile(trap, "Fix")), (0, name)):
        tip = plan.index(row, column).data(Qt.ItemDataRole.ToolTipRole)
        assert shown(tip) == expected
        show_tooltip(view.plan.table, tip)
    view.plan.grab()


def test_a_typed_zone_id_that_looks_like_markup_is_quoted_as_text(qtbot: QtBot, trap: Trap) -> None:
    dialog = ZoneDialog(set())
    qtbot.addWidget(dialog)
    typed = f'<img src="{trap.path}">'
    dialog.id_edit.setText(typed)
    dialog.name_edit.setText("Cell")
    dialog.accept()
    assert dialog.error.textFormat() == Qt.TextFormat.PlainText and typed in dialog.error.text()
    dialog.show()
    dialog.grab()


def test_the_start_page_tooltip_of_a_recent_file_names_it_as_written(qtbot: QtBot, window: MainWindow,
                                                                    trap: Trap) -> None:
    path = str(trap.path.parent / '<img src="x.png">.ot62443')
    window.start_page.set_recent([Entry(path, True)])
    tip = window.start_page.recent.item(0).toolTip()
    assert shown(tip) == path
    show_tooltip(window.start_page.recent, tip)


def test_a_long_run_without_spaces_wraps_anywhere_and_ordinary_text_at_words(
        qtbot: QtBot, window: MainWindow, zone_project: Path) -> None:
    run = "x\u00a0" * 30_000  # no-break spaces give no place to break either
    with open_project(zone_project) as project:
        project.set_answer("Z1", "SR 1.1", "partial", notes=run, finding="a short finding")
    page = open_page(window, zone_project)
    assert page.notes.wordWrapMode() == QTextOption.WrapMode.WrapAnywhere
    assert page.finding.wordWrapMode() == QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere
    page.preview_box.setChecked(True)
    assert page.notes_preview.wordWrapMode() == QTextOption.WrapMode.WrapAnywhere
    assert page.notes_preview.document().toRawText().startswith("x\u00a0x")
    page.preview_box.setChecked(False)
    page.notes.setFocus()
    page.finding.setFocus()  # the notes field loses focus and reports its text
    assert window.session.store.answer("Z1", "SR 1.1").notes == run  # type: ignore[union-attr]


def test_showing_a_note_never_rewrites_it(qtbot: QtBot, window: MainWindow, zone_project: Path) -> None:
    """Qt shows no-break spaces and line separators as plain ones; looking must not save that."""
    text = "Panel\u00a07\u2028door open"
    with open_project(zone_project) as project:
        project.set_answer("Z1", "SR 1.1", "partial", notes=text)
    page = open_page(window, zone_project)
    page.notes.setFocus()
    page.preview_box.setChecked(True)
    page.preview_box.setChecked(False)
    page.notes.flush()
    store = window.session.store  # type: ignore[union-attr]
    assert store.answer("Z1", "SR 1.1").notes == text
    assert window.session.undo_stack.count() == 0  # type: ignore[union-attr]
    page.notes.setFocus()
    qtbot.keyClick(page.notes, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(page.notes, ".")
    page.notes.flush()
    assert store.answer("Z1", "SR 1.1").notes.endswith("door open.")


def test_confirming_a_zone_dialog_unchanged_changes_nothing(qtbot: QtBot, window: MainWindow,
                                                            project_path: Path) -> None:
    description = "Panel\u00a07\u2028" + "x" * 2000  # a no-break space, a line separator, a long run
    with open_project(project_path, create=True) as project:
        project.add_zone("Z1", "Cell", 2)
        project.store.update_zone(dataclasses.replace(project.store.zone("Z1"), description=description))
    assert window.open_path(str(project_path))
    window.show_tab(0)
    zones = window.view.zones  # type: ignore[union-attr]
    zones.table.selectRow(0)
    wrapped: list[QTextOption.WrapMode] = []

    def confirm(dialog: Any) -> None:
        wrapped.append(dialog.description.wordWrapMode())
        dialog.accept()
    when_dialog_opens(confirm)
    zones.edit_zone()
    assert wrapped == [QTextOption.WrapMode.WrapAnywhere]
    assert window.session.undo_stack.count() == 0  # type: ignore[union-attr]
    assert window.session.store.zone("Z1").description == description  # type: ignore[union-attr]
