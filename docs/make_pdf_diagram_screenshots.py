"""Renders the PDF plan's zones-and-conduits diagram page of the demo, in English and French, and of the
100-zone demo (docs/screenshots/pdf-diagram.png, pdf-diagram-fr.png, pdf-diagram-100.png).

Run: `python docs/make_pdf_diagram_screenshots.py`; needs pdftoppm (poppler). The demo is written afresh
(`ot62443 demo`), so the pictures show what a new user's demo plan shows.
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

from ot62443_desktop.api import open_project  # noqa: E402
from ot62443_desktop.demo import write_demo  # noqa: E402
from ot62443_desktop.domain.language import Language  # noqa: E402
from ot62443_desktop.exports.pdf import write_plan  # noqa: E402

OUT = Path(__file__).resolve().parent / "screenshots"
DPI = 110
TITLES = ("Zones and conduits diagram", "Schéma des zones et conduits")


def diagram_page(pdf: Path) -> int:
    """The 1-based page the diagram section's bookmark points at."""
    reader = PdfReader(pdf)
    pending: list[Any] = list(reader.outline)
    while pending:
        item = pending.pop(0)
        if isinstance(item, list):
            pending[:0] = item
        elif item.title.endswith(TITLES):
            return reader.get_destination_page_number(item) + 1
    raise SystemExit(f"{pdf}: no diagram section")


def render(project: Path, language: Language, name: str, folder: Path) -> None:
    with open_project(project, read_only=True) as opened:
        data, catalogues = opened.store.snapshot(), opened.catalogues
    pdf = folder / f"{name}.pdf"
    write_plan(data, catalogues, pdf, language=language)
    page = diagram_page(pdf)
    target = OUT / f"{name}.png"
    subprocess.run(["pdftoppm", "-f", str(page), "-l", str(page), "-r", str(DPI), "-png", "-singlefile",
                    str(pdf), str(target.with_suffix(""))], check=True)
    print(target)


def main() -> None:
    os.environ.setdefault("OT62443_DATA_DIR", tempfile.mkdtemp(prefix="ot62443-shots-"))
    folder = Path(tempfile.mkdtemp(prefix="ot62443-pdf-diagram-"))
    demo, large = folder / "demo.ot62443", folder / "demo-100.ot62443"
    write_demo(demo)
    write_demo(large, zones=100)
    render(demo, Language.EN, "pdf-diagram", folder)
    render(demo, Language.FR, "pdf-diagram-fr", folder)
    render(large, Language.EN, "pdf-diagram-100", folder)


if __name__ == "__main__":
    main()
