"""Message boxes as the person would see them: recorded instead of waiting on screen.

`Boxes(monkeypatch)` replaces QMessageBox.open and exec (and the static shortcuts), records
what each box says and how (plain text or not), and answers a question by clicking the
button a test chose, or the box's default button. Create it from an autouse fixture, so the
patches outlive the window (pytest-qt closes windows before fixtures are torn down).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

Button = QMessageBox.StandardButton


@dataclass(frozen=True)
class Shown:
    title: str
    text: str
    details: str
    plain: bool
    icon: QMessageBox.Icon
    waited: bool  # exec (the program waited for an answer) rather than open

    def __contains__(self, part: str) -> bool:
        return part in self.text


class Boxes:
    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.shown: list[Shown] = []
        self.answers: list[Button] = []  # the next questions' answers, in order; else the default button
        monkeypatch.setattr(QMessageBox, "open", lambda box: self._open(box))
        monkeypatch.setattr(QMessageBox, "exec", lambda box: self._exec(box))
        for name in ("critical", "information", "warning", "question"):
            monkeypatch.setattr(QMessageBox, name, self._static(name))

    def _record(self, box: QMessageBox, waited: bool) -> None:
        self.shown.append(Shown(box.windowTitle(), box.text(), box.detailedText(),
                                box.textFormat() == Qt.TextFormat.PlainText, box.icon(), waited))

    def _open(self, box: QMessageBox) -> None:
        self._record(box, waited=False)

    def _exec(self, box: QMessageBox) -> int:
        self._record(box, waited=True)
        wanted = self.answers.pop(0) if self.answers else None
        button = box.button(wanted) if wanted is not None else box.defaultButton()
        if button is None:
            button = box.buttons()[0]
        button.click()
        return int(box.standardButton(button).value)

    def _static(self, name: str) -> Any:
        icons = {"critical": QMessageBox.Icon.Critical, "information": QMessageBox.Icon.Information,
                 "warning": QMessageBox.Icon.Warning, "question": QMessageBox.Icon.Question}

        def shortcut(_parent: Any, title: str, text: str, *_args: Any) -> Button:
            # Qt's static boxes guess the format (AutoText): text that looks like markup is rendered
            self.shown.append(Shown(title, text, "", False, icons[name], waited=True))
            return self.answers.pop(0) if self.answers else Button.Ok
        return staticmethod(shortcut)

    def last(self) -> Shown:
        assert self.shown, "no message box was shown"
        return self.shown[-1]
