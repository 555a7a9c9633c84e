"""The real start (`ot62443 gui PROJECT`): the project opens after the first frame and the log file
after the project is shown, yet what was logged in between reaches that file, in order."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ot62443_desktop.api import open_project
from ot62443_desktop.storage import ProjectStore
from ot62443_desktop.storage import store as store_module

ROOT = Path(__file__).resolve().parents[2]


def start_gui(project: Path, data_dir: Path) -> dict[str, float]:
    """Run the program on `project` until it is open and drawn; the start-up times it reports."""
    times = data_dir / "startup.json"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", OT62443_DATA_DIR=str(data_dir), OT62443_QUIT_AFTER_MS="0",
               OT62443_STARTUP_TIMES=str(times))
    subprocess.run([sys.executable, "-m", "ot62443_desktop", "gui", str(project)], env=env, cwd=ROOT, check=True,
                   capture_output=True, timeout=120)
    return json.loads(times.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def disk_full(*_args: object) -> None:
    raise OSError(28, "No space left on device")


def test_a_warning_logged_while_the_project_opens_is_in_the_log_file(
        project_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with open_project(project_path, create=True, client="ACME", site="North") as project:
        project.add_zone("Z1", "Control network", 2)
    with monkeypatch.context() as patch:  # the file cannot be rewritten at close: the change stays in the journal
        patch.setattr(store_module, "atomic_write", disk_full)
        with ProjectStore.open(project_path) as store:
            store.set_info(store.info)
    times = start_gui(project_path, data_dir)  # which recovers it, and says so
    assert times["window"] <= times["ready"]
    logged = (data_dir / "logs" / "ot62443.log").read_text(encoding="utf-8").splitlines()
    assert "started" in logged[0]
    assert any("WARNING" in line and "recovered 1 change(s) from the journal" in line for line in logged[1:])


OPEN_AND_DRAW = """
import json, sys
from PySide6.QtWidgets import QApplication
from ot62443_desktop.ui.app import first_window
window, held = first_window()
QApplication.processEvents()
assert window.open_path(sys.argv[1])
window.repaint()
QApplication.processEvents()
print(json.dumps(sorted(sys.modules)))
"""


def modules_once_drawn(project: Path, data_dir: Path) -> set[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", OT62443_DATA_DIR=str(data_dir))
    result = subprocess.run([sys.executable, "-c", OPEN_AND_DRAW, str(project)], env=env, cwd=ROOT, check=True,
                            capture_output=True, text=True, timeout=120)
    return set(json.loads(result.stdout.strip().splitlines()[-1]))


# What the project's first page must not wait for, once a first start has filled the caches: the SVG renderer
# (the icons' drawings are kept), the TOML parser (the catalogues are kept), the export machinery, the log file and
# the network module (the lock file names the host from the system's name for it), and the requirement page (the
# walkthrough opens on its placeholder: the page is built with the first requirement shown). A plain project needs
# no cryptography and no lock badge, and nothing of team work (merge, split, conflicts), of comparing assessments
# or of the reports, nor what only a new project (uuid) or a due date (calendar) needs (#16: each loads with its
# first use).
NOT_BEFORE_THE_PROJECT_IS_SHOWN = {"PySide6.QtSvg", "tomllib", "multiprocessing", "logging.handlers", "socket",
                                   "ot62443_desktop.ui.requirement_page", "importlib.resources",
                                   "cryptography", "ot62443_desktop.ui.protection", "ot62443_desktop.storage.merge",
                                   "ot62443_desktop.storage.split", "ot62443_desktop.storage.conflicts",
                                   "ot62443_desktop.domain.progress", "ot62443_desktop.domain.report",
                                   "ot62443_desktop.exports", "uuid", "calendar"}


def test_the_project_is_shown_without_what_its_first_page_does_not_need(project_path: Path, data_dir: Path) -> None:
    """The tab bar paints its icons at every repaint; each used to be rendered from its SVG every time."""
    with open_project(project_path, create=True, client="ACME", site="North") as project:
        project.add_zone("Z1", "Control network", 2)
    assert "PySide6.QtSvg" in modules_once_drawn(project_path, data_dir)  # the first start ever draws the icons
    assert sorted(NOT_BEFORE_THE_PROJECT_IS_SHOWN & modules_once_drawn(project_path, data_dir)) == []
