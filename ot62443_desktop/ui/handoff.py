"""File > Hand off evidence (SPEC 12.6): the evidence bundle, made in a child process like the exports.

The person chooses the zip and whether it is encrypted (then a passphrase, typed twice); the
bundle is written off the GUI thread with progress and Cancel, and the report says what went in
and, above all, which evidence was left out and why: missing, or changed since it was attached.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMainWindow

from ot62443_desktop.exports.progress import ExportCancelled
from ot62443_desktop.ui.errors import Icon, show_message
from ot62443_desktop.ui.i18n import fill, gui_language
from ot62443_desktop.ui.worker import Runner

if TYPE_CHECKING:  # loaded with the project, not at start-up
    from ot62443_desktop.exports.bundle import BundleReport
    from ot62443_desktop.exports.bundle_manifest import LeftOut
    from ot62443_desktop.ui.session import ProjectSession


class HandOff(QObject):
    """The hand-off action of one main window."""

    def __init__(self, window: QMainWindow, runner: Runner) -> None:
        super().__init__(window)
        self.window = window
        self.runner = runner

    # overridable in tests: the dialogs' answers
    def ask_bundle(self, session: ProjectSession) -> tuple[str, bool] | None:
        """The zip to write and whether to encrypt it; None when the person cancels."""
        from ot62443_desktop.ui.handoff_dialog import HandOffDialog

        suggestion = str(session.store.path.with_name(session.store.path.stem + "-evidence.zip"))
        dialog = HandOffDialog(suggestion, self.window, encrypt=session.store.encrypted)
        if not dialog.exec():
            return None
        return dialog.path(), dialog.encrypt.isChecked()

    def ask_passphrase(self) -> str | None:
        from ot62443_desktop.ui.passphrase_dialog import Mode, ask_passphrase

        return ask_passphrase(self.window, Mode.NEW, self.tr("Encrypt the bundle"),
                              self.tr("The bundle's contents are encrypted with AES-256. The recipient needs this "
                                      "passphrase to open it: give it to them by another way than the bundle. "
                                      "Nothing can recover a forgotten one."))

    def hand_off(self, session: ProjectSession) -> None:
        answer = self.ask_bundle(session)
        if answer is None:
            return
        target, encrypt = answer
        passphrase = self.ask_passphrase() if encrypt else None
        if encrypt and not passphrase:
            return
        from ot62443_desktop.ui.jobs import bundle_project

        # the passphrase reaches the child through a pipe, never a command line or a file
        job = partial(bundle_project, gui_language=gui_language().value, passphrase=passphrase,
                      key=session.store.key)
        self.runner.run_job(self.window, self.tr("Handing off the evidence…"), job, (str(session.store.path), target),
                            self._finished)

    def _finished(self, report: Any, error: BaseException | None) -> None:
        title = self.tr("Hand off evidence")
        if isinstance(error, ExportCancelled):
            self.window.statusBar().showMessage(self.tr("Cancelled; nothing was written."), 10000)
        elif error is not None:
            show_message(self.window, Icon.Critical, title, str(error))
        else:
            show_message(self.window, Icon.Warning if report.left_out else Icon.Information, title,
                         self.summary(report), self.details(report))
            self.window.statusBar().showMessage(fill(self.tr("Wrote %1"), report.target), 10000)

    def summary(self, report: BundleReport) -> str:
        parts = [fill(self.tr("Wrote %1: the register, the plan and %2."), report.target,
                      self.tr("%n evidence file(s)", "", len(report.evidence)))]
        if report.encrypted:
            parts.append(self.tr("Its contents are encrypted with AES-256; the names of the files inside stay "
                                 "readable."))
        if report.missing:
            parts.append(self.tr("%n evidence file(s) missing: left out (see the details).", "", len(report.missing)))
        if report.changed:
            parts.append(self.tr("%n evidence file(s) changed since they were attached: left out, since they are no "
                                 "longer the evidence recorded (see the details).", "", len(report.changed)))
        parts.append(fill(self.tr("SHA-256 of the manifest: %1. Give it to the recipient apart from the bundle, so "
                                  "they can check the manifest itself (ot62443 verify-bundle prints it)."),
                          report.manifest_sha256))
        return "\n\n".join(parts)

    def details(self, report: BundleReport) -> str:
        from ot62443_desktop.domain.file_names import shown_name

        sections = []
        for heading, lines in (
                (self.tr("Included:"), [f"{shown_name(f.path)}  ({_answers(f.references)})" if f.references
                                        else shown_name(f.path) for f in report.files]),
                (self.tr("Missing (left out):"), [self._left_out(f) for f in report.missing]),
                (self.tr("Changed since attached (left out):"), [self._left_out(f) for f in report.changed])):
            if lines:
                sections.append("\n".join([heading, *(f"  {line}" for line in lines)]))
        return "\n\n".join(sections)

    def _left_out(self, item: LeftOut) -> str:
        from ot62443_desktop.domain.file_names import shown_name
        from ot62443_desktop.exports.bundle_manifest import Problem

        why = {
            Problem.GONE: self.tr("no such file"),
            Problem.NOT_A_FILE: self.tr("not a regular file (a folder, a pipe or a device)"),
            Problem.NETWORK: self.tr("on a network share, which is never opened on a project's say-so; copy it to "
                                     "this computer and attach it again"),
            Problem.UNREADABLE: fill(self.tr("cannot be read (%1)"), item.detail),
            Problem.CHANGED: fill(self.tr("SHA-256 now %1, recorded %2"), item.found_sha256, item.recorded_sha256),
        }[item.problem]
        return shown_name(fill(self.tr("%1 (%2): %3"), item.source, _answers(item.references), why))


def _answers(references: tuple[Any, ...]) -> str:
    return ", ".join(f"{r.scope} {r.requirement}" for r in references)
