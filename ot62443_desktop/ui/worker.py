"""Runs long work (exports, imports) off the GUI thread with progress and cancel.

`run_task(parent, title, fn, on_done)`: fn(hooks) runs in a worker thread; progress goes
to a QProgressDialog whose Cancel sets the flag hooks.cancelled() reads; the result or
the error comes back on the GUI thread. Tests swap `Runner.synchronous = True`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from ot62443_desktop.exports.progress import Hooks


class _Worker(QObject):
    progressed = Signal(int, int)
    finished = Signal(object, object)  # result, error

    def __init__(self, fn: Callable[[Hooks], Any], cancel: threading.Event) -> None:
        super().__init__()
        self.fn, self.cancel = fn, cancel

    def run(self) -> None:
        hooks = Hooks(progress=self.progressed.emit, cancelled=self.cancel.is_set)
        try:
            self.finished.emit(self.fn(hooks), None)
        except Exception as exc:  # reported to the user on the GUI thread  # noqa: BLE001
            self.finished.emit(None, exc)


class Runner:
    """Starts tasks; `synchronous` runs them inline (tests)."""

    synchronous = False

    def __init__(self) -> None:
        self._threads: list[tuple[QThread, _Worker]] = []

    def run_task(self, parent: QWidget, title: str, fn: Callable[[Hooks], Any],
                 on_done: Callable[[Any, BaseException | None], None]) -> None:
        if self.synchronous:
            try:
                result = fn(Hooks())
            except Exception as exc:  # noqa: BLE001
                on_done(None, exc)
            else:
                on_done(result, None)
            return
        cancel = threading.Event()
        dialog = QProgressDialog(title, parent.tr("Cancel"), 0, 0, parent)
        dialog.setWindowTitle(title)
        dialog.setMinimumDuration(300)
        dialog.canceled.connect(cancel.set)
        thread = QThread(parent)
        worker = _Worker(fn, cancel)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)

        def progressed(done: int, total: int) -> None:
            dialog.setMaximum(total)
            dialog.setValue(done)

        def finished(result: Any, error: BaseException | None) -> None:
            dialog.reset()
            dialog.deleteLater()
            thread.quit()
            thread.wait()
            self._threads.remove((thread, worker))
            on_done(result, error)

        worker.progressed.connect(progressed)
        worker.finished.connect(finished)
        self._threads.append((thread, worker))
        thread.start()
