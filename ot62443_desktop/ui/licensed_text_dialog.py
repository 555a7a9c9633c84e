"""File > Licensed standard text: import the user's own copy of the standard's wording, or remove it.

The checks are ot62443_desktop.licensed_text's (as `ot62443 licensed-text import` makes them);
here each refusal and skipped row is said in the GUI's language. No message quotes a text.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QLabel, QVBoxLayout, QWidget

from ot62443_desktop import licensed_text
from ot62443_desktop.licensed_text import (
    MAX_FILE_BYTES,
    MAX_ROWS,
    MAX_TEXT_CHARS,
    MIB,
    ImportReport,
    LicensedTextError,
    Problem,
    Refusal,
    Skipped,
)
from ot62443_desktop.ui.errors import Icon, ask, tell
from ot62443_desktop.ui.form_dialog import close_box_with
from ot62443_desktop.ui.i18n import fill
from ot62443_desktop.ui.licensed_panel import LicensedTexts, shared_texts

LISTED = 8  # skipped rows named in the report; all of them are under Show Details


class LicensedTextDialog(QDialog):
    """What licensed text is kept, with Import… and Remove."""

    def __init__(self, texts: LicensedTexts | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.texts = texts or shared_texts()
        self.setWindowTitle(self.tr("Licensed standard text"))
        intro = QLabel(fill(self.tr(
            "If you own a licensed copy of IEC 62443, import its text to read it beside our summaries in the "
            "walkthrough. The file: CSV in UTF-8, a header row id,text, then one row per requirement (ids such as "
            "SR 1.1, SR 1.1 RE 1 or ORG 1.1), cells separated by commas or semicolons. It is kept on this computer "
            "only, in %1, and never written into a project, an export or an evidence bundle. Importing a file "
            "replaces the text imported before."), licensed_text.store_path()), wordWrap=True)
        self.status = QLabel(wordWrap=True)
        for label in (intro, self.status):
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons, (self.import_button, self.remove_button) = close_box_with(
            (self.tr("&Import…"), self.import_file), (self.tr("&Remove"), self.remove))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.resize(640, 260)
        self.texts.reload()  # what `ot62443 licensed-text` did meanwhile shows too
        self.show_status()

    # overridable in tests: the file dialog
    def ask_file(self) -> str:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Import licensed text"), "",
                                              self.tr("CSV files (*.csv *.txt);;All files (*)"))
        return name

    def show_status(self) -> None:
        store, problem = self.texts.store(), self.texts.problem()
        if problem is not None:
            self.status.setText(self.refusal_text(problem))
        elif store:
            self.status.setText(fill(self.tr("You have the licensed text of %n requirement(s), imported from %1 on "
                                             "%2.", "", len(store)), store.source, store.imported_at.replace("T", " ")))
        else:
            self.status.setText(self.tr("No licensed text is imported."))
        self.remove_button.setEnabled(bool(store) or problem is not None)

    def import_file(self) -> None:
        name = self.ask_file()
        if name:
            self.import_path(Path(name))

    def import_path(self, source: Path) -> bool:
        """Check the file, keep it and report; True when it was kept."""
        try:
            parsed = licensed_text.check(source)
        except LicensedTextError as exc:
            tell(self, Icon.Warning, self.tr("Licensed text refused"), *self._with_rows(self.refusal_text(exc),
                                                                                          exc.skipped))
            return False
        before = self.texts.store()
        if before and not ask(self, self.tr("Replace licensed text?"), fill(self.tr(
                "Replace the licensed text of %n requirement(s) imported from %1 with this file?", "", len(before)),
                before.source)):
            return False
        try:
            report = licensed_text.keep(parsed, source)
        except LicensedTextError as exc:
            tell(self, Icon.Critical, self.tr("Licensed text not kept"), self.refusal_text(exc))
            return False
        finally:
            self.texts.reload()
            self.show_status()
        self.report(report)
        return True

    def report(self, report: ImportReport) -> None:
        text = fill(self.tr("The licensed text of %n requirement(s) was imported. The walkthrough shows it beside "
                            "our summary.", "", report.imported))
        if report.ignored_columns:
            text += "\n\n" + fill(self.tr("Columns not used: %1"), ", ".join(report.ignored_columns))
        icon = Icon.Warning if report.skipped else Icon.Information
        tell(self, icon, self.tr("Licensed text imported"), *self._with_rows(text, report.skipped))

    def _with_rows(self, text: str, skipped: tuple[Skipped, ...]) -> tuple[str, str]:
        """The message with the first skipped rows in it, and every one of them as its details."""
        if not skipped:
            return text, ""
        lines = [self.problem_text(row) for row in skipped]
        listed = "\n".join(lines[:LISTED]) + ("\n…" if len(lines) > LISTED else "")
        head = self.tr("%n row(s) could not be imported:", "", len(skipped))
        return f"{text}\n\n{head}\n{listed}", "\n".join(lines)

    def remove(self) -> None:
        store = self.texts.store()
        question = self.tr("Remove your licensed text of %n requirement(s)? You can import your file again at any "
                           "time.", "", len(store)) if store else self.tr("Remove your licensed text, which cannot be "
                                                                          "read?")
        if not ask(self, self.tr("Remove licensed text?"), question, default_yes=False):
            return
        try:
            licensed_text.remove()
        except LicensedTextError as exc:
            tell(self, Icon.Critical, self.tr("Licensed text not removed"), self.refusal_text(exc))
        self.texts.reload()
        self.show_status()

    def refusal_text(self, error: LicensedTextError) -> str:
        """Why a file was refused (or the store cannot be used), in the GUI's language."""
        texts = {
            Refusal.UNREADABLE: self.tr("%1: cannot be read (%2); nothing was imported"),
            Refusal.NOT_A_FILE: self.tr("%1: is not a file (a folder, a pipe or a device); nothing was imported"),
            Refusal.TOO_LARGE: self.tr("%1: larger than %3 MB, more than the text of every requirement fills; "
                                       "nothing was imported"),
            Refusal.BINARY: self.tr("%1: holds binary data, not CSV text; nothing was imported"),
            Refusal.NOT_UTF8: self.tr("%1: not UTF-8 text (byte %4); save it as \"CSV UTF-8\" and import that; "
                                      "nothing was imported"),
            Refusal.NO_HEADER: self.tr("%1: the first row must name the columns id and text (id,text or id;text); "
                                       "nothing was imported"),
            Refusal.HEADER_IS_DATA: self.tr("%1: the first row is requirement %2, not the header: add the row "
                                            "id,text above it; nothing was imported"),
            Refusal.NOT_CSV: self.tr("%1: not a CSV file (row %4: %2); nothing was imported"),
            Refusal.TOO_MANY_ROWS: self.tr("%1: more than %3 rows, not one text per requirement; nothing was "
                                           "imported"),
            Refusal.DUPLICATES: self.tr("%1: different texts for the same requirement: %2; keep one row for each "
                                        "and import again; nothing was imported"),
            Refusal.NOTHING_IMPORTED: self.tr("%1: no row could be imported; the licensed text you had is kept"),
            Refusal.STORE_DAMAGED: self.tr("%1: your licensed text cannot be read (%2); import your file again or "
                                           "remove it"),
            Refusal.STORE_UNWRITABLE: self.tr("%1: cannot be written (%2); the licensed text you had is kept"),
        }
        detail = error.detail
        if error.refusal is Refusal.DUPLICATES:
            detail = "; ".join(fill(self.tr("%1 (rows %2)"), rid, ", ".join(map(str, rows)))
                               for rid, rows in error.duplicates)
        limit = {Refusal.TOO_LARGE: MAX_FILE_BYTES // MIB, Refusal.TOO_MANY_ROWS: MAX_ROWS}.get(error.refusal, "")
        return fill(texts[error.refusal], error.source, detail, limit, error.number)

    def problem_text(self, skipped: Skipped) -> str:
        """Why one row was skipped, in the GUI's language."""
        texts = {
            Problem.UNKNOWN_ID: self.tr("row %1: %2 is not a requirement of the built-in or imported catalogues "
                                        "(ids read like SR 1.1, SR 1.1 RE 1, ORG 1.1)"),
            Problem.NOT_AN_ID: self.tr("row %1: the id cell is not a requirement id (is the text in the id "
                                       "column?)"),
            Problem.AMBIGUOUS_ID: self.tr("row %1: %2 could name more than one requirement; write the id exactly"),
            Problem.NO_ID: self.tr("row %1: no id"),
            Problem.NO_TEXT: self.tr("row %1: no text for %2"),
            Problem.TOO_LONG: self.tr("row %1: the text for %2 is longer than %3 characters"),
        }
        return fill(texts[skipped.problem], skipped.row, skipped.id, MAX_TEXT_CHARS)
