"""Asking for an encrypted project's passphrase, wherever the GUI opens one (SPEC 12.6).

Every way in (File > Open, a recent project, the command line, the start page, recovery from a
backup, last year's file carried forward, another copy to merge) goes through `Unlock.run`: the
store is tried as asked, and while it answers that it needs a passphrase, or that the one typed
does not open the file, the person is asked (again, told why) until it opens or they cancel.
A refusal changes nothing (the store reads and checks before it writes), so asking again is safe.
The key derivation takes about 0.1 s: short enough for the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from ot62443_desktop.storage.errors import PassphraseNeededError, WrongPassphraseError
from ot62443_desktop.ui.i18n import fill

if TYPE_CHECKING:
    from ot62443_desktop.storage import ProjectStore
    from ot62443_desktop.storage.keys import Secret

T = TypeVar("T")


def open_store(path: str, secret: Secret | None) -> ProjectStore:
    """The project at `path`, opened for editing with `secret`. A passphrase that does not open the file but does
    once its header is put back from a backup means the header is damaged (the right passphrase looked wrong):
    told as damage that a backup repairs, so the person is offered recovery instead of being asked again."""
    from ot62443_desktop.storage import ProjectDamagedError, ProjectStore
    from ot62443_desktop.storage.header_repair import repaired_header
    from ot62443_desktop.storage.keys import Unlocker

    try:
        return ProjectStore.open(path, passphrase=secret)
    except WrongPassphraseError:
        if isinstance(secret, str) and repaired_header(Path(path), Unlocker(secret)) is not None:
            raise ProjectDamagedError(f"{path}: its header is damaged; a backup sealed with this passphrase holds "
                                      "a good copy of it", recoverable=True) from None
        raise


class Cancelled(Exception):  # noqa: N818 - not an error: the person chose not to type the passphrase
    """The person cancelled the passphrase dialog: nothing was opened, created or changed."""


class Unlock(QObject):
    """The passphrase of one file, asked when needed and kept for the tries that follow (the same file
    recovered from its backup, then opened, is asked for once)."""

    def __init__(self, parent: QWidget, path: str | Path, *, known: Secret | None = None, copy: bool = False) -> None:
        """`known`: a secret to try before asking (the open project's key, for a copy of it); `copy`: the file
        is another copy of the open project (the prompt says why its passphrase is asked)."""
        super().__init__()  # no parent: it lives as long as the one opening that needs it
        self.window, self.path, self.copy = parent, Path(path), copy
        self.secret: Secret | None = known
        self.known = known
        self.typed = False  # whether `secret` is one the person typed (a wrong one is then said to be wrong)

    def run(self, attempt: Callable[[Secret | None], T], *, ask_first: bool = False) -> T:
        """`attempt` called with the secret known so far (None: none yet), and again with each passphrase
        typed while the store refuses for want of the right one. `ask_first`: the file is known to be
        encrypted, so ask before the first try. Raises Cancelled; any other error of `attempt` goes on."""
        error = ""
        if ask_first and self.secret is None:
            self._ask(error)
        while True:
            try:
                return attempt(self.secret)
            except (PassphraseNeededError, WrongPassphraseError):
                if self.typed:
                    error = self.tr("Wrong passphrase: it does not open this file. Check Caps Lock and the keyboard "
                                    "layout, and try again.")
                self._ask(error)

    def _ask(self, error: str) -> None:
        from ot62443_desktop.ui.passphrase_dialog import Mode, ask_passphrase

        name = self.path.name
        if self.copy and self.known is not None:
            title = self.tr("Other copy encrypted")
            prompt = fill(self.tr("The copy %1 does not open with this project's passphrase: it was given another "
                                  "one. Type that copy's passphrase to read it."), name)
        elif self.copy:
            title = self.tr("Other copy encrypted")
            prompt = fill(self.tr("The copy %1 is encrypted. Type its passphrase to read it."), name)
        else:
            title = self.tr("Encrypted project")
            prompt = fill(self.tr("%1 is encrypted. Type its passphrase to open it."), name)
        typed = ask_passphrase(self.window, Mode.ASK, title, prompt + "\n\n" + fill(self.tr("Folder: %1"),
                                                                                    self.path.parent), error=error)
        if typed is None:
            raise Cancelled
        self.secret, self.typed = typed, True
