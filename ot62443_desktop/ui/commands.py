"""Undo commands: each redo/undo only calls the session (which writes through the store).

The undo stack must only hold what the store holds. A command whose first write fails is
made obsolete, so QUndoStack.push drops it; an undo or redo whose write fails leaves the
stack's index where the store is (StoreUndoStack moves it back without writing).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand, QUndoStack

from ot62443_desktop.domain.model import Answer, Asset, ProjectInfo, RemediationItem, Zone
from ot62443_desktop.ui.i18n import fill
from ot62443_desktop.ui.labels import field_label

if TYPE_CHECKING:
    from ot62443_desktop.exports.register_import import RowChange
    from ot62443_desktop.ui.session import ProjectSession

_MERGE_TEXT = 1  # consecutive text edits of one field of one answer merge into one undo step
_TEXT_FIELDS = ("notes", "finding", "countermeasure")
_ITEM_TEXT_FIELDS = ("action", "owner", "justification")
_ZONE_TEXT_FIELDS = ("name", "description", "design_note", "assets")  # typed in a dialog that is gone once it fails
_INFO_TEXT_FIELDS = ("client", "site", "scope_note", "confidentiality")


translate = QCoreApplication.translate


class StoreCommand(QUndoCommand):
    """A change written through the session; `write(forward)` does it (True) or takes it back (False)."""

    def __init__(self, session: ProjectSession, text: str) -> None:
        super().__init__(text)
        self.session = session
        self.failed: Exception | None = None  # the error of the last redo/undo, if it wrote nothing
        self._pushed = False  # the first redo is the one QUndoStack.push makes
        self._skip = False  # the next redo/undo only moves the stack back to where the store is

    def write(self, forward: bool) -> None:
        raise NotImplementedError(type(self).__name__)

    def unsaved_text(self) -> str:
        """Text the person typed that this change carries, to offer for copying if it is not saved."""
        return ""

    def show_stored(self) -> None:
        """After a failure with no typed text at stake: let the views show again what is stored."""

    def redo(self) -> None:
        first, self._pushed = not self._pushed, True
        what = self.text() if first else translate("Commands", "Redo: %1").replace("%1", self.text())
        self._run(True, what, first=first)

    def undo(self) -> None:
        self._run(False, translate("Commands", "Undo: %1").replace("%1", self.text()))

    def _run(self, forward: bool, what: str, *, first: bool = False) -> None:
        if self._skip:
            self._skip = False
            return
        self.failed = None
        try:
            self.write(forward)
        except Exception as exc:  # noqa: BLE001 - unexpected ones too: raised here, PySide would defer them
            self.failed = exc
            if first:
                self.setObsolete(True)  # QUndoStack.push then deletes it instead of stacking it
            unsaved = self.unsaved_text() if first else ""
            if not unsaved:
                self.show_stored()
            self.session.write_failed(what, exc, unsaved)

    def step_back(self) -> None:
        """Let the next redo/undo move the stack without writing: the store never changed."""
        self._skip = True


class StoreUndoStack(QUndoStack):
    """An undo stack whose index follows the store: a failed undo or redo does not move it."""

    def undo(self) -> None:
        command = self.command(self.index() - 1) if self.canUndo() else None
        super().undo()
        if isinstance(command, StoreCommand) and command.failed is not None:
            command.step_back()
            super().redo()

    def redo(self) -> None:
        command = self.command(self.index()) if self.canRedo() else None
        super().redo()
        if isinstance(command, StoreCommand) and command.failed is not None:
            command.step_back()
            super().undo()


def _changed_text(before: object, after: object, fields: Sequence[str]) -> str:
    """The text fields `after` changes, as 'Field:\\ntext' blocks (the field named in the GUI's language)."""
    blocks = []
    for name in fields:
        text = _typed(getattr(after, name, None))
        if text and text != _typed(getattr(before, name, None)):
            blocks.append(fill(translate("Commands", "%1:\n%2"), field_label(name), text))
    return "\n\n".join(blocks)


def _typed(value: object) -> str:
    """A field as the user typed it: text, or a zone's assets one per line as the zone dialog shows them."""
    if isinstance(value, tuple):
        return "\n".join(asset.line() for asset in value if isinstance(asset, Asset))
    return value if isinstance(value, str) else ""


class SetAnswerCommand(StoreCommand):
    def __init__(self, session: ProjectSession, before: Answer | None, after: Answer | None, *,
                 scope_id: str, requirement_id: str, text: str, merge_key: str | None = None) -> None:
        super().__init__(session, text)
        self.before, self.after = before, after
        self.key = (scope_id, requirement_id)
        self.merge_key = merge_key

    def write(self, forward: bool) -> None:
        self.session.apply_answer(*self.key, self.after if forward else self.before)

    def unsaved_text(self) -> str:
        return _changed_text(self.before, self.after, _TEXT_FIELDS)

    def show_stored(self) -> None:
        self.session.answer_changed.emit(*self.key)

    def id(self) -> int:
        return _MERGE_TEXT if self.merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt API
        if (not isinstance(other, SetAnswerCommand) or other.failed is not None
                or other.merge_key != self.merge_key or other.key != self.key):
            return False
        self.after = other.after
        return True


class SetRemediationCommand(StoreCommand):
    def __init__(self, session: ProjectSession, before: RemediationItem | None, after: RemediationItem,
                 text: str) -> None:
        super().__init__(session, text)
        self.before, self.after = before, after

    def write(self, forward: bool) -> None:
        self.session.apply_remediation(self.after.scope_id, self.after.requirement_id,
                                       self.after if forward else self.before)

    def unsaved_text(self) -> str:
        return _changed_text(self.before, self.after, _ITEM_TEXT_FIELDS)

    def show_stored(self) -> None:
        self.session.remediation_changed.emit(self.after.scope_id, self.after.requirement_id)


class SetInfoCommand(StoreCommand):
    def __init__(self, session: ProjectSession, before: ProjectInfo, after: ProjectInfo) -> None:
        super().__init__(session, translate("Commands", "Edit project details"))
        self.before, self.after = before, after

    def write(self, forward: bool) -> None:
        self.session.apply_info(self.after if forward else self.before)

    def unsaved_text(self) -> str:
        return _changed_text(self.before, self.after, _INFO_TEXT_FIELDS)


class AddZoneCommand(StoreCommand):
    def __init__(self, session: ProjectSession, zone: Zone) -> None:
        super().__init__(session, translate("Commands", "Add zone %1").replace("%1", zone.id))
        self.zone = zone

    def write(self, forward: bool) -> None:
        if forward:
            self.session.apply_zone(self.zone, new=True)
        else:
            self.session.remove_zone(self.zone.id)

    def unsaved_text(self) -> str:
        return _changed_text(None, self.zone, _ZONE_TEXT_FIELDS)


class EditZoneCommand(StoreCommand):
    def __init__(self, session: ProjectSession, before: Zone, after: Zone) -> None:
        super().__init__(session, translate("Commands", "Edit zone %1").replace("%1", after.id))
        self.before, self.after = before, after

    def write(self, forward: bool) -> None:
        self.session.apply_zone(self.after if forward else self.before, new=False)

    def unsaved_text(self) -> str:
        return _changed_text(self.before, self.after, _ZONE_TEXT_FIELDS)


class RemoveZoneCommand(StoreCommand):
    """Removing a zone takes its answers with it; undo brings all of them back."""

    def __init__(self, session: ProjectSession, zone_id: str) -> None:
        super().__init__(session, translate("Commands", "Remove zone %1").replace("%1", zone_id))
        self.zone_id = zone_id
        self.removed: tuple[Zone, list[Answer], list[RemediationItem]] | None = None

    def write(self, forward: bool) -> None:
        if forward:
            self.removed = self.session.remove_zone(self.zone_id)
        else:
            assert self.removed is not None
            self.session.restore_zone(*self.removed)


class ImportRegisterCommand(StoreCommand):
    """The checked rows of an edited register: written as one batch, undone as one step."""

    def __init__(self, session: ProjectSession, changes: Sequence[RowChange], text: str) -> None:
        super().__init__(session, text)
        self.changes = tuple(changes)

    def write(self, forward: bool) -> None:
        self.session.apply_register_plan(self.changes, forward=forward)


class PlaceZonesCommand(StoreCommand):
    """Zones moved on the diagram, or its layout reset: one write, one undo step, however many boxes.
    `before` and `after` are the same zones, differing only in where the diagram shows them."""

    def __init__(self, session: ProjectSession, before: Sequence[Zone], after: Sequence[Zone], text: str) -> None:
        super().__init__(session, text)
        self.before, self.after = tuple(before), tuple(after)

    def write(self, forward: bool) -> None:
        self.session.apply_zones(self.after if forward else self.before)

    def show_stored(self) -> None:
        self.session.zones_changed.emit()  # the boxes go back to where the project has them
