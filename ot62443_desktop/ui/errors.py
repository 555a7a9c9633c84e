"""Every failure reaches the person: plain-text message boxes, the exception hook and its log file.

Message boxes show text that may come from a project, a lock file or a workbook (zone
names, lock holders, paths, error messages quoting file content), so they never let Qt
guess rich text: a name like `<img src=...>` is shown as written, not loaded. Anything
unexpected is written with its traceback to a rotating log in the data folder and shown
in a dialog that names that file (Anki's aqt/errors.py does the same).
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType
from typing import TypeVar

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QTextEdit, QWidget
from shiboken6 import isValid

from ot62443_desktop.paths import data_dir
from ot62443_desktop.ui.plain_text import wrap_mode

log = logging.getLogger("ot62443")

LOG_BYTES = 300_000
LOG_BACKUPS = 3
Icon = QMessageBox.Icon
T = TypeVar("T")


# -- message boxes ---------------------------------------------------------------------------------


def message_box(parent: QWidget | None, icon: Icon, title: str, text: str, details: str = "") -> QMessageBox:
    """A message box whose text and details are shown exactly as written (never as rich text).

    The details may be a whole note the person typed: a long run in it wraps anywhere, as in
    the editors (word wrap is quadratic in such a run; 80,000 characters took a second)."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    if details:
        box.setDetailedText(details)  # always plain; offers a Show Details button and copying
        for view in box.findChildren(QTextEdit):
            view.setWordWrapMode(wrap_mode(details))
    return box


def show_message(parent: QWidget | None, icon: Icon, title: str, text: str, details: str = "") -> QMessageBox:
    """Show a message over `parent` and return at once: nothing waits in a nested event loop."""
    box = message_box(parent, icon, title, text, details)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def showing(box: QMessageBox | None) -> bool:
    """Whether a box from `show_message` is still on screen (it deletes itself once closed)."""
    return box is not None and isValid(box) and box.isVisible()


def tell(parent: QWidget | None, icon: Icon, title: str, text: str, details: str = "") -> None:
    """Show a message and wait until it is dismissed (used while closing, when nothing may follow)."""
    message_box(parent, icon, title, text, details).exec()


def ask(parent: QWidget | None, title: str, text: str, *, icon: Icon = Icon.Question,
        default_yes: bool = True) -> bool:
    """A yes/no question in plain text; True when the answer is Yes."""
    box = message_box(parent, icon, title, text)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.Yes if default_yes else QMessageBox.StandardButton.No)
    box.exec()
    return box.clickedButton() is box.button(QMessageBox.StandardButton.Yes)


def choose(parent: QWidget | None, icon: Icon, title: str, text: str, choices: list[tuple[str, T]],
           *, default: int | None = 0) -> T | None:
    """A question in plain text whose buttons are `choices` (label, value), then Cancel; the value of the
    button clicked, or None for Cancel. `default`: the index of the button Return presses (None: Cancel)."""
    box = message_box(parent, icon, title, text)
    box.setStandardButtons(QMessageBox.StandardButton.Cancel)
    buttons = [box.addButton(label, QMessageBox.ButtonRole.AcceptRole) for label, _value in choices]
    box.setDefaultButton(buttons[default] if default is not None else box.button(QMessageBox.StandardButton.Cancel))
    box.exec()
    return next((value for button, (_label, value) in zip(buttons, choices, strict=True)
                 if box.clickedButton() is button), None)


# -- the log file --------------------------------------------------------------------------------------


def log_path() -> Path:
    return data_dir() / "logs" / "ot62443.log"


def start_log_file() -> tuple[Path | None, str]:
    """Send the program's log to a rotating file in the data folder; (its path, or None and why not)."""
    from logging.handlers import RotatingFileHandler  # socket, pickle...: after the first window, not before

    path = log_path()
    for handler in list(log.handlers):  # a second start (a test, a restart) replaces the first
        if isinstance(handler, RotatingFileHandler):
            log.removeHandler(handler)
            handler.close()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(path, maxBytes=LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8")
    except OSError as exc:
        return None, exc.strerror or str(exc)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    return path, ""


# -- the exception hook -----------------------------------------------------------------------------

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


def describe(error: BaseException) -> str:
    """One line for a person: the message, with the error's kind when the message alone says little
    (or is all there is: an error whose message cannot be made is still reported by its kind)."""
    try:
        text = str(error)
    except Exception:  # noqa: BLE001 - a broken __str__ must not hide the error it belongs to
        return type(error).__name__
    if type(error).__module__.startswith("ot62443_desktop") and text:
        return text
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


class ErrorReporter(QObject):
    """Catches what nothing else caught (GUI thread or any other), logs it and tells the person."""

    _arrived = Signal(str, str)  # message, traceback; queued to the GUI thread when raised elsewhere

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.window = parent
        self.log_file, self.log_problem = start_log_file()
        self.box: QMessageBox | None = None
        self._arrived.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        sys.excepthook = self.excepthook
        threading.excepthook = self.thread_excepthook

    def excepthook(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        self.report((exc_type, exc, tb))

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        self.report((args.exc_type, args.exc_value, args.exc_traceback))

    def report(self, info: ExcInfo) -> None:
        """Log the error with its traceback, then show it (on the GUI thread, whichever thread raised)."""
        trace = "".join(traceback.format_exception(*info))
        try:
            log.error("unexpected error\n%s", trace)
        except Exception:  # noqa: BLE001 - a broken log must not hide the error itself
            sys.__excepthook__(*info)
        self._arrived.emit(describe(info[1]), trace)

    def _show(self, message: str, trace: str) -> None:
        if showing(self.box):
            return  # one dialog at a time; every error is in the log
        try:
            self.box = self._dialog(message, trace)
        except Exception:  # noqa: BLE001 - raised on, it would come back here through the hook, for ever
            log.exception("the dialog for an unexpected error could not be shown")
            sys.stderr.write(f"{message}\n{trace}")

    def _dialog(self, message: str, trace: str) -> QMessageBox:
        if self.log_file is not None:
            where = self.tr("The details were written to %1; please send that file with your report.") \
                .replace("%1", str(self.log_file))
        else:
            where = self.tr("No log file could be written (%1); the details are below.").replace("%1", self.log_problem)
        text = "\n\n".join([
            self.tr("Something unexpected went wrong: %1").replace("%1", message),
            self.tr("Changes you made before this are saved. If the program behaves oddly, close the project "
                    "and open it again."),
            where,
        ])
        parent = QApplication.activeWindow() or self.window
        return show_message(parent, Icon.Critical, self.tr("Unexpected error"), text, trace)
