"""A wheel built from the repository's files carries the catalogues, resources and compiled translations."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def repository_files() -> list[str]:
    """What a clean clone holds: tracked files plus new ones not ignored."""
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("needs a git checkout")
    out = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                         check=True, capture_output=True, text=True).stdout
    return [line for line in out.splitlines() if (ROOT / line).is_file()]


@pytest.mark.slow
def test_wheel_from_a_clean_tree_finds_catalogues_and_demo_seed(tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    for name in repository_files():
        (clone / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, clone / name)
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist), str(clone)],
                   check=True, capture_output=True)
    (wheel,) = dist.glob("ot62443_workbook-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "ot62443_desktop/requirements_catalog/iec62443-3-3.toml" in names
    assert "ot62443_desktop/requirements_catalog/iec62443-2-1.toml" in names
    assert "ot62443_desktop/resources/demo/plant.toml" in names
    assert {"ot62443_desktop/resources/translations/ot62443_fr.qm",  # compiled by setup.py, never committed
            "ot62443_desktop/resources/translations/ot62443_en.qm"} <= set(names)
    assert not any(n.startswith("tests/") for n in names)
    packages = {str(p.relative_to(ROOT).as_posix()) for p in (ROOT / "ot62443_desktop").rglob("__init__.py")}
    assert packages <= set(names), f"packages missing from the wheel: {sorted(packages - set(names))}"

    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target),
                    str(wheel)], check=True, capture_output=True)
    probe = ("import ot62443_desktop, json; from ot62443_desktop.catalogues import builtin_catalogues;"
             "from ot62443_desktop.demo import load_seed;"
             "print(ot62443_desktop.__file__); print(sum(len(c) for c in builtin_catalogues()));"
             "print(load_seed()['project']['site']);"
             "from PySide6.QtCore import QCoreApplication as A; app = A([]);"
             "from ot62443_desktop.domain.language import Language; from ot62443_desktop.ui import i18n;"
             "print(i18n.install_translations(app, Language.FR).value, A.translate('Actions', '&File'))")
    env = dict(os.environ, PYTHONPATH=str(target))
    out = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, env=env, check=True,
                         capture_output=True, text=True).stdout.splitlines()
    assert out[0].startswith(str(target)) and out[1] == "187" and out[2] == "Northfield Water Treatment Works"
    assert out[3] == "fr &Fichier"  # the installed GUI finds its French
