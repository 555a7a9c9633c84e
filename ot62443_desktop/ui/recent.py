"""Recent projects: one list, shown on the start page and in File > Open recent.

A project that is not where it was (a USB stick not plugged in, a file moved) stays listed,
greyed, so that it is back once the stick is; opening one that went missing since the list
was drawn says so and takes it off the list. A path on a network share is listed without
being looked at (ui/local_files.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import QCoreApplication, QSettings, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from ot62443_desktop.paths import data_dir
from ot62443_desktop.ui import local_files
from ot62443_desktop.ui.plain_text import elide, tooltip

MAX_RECENT = 8
KEY = "recent"
translate = QCoreApplication.translate


class Entry(NamedTuple):
    path: str
    present: bool | None  # None: a network path, not looked at

    @property
    def missing(self) -> bool:
        return self.present is False

    def label(self) -> str:
        """"plant.ot62443    (/home/me/audits)", cut short for a menu or a list."""
        return f"{elide(Path(self.path).name)}    ({elide(str(Path(self.path).parent))})"


class RecentProjects:
    """The list kept in the settings file, most recent first."""

    def __init__(self, settings: QSettings) -> None:
        self.settings = settings

    def stored(self) -> list[str]:
        value = self.settings.value(KEY, [])
        listed = [value] if isinstance(value, str) else value if isinstance(value, list) else []
        return [p for p in listed if isinstance(p, str) and p]  # a damaged settings file lists nothing

    def entries(self) -> list[Entry]:
        return [Entry(path, local_files.present(path)) for path in self.stored()]

    def add(self, path: str) -> None:
        resolved = str(Path(path).resolve())
        if resolved.startswith(str((data_dir() / "demo").resolve())):
            return  # demo copies are throwaway
        self._store([resolved] + [p for p in self.stored() if p != resolved])

    def remove(self, path: str) -> None:
        self._store([p for p in self.stored() if p != path])

    def clear(self) -> None:
        self._store([])

    def _store(self, paths: list[str]) -> None:
        self.settings.setValue(KEY, paths[:MAX_RECENT])


class RecentMenu(QMenu):
    """File > Open recent: filled from the list each time it opens."""

    chosen = Signal(str)
    cleared = Signal()

    def __init__(self, recent: RecentProjects, parent: QWidget | None = None) -> None:
        super().__init__(translate("RecentMenu", "Open recen&t"), parent)
        self.recent = recent
        self.setToolTipsVisible(True)  # the whole path of each
        self.aboutToShow.connect(self.refill)

    def refill(self) -> None:
        self.clear()
        entries = self.recent.entries()
        for number, entry in enumerate(entries, 1):
            text = entry.label().replace("&", "&&")
            action = QAction(f"&{number}  {text}" if number < 10 else text, self)
            action.setData(entry.path)
            action.setToolTip(tooltip(entry.path))
            if entry.missing:
                action.setEnabled(False)
                action.setText(action.text() + "  " + translate("RecentMenu", "(not found)"))
            action.triggered.connect(lambda _=False, path=entry.path: self.chosen.emit(path))
            self.addAction(action)
        if not entries:
            self.addAction(translate("RecentMenu", "No recent projects")).setEnabled(False)
            return
        self.addSeparator()
        self.addAction(translate("RecentMenu", "&Clear this list"), self.cleared.emit)
