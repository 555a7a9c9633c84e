"""Asking for a password or passphrase: once (to open something), or new with confirmation (to protect it).

A new one is typed twice, with a short strength hint from its length and the kinds of character it
mixes, and OK stays disabled until both entries match (and any rule of the caller is met): a typo
would lock the consultant out of their own file for good, since nothing can recover it.
"""

from __future__ import annotations

import enum
import itertools
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QCheckBox, QDialogButtonBox, QLabel, QLineEdit, QPushButton, QWidget

from ot62443_desktop.exports.protect import has_control
from ot62443_desktop.ui.form_dialog import FormDialog

# A rule of the caller: what is wrong with the text typed, in the person's words, or "" when nothing is.
Check = Callable[[str], str]


PROMPT_GAP = 6  # px between the prompt and the first field


class Mode(enum.Enum):
    ASK = "ask"  # once: opening something already protected
    NEW = "new"  # twice, with a strength hint: protecting something


class Strength(enum.IntEnum):
    WEAK = 0
    FAIR = 1
    STRONG = 2


def kinds_of_character(text: str) -> int:
    """How many of lower case, upper case, digits and other signs (spaces, punctuation, ...) `text` mixes."""
    tests: tuple[Callable[[str], bool], ...] = (str.islower, str.isupper, str.isdigit,
                                                lambda char: not char.isalnum())
    return sum(any(test(char) for char in text) for test in tests)


def strength(text: str) -> Strength:
    """A rough guide, not a measure: long beats clever, and a phrase of several words is long."""
    length, kinds = len(text), kinds_of_character(text)
    if length >= 16 or (length >= 12 and kinds >= 3):
        return Strength.STRONG
    if length >= 10 or (length >= 8 and kinds >= 3):
        return Strength.FAIR
    return Strength.WEAK


class PassphraseDialog(FormDialog):
    def __init__(self, mode: Mode, title: str, prompt: str, parent: QWidget | None = None, *,
                 labels: tuple[str, str] | None = None, check: Check | None = None, error: str = "") -> None:
        """`labels`: the two fields' labels (default: passphrase / confirm); `check`: a rule of the caller's;
        `error`: why the last try failed (a wrong passphrase), shown at once."""
        super().__init__(title, parent)
        self.mode, self.check = mode, check
        first, second = labels or (self.tr("&Passphrase:"), self.tr("&Confirm:"))
        self.entry = self._field()
        self.form.addRow(first, self.entry)
        self.confirm = self._field()
        self.hint = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText,
                           alignment=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.show_text = QCheckBox(self.tr("&Show the characters"))
        self.show_text.toggled.connect(self._show_characters)
        # wrapped text goes above and below the form, not in a form row, which keeps the height of its first
        # layout: a longer translation lost lines. The hint has room for three lines, so it never jumps.
        layout = self.layout()
        said = QLabel(prompt, wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        said.setContentsMargins(0, 0, 0, PROMPT_GAP)  # the prompt's last line apart from the first field
        layout.insertWidget(0, said)
        layout.insertWidget(2, self.hint)
        layout.insertWidget(3, self.show_text)
        layout.insertStretch(layout.count() - 1)  # room left over goes above the buttons, not between the fields
        self.hint.setMinimumHeight(3 * self.hint.fontMetrics().lineSpacing())
        fields = [self.entry]
        if mode is Mode.NEW:
            self.form.addRow(second, self.confirm)
            fields.append(self.confirm)
        else:  # kept (hidden) so the dialog has one shape for both modes
            self.confirm.setParent(self)
            self.confirm.hide()
            self.hint.hide()
        buttons = self.findChild(QDialogButtonBox)
        self.ok: QPushButton = buttons.button(QDialogButtonBox.StandardButton.Ok)
        # the buttons were made first (FormDialog): the fields come first when the person types or tabs
        for before, after in itertools.pairwise([*fields, self.show_text, buttons]):
            QWidget.setTabOrder(before, after)
        self.entry.setFocus()
        self.setMinimumWidth(420)
        if error:
            self.fail(error)
        self._update()

    def _field(self) -> QLineEdit:
        field = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        field.textChanged.connect(self._update)
        return field

    def passphrase(self) -> str:
        return self.entry.text()

    def fail(self, message: str) -> None:
        """As FormDialog's; the error line's room is then kept when it hides again (the person types anew):
        else the form took it and the fields moved apart."""
        super().fail(message)
        policy = self.error.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.error.setSizePolicy(policy)
        self._fit(grow_only=True)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        self._fit()

    def _fit(self, *, grow_only: bool = False) -> None:
        """As tall as the wrapped text needs at the dialog's width. Qt sizes a window from its text wrapped
        at the narrowest width and does not follow when it wraps wider (or an error line comes): the French
        prompt lost its top line, and a dialog was left with a gap between its fields."""
        if not self.isVisible():
            return
        needed = self.heightForWidth(self.width())
        if needed > self.height() or (needed > 0 and not grow_only):
            self.resize(self.width(), needed)

    def _show_characters(self, shown: bool) -> None:
        echo = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.entry.setEchoMode(echo)
        self.confirm.setEchoMode(echo)

    def _update(self) -> None:
        text = self.entry.text()
        problem = self.check(text) if self.check is not None and text else ""
        if self.mode is Mode.NEW:
            self.hint.setText(self._hint(text))
            if not problem and has_control(text):  # pasted with it: nobody could type it where it is asked
                problem = self.tr("It holds a control character (a tab or a line break, pasted with it?), "
                                  "which nobody can type where it is asked for.")
            if not problem and self.confirm.text() and self.confirm.text() != text:
                problem = self.tr("The two entries differ.")
        if problem:
            self.fail(problem)
        elif text or self.confirm.text():  # why the last try failed is forgotten once the person types again
            self.error.clear()
            self.error.hide()
        matched = self.mode is Mode.ASK or self.confirm.text() == text
        self.ok.setEnabled(bool(text) and matched and not problem)

    def _hint(self, text: str) -> str:
        if not text:
            return ""
        return {
            Strength.WEAK: self.tr("Strength: weak. Use 12 or more characters mixing letters, digits and signs, "
                                   "or a phrase of several words."),
            Strength.FAIR: self.tr("Strength: fair. Longer is stronger: 16 or more characters, or 12 mixing "
                                   "letters, digits and signs."),
            Strength.STRONG: self.tr("Strength: strong."),
        }[strength(text)]


    def ask(self) -> str | None:
        """Show the dialog until the person is done: the passphrase typed, or None if they cancelled.
        The fields are emptied and the dialog deleted afterwards."""
        try:
            return self.passphrase() if self.exec() else None
        finally:
            self.entry.clear()
            self.confirm.clear()
            self.deleteLater()


def ask_passphrase(parent: QWidget | None, mode: Mode, title: str, prompt: str, *,
                   labels: tuple[str, str] | None = None, check: Check | None = None, error: str = "") -> str | None:
    """The passphrase typed, or None if the person cancelled."""
    return PassphraseDialog(mode, title, prompt, parent, labels=labels, check=check, error=error).ask()
