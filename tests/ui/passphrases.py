"""Answering the passphrase dialogs as a person would: typed, then Return (or Cancel), one dialog after
another; what each dialog said is recorded, so a test can check that a wrong try was told as such."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from ot62443_desktop.ui.passphrase_dialog import Mode, PassphraseDialog
from tests.ui.conftest import when_dialog_opens

CANCEL = None  # an answer: the Cancel button


@dataclass(frozen=True)
class Asked:
    title: str
    prompt: str
    error: str  # the error line as shown ("" when hidden)
    mode: Mode


@dataclass
class Typist:
    """Types `answers` into the passphrase dialogs that open, in order (twice for a new one); CANCEL clicks
    Cancel. `asked` records each dialog as it was shown."""

    qtbot: QtBot
    answers: list[str | None]
    asked: list[Asked] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.answers:
            when_dialog_opens(self._fill)

    def _fill(self, dialog: QDialog) -> None:
        if not isinstance(dialog, PassphraseDialog):
            dialog.reject()
            raise AssertionError(f"expected the passphrase dialog, got {type(dialog).__name__}")
        prompt = dialog.layout().itemAt(0).widget().text()  # type: ignore[union-attr]
        shown = dialog.error.text() if dialog.error.isVisibleTo(dialog) else ""
        self.asked.append(Asked(dialog.windowTitle(), prompt, shown, dialog.mode))
        answer = self.answers.pop(0)
        if answer is CANCEL:
            buttons = dialog.findChild(QDialogButtonBox)
            self.qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
        else:
            self.qtbot.keyClicks(dialog.entry, answer)
            if dialog.mode is Mode.NEW:
                self.qtbot.keyClick(dialog.entry, Qt.Key.Key_Tab)
                self.qtbot.keyClicks(dialog.confirm, answer)
            self.qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
        if dialog.isVisible():  # not answered (OK disabled?): closed, or the test would hang on it
            dialog.reject()
            raise AssertionError(f"the passphrase dialog did not take {answer!r}")
        if self.answers:  # the next dialog, once this one is gone
            when_dialog_opens(self._fill)

    def done(self) -> bool:
        return not self.answers
