"""Runs long work (exports, imports) in a child process with progress and cancel.

`Runner.run_job(parent, title, job, args, on_done)` calls `job(*args, hooks)` in a spawned
process, so a long export never holds this interpreter's lock and the GUI stays fluid.
Progress arrives through a queue that a timer on the GUI thread drains into a
QProgressDialog; Cancel sets an event the job's hooks poll. The result or the error comes
back to `on_done` on the GUI thread. Tests set `Runner.synchronous` to run jobs inline.
"""

from __future__ import annotations

import multiprocessing
import queue
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget

from ot62443_desktop.exports.progress import Hooks

POLL_MS = 50
PROGRESS_EVERY_S = 0.1
Done = Callable[[Any, BaseException | None], None]


def _child(job: Callable[..., Any], args: tuple[Any, ...], out: Any, cancel: Any) -> None:
    last = [0.0]

    def progress(done: int, total: int) -> None:
        now = time.monotonic()
        if now - last[0] >= PROGRESS_EVERY_S:
            last[0] = now
            out.put(("progress", done, total))

    try:
        out.put(("done", job(*args, Hooks(progress=progress, cancelled=cancel.is_set)), None))
    except Exception as exc:  # sent back and shown to the user on the GUI thread  # noqa: BLE001
        out.put(("done", None, exc))


class Runner:
    synchronous = False

    def __init__(self) -> None:
        self._context = multiprocessing.get_context("spawn")
        self._running: list[tuple[Any, ...]] = []  # keeps each job's queue, event and process alive


    def run_job(self, parent: QWidget, title: str, job: Callable[..., Any], args: tuple[Any, ...],
                on_done: Done) -> None:
        if self.synchronous:
            try:
                result = job(*args, Hooks())
            except Exception as exc:  # noqa: BLE001
                on_done(None, exc)
            else:
                on_done(result, None)
            return
        out, cancel = self._context.Queue(), self._context.Event()
        process = self._context.Process(target=_child, args=(job, args, out, cancel), daemon=True)
        dialog = QProgressDialog(title, parent.tr("Cancel"), 0, 0, parent)
        dialog.setWindowTitle(title)
        dialog.setMinimumDuration(300)
        dialog.canceled.connect(cancel.set)
        timer = QTimer(parent, interval=POLL_MS)

        def finish(result: Any, error: BaseException | None) -> None:
            self._running.remove(job_refs)
            timer.stop()
            timer.deleteLater()
            dialog.reset()
            dialog.deleteLater()
            process.join(timeout=5)
            on_done(result, error)

        def poll() -> None:
            while True:
                try:
                    message = out.get_nowait()
                except queue.Empty:
                    break
                if message[0] == "progress":
                    dialog.setMaximum(message[2])
                    dialog.setValue(message[1])
                else:
                    finish(message[1], message[2])
                    return
            if not process.is_alive() and out.empty():
                finish(None, RuntimeError(parent.tr("The background task stopped unexpectedly (exit code %1)")
                                          .replace("%1", str(process.exitcode))))

        timer.timeout.connect(poll)
        job_refs = (process, out, cancel, timer, dialog, poll)
        self._running.append(job_refs)
        process.start()
        timer.start()
