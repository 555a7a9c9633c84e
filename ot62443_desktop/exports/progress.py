"""Progress and cancel hooks shared by every long export or import.

Long work reports `progress(done, total)` and polls `cancelled()`; when it returns True the
work raises ExportCancelled and leaves no partial output behind. The GUI passes hooks
bound to its progress dialog; the CLI passes none.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

ProgressFn = Callable[[int, int], None]
CancelledFn = Callable[[], bool]


class ExportCancelled(Exception):
    """The user cancelled; nothing was written."""


class ExportError(Exception):
    """An export or import that cannot proceed; the message says what and where."""


@dataclass
class Hooks:
    progress: ProgressFn | None = None
    cancelled: CancelledFn | None = None

    def step(self, done: int, total: int) -> None:
        """Report progress, then stop if the user cancelled."""
        if self.progress is not None:
            self.progress(done, total)
        if self.cancelled is not None and self.cancelled():
            raise ExportCancelled()
