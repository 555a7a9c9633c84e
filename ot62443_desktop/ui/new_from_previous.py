"""File > New from previous assessment: next year's project, started from last year's file.

The old file is only read. Everything is checked before anything is written, and a refusal
(a missing or damaged file, no right to write the new one, the old file chosen twice) is one
message box that changes nothing: no new file, and the project open in the window stays open.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from ot62443_desktop.storage.reading import PROJECT_SUFFIX
from ot62443_desktop.ui.errors import Icon, describe, show_message
from ot62443_desktop.ui.i18n import fill

if TYPE_CHECKING:
    from ot62443_desktop.api import Project
    from ot62443_desktop.domain.catalogue import CatalogueSet


_YEAR_AT_END = re.compile(r"(?<!\d)(?:19|20)\d\d$")  # 'plant-2025', not 'unit-0042' nor 'line12025'


def _filter() -> str:
    return QCoreApplication.translate("NewFromPrevious", "OT 62443 projects (*.ot62443)")


def suggested_name(previous: Path, today: date) -> Path:
    """Beside the old file, named for this year: 'plant-2025' becomes 'plant-2026', 'plant' 'plant-2026'."""
    stem, year = previous.stem, str(today.year)
    if (found := _YEAR_AT_END.search(stem)) and found[0] != year:
        stem = stem[:found.start()] + year
    elif not stem.endswith(year):
        stem = f"{stem}-{year}"
    candidate = previous.with_name(stem + PROJECT_SUFFIX)
    return candidate if candidate != previous else previous.with_name(f"{stem}-next{PROJECT_SUFFIX}")


def same_file(a: Path, b: Path) -> bool:
    """Whether two paths name one file (a link, '..' or a different spelling of the same path)."""
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and a.samefile(b))
    except OSError:
        return False


class NewFromPrevious(QObject):
    """Asks for the previous assessment and the new file, then creates the new project."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.window = parent

    def ask_previous(self) -> str:
        name, _ = QFileDialog.getOpenFileName(self.window, self.tr("Previous assessment to carry forward"), "",
                                              _filter())
        return name

    def ask_new(self, previous: Path) -> str:
        name, _ = QFileDialog.getSaveFileName(self.window, self.tr("Save the new assessment as"),
                                              str(suggested_name(previous, date.today())), _filter())
        if name and not name.endswith(PROJECT_SUFFIX):
            name += PROJECT_SUFFIX
        return name

    def run(self, catalogues: CatalogueSet) -> Project | None:
        """The new project, open; None when the person cancelled or was told why it cannot be made."""
        previous = self.ask_previous()
        if not previous:
            return None
        new = self.ask_new(Path(previous))
        if not new:
            return None
        if same_file(Path(previous), Path(new)):
            self._refuse(fill(self.tr("%1 is the previous assessment itself. The new assessment goes in a file of "
                                      "its own, so that last time's stays as it was: choose another name."), new))
            return None
        return self._create(Path(previous), Path(new), catalogues)

    def _create(self, previous: Path, new: Path, catalogues: CatalogueSet) -> Project | None:
        from ot62443_desktop.api import carry_forward
        from ot62443_desktop.domain.catalogue_loader import CatalogueError
        from ot62443_desktop.domain.model import ModelError
        from ot62443_desktop.storage import ProjectExistsError, StoreError

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            return carry_forward(previous, new, catalogues=catalogues)
        except ProjectExistsError as exc:
            self._refuse(str(exc) + "\n\n" + self.tr(
                "The new assessment is never written over an existing file: choose a new name."))
        except (StoreError, CatalogueError, ModelError, OSError) as exc:
            self._refuse(describe(exc) if isinstance(exc, OSError) else str(exc))
        finally:
            QApplication.restoreOverrideCursor()
        return None

    def _refuse(self, why: str) -> None:
        show_message(self.window, Icon.Critical, self.tr("Cannot start the new assessment"),
                     why + "\n\n" + self.tr("Nothing was changed."))
