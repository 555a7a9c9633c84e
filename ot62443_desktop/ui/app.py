"""Starts the desktop application (the `gui` subcommand and bare `ot62443`)."""

from __future__ import annotations

import os
import sys
from importlib.resources import files

from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from ot62443_desktop import __version__
from ot62443_desktop.ui.main_window import APP_NAME, MainWindow


def _install_translations(app: QApplication) -> None:
    """Our strings from resources/translations/ot62443_<locale>.qm, Qt's own from Qt."""
    locale = QLocale.system()
    ours = QTranslator(app)
    folder = files("ot62443_desktop.resources").joinpath("translations")
    if ours.load(locale, "ot62443", "_", str(folder)):
        app.installTranslator(ours)
    qt = QTranslator(app)
    if qt.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)


def run_gui(project: str | None = None, *, demo: bool = False) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName("OT 62443 Workbook")
    icon = files("ot62443_desktop.resources").joinpath("icons/ot62443.svg")
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    _install_translations(app)
    window = MainWindow()
    window.show()
    if demo:
        window.open_demo()
    elif project:
        window.open_path(project)
    if quit_after := os.environ.get("OT62443_QUIT_AFTER_MS"):  # smoke tests and start-up benchmarks
        QTimer.singleShot(int(quit_after), window.close)
    return app.exec()
