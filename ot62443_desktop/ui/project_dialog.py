"""Project details: client, site, assessors, dates, scope note, label, 2-1 target maturity, report language."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLineEdit,
    QWidget,
)

from ot62443_desktop.domain.catalogue import MATURITY_NAMES
from ot62443_desktop.domain.language import Language
from ot62443_desktop.domain.model import ModelError, ProjectInfo
from ot62443_desktop.ui.form_dialog import FormDialog
from ot62443_desktop.ui.i18n import gui_language
from ot62443_desktop.ui.labels import maturity_label
from ot62443_desktop.ui.model_messages import model_message
from ot62443_desktop.ui.text_field import PlainTextEdit

REPORT_LANGUAGES = tuple(Language)


class _OptionalDate(QWidget):
    def __init__(self, value: date | None) -> None:
        super().__init__()
        self.enabled = QCheckBox()
        self.edit = QDateEdit(calendarPopup=True, displayFormat="yyyy-MM-dd")
        shown = value or date.today()
        self.edit.setDate(QDate(shown.year, shown.month, shown.day))
        self.enabled.setChecked(value is not None)
        self.enabled.toggled.connect(self.edit.setEnabled)
        self.edit.setEnabled(value is not None)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.enabled)
        layout.addWidget(self.edit, 1)

    def value(self) -> date | None:
        return self.edit.date().toPython() if self.enabled.isChecked() else None  # type: ignore[no-any-return]


class ProjectDialog(FormDialog):
    """Edits ProjectInfo; invalid input is explained inline and the dialog stays open."""

    def __init__(self, info: ProjectInfo | None = None, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("ProjectDialog", "Project details"), parent)
        self.result_info: ProjectInfo | None = None
        self.client = QLineEdit(info.client if info else "")
        self.site = QLineEdit(info.site if info else "")
        self.assessors = QLineEdit(", ".join(info.assessors) if info else "")
        self.assessors.setPlaceholderText(self.tr("Names, separated by commas"))
        self.start = _OptionalDate(info.start_date if info else date.today())
        self.end = _OptionalDate(info.end_date if info else None)
        self.scope_note = PlainTextEdit(info.scope_note if info else "")
        self.scope_note.setTabChangesFocus(True)
        self.confidentiality = QLineEdit(info.confidentiality if info else self.tr("Confidential"))
        self.target_ml = QComboBox()
        for level in range(1, len(MATURITY_NAMES) + 1):
            self.target_ml.addItem(maturity_label(level), level)
        self.target_ml.setCurrentIndex((info.target_ml if info else 2) - 1)
        self.report_language = QComboBox()  # item i > 0 is REPORT_LANGUAGES[i - 1]
        self.report_language.addItem(self.tr("Same as the application (%1)").replace(
            "%1", gui_language().native_name))
        for language in REPORT_LANGUAGES:
            self.report_language.addItem(language.native_name)
        chosen = info.report_language if info else None
        self.report_language.setCurrentIndex(0 if chosen is None else REPORT_LANGUAGES.index(chosen) + 1)
        self.report_language.setToolTip(self.tr("The language of this project's Excel register and PDF plan"))
        form = self.form
        form.addRow(self.tr("&Client"), self.client)
        form.addRow(self.tr("&Site"), self.site)
        form.addRow(self.tr("&Assessors"), self.assessors)
        form.addRow(self.tr("Assessment s&tart"), self.start)
        form.addRow(self.tr("Assessment &end"), self.end)
        form.addRow(self.tr("Scope &note"), self.scope_note)
        form.addRow(self.tr("Confidentiality &label"), self.confidentiality)
        form.addRow(self.tr("2-1 target &maturity"), self.target_ml)
        form.addRow(self.tr("&Report language"), self.report_language)

    def chosen_report_language(self) -> Language | None:
        index = self.report_language.currentIndex()
        return REPORT_LANGUAGES[index - 1] if index > 0 else None

    def accept(self) -> None:
        try:
            self.result_info = ProjectInfo(
                client=self.client.text().strip(), site=self.site.text().strip(),
                assessors=tuple(a.strip() for a in self.assessors.text().split(",") if a.strip()),
                start_date=self.start.value(), end_date=self.end.value(),
                scope_note=self.scope_note.value().strip(),
                confidentiality=self.confidentiality.text().strip(), target_ml=self.target_ml.currentData(),
                report_language=self.chosen_report_language(),
            )
        except ModelError as exc:
            self.fail(model_message(exc))  # the domain's rule, in the GUI's words
            return
        super().accept()
