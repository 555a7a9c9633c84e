"""ProjectSession: the open project as the GUI sees it (store + catalogues + undo stack).

Every edit goes through an undo command whose redo/undo call the `apply_*` methods here;
they write through the store (durable on return) and emit the signals views listen to.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from ot62443_desktop.api import Project
from ot62443_desktop.domain.catalogue import Requirement, Scale
from ot62443_desktop.domain.model import (
    SITE_SCOPE,
    Answer,
    ProjectData,
    ProjectInfo,
    RemediationItem,
    Zone,
)
from ot62443_desktop.domain.scoring import Gap, find_gaps


class ProjectSession(QObject):
    answer_changed = Signal(str, str)  # scope id, requirement id
    remediation_changed = Signal(str, str)
    zones_changed = Signal()
    info_changed = Signal()
    saved = Signal()  # a change has been written durably

    def __init__(self, project: Project, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.store = project.store
        self.catalogues = project.catalogues
        self.undo_stack = QUndoStack(self)
        self._snapshot: ProjectData | None = None
        self._gaps: list[Gap] | None = None
        for signal in (self.answer_changed, self.remediation_changed):
            signal.connect(self._invalidate)
        for signal in (self.zones_changed, self.info_changed):
            signal.connect(self._invalidate)

    @property
    def read_only(self) -> bool:
        return self.store.read_only

    def close(self) -> None:
        self.project.close()

    # -- cached views of the data ----------------------------------------------------------

    def _invalidate(self, *args: object) -> None:
        self._snapshot = None
        self._gaps = None

    def snapshot(self) -> ProjectData:
        if self._snapshot is None:
            self._snapshot = self.store.snapshot()
        return self._snapshot

    def gaps(self) -> list[Gap]:
        if self._gaps is None:
            self._gaps = find_gaps(self.snapshot(), self.catalogues)
        return self._gaps

    def requirement(self, requirement_id: str) -> Requirement:
        return self.catalogues.requirement(requirement_id)

    def is_program(self, requirement: Requirement) -> bool:
        return self.catalogues.catalogue(requirement.catalogue).scale is Scale.MATURITY

    def scope_name(self, scope_id: str) -> str:
        return self.tr("Site program") if scope_id == SITE_SCOPE else self.store.zone(scope_id).name

    # -- writes (called by undo commands) ---------------------------------------------------

    def apply_answer(self, scope_id: str, requirement_id: str, answer: Answer | None) -> None:
        if answer is None:
            self.store.clear_answer(scope_id, requirement_id)
        else:
            self.store.set_answer(answer)
        self.answer_changed.emit(scope_id, requirement_id)
        self.saved.emit()

    def apply_remediation(self, scope_id: str, requirement_id: str, item: RemediationItem | None) -> None:
        if item is None:
            self.store.clear_remediation(scope_id, requirement_id)
        else:
            self.store.set_remediation(item)
        self.remediation_changed.emit(scope_id, requirement_id)
        self.saved.emit()

    def apply_info(self, info: ProjectInfo) -> None:
        self.store.set_info(info)
        self.info_changed.emit()
        self.saved.emit()

    def apply_zone(self, zone: Zone, *, new: bool) -> None:
        if new:
            self.store.add_zone(zone)
        else:
            self.store.update_zone(zone)
        self.zones_changed.emit()
        self.saved.emit()

    def remove_zone(self, zone_id: str) -> tuple[Zone, list[Answer], list[RemediationItem]]:
        removed = self.store.remove_zone(zone_id)
        self.zones_changed.emit()
        self.saved.emit()
        return removed

    def restore_zone(self, zone: Zone, answers: list[Answer], items: list[RemediationItem]) -> None:
        self.store.add_zone(zone)
        for answer in answers:
            self.store.set_answer(answer)
        for item in items:
            self.store.set_remediation(item)
        self.zones_changed.emit()
        self.saved.emit()
