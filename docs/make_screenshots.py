"""Takes the README screenshots of the walkthrough, dashboard and remediation plan, in English and French,
the walkthrough and dashboard in a dark palette, and the About dialog and keyboard reference.

Run under a real (virtual) display: `xvfb-run -s "-screen 0 1400x900x24" python docs/make_screenshots.py [en|fr]`
(no argument: both). The French ones are `*-fr.png`, the dark ones `*-dark.png` (made with the English run);
the French translation is compiled from its .ts first, so the pictures show today's words even in a checkout
that was not rebuilt.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QWidget

from ot62443_desktop.domain.language import Language

if TYPE_CHECKING:
    from ot62443_desktop.ui.main_window import MainWindow

OUT = Path(__file__).parent / "screenshots"
ROOT = Path(__file__).resolve().parent.parent
SHOTS = {"walkthrough": 1, "dashboard": 2, "remediation-plan": 3}
DARK_SHOTS = {"walkthrough": 1, "dashboard": 2}


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


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def save(widget: QWidget, name: str) -> None:
    path = OUT / f"{name}.png"
    widget.grab().save(str(path))
    print(path)


def take(app: QApplication, language: Language, shots: dict[str, int] = SHOTS, suffix: str | None = None) -> None:
    from ot62443_desktop.ui import i18n

    window = window_in(app, language)
    window.open_demo()
    assert window.view is not None
    walkthrough = window.view.walkthrough
    window.show_tab(1)
    walkthrough.select("SCADA", "SR 1.1")
    walkthrough.tree.expandAll()
    walkthrough.select("SCADA", "SR 1.1")
    if suffix is None:
        suffix = "" if language is Language.EN else f"-{language.value}"
    for name, tab in shots.items():
        window.show_tab(tab)
        if tab == 2:
            window.view.dashboard.zone_table.selectRow(1)
        settle(app)
        save(window, f"{name}{suffix}")
    if suffix == "":
        take_dialogs(app, window)
    window.close()
    i18n.remove_translations(app)


def take_dialogs(app: QApplication, window: MainWindow) -> None:
    """Help > About and the keyboard reference (F1), as they open over the window."""
    from ot62443_desktop.ui.about import AboutDialog

    about = AboutDialog(window)
    about.show()
    settle(app)
    save(about, "about")
    about.close()
    window.show_keyboard_help()
    settle(app)
    assert window.keyboard_help is not None
    save(window.keyboard_help, "keyboard-reference")
    window.keyboard_help.close()


def take_dark(app: QApplication) -> None:
    """The walkthrough and dashboard as the system's dark mode shows them."""
    from ot62443_desktop.ui.theme import dark_palette

    light = QPalette(app.palette())
    app.setPalette(dark_palette())
    take(app, Language.EN, DARK_SHOTS, "-dark")
    app.setPalette(light)


def each_language(take: Callable[[QApplication, Language], None]) -> None:
    """Run `take` in every language (or those named on the command line) with a data folder of its own."""
    os.environ.setdefault("OT62443_DATA_DIR", tempfile.mkdtemp(prefix="ot62443-shots-"))
    application = QApplication(sys.argv[:1])
    for code in sys.argv[1:] or [language.value for language in Language]:
        take(application, Language(code))


def main() -> None:
    os.environ.setdefault("OT62443_DATA_DIR", tempfile.mkdtemp(prefix="ot62443-shots-"))
    app = QApplication(sys.argv[:1])
    languages = [Language(code) for code in sys.argv[1:]] or list(Language)
    for language in languages:
        take(app, language)
        if language is Language.EN:
            take_dark(app)


if __name__ == "__main__":
    main()
