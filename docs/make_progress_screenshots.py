"""Takes the screenshots of a carried-forward project: the Progress view and the walkthrough with last time's
answer beside this one, in English and French (docs/screenshots/progress*.png, last-time*.png).

Run under a real (virtual) display, as docs/make_screenshots.py:
`xvfb-run -s "-screen 0 1400x900x24" python docs/make_progress_screenshots.py [en|fr]` (no argument: both).
Next year's assessment is made from the demo project: most answers found as they were, some gaps fixed, a
few things worse, a zone gone and one added, and one requirement left to look at again.
"""

from __future__ import annotations

import dataclasses
import os
import random
import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from docs.make_screenshots import OUT, window_in  # noqa: E402
from ot62443_desktop.domain.language import Language  # noqa: E402
from ot62443_desktop.domain.model import Answer, Status  # noqa: E402
from ot62443_desktop.domain.rules import status_for_ml  # noqa: E402

SHOWN = ("ENT-DMZ", "SR 3.4")  # left for the assessor to look at again: the last-time panel beside it
ASSESSOR = "Camille Dupont"


def this_year(last: Answer, rng: random.Random, maturity: bool, target: int, when: datetime) -> Answer:
    """This year's answer to a requirement answered last time: mostly the same, many better, a few worse."""
    better, worse = (roll := rng.random()) < 0.45, 0.45 <= roll < 0.5
    changed = dataclasses.replace(last, answered_by=ASSESSOR, answered_at=when)
    if maturity and last.ml is not None:
        ml = min(4, last.ml + 1) if better else max(0, last.ml - 1) if worse else last.ml
        return dataclasses.replace(changed, ml=ml, status=status_for_ml(ml, target, last.status))
    if better and last.status in (Status.PARTIAL, Status.NOT_IMPLEMENTED):
        return dataclasses.replace(changed, status=Status.IMPLEMENTED, finding="")
    if worse and last.status is Status.IMPLEMENTED:
        return dataclasses.replace(changed, status=Status.PARTIAL)
    return changed


def next_year(folder: Path) -> Path:
    from ot62443_desktop.api import carry_forward
    from ot62443_desktop.demo import write_demo

    old, new = folder / "northfield-2026.ot62443", folder / "northfield-2027.ot62443"
    write_demo(old, zones=5)
    rng = random.Random(7)
    with carry_forward(old, new) as project:
        store, catalogues = project.store, project.catalogues
        previous = store.snapshot().previous
        assert previous is not None and previous.info.end_date is not None
        when = datetime.combine(previous.info.end_date + timedelta(days=364), datetime.min.time()).replace(hour=10)
        store.set_info(dataclasses.replace(store.info, start_date=(when - timedelta(days=4)).date(),
                                           end_date=when.date()))
        with store.batch():
            for key, last in sorted(previous.answers.items()):
                maturity = catalogues.requirement(key[1]).level is None
                answer = None if key == SHOWN else this_year(last, rng, maturity, store.info.target_ml, when)
                if answer is not None and key[0] != "SIS":
                    store.set_answer(answer)
        store.remove_zone("SIS")  # handed over to the safety team's own assessment
        project.add_zone("VENDOR-RA", "Vendor remote access gateway", 2, criticality="high")
        for requirement, status in (("SR 1.1", "implemented"), ("SR 1.2", "partial"), ("SR 1.13", "not_implemented"),
                                    ("SR 2.6", "partial"), ("SR 5.2", "implemented")):
            project.set_answer("VENDOR-RA", requirement, status)
    return new


def take(app: QApplication, language: Language, project: Path) -> None:
    from ot62443_desktop.ui import i18n
    from ot62443_desktop.ui.progress_model import Change

    window = window_in(app, language)
    assert window.open_path(str(project)) and window.view is not None
    suffix = "" if language is Language.EN else f"-{language.value}"
    window.show_tab(4)
    progress = window.view.progress
    progress.show_scope("SCADA")
    progress.tree.collapse(progress.model.scope_index("SCADA", Change.PERSISTING))
    progress.tree.scrollToTop()
    shoot(app, window, OUT / f"progress{suffix}.png")
    window.show_tab(1)
    walkthrough = window.view.walkthrough
    walkthrough.tree.collapseAll()
    walkthrough.select(*SHOWN)
    shoot(app, window, OUT / f"last-time{suffix}.png")
    window.close()
    i18n.remove_translations(app)


def shoot(app: QApplication, window: QWidget, path: Path) -> None:
    for _ in range(5):
        app.processEvents()
    window.grab().save(str(path))
    print(path)


def main() -> None:
    os.environ.setdefault("OT62443_DATA_DIR", tempfile.mkdtemp(prefix="ot62443-shots-"))
    app = QApplication(sys.argv[:1])
    project = next_year(Path(tempfile.mkdtemp(prefix="ot62443-next-year-")))
    for language in [Language(code) for code in sys.argv[1:]] or list(Language):
        take(app, language, project)


if __name__ == "__main__":
    main()
