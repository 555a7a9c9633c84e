"""File > Merge another copy and File > Split work package (SPEC 12.2).

A merge is checked first as a dry run in a child process (the other copy is read there); the
person sees what would come in and what would conflict, and on Merge it is written as one batch.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMainWindow, QMessageBox

from ot62443_desktop.ui.errors import Icon, message_box, show_message
from ot62443_desktop.ui.i18n import fill
from ot62443_desktop.ui.worker import Runner

if TYPE_CHECKING:  # loaded with the project, not at start-up
    from ot62443_desktop.storage.keys import Secret
    from ot62443_desktop.storage.merge import MergeReport
    from ot62443_desktop.storage.sealed import Key
    from ot62443_desktop.ui.session import ProjectSession


class TeamWork(QObject):
    """The merge and split actions of one main window; `merged` is told after a merge was written."""

    def __init__(self, window: QMainWindow, runner: Runner, merged: Callable[[], None]) -> None:
        super().__init__(window)
        self.window = window
        self.runner = runner
        self.merged = merged

    # overridable in tests: the file dialog, the confirmation and the split dialog's answers
    def ask_other(self) -> str:
        name, _ = QFileDialog.getOpenFileName(self.window, self.tr("Merge another copy"), "",
                                              self.tr("OT 62443 projects (*.ot62443)"))
        return name

    def confirm(self, text: str) -> bool:
        box = message_box(self.window, Icon.Question, self.tr("Merge another copy"), text)
        box.setStandardButtons(QMessageBox.StandardButton.Cancel)
        merge = box.addButton(self.tr("&Merge"), QMessageBox.ButtonRole.AcceptRole)
        box.exec()
        return box.clickedButton() is merge

    def ask_split(self, session: ProjectSession) -> tuple[list[str], bool, str] | None:
        from ot62443_desktop.ui.split_dialog import SplitDialog

        suggestion = str(session.store.path.with_name(session.store.path.stem + "-package.ot62443"))
        dialog = SplitDialog(session.store.zones(), suggestion, self.window)
        if not dialog.exec():
            return None
        return dialog.zones(), dialog.site.isChecked(), dialog.path()

    def merge(self, session: ProjectSession) -> None:
        if not session.editable():
            return
        other = self.ask_other()
        if not other:
            return
        from ot62443_desktop.ui.jobs import check_merge
        from ot62443_desktop.ui.unlock import Cancelled

        try:
            other_key = self.copy_key(session, other)
        except Cancelled:
            return

        def checked(report: Any, error: BaseException | None) -> None:
            if getattr(self.window, "session", None) is not session:
                return  # closed meanwhile: nothing was merged, and nothing is left to say
            if error is not None:
                show_message(self.window, Icon.Critical, self.tr("Merge another copy"), str(error))
            elif not (report.taken or report.conflicts):
                show_message(self.window, Icon.Information, self.tr("Merge another copy"), fill(
                    self.tr("%1 holds nothing this project does not already have."), other))
            elif self.confirm(self._plan_text(other, report)):
                self._merge_now(session, other, other_key)

        # an encrypted project's key (and the copy's, if it has another passphrase), pickled to the child
        job = partial(check_merge, key=session.store.key, other_key=other_key)
        self.runner.run_job(self.window, self.tr("Reading the other copy…"), job, (str(session.store.path), other),
                            checked)

    def copy_key(self, session: ProjectSession, other: str) -> Key | None:
        """The key of an encrypted copy that the project's own key does not open (its passphrase asked until it
        opens; Cancelled if the person gives up); None when the project's key opens it, or it is plain. A copy
        that cannot be read at all is left to the check, which says why."""
        from ot62443_desktop.storage import ProjectStore, StoreError, is_encrypted
        from ot62443_desktop.ui.unlock import Unlock

        if not is_encrypted(other):
            return None

        def opened(secret: Secret | None) -> Key | None:
            with ProjectStore.open(other, read_only=True, passphrase=secret) as copy:
                return copy.key

        unlock = Unlock(self.window, other, known=session.store.key, copy=True)
        try:
            key = unlock.run(opened, ask_first=session.store.key is None)
        except StoreError:
            return None
        return key if unlock.typed else None

    def _plan_text(self, other: str, report: MergeReport) -> str:
        parts = [fill(self.tr("From %1:"), other),
                 self.tr("%n change(s) to take", "", report.taken),
                 self.tr("%n conflict(s): records both copies changed differently. The project keeps its own "
                         "value and shows the other beside it in the Conflicts tab until you choose.", "",
                         len(report.conflicts))]
        parts.append(self.tr("A merge cannot be undone, but every value it replaces is kept in the answer's history."))
        return "\n\n".join(parts)

    def _merge_now(self, session: ProjectSession, other: str, other_key: Key | None) -> None:
        from ot62443_desktop.storage import StoreError

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            report = session.merge(other, other_key)
        except (StoreError, OSError) as exc:
            show_message(self.window, Icon.Critical, self.tr("Merge another copy"),
                         "\n\n".join([str(exc), self.tr("Nothing was merged.")]))
            return
        finally:
            QApplication.restoreOverrideCursor()
        self.merged()
        self.window.statusBar().showMessage(fill(self.tr("Merged %1: %2 change(s) taken, %3 conflict(s)."), other,
                                                 report.taken, len(report.conflicts)), 20000)

    def split(self, session: ProjectSession) -> None:
        answer = self.ask_split(session)
        if answer is None:
            return
        zones, site, target = answer
        from ot62443_desktop.api import split_project
        from ot62443_desktop.storage import StoreError

        try:
            # an encrypted project's package is encrypted with the same key
            split_project(session.store.path, zones, target, site=site, passphrase=session.store.key).close()
        except (StoreError, OSError) as exc:
            show_message(self.window, Icon.Critical, self.tr("Split work package"),
                         "\n\n".join([str(exc), self.tr("Nothing was written.")]))
            return
        self.window.statusBar().showMessage(fill(self.tr("Wrote the work package %1 (%2). When it comes back, "
                                                         "merge it with File > Merge another copy."),
                                                 Path(target).name, ", ".join(zones)), 20000)
