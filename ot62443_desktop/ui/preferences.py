"""Edit > Preferences: the language of the program, kept in the settings file."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from ot62443_desktop.domain.language import Language
from ot62443_desktop.ui.form_dialog import FormDialog
from ot62443_desktop.ui.i18n import chosen_language, gui_language, save_language


class PreferencesDialog(FormDialog):
    """The language is listed by its own name (a French reader looks for "Français", not "French")."""

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("PreferencesDialog", "Preferences"), parent)
        self.settings = settings
        self.language = chosen_language(settings) or gui_language()
        self.language_box = QComboBox()
        for language in Language:
            self.language_box.addItem(language.native_name, language)
        self.language_box.setCurrentIndex(self.language_box.findData(self.language))
        note = QLabel(self.tr("A new language applies the next time you start the program: close it and "
                              "start it again. Until then it keeps its current language (%1).")
                      .replace("%1", gui_language().native_name), wordWrap=True)
        note.setTextFormat(Qt.TextFormat.PlainText)
        note.setMinimumWidth(360)
        self.form.addRow(self.tr("&Language"), self.language_box)
        self.form.addRow("", note)

    def accept(self) -> None:
        self.language = Language(self.language_box.currentData())
        save_language(self.settings, self.language)
        super().accept()
