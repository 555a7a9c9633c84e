"""File > New from previous assessment: next year's project, started from last year's file.

The old file is only read. Everything is checked before anything is written, and a refusal
(a missing or damaged file, no right to write the new one, the old file chosen twice) is one
message box that changes nothing: no new file, and the project open in the window stays open.
An encrypted previous assessment is opened with its passphrase (asked), and the new one is
encrypted too, with the same passphrase or one of its own: last time's answers travel inside it.
"""

from __future__ import annotations

import enum
import re
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from ot62443_desktop.storage.reading import PROJECT_SUFFIX
from ot62443_desktop.ui.errors import Icon, choose, describe, show_message
from ot62443_desktop.ui.i18n import fill

if TYPE_CHECKING:
    from ot62443_desktop.api import Project
    from ot62443_desktop.domain.catalogue import CatalogueSet
    from ot62443_desktop.storage.keys import Secret
    from ot62443_desktop.storage.sealed import Key


class Sealing(enum.Enum):
    """How the new assessment of an encrypted project is encrypted."""

    SAME = "same"  # with the previous one's passphrase
    OWN = "own"  # with one of its own


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

    def ask_sealing(self, previous: str) -> Sealing | None:
        """How the new assessment of an encrypted one is encrypted; None if the person cancelled."""
        return choose(self.window, Icon.Question, self.tr("Encrypt the new assessment"), fill(self.tr(
            "%1 is encrypted, so the new assessment is encrypted too: last time's answers travel inside it. Keep "
            "the same passphrase, or give the new assessment one of its own?"), previous),
            [(self.tr("&Same passphrase"), Sealing.SAME), (self.tr("&New passphrase…"), Sealing.OWN)])

    def run(self, catalogues: CatalogueSet) -> Project | None:
        """The new project, open; None when the person cancelled or was told why it cannot be made."""
        from ot62443_desktop.ui.unlock import Cancelled

        previous = self.ask_previous()
        if not previous:
            return None
        try:
            key = self._previous_key(Path(previous))
            new = self.ask_new(Path(previous))
            if not new:
                return None
            if same_file(Path(previous), Path(new)):
                self._refuse(fill(self.tr("%1 is the previous assessment itself. The new assessment goes in a file "
                                          "of its own, so that last time's stays as it was: choose another name."),
                                  new))
                return None
            new_passphrase = self._new_passphrase(Path(previous), Path(new)) if key is not None else None
        except Cancelled:
            return None
        return self._create(Path(previous), Path(new), catalogues, key, new_passphrase)

    def _previous_key(self, previous: Path) -> Key | None:
        """The key of an encrypted previous assessment, its passphrase asked until it opens (Cancelled if the
        person gives up); None for a plain one, or one that cannot be read (creating it says why)."""
        from ot62443_desktop.storage import ProjectStore, StoreError, is_encrypted
        from ot62443_desktop.ui.unlock import Unlock

        if not is_encrypted(previous):
            return None

        def opened(secret: Secret | None) -> Key | None:
            with ProjectStore.open(previous, read_only=True, passphrase=secret) as old:
                return old.key

        try:
            return Unlock(self.window, previous).run(opened, ask_first=True)
        except StoreError:
            return None

    def _new_passphrase(self, previous: Path, new: Path) -> str | None:
        """None: the new assessment keeps the previous one's passphrase; else the one of its own, typed twice."""
        from ot62443_desktop.ui.protection import ask_new_passphrase
        from ot62443_desktop.ui.unlock import Cancelled

        sealing = self.ask_sealing(previous.name)
        if sealing is None:
            raise Cancelled
        if sealing is Sealing.SAME:
            return None
        passphrase = ask_new_passphrase(self.window, self.tr("Encrypt the new assessment"), new.name)
        if passphrase is None:
            raise Cancelled
        return passphrase

    def _create(self, previous: Path, new: Path, catalogues: CatalogueSet, key: Key | None = None,
                new_passphrase: str | None = None) -> Project | None:
        from ot62443_desktop.api import carry_forward
        from ot62443_desktop.domain.catalogue_loader import CatalogueError
        from ot62443_desktop.domain.model import ModelError
        from ot62443_desktop.storage import ProjectExistsError, StoreError

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            return carry_forward(previous, new, catalogues=catalogues, passphrase=key, new_passphrase=new_passphrase)
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
