"""Help > About: the version, and the libraries the program carries with their licences.

An installed or frozen program carries these libraries, so it carries their licences: each
is named with the licence it is distributed under, and where its text is on this machine
(found through the library's own package metadata, never by importing it). Qt's LGPL and
GPL texts ship in resources/licenses/, since the Qt for Python wheels hold none.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from importlib import metadata
from importlib.resources import files
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ot62443_desktop import __version__
from ot62443_desktop.ui.i18n import fill
from ot62443_desktop.ui.icons import app_icon
from ot62443_desktop.ui.plain_text import tooltip
from ot62443_desktop.ui.theme import SECTION_GAP, title_font

APP_NAME = "OT 62443 Workbook"


@dataclass(frozen=True)
class Component:
    name: str
    distribution: str | None  # the package whose metadata gives the version and the licence file
    licence: str
    text: str = ""  # a licence file to look for among the package's files ("" = its usual LICENSE file)
    ours: tuple[str, ...] = ()  # licence texts we ship ourselves, under resources/
    version: str = ""  # of a part that is not a package of its own


COMPONENTS = (
    Component("Qt for Python (PySide6) and Qt", "PySide6-Essentials", "LGPL-3.0 (also GPL-2.0 or GPL-3.0)",
              ours=("licenses/LGPL-3.0.txt", "licenses/GPL-3.0.txt")),
    Component("Shiboken (PySide6 bindings)", "shiboken6", "LGPL-3.0 (also GPL-2.0 or GPL-3.0)",
              ours=("licenses/LGPL-3.0.txt", "licenses/GPL-3.0.txt")),
    Component("openpyxl", "openpyxl", "MIT"),
    Component("et_xmlfile (used by openpyxl)", "et-xmlfile", "MIT"),
    Component("ReportLab", "reportlab", "BSD", text="licenses/LICENSE"),
    Component("Bitstream Vera fonts (in ReportLab)", "reportlab", "Bitstream Vera Fonts licence",
              text="bitstream-vera-license.txt", version="1.10"),
    Component("Pillow (used by ReportLab)", "pillow", "MIT-CMU (HPND)"),
    Component("charset-normalizer (used by ReportLab)", "charset-normalizer", "MIT"),
    Component("TinyDB", "tinydb", "MIT"),
    Component("defusedxml", "defusedxml", "PSF License 2.0"),
    Component("pypdf", "pypdf", "BSD-3-Clause"),
    Component("msoffcrypto-tool", "msoffcrypto-tool", "MIT"),
    Component("olefile (used by msoffcrypto-tool)", "olefile", "BSD-2-Clause"),
    Component("cryptography", "cryptography", "Apache-2.0 or BSD-3-Clause"),
    Component("cffi (used by cryptography)", "cffi", "MIT-0"),
    Component("pycparser (used by cffi)", "pycparser", "BSD-3-Clause"),
    Component("pyzipper", "pyzipper", "MIT"),
    Component("PyCryptodome (used by pyzipper)", "pycryptodomex", "BSD-2-Clause and Public Domain"),
    Component("Python", None, "PSF License 2.0"),
)


def version_of(component: Component) -> str:
    if component.version:
        return component.version
    if component.distribution is None:
        return sys.version.split()[0]
    try:
        return metadata.version(component.distribution)
    except metadata.PackageNotFoundError:
        return "—"


def licence_files(component: Component) -> list[str]:
    """Where the component's licence text is on this machine (empty when this installation has none)."""
    found = [str(files("ot62443_desktop.resources").joinpath(name)) for name in component.ours]
    if component.distribution is None:
        stdlib = Path(sys.base_prefix) / "lib" / f"python{sys.version_info[0]}.{sys.version_info[1]}"
        return [str(path) for path in (Path(sys.base_prefix) / "LICENSE.txt", stdlib / "LICENSE.txt")
                if path.is_file()][:1]
    try:
        packaged = metadata.distribution(component.distribution).files or []
    except metadata.PackageNotFoundError:
        return found
    for name in packaged:
        text = str(name).replace("\\", "/")
        if text.endswith(component.text) if component.text else (
                ".dist-info/" in text and any(word in name.name.upper() for word in ("LICEN", "COPYING"))):
            found.append(str(name.locate()))
    return found


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About %1").replace("%1", APP_NAME))
        picture = QLabel()
        picture.setPixmap(app_icon().pixmap(72, 72))
        name = QLabel(APP_NAME)
        name.setFont(title_font(name.font()))
        version = QLabel(self.tr("Version %1").replace("%1", __version__))
        version.setObjectName("version")
        blurb = QLabel(self.tr("Zone-by-zone IEC 62443-3-3 and IEC 62443-2-1 assessments that keep every answer "
                               "on this computer. The catalogue texts are written in the program's own words; the "
                               "standards themselves are published by the IEC."), wordWrap=True)
        runtime = QLabel(f"Python {sys.version.split()[0]} · Qt {qVersion()} · PySide6 {pyside_version}")
        for label in (name, version, blurb, runtime):
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        heading = QVBoxLayout()
        heading.addWidget(name)
        heading.addWidget(version)
        heading.addWidget(runtime)
        top = QHBoxLayout()
        top.addWidget(picture, 0, Qt.AlignmentFlag.AlignTop)
        top.addSpacing(SECTION_GAP)
        top.addLayout(heading, 1)

        self.table = QTreeWidget()
        self.table.setRootIsDecorated(False)
        self.table.setHeaderLabels([self.tr("Bundled with it"), self.tr("Version"), self.tr("Licence"),
                                    self.tr("Licence text on this computer")])
        self.table.setUniformRowHeights(True)
        self.table.setAlternatingRowColors(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # a path's end names the file
        for component in COMPONENTS:
            texts = licence_files(component)
            shown = texts[0] if texts else self.tr("not in this installation")
            if len(texts) > 1:
                shown = fill(self.tr("%1 (and %n more)", "", len(texts) - 1), shown)
            row = QTreeWidgetItem(self.table, [component.name, version_of(component), component.licence, shown])
            row.setToolTip(3, tooltip("\n".join(texts)))
            row.setData(3, Qt.ItemDataRole.UserRole, texts)
        for column in range(3):
            self.table.resizeColumnToContents(column)
        icons = QLabel(self.tr("The icons were drawn for this program and are licensed with it "
                               "(resources/icons/LICENSE.md)."), wordWrap=True)
        icons.setTextFormat(Qt.TextFormat.PlainText)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = QPushButton(self.tr("&Copy these details"))
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.details()))
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addSpacing(SECTION_GAP // 2)
        layout.addWidget(blurb)
        layout.addSpacing(SECTION_GAP // 2)
        layout.addWidget(self.table, 1)
        layout.addWidget(icons)
        layout.addWidget(buttons)
        self.resize(900, 450)

    def details(self) -> str:
        """What the dialog says, as text to paste into a support request or a licence inventory."""
        lines = [f"{APP_NAME} {__version__}", f"Python {sys.version.split()[0]}, Qt {qVersion()}, "
                 f"PySide6 {pyside_version}", ""]
        for index in range(self.table.topLevelItemCount()):
            row = self.table.topLevelItem(index)
            texts = ", ".join(row.data(3, Qt.ItemDataRole.UserRole)) or row.text(3)
            lines.append(" | ".join([*(row.text(column) for column in range(3)), texts]))
        return "\n".join(lines)
