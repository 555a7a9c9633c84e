"""A view that recomputes from the whole project only when it can be seen."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from ot62443_desktop.ui.session import ProjectSession

REFRESH_DELAY_MS = 250


class LazyView(QWidget):
    """Marks itself stale on any project change; refreshes when shown, or shortly after a change
    while visible. Scoring every zone or listing every gap is too much work per keystroke."""

    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._stale = True  # computed when first shown, not at start-up
        self._timer = QTimer(self, singleShot=True, interval=REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        for signal in (session.answer_changed, session.remediation_changed):
            signal.connect(self._mark_stale)
        session.zones_changed.connect(self._mark_stale)
        session.info_changed.connect(self._mark_stale)

    def _mark_stale(self, *args: object) -> None:
        self._stale = True
        if self.isVisible():
            self._timer.start()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        if self._stale:
            self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        self._stale = False
        self.reload()

    def reload(self) -> None:
        """Recompute what the view shows from the session."""
        raise NotImplementedError
