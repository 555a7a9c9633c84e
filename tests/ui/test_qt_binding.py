"""Guards against Qt-binding defects that would crash the workbook in long sessions."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

PROBE = textwrap.dedent("""
    import sys
    from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt
    from PySide6.QtWidgets import QApplication

    app = QApplication([])

    class Model(QAbstractListModel):
        def rowCount(self, parent=QModelIndex()):
            return 10

        def data(self, index, role=Qt.ItemDataRole.DisplayRole):
            return None  # what every model returns for roles it does not serve

    model = Model()
    before = sys.getrefcount(None)
    for i in range(30000):
        model.index(i % 10, 0).data(Qt.ItemDataRole.ToolTipRole)
    print(sys.getrefcount(None) - before)
""")


@pytest.mark.slow
def test_returning_none_from_model_data_keeps_none_alive() -> None:
    """PySide6 6.12.0 loses a reference to None per call; a day of use then aborts the process."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr[-500:]
    assert int(done.stdout.strip().splitlines()[-1]) >= 0
