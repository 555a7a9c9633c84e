"""Runs long work (exports, imports) in a child process with progress and cancel.

`Runner.run_job(parent, title, job, args, on_done)` calls `job(*args, hooks)` in a spawned
process, so a long export never holds this interpreter's lock and the GUI stays fluid.
Progress arrives through a queue that a timer on the GUI thread drains into a
QProgressDialog; Cancel sets an event the job's hooks poll. The result or the error comes
back to `on_done` on the GUI thread. Tests set `Runner.synchronous` to run jobs inline.

The child pickles its answer itself and checks that it loads again: an error whose class
cannot be rebuilt from its pickle would otherwise vanish in the queue's feeder thread and
the person would only hear that the task "stopped". What cannot travel as it is travels
as its class and message, or at least as its kind and message (`JobError`).
"""

from __future__ import annotations

import logging
import multiprocessing
import pickle
import queue
import time
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget

from ot62443_desktop.exports.progress import ExportCancelled, Hooks
from ot62443_desktop.storage.errors import rebuild_error

POLL_MS = 50
PROGRESS_EVERY_S = 0.1
Done = Callable[[Any, BaseException | None], None]
log = logging.getLogger("ot62443")
translate = QCoreApplication.translate


class JobError(Exception):
    """An error of the background task that could not be sent back as itself: its kind and message."""

    def __init__(self, message: str, trace: str = "") -> None:
        super().__init__(message)
        self.trace = trace

    def __reduce__(self) -> tuple[Any, ...]:
        return JobError, (str(self), self.trace)


def _dumps_checked(message: tuple[Any, ...]) -> bytes | None:
    """The message pickled, if it also loads again; None if either way fails."""
    try:
        data = pickle.dumps(message)
        pickle.loads(data)
    except Exception:  # noqa: BLE001 - any failure means: send something simpler
        return None
    return data


class _Rebuild:
    """Pickles as a call to `rebuild_error`: the GUI side gets an error of the original class."""

    def __init__(self, error: BaseException) -> None:
        self.parts = (type(error), error.args, dict(error.__dict__))

    def __reduce__(self) -> tuple[Any, ...]:
        return rebuild_error, self.parts


def _pack_error(error: BaseException) -> bytes:
    """The error as bytes the GUI can load: as it is, else its class rebuilt, else a JobError."""
    trace = "".join(traceback.format_exception(error))
    for sent in (error, _Rebuild(error)):
        if (data := _dumps_checked(("done", None, sent, trace))) is not None:
            return data
    kind, text = type(error).__name__, str(error)
    return pickle.dumps(("done", None, JobError(f"{kind}: {text}" if text else kind, trace), trace))


def _pack_result(result: Any) -> bytes:
    data = _dumps_checked(("done", result, None, ""))
    if data is None:
        raise TypeError(f"the result ({type(result).__name__}) could not be sent back")
    return data


def _run(job: Callable[..., Any], args: tuple[Any, ...], hooks: Hooks) -> bytes:
    """Run the job; its result or error, packed to cross back to the GUI."""
    try:
        return _pack_result(job(*args, hooks))
    except Exception as exc:  # sent back and shown to the person on the GUI thread  # noqa: BLE001
        return _pack_error(exc)


def _child(job: Callable[..., Any], args: tuple[Any, ...], out: Any, cancel: Any) -> None:
    last = [0.0]

    def progress(done: int, total: int) -> None:
        now = time.monotonic()
        if now - last[0] >= PROGRESS_EVERY_S:
            last[0] = now
            out.put(("progress", done, total))

    out.put(_run(job, args, Hooks(progress=progress, cancelled=cancel.is_set)))


def _unpack(message: bytes) -> tuple[Any, BaseException | None]:
    try:
        _tag, result, error, trace = pickle.loads(message)
    except Exception as exc:  # noqa: BLE001 - the child checked it; still, never lose the report
        return None, JobError(translate("Runner", "the background task's answer could not be read (%1)")
                              .replace("%1", f"{type(exc).__name__}: {exc}"))
    if error is not None and not isinstance(error, ExportCancelled):
        log.warning("background task failed\n%s", trace)
    return result, error


def reap(process: Any) -> None:
    """Collect a child that has sent its answer once it has ended, without waiting for it on the GUI thread:
    ending can take a while (freeing a large document): joining it there froze the window 0.2-0.6 s after
    each 100-zone export."""
    if process.is_alive():
        QTimer.singleShot(POLL_MS, lambda: reap(process))
    else:
        process.join()


class Runner:
    synchronous = False

    def __init__(self) -> None:
        self._context = multiprocessing.get_context("spawn")
        self._running: list[tuple[Any, ...]] = []  # keeps each job's queue, event and process alive

    def run_job(self, parent: QWidget, title: str, job: Callable[..., Any], args: tuple[Any, ...],
                on_done: Done) -> None:
        if self.synchronous:  # same packing as from the child, so tests see what the GUI would get
            on_done(*_unpack(_run(job, args, Hooks())))
            return
        out, cancel = self._context.Queue(), self._context.Event()
        process = self._context.Process(target=_child, args=(job, args, out, cancel), daemon=True)
        dialog = QProgressDialog(title, translate("Runner", "Cancel"), 0, 0, parent)
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
            reap(process)
            on_done(result, error)

        def poll() -> None:
            while True:
                try:
                    message = out.get_nowait()
                except queue.Empty:
                    break
                if isinstance(message, tuple):  # ("progress", done, total)
                    dialog.setMaximum(message[2])
                    dialog.setValue(message[1])
                else:
                    finish(*_unpack(message))
                    return
            if not process.is_alive() and out.empty():
                finish(None, RuntimeError(translate("Runner", "The background task stopped unexpectedly "
                                                    "(exit code %1)").replace("%1", str(process.exitcode))))

        timer.timeout.connect(poll)
        job_refs = (process, out, cancel, timer, dialog, poll)
        self._running.append(job_refs)
        process.start()
        timer.start()
