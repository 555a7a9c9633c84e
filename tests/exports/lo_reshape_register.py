"""Reshape a gap register the way a person would in LibreOffice Calc, then save it as .xlsx.

Run with the Python that LibreOffice's UNO bridge belongs to (usually /usr/bin/python3):
    python3 lo_reshape_register.py IN.xlsx OUT.xlsx PROFILE_DIR
Every heading of the register sheet gets a new (French) text; the Owner column is cut and
pasted in front of column A; the Scope name column is deleted; an empty column is inserted
at C. Calc moves defined names with their cells, as Excel does, which is what the import
relies on. Prints the new headings, one per line.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]
from com.sun.star.table import CellAddress, CellRangeAddress  # type: ignore[import-not-found]

FRENCH = {
    "Scope": "Périmètre", "Scope name": "Nom du périmètre", "Standard": "Norme", "Requirement": "Exigence",
    "Title": "Titre", "Level": "Niveau", "Target": "Cible", "Achieved": "Atteint", "Status": "Statut",
    "Finding": "Constat", "Recommended action": "Action recommandée", "Priority": "Priorité",
    "Owner": "Responsable", "Due date": "Échéance", "Effort": "Charge", "State": "État",
    "Justification": "Motif", "Key": "Clé",
}


def prop(name: str, value: object) -> PropertyValue:
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def connect(profile: Path) -> tuple[subprocess.Popen[bytes], object]:
    pipe = f"ot62443test{os.getpid()}"
    office = subprocess.Popen(["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", "--invisible",
                               "--norestore", f"--accept=pipe,name={pipe};urp;"])
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(300):
        try:
            return office, resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except Exception:  # noqa: BLE001 - not listening yet
            time.sleep(0.2)
    office.kill()
    raise SystemExit("LibreOffice did not start")


@contextlib.contextmanager
def office_desktop(profile: Path) -> Iterator[object]:
    """LibreOffice's desktop (to load documents from), with LibreOffice ended when the block is done."""
    office, context = connect(profile)
    try:
        desktop = context.ServiceManager.createInstanceWithContext(  # type: ignore[attr-defined]
            "com.sun.star.frame.Desktop", context)
        yield desktop
        desktop.terminate()
    finally:
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            office.kill()


def headings(sheet: object) -> list[str]:
    """The texts of row 1 up to its last filled cell, in place ("" for an empty cell)."""
    out = [sheet.getCellByPosition(column, 0).getString() for column in range(40)]  # type: ignore[attr-defined]
    while out and not out[-1]:
        out.pop()
    return out


def column_of(sheet: object, heading: str) -> int:
    return headings(sheet).index(heading)


def reshape(sheet: object) -> None:
    owner = column_of(sheet, "Owner")
    for column, text in enumerate(headings(sheet)):
        sheet.getCellByPosition(column, 0).setString(FRENCH[text])  # type: ignore[attr-defined]
    columns = sheet.getColumns()  # type: ignore[attr-defined]
    columns.insertByIndex(0, 1)  # room in front of A, then cut and paste the Owner column there
    owner += 1
    last = sheet.createCursor()  # type: ignore[attr-defined]
    last.gotoEndOfUsedArea(False)
    rows = last.getRangeAddress().EndRow
    index = sheet.getRangeAddress().Sheet  # type: ignore[attr-defined]
    sheet.moveRange(CellAddress(index, 0, 0), CellRangeAddress(index, owner, 0, owner, rows))  # type: ignore[attr-defined]
    columns.removeByIndex(owner, 1)  # the emptied column
    columns.removeByIndex(column_of(sheet, FRENCH["Scope name"]), 1)
    columns.insertByIndex(2, 1)


def main() -> None:
    source, target, profile = (Path(arg).resolve() for arg in sys.argv[1:4])
    with office_desktop(profile) as desktop:
        doc = desktop.loadComponentFromURL(source.as_uri(), "_blank", 0, (prop("Hidden", True),))  # type: ignore[attr-defined]
        sheet = doc.getSheets().getByName("Gap register")
        reshape(sheet)
        doc.storeToURL(target.as_uri(), (prop("FilterName", "Calc MS Excel 2007 XML"),))
        print("\n".join(headings(sheet)))
        doc.close(True)


if __name__ == "__main__":
    main()
