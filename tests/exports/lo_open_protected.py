"""Open an exported file in LibreOffice as a person would: with the password, with a wrong one, with none.

Run with the Python that LibreOffice's UNO bridge belongs to (usually /usr/bin/python3):
    LO_PASSWORD=... python3 lo_open_protected.py FILE PROFILE_DIR
(the password comes from the environment, as the program's own passwords do, never from an argument).
Prints one JSON object: for each try ("right", "wrong", "none") whether the document opened and, if it
did, what LibreOffice shows: a workbook's sheet names and the first rows of its second sheet, a PDF's
page count (LibreOffice Draw's PDF import).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from lo_reshape_register import office_desktop, prop  # type: ignore[import-not-found]


def shown(doc: object) -> dict[str, object]:
    if hasattr(doc, "getSheets"):
        sheets = doc.getSheets()
        second = sheets.getByIndex(1)
        rows = [[second.getCellByPosition(column, row).getString() for column in range(4)] for row in range(3)]
        return {"sheets": list(sheets.getElementNames()), "rows": rows}
    return {"pages": doc.getDrawPages().getCount()}  # type: ignore[attr-defined]


def open_with(desktop: object, source: Path, password: str | None) -> dict[str, object]:
    arguments = [prop("Hidden", True)] + ([prop("Password", password)] if password is not None else [])
    try:
        doc = desktop.loadComponentFromURL(source.as_uri(), "_blank", 0, tuple(arguments))  # type: ignore[attr-defined]
    except Exception as exc:  # noqa: BLE001 - LibreOffice refuses a file it cannot open by raising
        return {"opened": False, "why": str(exc).splitlines()[0]}
    if doc is None:
        return {"opened": False, "why": "no document"}
    try:
        return {"opened": True, **shown(doc)}
    finally:
        doc.close(True)


def main() -> None:
    source, profile = (Path(arg).resolve() for arg in sys.argv[1:3])
    password = os.environ["LO_PASSWORD"]
    tries = {"right": password, "wrong": password + "?", "none": None}
    with office_desktop(profile) as desktop:
        print(json.dumps({name: open_with(desktop, source, given) for name, given in tries.items()}))


if __name__ == "__main__":
    main()
