"""Starts the desktop application (the `gui` subcommand and bare `ot62443`).

The main window is drawn first; everything it does not need for that first frame waits for
the next turn of the event loop: the project, and once it is shown, the log file (its module
and what that loads are not small). Python's cycle collector is off until then: nothing made
while starting is garbage yet, so its passes would only walk the thousands of new objects
(Qt's types and enums, our modules, the project's records); what the first window made is
frozen (gc.freeze), as it lives as long as the program, and later collections skip it.

Two environment hooks serve smoke tests and the start-up benchmark: OT62443_QUIT_AFTER_MS
closes the window that long after the project is open; OT62443_STARTUP_TIMES names a file
that receives the wall-clock times (time.time()) at which the first frame had been drawn and
the project was ready (open and drawn), and the processor time spent by then
(time.process_time(), which a busy machine does not inflate), as JSON.

The GUI speaks the language chosen in Preferences, or the system's on a first start
(ui/i18n.py). From the first moment the window exists, anything no code caught is reported:
what goes wrong before the log file is open, and what is logged before it, is held and
written to it (and an error shown) as soon as it is (ui/errors.py).
"""

from __future__ import annotations

import gc
import json
import logging
import os
import sys
import time
from types import TracebackType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ot62443_desktop.ui.main_window import MainWindow

Held = list[tuple[type[BaseException], BaseException, TracebackType | None]]


class HeldLog(logging.Handler):
    """What the program logs before its log file is open, kept for that file."""

    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def hold_errors() -> Held:
    """Keep what nothing caught until the error reporter is up (it then logs and shows each)."""
    held: Held = []
    sys.excepthook = lambda kind, error, trace: held.append((kind, error, trace))
    return held


def run_gui(project: str | None = None, *, demo: bool = False) -> int:
    gc.disable()
    held_log = HeldLog()
    logging.getLogger("ot62443").addHandler(held_log)
    try:
        window, held = first_window()
    except BaseException:
        gc.enable()
        raise
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    times: dict[str, float] = {}

    def after_first_frame() -> None:
        """Posted events (the window's first paint) come before timers: the window is drawn by now."""
        times["window"], times["window_cpu"] = time.time(), time.process_time()
        gc.freeze()
        QTimer.singleShot(0, ready)  # first, so that it comes even if opening fails
        if demo:
            window.open_demo()
        elif project:
            window.open_path(project)

    def ready() -> None:
        """The project is open and drawn: now the log file and the error reporter."""
        times["ready"], times["ready_cpu"] = time.time(), time.process_time()
        gc.enable()
        report_from_now_on(window, held, held_log)
        if report := os.environ.get("OT62443_STARTUP_TIMES"):
            with open(report, "w", encoding="utf-8") as fh:
                json.dump(times, fh)
        if (quit_after := os.environ.get("OT62443_QUIT_AFTER_MS")) is not None:
            QTimer.singleShot(int(quit_after), window.close)

    QTimer.singleShot(0, after_first_frame)
    return QApplication.instance().exec()  # type: ignore[union-attr]


def report_from_now_on(window: MainWindow, held: Held, held_log: HeldLog) -> None:
    """Open the log file, write what was logged before it, and report (log and show) each error held."""
    from ot62443_desktop import __version__
    from ot62443_desktop.ui.errors import ErrorReporter, log
    from ot62443_desktop.ui.i18n import gui_language

    reporter = ErrorReporter(window)
    reporter.install()
    log.removeHandler(held_log)
    log.info("OT 62443 Workbook %s started (%s)", __version__, gui_language().value)
    for record in held_log.records:
        log.handle(record)
    for info in held:
        reporter.report(info)


def first_window() -> tuple[MainWindow, Held]:
    """The application and its main window, shown (drawn on the event loop's first turn)."""
    from PySide6.QtWidgets import QApplication

    from ot62443_desktop import __version__
    from ot62443_desktop.ui.i18n import install_translations, start_language
    from ot62443_desktop.ui.icons import app_icon
    from ot62443_desktop.ui.main_window import APP_NAME, MainWindow, app_settings

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName("OT 62443 Workbook")
    app.setWindowIcon(app_icon())
    install_translations(app, start_language(app_settings()))
    window = MainWindow()
    held = hold_errors()
    window.show()
    return window, held
