"""Undo commands: each redo/undo only calls the session (which writes through the store)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from ot62443_desktop.domain.model import Answer, ProjectInfo, RemediationItem, Zone
from ot62443_desktop.ui.session import ProjectSession

_MERGE_TEXT = 1  # consecutive text edits of one field of one answer merge into one undo step


def tr(text: str) -> str:
    return QCoreApplication.translate("Commands", text)


class SetAnswerCommand(QUndoCommand):
    def __init__(self, session: ProjectSession, before: Answer | None, after: Answer | None, *,
                 scope_id: str, requirement_id: str, text: str, merge_key: str | None = None) -> None:
        super().__init__(text)
        self.session, self.before, self.after = session, before, after
        self.key = (scope_id, requirement_id)
        self.merge_key = merge_key

    def redo(self) -> None:
        self.session.apply_answer(*self.key, self.after)

    def undo(self) -> None:
        self.session.apply_answer(*self.key, self.before)

    def id(self) -> int:
        return _MERGE_TEXT if self.merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt API
        if not isinstance(other, SetAnswerCommand) or other.merge_key != self.merge_key or other.key != self.key:
            return False
        self.after = other.after
        return True


class SetRemediationCommand(QUndoCommand):
    def __init__(self, session: ProjectSession, before: RemediationItem | None, after: RemediationItem,
                 text: str) -> None:
        super().__init__(text)
        self.session, self.before, self.after = session, before, after

    def redo(self) -> None:
        self.session.apply_remediation(self.after.scope_id, self.after.requirement_id, self.after)

    def undo(self) -> None:
        self.session.apply_remediation(self.after.scope_id, self.after.requirement_id, self.before)


class SetInfoCommand(QUndoCommand):
    def __init__(self, session: ProjectSession, before: ProjectInfo, after: ProjectInfo) -> None:
        super().__init__(tr("Edit project details"))
        self.session, self.before, self.after = session, before, after

    def redo(self) -> None:
        self.session.apply_info(self.after)

    def undo(self) -> None:
        self.session.apply_info(self.before)


class AddZoneCommand(QUndoCommand):
    def __init__(self, session: ProjectSession, zone: Zone) -> None:
        super().__init__(tr("Add zone %s") % zone.id)
        self.session, self.zone = session, zone

    def redo(self) -> None:
        self.session.apply_zone(self.zone, new=True)

    def undo(self) -> None:
        self.session.remove_zone(self.zone.id)


class EditZoneCommand(QUndoCommand):
    def __init__(self, session: ProjectSession, before: Zone, after: Zone) -> None:
        super().__init__(tr("Edit zone %s") % after.id)
        self.session, self.before, self.after = session, before, after

    def redo(self) -> None:
        self.session.apply_zone(self.after, new=False)

    def undo(self) -> None:
        self.session.apply_zone(self.before, new=False)


class RemoveZoneCommand(QUndoCommand):
    """Removing a zone takes its answers with it; undo brings all of them back."""

    def __init__(self, session: ProjectSession, zone_id: str) -> None:
        super().__init__(tr("Remove zone %s") % zone_id)
        self.session, self.zone_id = session, zone_id
        self.removed: tuple[Zone, list[Answer], list[RemediationItem]] | None = None

    def redo(self) -> None:
        self.removed = self.session.remove_zone(self.zone_id)

    def undo(self) -> None:
        assert self.removed is not None
        self.session.restore_zone(*self.removed)
