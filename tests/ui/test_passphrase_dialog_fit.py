"""The passphrase dialog is as tall as its wrapped text at its width: a long prompt (the French one lost its
top line) keeps every line, and the room Qt reckoned for a narrower wrap is not left between the field
and the box below it (seen in the screenshots of opening an encrypted project)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from ot62443_desktop.ui.passphrase_dialog import Mode, PassphraseDialog

LONG = ("Excel et LibreOffice Calc demanderont ce mot de passe pour ouvrir le registre. Conservez-le à part du "
        "fichier\u00a0: sans lui, personne ne peut ouvrir le registre, et il ne peut pas être retrouvé.")
OPENING = "waterworks-north.ot62443 is encrypted. Type its passphrase to open it.\n\nFolder: /srv/Assessments/North"


def shown(qtbot: QtBot, mode: Mode, prompt: str, **options: str) -> PassphraseDialog:
    dialog = PassphraseDialog(mode, "Title", prompt, **options)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def whole(label: QLabel) -> bool:
    return label.height() >= label.heightForWidth(label.width())


def prompt_of(dialog: PassphraseDialog) -> QLabel:
    label = dialog.layout().itemAt(0).widget()
    assert isinstance(label, QLabel)
    return label


@pytest.mark.parametrize("mode", [Mode.ASK, Mode.NEW])
def test_a_long_prompt_keeps_every_line(qtbot: QtBot, mode: Mode) -> None:
    dialog = shown(qtbot, mode, LONG)
    assert whole(prompt_of(dialog))
    assert prompt_of(dialog).geometry().bottom() < dialog.entry.geometry().top()


def test_an_error_line_that_comes_while_typing_has_room(qtbot: QtBot) -> None:
    dialog = shown(qtbot, Mode.NEW, LONG)
    qtbot.keyClicks(dialog.entry, "river bend 2026")
    qtbot.keyClicks(dialog.confirm, "river bend 2025")
    assert dialog.error.isVisible() and whole(dialog.error) and whole(prompt_of(dialog))
    assert dialog.error.geometry().bottom() < dialog.ok.parentWidget().geometry().top()


def test_no_gap_between_the_field_and_the_box_below_it(qtbot: QtBot) -> None:
    dialog = shown(qtbot, Mode.ASK, OPENING)
    spacing = dialog.layout().spacing()
    gap = dialog.show_text.geometry().top() - dialog.entry.geometry().bottom()
    assert gap <= 2 * spacing + 2  # the layout's spacing, not the room reckoned for a narrower wrap


def test_the_error_of_a_wrong_try_shows_whole_at_once(qtbot: QtBot) -> None:
    dialog = shown(qtbot, Mode.ASK, OPENING, error="Wrong passphrase: it does not open this file. Check Caps "
                                                  "Lock and the keyboard layout, and try again.")
    assert dialog.error.isVisible() and whole(dialog.error) and whole(prompt_of(dialog))
