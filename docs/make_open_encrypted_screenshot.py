"""Takes docs/screenshots/open-encrypted.png (and open-encrypted-fr.png): the passphrase asked when an
encrypted project is opened, part of it typed; and open-encrypted-wrong.png (-fr): the same dialog
asked again after a wrong try, saying so.

The dialogs are the ones File > Open shows (MainWindow.open_path): each screenshot is grabbed from the
running flow, then the dialog is cancelled, which opens nothing. Run under a virtual display, as
docs/make_screenshots.py: `xvfb-run -s "-screen 0 1400x900x24" python docs/make_open_encrypted_screenshot.py [en|fr]`.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from docs.make_screenshots import save, settle, window_in  # noqa: E402
from ot62443_desktop.domain.language import Language  # noqa: E402

PASSPHRASE = "four random words here"
FOLDER = "Stadtwerke Nordhafen 2026"  # the folder named in the dialog, as a consultant's would be


def sealed_project(folder: Path) -> Path:
    from ot62443_desktop.api import open_project

    path = folder / FOLDER / "waterworks-north.ot62443"
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        with open_project(path, create=True, client="Stadtwerke Nordhafen", site="Waterworks North",
                          passphrase=PASSPHRASE) as project:
            project.add_zone("Z1", "Ozone treatment", 2)
    return path


def take(app: QApplication, language: Language, folder: Path) -> None:
    from PySide6.QtTest import QTest

    from ot62443_desktop.ui import i18n
    from ot62443_desktop.ui.passphrase_dialog import PassphraseDialog

    window = window_in(app, language)
    suffix = "" if language is Language.EN else f"-{language.value}"
    steps = ["first", "wrong"]

    def answer() -> None:
        dialog = app.activeModalWidget()
        if not isinstance(dialog, PassphraseDialog) or not dialog.isVisible():
            QTimer.singleShot(20, answer)
            return
        step = steps.pop(0)
        if step == "first":  # part typed, as it looks while the person types; then a typo sent
            QTest.keyClicks(dialog.entry, PASSPHRASE[:9])
            settle(app)
            save(dialog, f"open-encrypted{suffix}")
            QTest.keyClicks(dialog.entry, "random words hear")
            dialog.accept()
            QTimer.singleShot(20, answer)
        else:  # asked again, as shown: the typo told
            settle(app)
            save(dialog, f"open-encrypted-wrong{suffix}")
            dialog.reject()

    QTimer.singleShot(0, answer)
    assert not window.open_path(str(sealed_project(folder)))  # cancelled once the pictures are taken
    assert not steps
    window.close()
    i18n.remove_translations(app)


if __name__ == "__main__":
    os.environ.setdefault("OT62443_DATA_DIR", tempfile.mkdtemp(prefix="ot62443-shots-"))
    application = QApplication(sys.argv[:1])
    home = Path(tempfile.gettempdir()) / "Assessments"  # the folder line reads like a consultant's, no random name
    try:
        for code in sys.argv[1:] or [language.value for language in Language]:
            take(application, Language(code), home)
    finally:
        shutil.rmtree(home / FOLDER, ignore_errors=True)
        with contextlib.suppress(OSError):
            home.rmdir()  # only if nothing else is in it
