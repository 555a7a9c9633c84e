"""File > Export / Import: run the exports and the register import off the GUI thread.

The import is checked first as a dry run; the consultant sees the report and, on Apply,
the edits go onto the undo stack as one step (so a whole import can be undone).
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

from ot62443_desktop.exports.progress import ExportCancelled
from ot62443_desktop.ui.errors import Icon, choose, message_box, show_message
from ot62443_desktop.ui.i18n import fill, gui_language
from ot62443_desktop.ui.worker import Runner

if TYPE_CHECKING:  # loaded with the project, not at start-up
    from ot62443_desktop.ui.passphrase_dialog import PassphraseDialog
    from ot62443_desktop.ui.session import ProjectSession


class Transfer(QObject):
    """Export and import actions of one main window."""

    def __init__(self, window: QMainWindow, runner: Runner) -> None:
        super().__init__(window)
        self.window = window
        self.runner = runner

    # overridable in tests: the file dialogs
    def ask_save(self, title: str, suggestion: str, patterns: list[str]) -> tuple[str, str]:
        """The file chosen ("" if none) and which of `patterns` (the file types offered) was chosen."""
        return QFileDialog.getSaveFileName(self.window, title, suggestion, ";;".join(patterns), patterns[0])

    def ask_open(self, title: str, pattern: str) -> str:
        name, _ = QFileDialog.getOpenFileName(self.window, title, "", pattern)
        return name

    def confirm(self, title: str, text: str) -> bool:
        # plain text: the report quotes cells of the workbook, which anyone may have written
        box = message_box(self.window, Icon.Question, title, text, details=text)
        box.setStandardButtons(QMessageBox.StandardButton.Cancel)
        apply = box.addButton(self.tr("Apply"), QMessageBox.ButtonRole.AcceptRole)
        box.exec()
        return box.clickedButton() is apply

    def _report(self, done: str, error: BaseException | None) -> None:
        if error is None:
            self.window.statusBar().showMessage(done, 10000)
        elif isinstance(error, ExportCancelled):
            self.window.statusBar().showMessage(self.tr("Cancelled; nothing was written."), 10000)
        else:
            show_message(self.window, Icon.Critical, self.tr("Export or import failed"), str(error))

    def _suggest(self, session: ProjectSession, suffix: str) -> str:
        return str(session.store.path.with_suffix(suffix))

    def export(self, session: ProjectSession, kind: str) -> None:
        """kind: 'xlsx' (gap register) or 'pdf' (remediation plan). Choosing the file type "encrypted with
        a password" in the save dialog asks for a new password; only the encrypted file is ever written."""
        if kind == "xlsx":
            title = self.tr("Export Excel gap register")
            patterns = [self.tr("Excel workbooks (*.xlsx)"),
                        self.tr("Excel workbooks encrypted with a password (*.xlsx)")]
        else:
            title = self.tr("Export PDF remediation plan")
            patterns = [self.tr("PDF documents (*.pdf)"),
                        self.tr("PDF documents encrypted with a password (*.pdf)")]
        path, chosen = self.ask_save(title, self._suggest(session, f".{kind}"), patterns)
        if not path:
            return
        password = None
        encrypt = chosen == patterns[1]
        if not encrypt and session.store.encrypted:  # the project is kept secret: its document should be too
            encrypt = self.encrypt_instead(kind)
            if encrypt is None:
                self.window.statusBar().showMessage(self.tr("Cancelled; nothing was written."), 10000)
                return
        if encrypt:
            password = self.ask_password(kind)
            if password is None:
                self.window.statusBar().showMessage(self.tr("Cancelled; nothing was written."), 10000)
                return
        from ot62443_desktop.ui.jobs import export_file

        # the report language's fallback, and the key of an encrypted project (pickled to the child)
        job = partial(export_file, gui_language=gui_language().value, password=password,
                      key=session.store.key)
        done = self.tr("Wrote %1, encrypted with a password") if password else self.tr("Wrote %1")
        self.runner.run_job(self.window, self.tr("Exporting…"), job, (str(session.store.path), kind, path),
                            lambda _result, error: self._report(done.replace("%1", path), error))

    def encrypt_instead(self, kind: str) -> bool | None:
        """Asked when a readable document of an encrypted project is about to be written: True to encrypt it
        with a password after all, False to write it readable, None to write nothing."""
        document = self.tr("Excel gap register") if kind == "xlsx" else self.tr("PDF remediation plan")
        return choose(self.window, Icon.Warning, self.tr("Export a readable document?"), fill(self.tr(
            "This project is encrypted, but the %1 you are about to write is not: anyone who gets the file (a mail, "
            "a USB stick, a shared folder) can read every finding in it. Encrypt it with a password, or export it "
            "readable for a recipient who cannot open encrypted files?"), document),
            [(self.tr("&Encrypt it"), True), (self.tr("Export &readable"), False)])

    def ask_password(self, kind: str) -> str | None:
        """A new password for an exported document, typed twice; None if the person cancelled."""
        return self.password_dialog(kind).ask()

    def password_dialog(self, kind: str) -> PassphraseDialog:
        from ot62443_desktop.ui.passphrase_dialog import Mode, PassphraseDialog

        if kind == "xlsx":
            title = self.tr("Encrypt the Excel gap register")
            prompt = self.tr("Excel and LibreOffice Calc will ask for this password to open the register. Keep it "
                             "apart from the file: nobody can open the register without it, and it cannot be "
                             "recovered.")
        else:
            title = self.tr("Encrypt the PDF remediation plan")
            prompt = self.tr("PDF readers will ask for this password to open the plan (AES-256). Keep it apart "
                             "from the file: nobody can open the plan without it, and it cannot be recovered.")
        labels = (self.tr("&Password:"), self.tr("&Confirm password:"))
        return PassphraseDialog(Mode.NEW, title, prompt, self.window, labels=labels,
                                check=lambda text: self._password_problem(text, kind))

    def _password_problem(self, password: str, kind: str) -> str:
        """What protect.py refuses in this password, said in the GUI's language ("" if nothing)."""
        from ot62443_desktop.exports.protect import MAX_LENGTH, PasswordProblem, password_problem

        problem = password_problem(password, kind)
        if problem is PasswordProblem.NOT_ASCII:
            return self.tr("A PDF password may only hold ASCII letters, digits, spaces and punctuation: PDF "
                           "readers do not all read other characters (such as é) alike.")
        if problem is PasswordProblem.TOO_LONG:
            return self.tr("Too long: %1 characters at most.").replace("%1", str(MAX_LENGTH[kind]))
        return ""  # EMPTY too: OK simply stays disabled

    def import_register(self, session: ProjectSession) -> None:
        path = self.ask_open(self.tr("Import edited register"), self.tr("Excel workbooks (*.xlsx)"))
        if not path:
            return
        from ot62443_desktop.ui.jobs import check_register

        def checked(report: Any, error: BaseException | None) -> None:
            if getattr(self.window, "session", None) is not session:  # closed while the register was read
                show_message(self.window, Icon.Warning, self.tr("Import register"),
                             self.tr("The project was closed while the register was being read; nothing was "
                                "imported. Open the project and import the register again."))
            elif error is not None:
                self._report("", error)
            elif not report.changed:
                show_message(self.window, Icon.Information, self.tr("Import register"), str(report))
            elif self.confirm(self.tr("Import register"), str(report)):
                self.apply(session, report.changed)

        job = partial(check_register, gui_language=gui_language().value,  # the report in the GUI's words
                      key=session.store.key)
        self.runner.run_job(self.window, self.tr("Reading the register…"), job, (str(session.store.path), path),
                            checked)

    def apply(self, session: ProjectSession, changes: list[Any]) -> None:
        """Apply checked row changes as one undoable step, written as one batch: every row or none."""
        from ot62443_desktop.ui.commands import ImportRegisterCommand

        command = ImportRegisterCommand(session, changes, self.tr("Import register (%n row(s))", "", len(changes)))
        session.undo_stack.push(command)
        if command.failed is None:  # a failure is reported by the window, and nothing was imported
            self.window.statusBar().showMessage(self.tr("Imported %n row(s)", "", len(changes)), 10000)
