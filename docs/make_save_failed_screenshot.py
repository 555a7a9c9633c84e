"""Takes docs/screenshots/save-failed.png: the GUI telling the consultant that a save failed.

Nothing is simulated: the project lives on a small filesystem that the script fills up, so the
journal's write fails with ENOSPC exactly as on a full USB stick. Run as root under a virtual
display with a window manager (so the window title, which says NOT SAVED, is drawn):

    mkdir -p /mnt/small && mount -t tmpfs -o size=1m tmpfs /mnt/small
    xvfb-run -s "-screen 0 1400x900x24" sh -c 'openbox & sleep 1; python docs/make_save_failed_screenshot.py /mnt/small'
"""

from __future__ import annotations

import errno
import os
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication

OUT = Path(__file__).parent / "screenshots" / "save-failed.png"
NOTES = ("Operators share one login on HMI-2; the password is taped to the monitor. The vendor's remote "
         "support account has no second factor and stays enabled between visits. Ask IT for the list of "
         "accounts on the engineering workstation and who reviews it.")


def fill(folder: Path) -> Path:
    """Write a file until the filesystem is full; returns it (delete it to free the space)."""
    filler = folder / "filler.bin"
    with open(filler, "wb", buffering=0) as fh:
        try:
            while True:
                fh.write(b"\0" * 4096)
        except OSError as exc:
            if exc.errno != errno.ENOSPC:
                raise
    return filler


def settle(app: QApplication, seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


def main(folder: Path) -> None:
    os.environ.setdefault("OT62443_DATA_DIR", tempfile.mkdtemp(prefix="ot62443-shots-"))
    app = QApplication(sys.argv[:1])
    from ot62443_desktop.api import open_project
    from ot62443_desktop.ui.main_window import MainWindow

    path = folder / "north-works.ot62443"
    with open_project(path, create=True, client="ACME Water", site="North works") as project:
        project.add_zone("PCN", "Process control network", 2, criticality="high")
    window = MainWindow()
    window.resize(1360, 860)
    window.show()
    assert window.open_path(str(path)) and window.view is not None
    window.show_tab(1)
    walkthrough = window.view.walkthrough
    walkthrough.select("PCN", "SR 1.1")
    page = walkthrough.page
    page.notes.setFocus()
    filler = fill(folder)
    # The consultant keeps typing; each pause commits the notes. The last block of the journal
    # still has room for a few records, then a write needs a new block and the disk has none.
    words = NOTES.split()
    for n in range(1, len(words) + 1):
        page.notes.setPlainText(" ".join(words[:n]))
        page.notes.flush()
        settle(app, 0.05)
        if window.save_error is not None:
            break
    settle(app, 1.5)
    assert window.failure_box is not None, "the disk never filled up"
    window.failure_box.move(window.geometry().center() - window.failure_box.rect().center())
    settle(app, 0.5)
    screen = app.primaryScreen()
    screen.grabWindow(0).save(str(OUT))
    print(OUT, window.windowTitle())
    filler.unlink()
    window.failure_box.close()
    window.close_project()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
