"""The passphrase dialog, used as a person would: typed twice with a strength hint to protect something,
once to open it; OK only when both entries match and the caller's rule is met."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from ot62443_desktop.ui.passphrase_dialog import Mode, PassphraseDialog, Strength, ask_passphrase, strength
from tests.ui.conftest import when_dialog_opens


def new_dialog(qtbot: QtBot, **options: Any) -> PassphraseDialog:
    dialog = PassphraseDialog(Mode.NEW, "Encrypt the register", "Excel will ask for this password.", **options)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.entry.hasFocus)
    return dialog


def shown(widget: QWidget) -> bool:
    return widget.isVisibleTo(widget.window())


def test_a_new_passphrase_is_typed_twice_and_ok_waits_for_both_to_match(qtbot: QtBot) -> None:
    dialog = new_dialog(qtbot)
    assert not dialog.ok.isEnabled()
    qtbot.keyClicks(dialog.entry, "river bend 2026")
    assert not dialog.ok.isEnabled()  # not confirmed yet
    qtbot.keyClick(dialog.entry, Qt.Key.Key_Tab)
    assert dialog.confirm.hasFocus()
    qtbot.keyClicks(dialog.confirm, "river bend 2025")
    assert shown(dialog.error) and dialog.error.text() == "The two entries differ."
    assert not dialog.ok.isEnabled()
    qtbot.keyClick(dialog.confirm, Qt.Key.Key_Backspace)
    qtbot.keyClicks(dialog.confirm, "6")
    assert not shown(dialog.error) and dialog.ok.isEnabled()
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.confirm, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.passphrase() == "river bend 2026"


def test_the_entries_are_hidden_unless_the_person_asks_to_see_them(qtbot: QtBot) -> None:
    dialog = new_dialog(qtbot)
    assert dialog.entry.echoMode() == dialog.confirm.echoMode() == QLineEdit.EchoMode.Password
    dialog.show_text.click()
    assert dialog.entry.echoMode() == dialog.confirm.echoMode() == QLineEdit.EchoMode.Normal
    dialog.show_text.click()
    assert dialog.entry.echoMode() == QLineEdit.EchoMode.Password


def test_the_strength_hint_follows_what_is_typed(qtbot: QtBot) -> None:
    dialog = new_dialog(qtbot)
    assert dialog.hint.text() == ""
    qtbot.keyClicks(dialog.entry, "abc123")
    assert dialog.hint.text().startswith("Strength: weak. Use 12 or more characters")
    qtbot.keyClicks(dialog.entry, "Xyz!")
    assert dialog.hint.text().startswith("Strength: fair.")
    qtbot.keyClicks(dialog.entry, "-more")
    assert dialog.hint.text() == "Strength: strong."
    assert dialog.ok.isEnabled() is False  # a strong passphrase still has to be confirmed


@pytest.mark.parametrize(("text", "expected"), [
    ("", Strength.WEAK), ("password", Strength.WEAK), ("Pa55word", Strength.FAIR), ("riverbend1", Strength.FAIR),
    ("Pa55word-Riv", Strength.STRONG), ("correct horse battery", Strength.STRONG), ("aaaaaaaaaaaaaaa", Strength.FAIR),
])
def test_strength_is_length_first_then_the_kinds_of_character(text: str, expected: Strength) -> None:
    assert strength(text) is expected


def test_a_rule_of_the_caller_is_shown_and_keeps_ok_disabled(qtbot: QtBot) -> None:
    dialog = new_dialog(qtbot, check=lambda text: "ASCII only." if not text.isascii() else "")
    for field in (dialog.entry, dialog.confirm):  # QTest types ASCII only: "é" comes as an input method gives it
        qtbot.keyClicks(field, "s")
        field.insert("é")
        qtbot.keyClicks(field, "curite")
    assert dialog.error.text() == "ASCII only." and not dialog.ok.isEnabled()
    dialog.entry.clear()
    dialog.confirm.clear()
    qtbot.keyClicks(dialog.entry, "securite")
    qtbot.keyClicks(dialog.confirm, "securite")
    assert not shown(dialog.error) and dialog.ok.isEnabled()


def test_asking_once_has_one_field_and_shows_why_the_last_try_failed(qtbot: QtBot) -> None:
    dialog = PassphraseDialog(Mode.ASK, "Open project", "plant.ot62443 is encrypted.",
                              error="Wrong passphrase; try again.")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert not shown(dialog.confirm) and not shown(dialog.hint)
    assert shown(dialog.error) and dialog.error.text() == "Wrong passphrase; try again."
    assert not dialog.ok.isEnabled()
    qtbot.keyClicks(dialog.entry, "x")
    assert not shown(dialog.error) and dialog.ok.isEnabled()  # no confirmation when opening


def test_ask_passphrase_returns_what_was_typed_or_none_on_cancel(qtbot: QtBot) -> None:
    def type_and_accept(dialog: QDialog) -> None:
        assert isinstance(dialog, PassphraseDialog)
        qtbot.keyClicks(dialog.entry, "open sesame")
        qtbot.keyClick(dialog.entry, Qt.Key.Key_Return)

    when_dialog_opens(type_and_accept)
    assert ask_passphrase(None, Mode.ASK, "Open", "Encrypted.") == "open sesame"

    when_dialog_opens(lambda dialog: qtbot.keyClick(dialog, Qt.Key.Key_Escape))
    assert ask_passphrase(None, Mode.NEW, "Protect", "Type it twice.") is None


@pytest.mark.parametrize("pasted", ["\r", "\t", "\x00"])
def test_a_pasted_control_character_is_refused_in_a_new_passphrase(qtbot: QtBot, pasted: str) -> None:
    """A carriage return or tab pasted with a password would seal a file nobody can type the password of."""
    dialog = new_dialog(qtbot)
    for field in (dialog.entry, dialog.confirm):
        qtbot.keyClicks(field, "long enough words")
        field.insert(pasted)
    assert "control character" in dialog.error.text() and not dialog.ok.isEnabled()
