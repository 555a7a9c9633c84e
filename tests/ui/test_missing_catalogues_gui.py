"""A project that names more catalogues of one's own than this computer has: the warning on opening it stays a
message a person can read and close, however many it names (a hand-edited or hostile file may name thousands)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ot62443_desktop.ui.main_window import MainWindow
from tests.test_user_catalogue_attacks import naming_many
from tests.ui.boxes import Boxes


@pytest.fixture(autouse=True)
def boxes(monkeypatch: pytest.MonkeyPatch) -> Boxes:
    return Boxes(monkeypatch)


def test_thousands_of_missing_catalogues_make_a_warning_of_a_few_lines(
        window: MainWindow, project_path: Path, boxes: Boxes) -> None:
    """All 10,000 names in the box made it 280,000 pixels tall, its OK button out of reach, and took 6 s to lay out."""
    assert window.open_path(naming_many(project_path, 3000))
    warning = boxes.last()
    assert warning.title == "Catalogue missing" and warning.plain
    assert "catalogue-00000, catalogue-00001" in warning.text and "catalogue-02999" not in warning.text
    assert len(warning.text) < 1500 and "which is not imported on this computer" in warning.text


def test_one_missing_catalogue_is_named_in_full(window: MainWindow, project_path: Path, boxes: Boxes) -> None:
    assert window.open_path(naming_many(project_path, 1))
    assert "also assessed against catalogue-00000, which is not imported" in boxes.last().text
