"""The exception hook: anything uncaught is logged to a rotating file and shown in a plain-text dialog.

pytest-qt captures exceptions raised in the Qt event loop with its own hook; the tests that
raise through the event loop turn that capture off and install ours in its place.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from ot62443_desktop.ui.errors import ErrorReporter, log, log_path, start_log_file
from ot62443_desktop.ui.main_window import MainWindow


@pytest.fixture
def reporter(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> Iterator[ErrorReporter]:
    """Our hook installed as the app installs it; the previous hooks come back afterwards."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    reporter = ErrorReporter(window)
    reporter.install()
    yield reporter
    for handler in list(log.handlers):  # the log file belongs to this test's data folder
        log.removeHandler(handler)
        handler.close()


def error_boxes(window: MainWindow) -> list[QMessageBox]:
    return [box for box in window.findChildren(QMessageBox) if box.isVisible()]


def cause_trouble() -> None:
    zones = {"Z1": "Control network"}
    print(zones["Z9"])  # a bug: the KeyError nobody catches


def test_hook_logs_the_traceback_and_shows_a_plain_dialog_naming_the_log(
        qtbot: QtBot, window: MainWindow, reporter: ErrorReporter, data_dir: Path) -> None:
    try:
        cause_trouble()
    except KeyError:
        sys.excepthook(*sys.exc_info())  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: bool(error_boxes(window)))
    box = error_boxes(window)[0]
    assert box.windowTitle() == "Unexpected error" and box.textFormat() == Qt.TextFormat.PlainText
    assert "KeyError: 'Z9'" in box.text() and str(data_dir / "logs" / "ot62443.log") in box.text()
    assert "cause_trouble" in box.detailedText()
    logged = log_path().read_text(encoding="utf-8")
    assert "ERROR unexpected error" in logged and "cause_trouble" in logged and "KeyError: 'Z9'" in logged


@pytest.mark.qt_no_exception_capture
def test_error_raised_in_the_event_loop_reaches_the_dialog(qtbot: QtBot, window: MainWindow,
                                                           reporter: ErrorReporter) -> None:
    QTimer.singleShot(0, cause_trouble)
    qtbot.waitUntil(lambda: bool(error_boxes(window)))
    assert "KeyError: 'Z9'" in error_boxes(window)[0].text()
    assert "cause_trouble" in log_path().read_text(encoding="utf-8")


def test_error_in_another_thread_is_shown_on_the_gui_thread(qtbot: QtBot, window: MainWindow,
                                                            reporter: ErrorReporter) -> None:
    worker = threading.Thread(target=cause_trouble)
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: bool(error_boxes(window)))
    assert "KeyError: 'Z9'" in error_boxes(window)[0].text()


def test_a_burst_of_errors_opens_one_dialog_and_logs_every_one(qtbot: QtBot, window: MainWindow,
                                                               reporter: ErrorReporter) -> None:
    for _ in range(3):
        try:
            cause_trouble()
        except KeyError:
            reporter.excepthook(*sys.exc_info())  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: bool(error_boxes(window)))
    qtbot.wait(20)
    assert len(error_boxes(window)) == 1
    assert log_path().read_text(encoding="utf-8").count("ERROR unexpected error") == 3


def test_markup_in_an_error_message_is_shown_as_written(qtbot: QtBot, window: MainWindow,
                                                       reporter: ErrorReporter) -> None:
    hostile = '<img src="/dev/zero"><b>zone</b>'
    try:
        raise ValueError(hostile)
    except ValueError:
        reporter.excepthook(*sys.exc_info())  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: bool(error_boxes(window)))
    box = error_boxes(window)[0]
    assert hostile in box.text() and box.textFormat() == Qt.TextFormat.PlainText


def test_without_a_writable_data_folder_the_dialog_carries_the_details(
        qtbot: QtBot, window: MainWindow, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (data_dir / "logs").write_text("a file where the folder should be", encoding="utf-8")
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    reporter = ErrorReporter(window)
    reporter.install()
    assert reporter.log_file is None and reporter.log_problem
    try:
        cause_trouble()
    except KeyError:
        sys.excepthook(*sys.exc_info())  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: bool(error_boxes(window)))
    box = error_boxes(window)[0]
    assert "No log file could be written" in box.text() and "cause_trouble" in box.detailedText()


def test_log_file_rotates(data_dir: Path) -> None:
    path, problem = start_log_file()
    assert path == data_dir / "logs" / "ot62443.log" and problem == ""
    try:
        for n in range(4000):
            log.info("line %d %s", n, "x" * 200)
    finally:
        for handler in list(log.handlers):
            log.removeHandler(handler)
            handler.close()
    files = sorted(p.name for p in path.parent.iterdir())
    assert files == ["ot62443.log", "ot62443.log.1", "ot62443.log.2", "ot62443.log.3"]
    assert all(p.stat().st_size <= 300_000 for p in path.parent.iterdir())


def test_store_warnings_at_opening_are_logged(window: MainWindow, zone_project: Path,
                                              caplog: pytest.LogCaptureFixture,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from ot62443_desktop.storage import ProjectStore
    from ot62443_desktop.storage import store as store_module

    def disk_full(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patch:  # the file cannot be rewritten at close: the journal stays
        patch.setattr(store_module, "atomic_write", disk_full)
        with ProjectStore.open(zone_project) as store:
            store.set_info(store.info)
        assert "could not be rewritten" in store.warnings[0]
    with caplog.at_level(logging.WARNING, "ot62443"):
        assert window.open_path(str(zone_project))
    assert "recovered 1 change(s) from the journal" in caplog.text
