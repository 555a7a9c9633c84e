"""File > Import catalogue: the user's own catalogues, checked, kept and listed.

A refused file is one message naming the file, the requirement and what is wrong, and
nothing is kept. An accepted one is copied into the data folder and the report says what
lacks a French text. A project is assessed against an imported catalogue once it is ticked
in its Project details (ui/project_dialog.py); the dialog says so.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ot62443_desktop import user_catalogues
from ot62443_desktop.domain.catalogue import Catalogue
from ot62443_desktop.domain.catalogue_loader import CatalogueError
from ot62443_desktop.domain.language import Language
from ot62443_desktop.ui.errors import Icon, ask, describe, tell
from ot62443_desktop.ui.form_dialog import close_box_with
from ot62443_desktop.ui.i18n import fill
from ot62443_desktop.ui.plain_text import elide, tooltip

LISTED = 8  # missing texts named in the report; all of them are under Show Details


class CatalogueLibrary(QDialog):
    """The imported catalogues, with Import… and Remove."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Your catalogues"))
        intro = QLabel(fill(self.tr("A catalogue of your own (a TOML file in the format of the built-in ones) is "
                                    "checked as they are and kept in %1. Every assessment uses the built-in "
                                    "IEC 62443-3-3 and IEC 62443-2-1 catalogues; tick an imported one in a "
                                    "project's Project details to assess that project against it too, with the "
                                    "same scoring. Imported catalogues are checked again each time this list is "
                                    "shown."), user_catalogues.folder()), wordWrap=True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = QTreeWidget()
        self.table.setRootIsDecorated(False)
        self.table.setHeaderLabels([self.tr("Id"), self.tr("Title"), self.tr("Requirements"),
                                    self.tr("French text"), self.tr("File")])
        buttons, (self.import_button, self.remove_button) = close_box_with(
            (self.tr("&Import…"), self.import_file), (self.tr("&Remove"), self.remove_selected))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(820, 420)
        self.reload()

    # overridable in tests: the file dialog
    def ask_file(self) -> str:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Import catalogue"), "",
                                              self.tr("Catalogues (*.toml);;All files (*)"))
        return name

    def reload(self) -> None:
        self.table.clear()
        for entry in user_catalogues.kept():
            catalogue = entry.catalogue
            if catalogue is None:
                row = QTreeWidgetItem(self.table, ["—", self.tr("no longer valid: %1").replace("%1", elide(
                    entry.problem)), "", "", entry.path.name])
                row.setToolTip(1, tooltip(entry.problem))
            else:
                missing = len(entry.missing(Language.FR))
                french = self.tr("complete") if not missing else self.tr("%n field(s) missing", "", missing)
                row = QTreeWidgetItem(self.table, [elide(catalogue.id), elide(catalogue.title), str(len(catalogue)),
                                                   french, entry.path.name])
            row.setData(0, Qt.ItemDataRole.UserRole, str(entry.path))
            row.setToolTip(4, tooltip(str(entry.path)))
        for column in range(4):
            self.table.resizeColumnToContents(column)
        self.remove_button.setEnabled(self.table.topLevelItemCount() > 0)

    def import_file(self) -> None:
        name = self.ask_file()
        if name:
            self.import_path(Path(name))

    def import_path(self, path: Path) -> bool:
        """Check the file, keep it and report; True when it was kept."""
        try:
            catalogue, data = user_catalogues.check(path)
        except CatalogueError as exc:
            tell(self, Icon.Warning, self.tr("Catalogue refused"), "\n\n".join([
                str(exc), self.tr("Nothing was imported. Correct the file and import it again.")]))
            return False
        replaced = [k for k in user_catalogues.kept() if k.catalogue is not None and k.catalogue.id == catalogue.id]
        if replaced and not self._replace(catalogue):
            return False
        try:
            kept = user_catalogues.keep(catalogue, data)
        except OSError as exc:
            tell(self, Icon.Critical, self.tr("Catalogue not kept"), fill(
                self.tr("The catalogue is valid but could not be written to %1: %2"), user_catalogues.folder(),
                describe(exc)))
            return False
        self.reload()
        self.report(catalogue.id, catalogue.title, len(catalogue), str(kept),
                    user_catalogues.missing_text(catalogue).get(Language.FR, ()))
        return True

    def _replace(self, catalogue: Catalogue) -> bool:
        """Whether to replace the catalogue of the same id; the person is told which of its requirements this one
        lacks, as the answers recorded against them will count in no figure (and the default is then No)."""
        parts = [fill(self.tr("A catalogue with the id %1 was imported before. Replace it with this file?"),
                      catalogue.id)]
        if lacking := user_catalogues.lacking(catalogue):
            listed = ", ".join(lacking[:LISTED]) + (", …" if len(lacking) > LISTED else "")
            parts.append(fill(self.tr("This file lacks %n requirement(s) of the one it replaces (%1): answers "
                                      "recorded against them in projects stay in the project files but count in no "
                                      "figure or export.", "", len(lacking)), listed))
        return ask(self, self.tr("Replace catalogue?"), "\n\n".join(parts), default_yes=not lacking)

    def report(self, catalogue_id: str, title: str, count: int, where: str, missing: tuple[str, ...]) -> None:
        parts = [fill(self.tr("The catalogue %1 (%2) is valid: %n requirement(s). It was kept as %3.", "", count),
                      catalogue_id, title, where)]
        if missing:
            listed = ", ".join(missing[:LISTED]) + (", …" if len(missing) > LISTED else "")
            parts.append(fill(self.tr("It has no French text for %n field(s), shown in English instead: %1", "",
                                      len(missing)), listed))
        else:
            parts.append(self.tr("Its French text is complete."))
        parts.append(self.tr("To assess a project against it, tick it in that project's Project details."))
        tell(self, Icon.Information, self.tr("Catalogue imported"), "\n\n".join(parts), "\n".join(missing))

    def remove_selected(self) -> None:
        row = self.table.currentItem()
        if row is None:
            return
        path = Path(row.data(0, Qt.ItemDataRole.UserRole))
        if not ask(self, self.tr("Remove catalogue?"), fill(self.tr("Remove %1 from your catalogues?"), path.name),
                   default_yes=False):
            return
        try:
            path.unlink(missing_ok=True)
        except OSError as exc:
            tell(self, Icon.Critical, self.tr("Catalogue not removed"), describe(exc))
        self.reload()
