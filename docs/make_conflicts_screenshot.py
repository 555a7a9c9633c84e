"""Takes docs/screenshots/conflicts.png (and conflicts-fr.png): the Conflicts tab after merging two work
packages of the demo back, with the status bar's count.

The demo is split into two work packages (both with the site program), each answered as two consultants
would, one answer differently on both; both are merged back through the GUI's own merge. Run under a
virtual display: `xvfb-run -s "-screen 0 1400x900x24" python docs/make_conflicts_screenshot.py [en|fr]`.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from docs.make_screenshots import OUT, each_language, window_in  # noqa: E402
from ot62443_desktop.domain.language import Language  # noqa: E402

ANSWERS = [  # (package, scope, requirement, status, notes, maturity)
    (1, "SCADA", "SR 1.1", "implemented", "Individual accounts on every SCADA server since the 2025 upgrade.", None),
    (1, "site", "ORG 1.1", "partial", "Policy approved by the plant manager, not yet communicated to shifts.", 2),
    (2, "SIS", "SR 1.1", "not_implemented", "The SIS vendor's engineering account is shared and never expires.",
     None),
    (2, "site", "ORG 1.1", "implemented", "Policy signed, and every shift was trained in March (sign-in sheets "
                                          "seen).", 3),
    (2, "SCADA", "SR 1.1", "partial", "Two historian servers still use the shared 'operator' account.", None),
]


def packages(folder: Path) -> tuple[Path, list[Path]]:
    from ot62443_desktop.api import open_project, split_project
    from ot62443_desktop.demo import write_demo

    plant = folder / "north-works.ot62443"
    write_demo(plant, zones=6)
    made = []
    for n, zones in ((1, ["SCADA", "HMI"]), (2, ["SIS", "ENG", "SCADA"])):
        path = folder / f"package-{n}" / "north-works.ot62443"
        path.parent.mkdir()
        split_project(plant, zones, path, site=True).close()
        with open_project(path) as package:
            for number, scope, req, status, notes, ml in ANSWERS:
                if number == n:
                    package.set_answer(scope, req, status, notes=notes, ml=ml)
        made.append(path)
    return plant, made


def take(app: QApplication, language: Language) -> None:
    from ot62443_desktop.ui import i18n

    folder = Path(tempfile.mkdtemp(prefix="ot62443-conflicts-"))
    plant, made = packages(folder)
    window = window_in(app, language)
    assert window.open_path(str(plant)) and window.session is not None
    window.runner.synchronous = True
    for path in made:
        window.team.ask_other = lambda p=path: str(p)  # type: ignore[method-assign]
        window.team.confirm = lambda text: True  # type: ignore[method-assign]
        window.team.merge(window.session)
    assert window.view is not None and window.session.conflict_count() == 2
    window.view.conflicts.select_row(1)
    for _ in range(5):
        app.processEvents()
    path = OUT / ("conflicts.png" if language is Language.EN else f"conflicts-{language.value}.png")
    window.grab().save(str(path))
    print(path)
    window.close()
    i18n.remove_translations(app)


if __name__ == "__main__":
    each_language(take)
