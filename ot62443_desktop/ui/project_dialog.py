"""Project details: client, site, assessors, dates, scope note, label, 2-1 target maturity, report language,
and the user's own imported catalogues the assessment uses besides the built-in ones."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from ot62443_desktop.domain.catalogue import MATURITY_NAMES
from ot62443_desktop.domain.language import Language
from ot62443_desktop.domain.model import ModelError, ProjectInfo
from ot62443_desktop.ui.form_dialog import FormDialog
from ot62443_desktop.ui.i18n import gui_language
from ot62443_desktop.ui.labels import maturity_label
from ot62443_desktop.ui.model_messages import model_message
from ot62443_desktop.ui.plain_text import elide, tooltip
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


class _CatalogueChoice(QListWidget):
    """The built-in catalogues (always used) and each imported one, ticked when the assessment uses it. A
    catalogue the project names that this computer lacks stays ticked, marked missing, until unticked."""

    def __init__(self, chosen: tuple[str, ...]) -> None:
        super().__init__()
        from ot62443_desktop import user_catalogues
        from ot62443_desktop.catalogues import builtin_catalogues

        self.chosen = chosen
        for catalogue in builtin_catalogues(gui_language()):
            self._add(catalogue.id, self.tr("%1 (built in, always used)").replace("%1", catalogue.title), True,
                      fixed=True)
        imported = {k.catalogue.id: k.catalogue for k in user_catalogues.kept() if k.catalogue is not None}
        for catalogue_id, catalogue in imported.items():
            self._add(catalogue_id, f"{catalogue.title} ({catalogue_id})", catalogue_id in chosen)
        for catalogue_id in chosen:
            if catalogue_id not in imported:
                self._add(catalogue_id, self.tr("%1: not imported on this computer; its answers are kept").replace(
                    "%1", catalogue_id), True)
        self.setMaximumHeight(self.sizeHintForRow(0) * min(self.count(), 5) + 2 * self.frameWidth() + 2)
        self.setToolTip(self.tr("Your own catalogues are imported with File > Import catalogue. Unticking one "
                                "keeps the answers recorded against it in the project."))

    def _add(self, catalogue_id: str, text: str, ticked: bool, *, fixed: bool = False) -> None:
        item = QListWidgetItem(elide(text), self)
        item.setToolTip(tooltip(text))
        item.setData(Qt.ItemDataRole.UserRole, None if fixed else catalogue_id)
        item.setFlags(Qt.ItemFlag.ItemIsUserCheckable | (Qt.ItemFlag.NoItemFlags if fixed else
                                                          Qt.ItemFlag.ItemIsEnabled))
        item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)

    def ticked(self) -> tuple[str, ...]:
        """The imported catalogues ticked: those chosen before in their order, then the newly ticked ones."""
        ids = [self.item(row).data(Qt.ItemDataRole.UserRole) for row in range(self.count())
               if self.item(row).checkState() is Qt.CheckState.Checked]
        ticked = [i for i in ids if i is not None]
        return (*(i for i in self.chosen if i in ticked), *(i for i in ticked if i not in self.chosen))


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
        self.info = info
        self.catalogues = _CatalogueChoice(info.catalogues if info else ())
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
        form.addRow(self.tr("Cata&logues"), self.catalogues)
        # a new project only: an open one is protected with File > Protect with a passphrase
        self.encrypt = QCheckBox(self.tr("Encr&ypt this project with a passphrase"))
        self.encrypt.setToolTip(self.tr("The project file, its journal and its backups are kept unreadable "
                                        "without the passphrase, which is asked each time the project is opened."))
        if info is None:
            form.addRow("", self.encrypt)

    def chosen_report_language(self) -> Language | None:
        index = self.report_language.currentIndex()
        return REPORT_LANGUAGES[index - 1] if index > 0 else None

    def accept(self) -> None:
        try:
            edited = {
                "client": self.client.text().strip(), "site": self.site.text().strip(),
                "assessors": tuple(a.strip() for a in self.assessors.text().split(",") if a.strip()),
                "start_date": self.start.value(), "end_date": self.end.value(),
                "scope_note": self.scope_note.value().strip(),
                "confidentiality": self.confidentiality.text().strip(), "target_ml": self.target_ml.currentData(),
                "report_language": self.chosen_report_language(), "catalogues": self.catalogues.ticked(),
            }
            # what the dialog does not show (the project's layers) is kept as it was
            self.result_info = replace(self.info, **edited) if self.info else ProjectInfo(**edited)
        except ModelError as exc:
            self.fail(model_message(exc))  # the domain's rule, in the GUI's words
            return
        super().accept()
