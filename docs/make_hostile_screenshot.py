"""Takes docs/screenshots/hostile-project.png: a project full of markup, opened harmlessly.

The zone name, notes, finding, owner and evidence name images on /dev/zero (reading it never
ends), on a FIFO (opening it waits for a writer) and on a //host/share path, and links to
/etc/passwd; the finding is 100 KB without a space. The window shows all of it as text and the
script finishes: had anything been loaded it would hang. Run under a virtual display with a
window manager (so the title is drawn):

    xvfb-run -s "-screen 0 1400x900x24" sh -c 'openbox & sleep 1; python docs/make_hostile_screenshot.py'
"""

from __future__ import annotations

import dataclasses
import os
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication

OUT = Path(__file__).parent / "screenshots" / "hostile-project.png"


def markup(trap: Path, what: str) -> str:
    return (f'{what} <img src="/dev/zero"> <img src="{trap}"> <img src="//127.0.0.1/share/x.png"> '
            '<a href="file:///etc/passwd">x</a> <b>bold</b> &amp; <para>')


def settle(app: QApplication, seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="ot62443-hostile-"))
    os.environ.setdefault("OT62443_DATA_DIR", str(folder / "data"))
    trap = folder / "trap.png"
    os.mkfifo(trap)
    app = QApplication(sys.argv[:1])
    from ot62443_desktop.api import open_project
    from ot62443_desktop.domain.model import Evidence, RemediationItem
    from ot62443_desktop.ui.main_window import MainWindow

    notes = "\n\n".join([
        "**Seen on site:** " + markup(trap, "raw HTML stays text:"),
        "![the device file](/dev/zero) ![the share][share] ![the FIFO](" + str(trap) + ")",
        '[a link to passwords](file:///etc/passwd "<img src=\'/dev/zero\'>") does nothing when clicked.',
        "[share]: //127.0.0.1/share/x.png",
    ])
    path = folder / "from-a-client.ot62443"
    with open_project(path, create=True, client=markup(trap, "Client"), site="North works") as project:
        project.add_zone("PCN", markup(trap, "Zone"), 2, criticality="high")
        project.store.update_zone(dataclasses.replace(project.store.zone("PCN"), description=markup(trap, "About")))
        project.set_answer("PCN", "SR 1.1", "not_implemented", notes=notes, finding="x" * 100_000,
                           evidence=(Evidence("//127.0.0.1/share/photo.jpg", "0" * 64, markup(trap, "Photo")),))
        project.store.set_remediation(RemediationItem("PCN", "SR 1.1", owner=markup(trap, "Owner")))
    window = MainWindow()
    window.resize(1360, 860)
    window.show()
    started = time.perf_counter()
    assert window.open_path(str(path)) and window.view is not None
    window.show_tab(1)
    walkthrough = window.view.walkthrough
    walkthrough.select("PCN", "SR 1.1")
    walkthrough.tree.expandAll()
    walkthrough.page.preview_box.setChecked(True)
    settle(app, 1.0)
    print(f"opened and shown in {time.perf_counter() - started - 1.0:.2f} s")
    app.primaryScreen().grabWindow(0).save(str(OUT))
    print(OUT, window.windowTitle())
    window.close_project()


if __name__ == "__main__":
    main()
