"""Starts the desktop application (the `gui` subcommand and bare `ot62443`).

The main window is drawn first; everything it does not need for that first frame waits for
the next turn of the event loop: the log file, then the project. Python's cycle collector is
off until then: nothing made while starting is garbage yet, so its passes would only walk
the thousands of new objects (Qt's types and enums, our modules); they are then frozen
(gc.freeze), as they live as long as the program, and later collections skip them.

Two environment hooks serve smoke tests and the start-up benchmark: OT62443_QUIT_AFTER_MS
closes the window that long after the project is open; OT62443_STARTUP_TIMES names a file
that receives the wall-clock times (time.time()) at which the first frame had been drawn and
the project was ready (open and drawn), and the processor time spent by then
(time.process_time(), which a busy machine does not inflate), as JSON.

The GUI speaks the language chosen in Preferences, or the system's on a first start
(ui/i18n.py). From the first moment the window exists, anything no code caught is reported:
what goes wrong before the log file is open is held and written to it, and shown, as soon
as it is (ui/errors.py).
"""

from __future__ import annotations

import gc
import json
import os
import sys
import time
from types import TracebackType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ot62443_desktop.ui.main_window import MainWindow

Held = list[tuple[type[BaseException], BaseException, TracebackType | None]]


def hold_errors() -> Held:
    """Keep what nothing caught until the error reporter is up (it then logs and shows each)."""
    held: Held = []
    sys.excepthook = lambda kind, error, trace: held.append((kind, error, trace))
    return held


def run_gui(project: str | None = None, *, demo: bool = False) -> int:
    gc.disable()
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
        gc.enable()
        from ot62443_desktop import __version__
        from ot62443_desktop.ui.errors import ErrorReporter, log  # message boxes and the log file: not needed to draw
        from ot62443_desktop.ui.i18n import gui_language

        reporter = ErrorReporter(window)
        reporter.install()
        for info in held:
            reporter.report(info)
        log.info("OT 62443 Workbook %s started (%s)", __version__, gui_language().value)
        if demo:
            window.open_demo()
        elif project:
            window.open_path(project)
        QTimer.singleShot(0, ready)

    def ready() -> None:
        times["ready"], times["ready_cpu"] = time.time(), time.process_time()
        if report := os.environ.get("OT62443_STARTUP_TIMES"):
            with open(report, "w", encoding="utf-8") as fh:
                json.dump(times, fh)
        if (quit_after := os.environ.get("OT62443_QUIT_AFTER_MS")) is not None:
            QTimer.singleShot(int(quit_after), window.close)

    QTimer.singleShot(0, after_first_frame)
    return QApplication.instance().exec()  # type: ignore[union-attr]


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
