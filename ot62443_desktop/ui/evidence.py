"""An evidence file's SHA-256, computed without freezing the window.

A photo is hashed at once; a large file (a network capture of gigabytes, from a slow USB
stick) is hashed in a child process behind a progress dialog with Cancel. Only a regular
file is hashed: a FIFO would wait for a writer for ever and /dev/zero never ends.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ot62443_desktop.exports.evidence_files import hash_file, regular_size
from ot62443_desktop.exports.progress import ExportCancelled, Hooks
from ot62443_desktop.storage.fsutil import NotRegularError
from ot62443_desktop.ui.errors import Icon, describe, show_message
from ot62443_desktop.ui.i18n import fill

if TYPE_CHECKING:  # multiprocessing loads with the first file large enough to hash in the background
    from ot62443_desktop.ui.worker import Runner

INLINE_BYTES = 32 << 20  # hashed at once below this size (a fraction of a second); in the background above


translate = QCoreApplication.translate


class EvidenceHasher:
    def __init__(self, parent: QWidget) -> None:
        self.parent = parent
        self._runner: Runner | None = None

    @property
    def runner(self) -> Runner:
        """Hashes a large file in a child process; made when first needed (each requirement page has one)."""
        if self._runner is None:
            from ot62443_desktop.ui.worker import Runner

            self._runner = Runner()
        return self._runner

    def hash(self, path: Path, done: Callable[[str], None]) -> None:
        """Call `done(sha256)` once the file is hashed; a file that cannot be evidence is explained instead."""
        try:
            if regular_size(path) <= INLINE_BYTES:
                done(hash_file(str(path), Hooks()))
                return
        except (OSError, ValueError) as exc:
            self._refuse(path, exc)
            return
        self.runner.run_job(self.parent, translate("Evidence", "Computing the file's SHA-256…"), hash_file,
                            (str(path),),
                            lambda digest, error: self._finished(path, digest, error, done))

    def _finished(self, path: Path, digest: Any, error: BaseException | None, done: Callable[[str], None]) -> None:
        if error is None:
            done(digest)
        elif not isinstance(error, ExportCancelled):  # a cancel is the person's own choice: nothing to say
            self._refuse(path, error)

    def _refuse(self, path: Path, error: BaseException) -> None:
        if isinstance(error, NotRegularError):
            why = translate("Evidence", "it is not a regular file (a device, a pipe or a folder); only a file "
                                        "can be evidence")
        else:
            why = getattr(error, "strerror", None) or describe(error)
        self.refuse(path, why)

    def refuse(self, path: Path, why: str) -> None:
        """Say why a file chosen as evidence was not added."""
        show_message(self.parent, Icon.Warning, translate("Evidence", "Evidence not added"),
                     fill(translate("Evidence", "%1 was not added as evidence: %2."), path, why))
