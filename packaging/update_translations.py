#!/usr/bin/env python3
"""Bring resources/translations/*.ts up to date with the GUI's sources, then say what is left to translate.

pyside6-lupdate reads every ui/*.py for tr() and QCoreApplication.translate() calls; strings it has seen
before keep their translation, new ones come in marked unfinished, and strings no longer in the sources
are dropped (-no-obsolete); the English file holds only the plural forms of the "%n" strings. Translate
the unfinished ones (Qt Linguist: `pyside6-linguist FILE.ts`, or any editor) and run this again. The .qm
files the program loads are built from the .ts when the package is built (setup.py);
tests/ui/test_translations.py fails while a string is untranslated.

Usage: python packaging/update_translations.py [--check]   (--check: change nothing, exit 1 if out of date)
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "ot62443_desktop" / "ui"
TRANSLATIONS = ROOT / "resources" / "translations"
# English needs only its plural forms ("1 gap", "2 gaps" for the source's "%n gap(s)"); French needs every string.
LANGUAGES = {"en": ("-pluralonly",), "fr": ()}


def ts_file(language: str) -> Path:
    return TRANSLATIONS / f"ot62443_{language}.ts"


def qt_tool(name: str) -> list[str]:
    """The command for pyside6-<name>: the script beside this Python, on PATH, or PySide6's own entry point."""
    for candidate in (Path(sys.executable).parent / f"pyside6-{name}", shutil.which(f"pyside6-{name}")):
        if candidate and Path(candidate).is_file():
            return [str(candidate)]
    return [sys.executable, "-c", f"import sys; from PySide6.scripts.pyside_tool import {name}; sys.exit({name}())"]


def sources() -> list[Path]:
    return sorted(SOURCES.glob("*.py"))


def run_lupdate(ts: Path, language: str) -> str:
    """Merge the sources into `ts` (created if missing); returns lupdate's report."""
    relative = [str(path.relative_to(ROOT)) for path in sources()]
    result = subprocess.run(
        [*qt_tool("lupdate"), "-no-obsolete", "-locations", "none", *LANGUAGES[language], "-source-language", "en",
         "-target-language", language, *relative, "-ts", str(ts)],
        cwd=ROOT, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"pyside6-lupdate failed:\n{result.stdout}{result.stderr}")
    return result.stdout + result.stderr


def unfinished(ts: Path) -> list[str]:
    """Source texts whose translation is missing or still marked unfinished."""
    return [message.findtext("source") or "" for message in ET.parse(ts).getroot().iter("message")
            if (translation := message.find("translation")) is not None
            and (translation.get("type") in {"unfinished", "vanished", "obsolete"}
                 or not "".join(translation.itertext()).strip())]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if a .ts is out of date")
    args = parser.parse_args()
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    stale = False
    for language in LANGUAGES:
        ts = ts_file(language)
        if args.check:
            with tempfile.TemporaryDirectory() as tmp:
                copy = Path(tmp) / ts.name
                if ts.exists():
                    shutil.copy2(ts, copy)
                run_lupdate(copy, language)
                changed = not ts.exists() or copy.read_bytes() != ts.read_bytes()
                todo = unfinished(copy)
        else:
            print(run_lupdate(ts, language).strip())
            changed, todo = False, unfinished(ts)
        stale = stale or changed or bool(todo)
        if changed:
            print(f"{ts.relative_to(ROOT)} is out of date with the sources: run packaging/update_translations.py")
        for text in todo:
            print(f"{ts.name}: untranslated: {text!r}")
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
