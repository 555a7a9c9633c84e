"""Responsive while it grows (issue 16): the first window is built without what it does not show,
and an export's child process never holds the window, neither when it starts nor when it ends.
(The figures themselves are printed by tests/benchmarks/bench_gui.py; tests never time anything.)"""

from __future__ import annotations

import json
import multiprocessing
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot

from ot62443_desktop.exports.progress import ExportCancelled
from ot62443_desktop.ui.main_window import MainWindow
from tests.ui.lingering import linger, until_cancelled

ROOT = Path(__file__).resolve().parents[2]
FIRST_WINDOW = """
import json, sys
from ot62443_desktop.ui.app import first_window
from PySide6.QtWidgets import QApplication
window, held = first_window()
QApplication.processEvents()
print(json.dumps(sorted(sys.modules)))
"""
# What the first window must not wait for: the project layers, the views, message boxes and the log
# file, the export machinery, (once its icons are in the cache) the SVG renderer, and two modules larger
# than what the window asks of them (html for escaping a tooltip, importlib.resources for finding a folder).
NOT_BEFORE_THE_FIRST_WINDOW = {
    "ot62443_desktop.api", "ot62443_desktop.storage", "ot62443_desktop.catalogues", "ot62443_desktop.domain.model",
    "ot62443_desktop.ui.session", "ot62443_desktop.ui.walkthrough", "ot62443_desktop.ui.errors",
    "ot62443_desktop.ui.worker", "ot62443_desktop.ui.transfer", "multiprocessing", "logging.handlers", "tinydb",
    "PySide6.QtSvg", "html", "importlib.resources",
}


def modules_loaded_for_the_first_window(data_dir: Path) -> set[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", OT62443_DATA_DIR=str(data_dir))
    result = subprocess.run([sys.executable, "-c", FIRST_WINDOW], env=env, cwd=ROOT, capture_output=True, text=True,
                            check=True, timeout=120)
    return set(json.loads(result.stdout.strip().splitlines()[-1]))


def test_the_first_window_is_drawn_without_what_it_does_not_show(data_dir: Path) -> None:
    modules_loaded_for_the_first_window(data_dir)  # the first start ever draws its icons and keeps them
    loaded = modules_loaded_for_the_first_window(data_dir)
    assert "ot62443_desktop.ui.main_window" in loaded  # it did build the window
    assert sorted(NOT_BEFORE_THE_FIRST_WINDOW & loaded) == []


def test_the_answer_of_an_export_arrives_while_its_child_is_still_ending(qtbot: QtBot, window: MainWindow) -> None:
    """A child that has sent its answer may take a while to end (freeing a large document). The window
    used to wait for it (process.join) on the GUI thread: 0.2-0.6 s frozen after a 100-zone export."""
    answers: list[tuple[object, object]] = []
    window.runner.run_job(window, "Exporting…", linger, (4.0,), lambda result, error: answers.append((result, error)))
    qtbot.waitUntil(lambda: bool(answers), timeout=60000)
    assert answers == [("done", None)]
    assert [p.name for p in multiprocessing.active_children()] != []  # still ending: nobody waited for it
    qtbot.waitUntil(lambda: multiprocessing.active_children() == [], timeout=60000)  # then collected, no zombie


def test_cancel_pressed_while_the_child_is_still_starting_stops_it(qtbot: QtBot, window: MainWindow) -> None:
    """The child starts on a thread of its own, so Cancel can come before it exists: it must still count."""
    answers: list[tuple[object, object]] = []
    window.runner.run_job(window, "Exporting…", until_cancelled, (60.0,), lambda *answer: answers.append(answer))
    progress = window.findChildren(QProgressDialog)[-1]
    progress.findChild(QPushButton).click()  # Cancel, at once: the child is at best being spawned
    qtbot.waitUntil(lambda: bool(answers), timeout=60000)
    assert isinstance(answers[0][1], ExportCancelled)
