"""Takes the README screenshots of the walkthrough, dashboard and remediation plan.

Run under a real (virtual) display: `xvfb-run -s "-screen 0 1400x900x24" python docs/make_screenshots.py`.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

OUT = Path(__file__).parent / "screenshots"


def main() -> None:
    os.environ.setdefault("OT62443_DATA_DIR", tempfile.mkdtemp(prefix="ot62443-shots-"))
    app = QApplication(sys.argv[:1])
    from ot62443_desktop.ui.main_window import MainWindow

    window = MainWindow()
    window.resize(1360, 860)
    window.show()
    window.open_demo()
    assert window.view is not None
    walkthrough = window.view.walkthrough
    window.show_tab(1)
    walkthrough.select("SCADA", "SR 1.1")
    walkthrough.tree.expandAll()
    walkthrough.select("SCADA", "SR 1.1")
    shots = {"walkthrough.png": 1, "dashboard.png": 2, "remediation-plan.png": 3}
    for name, tab in shots.items():
        window.show_tab(tab)
        if tab == 2:
            window.view.dashboard.zone_table.selectRow(1)
        for _ in range(5):
            app.processEvents()
        window.grab().save(str(OUT / name))
        print(OUT / name)
    window.close()


if __name__ == "__main__":
    main()
