"""Takes docs/screenshots/passphrase-dialog.png (and passphrase-dialog-fr.png): the password asked when the
Excel register is exported "encrypted with a password", typed twice, with its strength hint.

The dialog is the one File > Export shows (Transfer.password_dialog), typed into as a person would.
Run under a virtual display, as docs/make_screenshots.py:
`xvfb-run -s "-screen 0 1400x900x24" python docs/make_passphrase_screenshot.py [en|fr]`.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from docs.make_screenshots import OUT, each_language, settle, window_in  # noqa: E402
from ot62443_desktop.domain.language import Language  # noqa: E402

TYPED = "riverbend26"  # fair: the hint says how to make it stronger


def take(app: QApplication, language: Language) -> None:
    from PySide6.QtTest import QTest

    from ot62443_desktop.ui import i18n

    window = window_in(app, language)
    window.open_demo()
    dialog = window.transfer.password_dialog("xlsx")
    dialog.show()
    for field in (dialog.entry, dialog.confirm):
        QTest.keyClicks(field, TYPED)
    settle(app)
    assert dialog.ok.isEnabled()
    path = OUT / ("passphrase-dialog.png" if language is Language.EN else f"passphrase-dialog-{language.value}.png")
    dialog.grab().save(str(path))
    print(path)
    dialog.reject()
    window.close()
    i18n.remove_translations(app)


if __name__ == "__main__":
    each_language(take)
