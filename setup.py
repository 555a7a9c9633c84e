"""Build step of the package beyond pyproject.toml: the GUI's translations are compiled when it is built.

resources/translations/*.ts (kept current by packaging/update_translations.py) become the .qm files the
program loads, by pyside6-lrelease from the PySide6 the build environment holds ([build-system] requires).
A wheel gets them in its build directory; an editable install (`pip install -e .`) finds the package's
resources in the source tree, so there they are written beside the .ts (and ignored by git).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

TRANSLATIONS = Path(__file__).resolve().parent / "resources" / "translations"


def lrelease() -> Path:
    """Qt's lrelease as PySide6 ships it (the pyside6-lrelease script is only a wrapper around it)."""
    import PySide6

    name = "lrelease.exe" if sys.platform == "win32" else "lrelease"
    return Path(PySide6.__file__).resolve().parent / name


def compile_translations(out: Path) -> list[Path]:
    """Every .ts as a .qm in `out`; the build fails on any lrelease error rather than ship the GUI in English."""
    out.mkdir(parents=True, exist_ok=True)
    built = []
    for ts in sorted(TRANSLATIONS.glob("*.ts")):
        qm = out / ts.with_suffix(".qm").name
        result = subprocess.run([str(lrelease()), "-silent", str(ts), "-qm", str(qm)], capture_output=True, text=True,
                                check=False)
        if result.returncode != 0 or not qm.is_file():
            raise SystemExit(f"pyside6-lrelease failed on {ts}:\n{result.stdout}{result.stderr}")
        built.append(qm)
    if not built:
        raise SystemExit(f"no translations (*.ts) in {TRANSLATIONS}")
    return built


class BuildWithTranslations(build_py):
    def run(self) -> None:
        super().run()
        if self.editable_mode:
            compile_translations(TRANSLATIONS)
        else:
            compile_translations(Path(self.build_lib) / "ot62443_desktop" / "resources" / "translations")


setup(cmdclass={"build_py": BuildWithTranslations})
