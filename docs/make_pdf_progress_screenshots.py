"""Renders the PDF plan's progress page of a carried-forward project, in English and French
(docs/screenshots/pdf-progress.png, pdf-progress-fr.png).

Run: `python docs/make_pdf_progress_screenshots.py [en|fr]` (no argument: both); needs pdftoppm (poppler).
The project is the one the GUI's progress screenshots show (docs/make_progress_screenshots.py): the
demo a year later, some gaps fixed, a few things worse, a zone gone and one added.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from pypdf import PdfReader

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from docs.make_progress_screenshots import next_year  # noqa: E402
from docs.make_screenshots import OUT  # noqa: E402
from ot62443_desktop.api import open_project  # noqa: E402
from ot62443_desktop.domain.language import Language  # noqa: E402
from ot62443_desktop.exports.pdf import write_plan  # noqa: E402

DPI = 110


def progress_page(pdf: Path) -> int:
    """The 1-based page the progress section's bookmark points at."""
    reader = PdfReader(pdf)
    marks = ("Progress since", "Évolution depuis")
    pending: list[Any] = list(reader.outline)
    while pending:
        item = pending.pop(0)
        if isinstance(item, list):
            pending[:0] = item
        elif any(mark in item.title for mark in marks):
            return reader.get_destination_page_number(item) + 1
    raise SystemExit(f"{pdf}: no progress section")


def main() -> None:
    os.environ.setdefault("OT62443_DATA_DIR", tempfile.mkdtemp(prefix="ot62443-shots-"))
    folder = Path(tempfile.mkdtemp(prefix="ot62443-pdf-progress-"))
    with open_project(next_year(folder), read_only=True) as project:
        data, catalogues = project.store.snapshot(), project.catalogues
    for language in [Language(code) for code in sys.argv[1:]] or list(Language):
        pdf = folder / f"plan-{language.value}.pdf"
        write_plan(data, catalogues, pdf, language=language)
        page = progress_page(pdf)
        target = OUT / ("pdf-progress.png" if language is Language.EN else f"pdf-progress-{language.value}.png")
        subprocess.run(["pdftoppm", "-f", str(page), "-l", str(page), "-r", str(DPI), "-png", "-singlefile",
                        str(pdf), str(target.with_suffix(""))], check=True)
        print(target)


if __name__ == "__main__":
    main()
