"""ProjectSession: the open project as the GUI sees it (store + catalogues + undo stack).

Every edit goes through an undo command whose redo/undo call the `apply_*` methods here;
they write through the store (durable on return) and emit the signals views listen to.
A write that fails raises the store's error having changed nothing and emits no change
signal, so the views keep what the person typed; the command reports it (`write_failed`).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from ot62443_desktop.api import Project
from ot62443_desktop.domain.catalogue import CatalogueSet, Requirement, Scale
from ot62443_desktop.domain.model import (
    SITE_SCOPE,
    Answer,
    ProjectData,
    ProjectInfo,
    RemediationItem,
    Zone,
)
from ot62443_desktop.domain.scoring import Gap, find_gaps
from ot62443_desktop.storage import StoreError
from ot62443_desktop.storage.versions import parse_key
from ot62443_desktop.ui.commands import StoreUndoStack
from ot62443_desktop.ui.errors import describe
from ot62443_desktop.ui.i18n import fill, gui_language

if TYPE_CHECKING:  # openpyxl loads only when a register is imported
    from ot62443_desktop.exports.register_import import RowChange
    from ot62443_desktop.storage.keys import Secret
    from ot62443_desktop.storage.merge import MergeReport  # loads with the first merge (api.Project.merge)

log = logging.getLogger("ot62443")


class ProjectSession(QObject):
    answer_changed = Signal(str, str)  # scope id, requirement id
    remediation_changed = Signal(str, str)
    zones_changed = Signal()
    info_changed = Signal()  # the project's details, or the catalogues it is assessed against, changed
    saved = Signal()  # a change has been written durably
    save_failed = Signal(str, str, str)  # what was not saved, why, text typed that is not in the project
    store_warning = Signal(str)  # something the store noted while writing (nothing was lost)
    read_only_changed = Signal()  # the project can no longer be changed (editors must say so at once)
    refused = Signal(str)  # an edit asked of a read-only project: why nothing changed
    merged = Signal()  # another copy's changes came in: any record may have changed
    conflicts_changed = Signal()  # a merge or a resolution changed the conflicts still to settle

    def __init__(self, project: Project, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.store = project.store
        project.reload_catalogues(gui_language())  # the user's own catalogues read as the GUI speaks
        self.undo_stack = StoreUndoStack(self)
        self._warnings_seen = len(self.store.warnings)
        self._was_read_only = self.store.read_only
        self._snapshot: ProjectData | None = None
        self._gaps: list[Gap] | None = None
        for signal in (self.answer_changed, self.remediation_changed):
            signal.connect(self._invalidate)
        for signal in (self.zones_changed, self.info_changed, self.merged):
            signal.connect(self._invalidate)

    @property
    def read_only(self) -> bool:
        return self.store.read_only

    @property
    def catalogues(self) -> CatalogueSet:
        """The built-in catalogues and the user's own the project names (api.Project.reload_catalogues)."""
        return self.project.catalogues

    def reload_catalogues(self) -> None:
        """Find the catalogues the project names again (one was imported or removed); the views follow."""
        if self.project.reload_catalogues():
            self.info_changed.emit()

    def close(self) -> list[str]:
        """Close the project; returns what the person must hear about it (the close itself never raises)."""
        seen = len(self.store.warnings)
        try:
            self.project.close()
        except Exception as exc:  # noqa: BLE001 - closing goes on; the message says what happened
            log.exception("closing %s", self.store.path)
            return [*self.store.warnings[seen:], fill(self.tr("%1: could not be closed cleanly (%2)"),
                                                      self.store.path, f"{type(exc).__name__}: {exc}")]
        for warning in self.store.warnings[seen:]:
            log.warning("%s", warning)
        return self.store.warnings[seen:]

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

    def write_failed(self, what: str, error: Exception, unsaved: str) -> None:
        """A command's write raised. A StoreError means the store holds none of it; anything else is
        a bug, logged with its traceback. Either way the window tells the person."""
        if isinstance(error, StoreError):
            log.warning("not saved: %s: %s", what, error)
            reason = str(error)
        else:
            log.error("not saved: %s", what, exc_info=error)
            reason = self.tr("unexpected error (%1)").replace("%1", describe(error))
        self._note_warnings()
        self.save_failed.emit(what, reason, unsaved)

    def _written(self) -> None:
        self._note_warnings()
        self.saved.emit()

    def _note_warnings(self) -> None:
        """Pass on what the store noted since the last write (a rewrite that failed, read-only from now)."""
        for warning in self.store.warnings[self._warnings_seen:]:
            log.warning("%s", warning)
            self.store_warning.emit(warning)
        self._warnings_seen = len(self.store.warnings)
        if self.read_only != self._was_read_only:
            self._was_read_only = self.read_only
            self.read_only_changed.emit()

    def editable(self) -> bool:
        """Whether an edit may go ahead; if the project is read-only, `refused` says why nothing changed
        (an edit is never ignored without a word)."""
        if self.read_only:
            self.refused.emit(self.tr("Nothing was changed: this project is read-only (%1).")
                              .replace("%1", self.store.read_only_reason))
        return not self.read_only

    def _put_answer(self, scope_id: str, requirement_id: str, answer: Answer | None) -> None:
        if answer is None:
            self.store.clear_answer(scope_id, requirement_id)
        else:
            self.store.set_answer(answer)

    def _put_item(self, scope_id: str, requirement_id: str, item: RemediationItem | None) -> None:
        if item is None:
            self.store.clear_remediation(scope_id, requirement_id)
        else:
            self.store.set_remediation(item)

    def apply_answer(self, scope_id: str, requirement_id: str, answer: Answer | None) -> None:
        self._put_answer(scope_id, requirement_id, answer)
        self.answer_changed.emit(scope_id, requirement_id)
        self._written()

    def apply_remediation(self, scope_id: str, requirement_id: str, item: RemediationItem | None) -> None:
        self._put_item(scope_id, requirement_id, item)
        self.remediation_changed.emit(scope_id, requirement_id)
        self._written()

    def apply_register_plan(self, changes: Sequence[RowChange], *, forward: bool) -> None:
        """The checked rows of a register import (forward) or their undoing, as one durable write
        through the api: all of them or none."""
        self.project.apply_register_plan(changes, undo=not forward)
        for change in changes:
            if change.item_after is not None:
                self.remediation_changed.emit(change.scope_id, change.requirement_id)
            if change.answer_after is not None:
                self.answer_changed.emit(change.scope_id, change.requirement_id)
        self._written()

    def apply_info(self, info: ProjectInfo) -> None:
        self.store.set_info(info)
        self.project.reload_catalogues()
        self.info_changed.emit()
        self._written()

    def apply_zone(self, zone: Zone, *, new: bool) -> None:
        if new:
            self.store.add_zone(zone)
        else:
            self.store.update_zone(zone)
        self.zones_changed.emit()
        self._written()

    def apply_zones(self, zones: Sequence[Zone]) -> None:
        """Several zones changed as one write (boxes dragged together on the diagram): all or none."""
        with self.store.batch():
            for zone in zones:
                self.store.update_zone(zone)
        self.zones_changed.emit()
        self._written()

    def remove_zone(self, zone_id: str) -> tuple[Zone, list[Answer], list[RemediationItem]]:
        removed = self.store.remove_zone(zone_id)
        self.zones_changed.emit()
        self._written()
        return removed

    def restore_zone(self, zone: Zone, answers: list[Answer], items: list[RemediationItem]) -> None:
        """Bring back a removed zone with its answers and items, as one write: all of it or none."""
        with self.store.batch():
            self.store.add_zone(zone)
            for answer in answers:
                self.store.set_answer(answer)
            for item in items:
                self.store.set_remediation(item)
        self.zones_changed.emit()
        self._written()

    def set_protection(self, passphrase: str | None) -> None:
        """Encrypt the project with `passphrase` (a new one, if it is encrypted already), or store it plain
        (None): durable on return; a StoreError changes nothing. What the store noted is passed on either way."""
        try:
            if passphrase is None:
                self.store.unprotect()
            elif self.store.encrypted:
                self.store.change_passphrase(passphrase)
            else:
                self.store.protect(passphrase)
        finally:
            self._note_warnings()
        self.saved.emit()

    # -- team work (SPEC 12.2): merge and conflicts -------------------------------------------

    def conflict_count(self) -> int:
        return len(self.store.conflicts())

    def merge(self, other: str, passphrase: Secret | None = None) -> MergeReport:
        """Bring another copy's changes in, as one durable batch. Edits made before it leave the undo
        stack: undoing one now would overwrite what the merge brought without showing it. An encrypted
        copy opens with `passphrase` (a key), else with the project's own key."""
        report = self.project.merge(other, passphrase=passphrase)
        self.project.reload_catalogues()  # the other copy may have chosen other catalogues
        self.undo_stack.clear()
        self.merged.emit()
        self.conflicts_changed.emit()
        self._written()
        return report

    def resolve(self, key: str, take: str) -> None:
        """Settle one conflict ("mine" or "theirs"), durable on return; StoreError changes nothing."""
        kind, scope, req = parse_key(key)
        self.store.resolve(key, take)
        if kind == "a":
            self.answer_changed.emit(scope, req)
        elif kind == "r":
            self.remediation_changed.emit(scope, req)
        elif kind == "z":
            self.zones_changed.emit()
        else:
            self.project.reload_catalogues()
            self.info_changed.emit()
        self.conflicts_changed.emit()
        self._written()
