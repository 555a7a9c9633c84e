"""Starts the desktop application (the `gui` subcommand and bare `ot62443`).

The main window is shown first and the project is opened on the next turn of the event
loop, so the consultant sees the program at once. Two environment hooks serve smoke tests
and the start-up benchmark: OT62443_QUIT_AFTER_MS closes the window that long after the
project is open; OT62443_STARTUP_TIMES names a file that receives the wall-clock times
(time.time()) at which the window was shown and the project was ready, as JSON.

The GUI speaks the language chosen in Preferences, or the system's on a first start
(ui/i18n.py). From the first moment the window exists, anything no code caught (on any thread) is
written to the log file in the data folder and shown in a dialog (ui/errors.py).
"""

from __future__ import annotations

import json
import os
import sys
import time
from importlib.resources import files

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from ot62443_desktop import __version__
from ot62443_desktop.ui.errors import ErrorReporter, log
from ot62443_desktop.ui.i18n import install_translations, start_language
from ot62443_desktop.ui.main_window import APP_NAME, MainWindow, app_settings


def run_gui(project: str | None = None, *, demo: bool = False) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName("OT 62443 Workbook")
    icon = files("ot62443_desktop.resources").joinpath("icons/ot62443.svg")
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    language = install_translations(app, start_language(app_settings()))
    window = MainWindow()
    ErrorReporter(window).install()
    log.info("OT 62443 Workbook %s started (%s)", __version__, language.value)
    window.show()
    times = {"window": time.time()}

    def open_project() -> None:
        if demo:
            window.open_demo()
        elif project:
            window.open_path(project)
        times["ready"] = time.time()
        if report := os.environ.get("OT62443_STARTUP_TIMES"):
            with open(report, "w", encoding="utf-8") as fh:
                json.dump(times, fh)
        if (quit_after := os.environ.get("OT62443_QUIT_AFTER_MS")) is not None:
            QTimer.singleShot(int(quit_after), window.close)

    QTimer.singleShot(0, open_project)
    return app.exec()
