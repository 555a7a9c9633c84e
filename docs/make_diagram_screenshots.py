"""Takes the screenshots of the Diagram tab: the demo project in English and French, and the 100-zone demo
(docs/screenshots/diagram.png, diagram-fr.png, diagram-100.png).

Run under a real (virtual) display, as docs/make_screenshots.py:
`xvfb-run -s "-screen 0 1400x900x24" python docs/make_diagram_screenshots.py [en|fr]` (no argument: both).
In the demo shots the first design check is selected, as a consultant clicking it would leave it: the list
and the box it points to are highlighted together.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from docs.make_screenshots import OUT, window_in  # noqa: E402
from ot62443_desktop.domain.language import Language  # noqa: E402


def shoot(app: QApplication, language: Language, zones: int, name: str) -> None:
    from ot62443_desktop.demo import write_demo
    from ot62443_desktop.ui import i18n

    window = window_in(app, language)
    path = Path(tempfile.mkdtemp(prefix="ot62443-diagram-")) / "northfield.ot62443"
    write_demo(path, zones=zones)
    assert window.open_path(str(path)) and window.view is not None
    window.show_tab(5)
    diagram = window.view.diagram
    for _ in range(5):
        app.processEvents()
    if zones <= 12 and diagram.findings.rowCount():
        diagram.checks.selectRow(0)
    for _ in range(5):
        app.processEvents()
    target = OUT / f"{name}.png"
    window.grab().save(str(target))
    print(target)
    window.close()
    i18n.remove_translations(app)


def main() -> None:
    os.environ.setdefault("OT62443_DATA_DIR", tempfile.mkdtemp(prefix="ot62443-shots-"))
    app = QApplication(sys.argv[:1])
    languages = [Language(code) for code in sys.argv[1:]] or list(Language)
    for language in languages:
        suffix = "" if language is Language.EN else f"-{language.value}"
        shoot(app, language, 12, f"diagram{suffix}")
        if language is Language.EN:
            shoot(app, language, 100, "diagram-100")


if __name__ == "__main__":
    main()
