"""Colours from the palette (issue 16): what the views draw stays readable in the system's dark
mode as in the light one, and the icons are drawn sharp, in the palette's ink, at any scale."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QIcon, QImage, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory
from pytestqt.qtbot import QtBot

from ot62443_desktop.demo import write_demo
from ot62443_desktop.domain.catalogue import FR_IDS
from ot62443_desktop.domain.model import Priority, Status
from ot62443_desktop.ui import icons
from ot62443_desktop.ui.actions import ICONS
from ot62443_desktop.ui.main_window import MainWindow
from ot62443_desktop.ui.remediation_view import PRIORITY
from ot62443_desktop.ui.theme import (
    MARK_CONTRAST,
    RESULT_HUES,
    TEXT_CONTRAST,
    contrast_ratio,
    dark_palette,
    is_dark,
    theme,
)

ICON_FOLDER = Path(__file__).resolve().parents[2] / "resources" / "icons"
Role = QPalette.ColorRole


def light_palette() -> QPalette:
    return QStyleFactory.create("Fusion").standardPalette()


@pytest.fixture(params=["light", "dark"])
def palette(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[QPalette]:
    """The application in a light or a dark palette, as the system would set it."""
    before = QPalette(qapp.palette())
    chosen = light_palette() if request.param == "light" else dark_palette()
    qapp.setPalette(chosen)
    yield chosen
    qapp.setPalette(before)


def test_contrast_ratio_is_the_wcag_formula() -> None:
    assert contrast_ratio(QColor("black"), QColor("white")) == pytest.approx(21.0)
    assert contrast_ratio(QColor("#777777"), QColor("white")) == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio(QColor("#c62828"), QColor("#c62828")) == 1.0


def test_every_pair_the_theme_draws_text_on_reads(palette: QPalette) -> None:
    colours = theme(palette)
    pairs = {f"gap {gap}": colours.gap_fill(gap) for gap in (0, 1, 2, 3)}
    pairs |= {f"priority {p.value}": colours.priority_fill(p.value) for p in Priority}
    pairs |= {f"result {r}": colours.result_badge(r) for r in RESULT_HUES}
    pairs |= {"level badge": colours.badge(), "not saved": colours.alarm()}
    weak = {name: round(contrast_ratio(*pair), 2) for name, pair in pairs.items()
            if contrast_ratio(*pair) < TEXT_CONTRAST}
    assert weak == {}
    assert contrast_ratio(colours.error_text(), colours.base) >= TEXT_CONTRAST
    assert contrast_ratio(colours.icon_ink(), colours.window) >= TEXT_CONTRAST


def test_every_mark_that_carries_meaning_stands_out_from_the_base(palette: QPalette) -> None:
    colours = theme(palette)
    marks = {r: round(contrast_ratio(colours.mark(r), colours.base), 2) for r in RESULT_HUES if RESULT_HUES[r]}
    assert min(marks.values()) >= MARK_CONTRAST, marks
    bars = [contrast_ratio(colours.gap_bar(gap), colours.window) for gap in (0, 1, 2)]
    assert min(bars) >= MARK_CONTRAST
    assert colours.mark("met") != colours.mark("gap") != colours.mark("not_assessed")


def test_the_dark_palette_is_recognised_as_dark() -> None:
    assert is_dark(dark_palette()) and not is_dark(light_palette())


@pytest.fixture
def dark_demo(qtbot: QtBot, window: MainWindow, tmp_path: Path, qapp: QApplication) -> Iterator[MainWindow]:
    before = QPalette(qapp.palette())
    qapp.setPalette(dark_palette())
    project = tmp_path / "demo.ot62443"
    write_demo(project, zones=3)
    assert window.open_path(str(project))
    yield window
    window.close_project()
    qapp.setPalette(before)


def test_the_views_draw_readable_cells_and_badges_in_the_dark(dark_demo: MainWindow) -> None:
    view = dark_demo.view
    assert view is not None
    scores = view.dashboard.zones
    view.dashboard.reload()
    for row in range(scores.rowCount()):
        for column in range(1, len(FR_IDS) + 1):
            index = scores.index(row, column)
            background = index.data(Qt.ItemDataRole.BackgroundRole)
            assert background.lightness() < 110  # a dark tint, not a pastel glaring at night
            assert contrast_ratio(index.data(Qt.ItemDataRole.ForegroundRole), background) >= TEXT_CONTRAST
    gaps = view.plan.model
    view.plan.reload()
    assert gaps.rowCount() > 0
    for row in range(min(gaps.rowCount(), 30)):
        index = gaps.index(row, PRIORITY)
        assert contrast_ratio(index.data(Qt.ItemDataRole.ForegroundRole),
                              index.data(Qt.ItemDataRole.BackgroundRole)) >= TEXT_CONTRAST
    walkthrough = view.walkthrough
    assert walkthrough.select(first_zone(dark_demo), "SR 1.1")
    for badge in (walkthrough.page.badge, walkthrough.page.result_badge):
        assert badge.text() and contrast_ratio(*badge.colours()) >= TEXT_CONTRAST
    dark_demo._alarm(True)
    alarm = dark_demo.saved_label.palette()
    assert contrast_ratio(alarm.color(Role.WindowText), alarm.color(Role.Window)) >= TEXT_CONTRAST


def first_zone(window: MainWindow) -> str:
    return window.session.store.zones()[0].id  # type: ignore[union-attr]


def test_navigator_dots_are_the_themes_marks(dark_demo: MainWindow) -> None:
    walkthrough = dark_demo.view.walkthrough  # type: ignore[union-attr]
    zone, colours = first_zone(dark_demo), theme(QApplication.palette())
    assert walkthrough.select(zone, "SR 1.1")
    for status, result in ((Status.PARTIAL, "gap"), (Status.IMPLEMENTED, "met"), (Status.NOT_ASSESSED, "not_assessed")):
        walkthrough.page.set_status(status)
        dot = walkthrough.model.requirement_index(zone, "SR 1.1").data(Qt.ItemDataRole.DecorationRole)
        image = dot.pixmap(QSize(16, 16), 2.0).toImage()
        assert image.size() == QSize(32, 32)  # drawn for the 200% screen, not scaled up
        assert image.pixelColor(16, 16).name() == colours.mark(result).name()


def inked_pixels(image: QImage, ink: QColor) -> int:
    """Opaque pixels drawn in (nearly) the ink colour."""
    values = [image.pixelColor(x, y) for x in range(image.width()) for y in range(image.height())]
    return sum(1 for c in values if c.alpha() > 200 and abs(c.lightness() - ink.lightness()) < 24
               and abs(c.red() - ink.red()) < 24)


@pytest.mark.parametrize("name", sorted(set(ICONS.values())))
def test_each_icon_is_drawn_sharp_at_16_and_24_px_and_at_200_percent(name: str, palette: QPalette) -> None:
    for size in (16, 24):
        for scale in (1.0, 2.0):
            pixmap = icons.icon(name).pixmap(QSize(size, size), scale)
            assert pixmap.size() == QSize(round(size * scale), round(size * scale))  # its own pixels, not scaled
            assert pixmap.devicePixelRatio() == scale
    image = icons.icon(name).pixmap(QSize(24, 24), 1.0).toImage()
    assert inked_pixels(image, palette.color(Role.WindowText)) >= 12  # the palette's text colour, not a fixed black
    disabled = icons.icon(name).pixmap(QSize(24, 24), 1.0, QIcon.Mode.Disabled).toImage()
    assert disabled != image


def test_every_icon_file_keeps_to_the_drawing_rules() -> None:
    """24 px grid, strokes in the ink, one accent: what lets the program recolour them (resources/icons/LICENSE.md)."""
    files = sorted(ICON_FOLDER.glob("*.svg"))
    assert {f.stem for f in files} >= set(ICONS.values()) | {"diagram", "help", "ot62443", "ot62443-small"}
    for path in files:
        if path.stem.startswith("ot62443"):
            continue  # the application icon keeps its own colours
        text = path.read_text(encoding="utf-8")
        assert 'viewBox="0 0 24 24"' in text and 'stroke="currentColor"' in text, path.name
        assert set(re.findall(r"#[0-9a-fA-F]{3,6}\b", text)) <= {"#1e88e5"}, path.name
    assert "drawn for OT 62443 Workbook" in (ICON_FOLDER / "LICENSE.md").read_text(encoding="utf-8")


def test_an_icon_drawn_anew_is_not_taken_from_the_cache(qapp: QApplication, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "icons"
    folder.mkdir()
    svg = folder / "find.svg"
    svg.write_bytes((ICON_FOLDER / "find.svg").read_bytes())
    monkeypatch.setattr(icons, "icons_folder", lambda: folder)
    icons.svg_source.cache_clear()
    ink = theme(qapp.palette()).icon_ink().name()
    first = icons.drawing("find", ink, "#1e88e5", QSize(24, 24), 1.0).toImage()
    assert len(list(icons.cache_dir().glob("find-*.png"))) == 1
    again = icons.drawing("find", ink, "#1e88e5", QSize(24, 24), 1.0).toImage()
    assert again == first  # read back from the cache
    svg.write_text(svg.read_text(encoding="utf-8").replace('r="6.5"', 'r="3"'), encoding="utf-8")
    icons.svg_source.cache_clear()
    redrawn = icons.drawing("find", ink, "#1e88e5", QSize(24, 24), 1.0).toImage()
    assert redrawn != first
    icons.svg_source.cache_clear()
