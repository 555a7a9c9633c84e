"""File > Import catalogue replacing one imported before by a version that lacks some of its requirements: the
question names them and says what becomes of the answers recorded against them, and its default is No."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from ot62443_desktop import user_catalogues
from ot62443_desktop.ui.import_catalogue import CatalogueLibrary
from tests.test_user_catalogues import WATER
from tests.ui.boxes import Boxes, Button


@pytest.fixture(autouse=True)
def boxes(monkeypatch: pytest.MonkeyPatch) -> Boxes:
    return Boxes(monkeypatch)


@pytest.fixture
def library(qtbot: QtBot, tmp_path: Path) -> CatalogueLibrary:
    first = tmp_path / "water.toml"
    first.write_text(WATER, encoding="utf-8")
    user_catalogues.keep(*user_catalogues.check(first))
    dialog = CatalogueLibrary()
    qtbot.addWidget(dialog)
    return dialog


def test_a_replacement_lacking_requirements_names_them_and_keeps_the_old_one_by_default(
        library: CatalogueLibrary, tmp_path: Path, boxes: Boxes) -> None:
    newer = tmp_path / "water-2026.toml"
    newer.write_text(WATER.replace('id = "WU 1.1"', 'id = "WU 1.3"'), encoding="utf-8")
    assert not library.import_path(newer)  # the default button: No
    question = boxes.last()
    assert question.title == "Replace catalogue?" and question.plain
    assert "This file lacks 1 requirement" in question.text  # the plural forms are the compiled English's
    assert "of the one it replaces (WU 1.1): answers recorded against" in question.text
    assert question.text.endswith("in projects stay in the project files but count in no figure or export.")
    assert [r.id for r in user_catalogues.kept()[0].catalogue or ()] == ["WU 1.1", "WU 1.2"]
    boxes.answers.append(Button.Yes)
    assert library.import_path(newer)
    assert [r.id for r in user_catalogues.kept()[0].catalogue or ()] == ["WU 1.3", "WU 1.2"]


def test_a_replacement_with_every_requirement_asks_as_before(
        library: CatalogueLibrary, tmp_path: Path, boxes: Boxes) -> None:
    newer = tmp_path / "water-2026.toml"
    newer.write_text(WATER.replace("Pump station logins", "Pump station log-ins"), encoding="utf-8")
    assert library.import_path(newer)  # the default button: Yes
    asked = next(shown for shown in boxes.shown if shown.title == "Replace catalogue?")
    assert asked.text == "A catalogue with the id water-utility was imported before. Replace it with this file?"
