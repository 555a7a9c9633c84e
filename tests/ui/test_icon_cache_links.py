"""The icon cache in the data folder never writes through a link planted there: a cache folder that
is a link is not used, and a cached drawing is written to a new file of its own (never a planted one)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication

from ot62443_desktop.paths import data_dir
from ot62443_desktop.ui import icons


@pytest.mark.parametrize("planted", ["cache", "cache/icons"])
def test_a_cache_folder_that_is_a_link_is_not_written_through(qapp: QApplication, data_dir_: Path,
                                                              tmp_path: Path, planted: str) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    link = data_dir() / planted
    link.parent.mkdir(parents=True, exist_ok=True)
    link.symlink_to(elsewhere, target_is_directory=True)
    drawn = icons.drawing("find", "#000000", "#1e88e5", QSize(24, 24), 1.0)
    assert drawn.size() == QSize(24, 24) and not drawn.isNull()
    assert list(elsewhere.rglob("*")) == []


def test_a_link_planted_at_a_cached_name_is_neither_read_nor_written(qapp: QApplication, data_dir_: Path,
                                                                     tmp_path: Path) -> None:
    icons.drawing("find", "#000000", "#1e88e5", QSize(24, 24), 1.0)
    (cached,) = icons.cache_dir().glob("find-*.png")
    secret = tmp_path / "secret.png"
    secret.write_bytes(cached.read_bytes())
    cached.unlink()
    cached.symlink_to(secret)
    icons.drawing("find", "#000000", "#1e88e5", QSize(24, 24), 1.0)
    assert not cached.is_symlink() and secret.read_bytes() == cached.read_bytes()  # replaced, target untouched


@pytest.fixture
def data_dir_(data_dir: Path) -> Path:
    return data_dir
