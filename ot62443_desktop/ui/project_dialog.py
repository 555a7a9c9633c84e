"""Project details: client, site, assessors, dates, scope note, label, 2-1 target maturity."""

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
from ot62443_desktop.domain.model import ModelError, ProjectInfo
from ot62443_desktop.ui.form_dialog import FormDialog
from ot62443_desktop.ui.text_field import PlainTextEdit


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
        self.confidentiality = QLineEdit(info.confidentiality if info else "Confidential")
        self.target_ml = QComboBox()
        for level, name in enumerate(MATURITY_NAMES, 1):
            self.target_ml.addItem(f"ML{level} · {self.tr(name)}", level)
        self.target_ml.setCurrentIndex((info.target_ml if info else 2) - 1)
        form = self.form
        form.addRow(self.tr("&Client"), self.client)
        form.addRow(self.tr("&Site"), self.site)
        form.addRow(self.tr("&Assessors"), self.assessors)
        form.addRow(self.tr("Assessment s&tart"), self.start)
        form.addRow(self.tr("Assessment &end"), self.end)
        form.addRow(self.tr("Scope &note"), self.scope_note)
        form.addRow(self.tr("Confidentiality &label"), self.confidentiality)
        form.addRow(self.tr("2-1 target &maturity"), self.target_ml)

    def accept(self) -> None:
        try:
            self.result_info = ProjectInfo(
                client=self.client.text().strip(), site=self.site.text().strip(),
                assessors=tuple(a.strip() for a in self.assessors.text().split(",") if a.strip()),
                start_date=self.start.value(), end_date=self.end.value(),
                scope_note=self.scope_note.value().strip(),
                confidentiality=self.confidentiality.text().strip(), target_ml=self.target_ml.currentData(),
            )
        except ModelError as exc:
            self.fail(str(exc))
            return
        super().accept()
