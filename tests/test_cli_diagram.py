"""`ot62443 diagram PROJECT (--svg FILE | --png FILE) [--lang en|fr]` (SPEC 12): the drawing written
without a display, bad targets refused in one line with nothing written, usage errors exit 2."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from pathlib import Path

import pytest
from defusedxml import ElementTree
from PIL import Image

from ot62443_desktop.api import Project
from ot62443_desktop.domain.language import Language
from tests.exports.diagram_plant import ENDPOINTS, ZONES, build
from tests.test_cli import run

NS = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def plant(project: Project) -> Project:
    return build(project)


def svg_texts(path: Path) -> str:
    root = ElementTree.fromstring(path.read_bytes())
    return " ".join("".join(t.itertext()) for t in root.iter(f"{NS}text"))


def test_svg_names_every_zone_and_draws_one_line_per_conduit_endpoint(
        capsys: pytest.CaptureFixture[str], plant: Project, project_path: Path, tmp_path: Path) -> None:
    target = tmp_path / "plant.svg"
    code, out, err = run(capsys, "diagram", str(project_path), "--svg", str(target))
    assert (code, err) == (0, "")
    assert out == f"wrote {target} (zones-and-conduits diagram of 9 zones and conduits, SVG, English)\n"
    root = ElementTree.fromstring(target.read_bytes())
    texts = svg_texts(target)
    for zone_id, (name, *_rest) in ZONES.items():
        assert zone_id in texts and name in texts
    links = sorted((path.get("data-id"), path.get("data-zone")) for path in root.iter(f"{NS}path")
                   if path.get("data-zone"))
    assert links == sorted((e.conduit, e.zone) for e in ENDPOINTS)


def test_png_is_an_image_of_the_drawing(capsys: pytest.CaptureFixture[str], plant: Project, project_path: Path,
                                       tmp_path: Path) -> None:
    target = tmp_path / "plant.png"
    code, out, _err = run(capsys, "diagram", str(project_path), "--png", str(target))
    assert code == 0 and "PNG" in out
    with Image.open(target) as image:
        assert image.format == "PNG" and image.width > 800 and image.height > 300


def test_labels_are_french_with_lang_fr_or_the_projects_report_language(
        capsys: pytest.CaptureFixture[str], plant: Project, project_path: Path, tmp_path: Path) -> None:
    assert run(capsys, "diagram", str(project_path), "--svg", str(tmp_path / "fr.svg"), "--lang", "fr")[0] == 0
    french = svg_texts(tmp_path / "fr.svg")
    assert "Niveau 1\u00a0: contrôle de base" in french and "Zones et conduits\u00a0:" in french
    assert "Level" not in french
    plant.store.set_info(dataclasses.replace(plant.store.info, report_language=Language.FR))
    code, out, _err = run(capsys, "diagram", str(project_path), "--svg", str(tmp_path / "default.svg"))
    assert code == 0 and out.endswith("SVG, Français)\n")
    assert "Sans couche" in svg_texts(tmp_path / "default.svg")
    assert run(capsys, "diagram", str(project_path), "--svg", str(tmp_path / "en.svg"), "--lang", "en")[0] == 0
    assert "Level 1: basic control" in svg_texts(tmp_path / "en.svg")


@pytest.mark.parametrize("kind", ["--svg", "--png"])
def test_bad_targets_are_refused_in_one_line_and_nothing_is_written(
        capsys: pytest.CaptureFixture[str], plant: Project, project_path: Path, tmp_path: Path, kind: str) -> None:
    before = project_path.read_bytes()
    (tmp_path / "folder").mkdir()
    for target, says in ((tmp_path / "missing" / "d.out", "no such folder"), (project_path, "project file"),
                         (tmp_path / "folder", "folder")):
        code, out, err = run(capsys, "diagram", str(project_path), kind, str(target))
        assert (code, out) == (1, "") and err.count("\n") == 1 and err.startswith("ot62443: error: "), err
        assert says in err, err
    assert project_path.read_bytes() == before
    assert not [p for p in tmp_path.rglob("*") if not p.name.startswith(project_path.name) and p.name != "folder"]


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], plant: Project, project_path: Path,
                             tmp_path: Path) -> None:
    for argv in ((), ("--svg", str(tmp_path / "a.svg"), "--png", str(tmp_path / "a.png")),
                 ("--svg", str(tmp_path / "a.svg"), "--lang", "de")):
        assert run(capsys, "diagram", str(project_path), *argv)[0] == 2
    assert not list(tmp_path.glob("a.*"))


def test_a_project_without_zones_or_that_is_missing_is_one_line(capsys: pytest.CaptureFixture[str],
                                                               project: Project, project_path: Path,
                                                               tmp_path: Path) -> None:
    code, _out, err = run(capsys, "diagram", str(project_path), "--svg", str(tmp_path / "d.svg"))
    assert code == 1 and "no zones or conduits to draw" in err and err.count("\n") == 1
    code, _out, err = run(capsys, "diagram", str(tmp_path / "none.ot62443"), "--svg", str(tmp_path / "d.svg"))
    assert code == 1 and err.count("\n") == 1
    assert not (tmp_path / "d.svg").exists()


@pytest.mark.slow
def test_it_draws_without_a_display_and_never_loads_qt(plant: Project, project_path: Path, tmp_path: Path) -> None:
    plant.close()
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    script = ("import sys; from ot62443_desktop.cli import main; code = main(sys.argv[1:]); "
              "assert not [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]; sys.exit(code)")
    for kind, name in (("--svg", "d.svg"), ("--png", "d.png")):
        result = subprocess.run([sys.executable, "-c", script, "diagram", str(project_path), kind,
                                 str(tmp_path / name)], capture_output=True, text=True, env=env, timeout=120,
                                check=False)
        assert result.returncode == 0, result.stderr
        assert (tmp_path / name).stat().st_size > 1000
