"""Takes the README screenshots of the walkthrough, dashboard and remediation plan, in English and French.

Run under a real (virtual) display: `xvfb-run -s "-screen 0 1400x900x24" python docs/make_screenshots.py [en|fr]`
(no argument: both). The French ones are `*-fr.png`; the French translation is compiled from its .ts first,
so the pictures show today's words even in a checkout that was not rebuilt.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from ot62443_desktop.domain.language import Language

if TYPE_CHECKING:
    from ot62443_desktop.ui.main_window import MainWindow

OUT = Path(__file__).parent / "screenshots"
ROOT = Path(__file__).resolve().parent.parent
SHOTS = {"walkthrough": 1, "dashboard": 2, "remediation-plan": 3}


def compiled_translations() -> Path:
    """The .ts files compiled into a scratch folder, as the build does."""
    folder = Path(tempfile.mkdtemp(prefix="ot62443-qm-"))
    for ts in (ROOT / "resources" / "translations").glob("*.ts"):
        subprocess.run(["pyside6-lrelease", "-silent", str(ts), "-qm", str(folder / ts.with_suffix(".qm").name)],
                       check=True)
    return folder


def window_in(app: QApplication, language: Language) -> MainWindow:
    """The main window at the screenshots' size, speaking `language` (remove_translations undoes it)."""
    from ot62443_desktop.ui import i18n
    from ot62443_desktop.ui.main_window import MainWindow

    folder = compiled_translations()
    i18n.translations_dir = lambda: folder  # type: ignore[assignment]
    assert i18n.install_translations(app, language) is language
    window = MainWindow()
    window.resize(1360, 860)
    window.show()
    return window


def take(app: QApplication, language: Language) -> None:
    from ot62443_desktop.ui import i18n

    window = window_in(app, language)
    window.open_demo()
    assert window.view is not None
    walkthrough = window.view.walkthrough
    window.show_tab(1)
    walkthrough.select("SCADA", "SR 1.1")
    walkthrough.tree.expandAll()
    walkthrough.select("SCADA", "SR 1.1")
    suffix = "" if language is Language.EN else f"-{language.value}"
    for name, tab in SHOTS.items():
        window.show_tab(tab)
        if tab == 2:
            window.view.dashboard.zone_table.selectRow(1)
        for _ in range(5):
            app.processEvents()
        path = OUT / f"{name}{suffix}.png"
        window.grab().save(str(path))
        print(path)
    window.close()
    i18n.remove_translations(app)


def main(shoot: Callable[[QApplication, Language], None] = take) -> None:
    """Take the pictures (`shoot`) in each language named on the command line, or in every one."""
    os.environ.setdefault("OT62443_DATA_DIR", tempfile.mkdtemp(prefix="ot62443-shots-"))
    app = QApplication(sys.argv[:1])
    languages = [Language(code) for code in sys.argv[1:]] or list(Language)
    for language in languages:
        shoot(app, language)


if __name__ == "__main__":
    main()
