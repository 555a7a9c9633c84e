"""Zones and conduits as the diagram needs them: levels, what a conduit connects, asset lists (SPEC 12.5)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ot62443_desktop.api import InputError, Project, open_project
from ot62443_desktop.cli import main
from ot62443_desktop.domain.model import PURDUE_LEVELS, Asset, ModelError, ProjectInfo, ScopeKind, Zone
from ot62443_desktop.storage import ProjectStore, schema


def test_an_asset_reads_back_from_its_line() -> None:
    asset = Asset("PLC-COAG", "PLC", "Siemens S7-1500", "V2.9", "coagulant dosing")
    assert asset.line() == "PLC-COAG; PLC; Siemens S7-1500; V2.9; coagulant dosing"
    assert Asset.from_line(asset.line()) == asset
    assert Asset("HMI-01").line() == "HMI-01" and Asset.from_line(" HMI-01 ;  ") == Asset("HMI-01")
    with pytest.raises(ModelError, match="at most 5 fields"):
        Asset.from_line("a; b; c; d; e; f")
    with pytest.raises(ModelError, match="needs a name"):
        Asset.from_line("; PLC")


@pytest.mark.parametrize(("fields", "reason"), [
    ({"connects": ("A", "B")}, "only a conduit connects zones"),
    ({"kind": ScopeKind.CONDUIT, "connects": ("C1", "A")}, "cannot connect itself"),
    ({"kind": ScopeKind.CONDUIT, "connects": ("A", "A")}, "named twice"),
    ({"kind": ScopeKind.CONDUIT, "connects": ("A", "site")}, "'site' is not a zone id"),
    ({"level": 12}, "level must be 0-11"),
    ({"level": True}, "level must be"),
])
def test_a_zone_that_cannot_be_drawn_is_refused(fields: dict[str, object], reason: str) -> None:
    with pytest.raises(ModelError, match=reason):
        Zone("C1", "Conduit", Zone.uniform(1), **fields)  # type: ignore[arg-type]


def test_layers_are_purdue_unless_the_project_names_its_own() -> None:
    assert ProjectInfo("c", "s").layer_names == PURDUE_LEVELS
    assert ProjectInfo("c", "s", layers=("Field", "Control", "DMZ")).layer_names == ("Field", "Control", "DMZ")
    with pytest.raises(ModelError, match="same name"):
        ProjectInfo("c", "s", layers=("A", "A"))


def test_api_adds_a_conduit_between_zones_it_knows(project: Project) -> None:
    project.add_zone("CTRL", "Control", 2, level=1, assets=["PLC-1", Asset("SW-1", "switch")])
    project.add_zone("DMZ", "DMZ", 2, level=3)
    conduit = project.add_zone("C1", "Firewall", 2, kind="conduit", connects=["CTRL", "DMZ"],
                               design_note="one SL step only")
    assert project.store.zone("C1") == conduit and conduit.connects == ("CTRL", "DMZ")
    assert project.store.zone("CTRL").assets == (Asset("PLC-1"), Asset("SW-1", "switch"))
    with pytest.raises(InputError, match="no zone 'LAB' to connect"):
        project.add_zone("C2", "Lab link", 1, kind="conduit", connects=["CTRL", "LAB"])
    with pytest.raises(InputError, match=r"level must be 0-5 \(Level 0: process"):
        project.add_zone("X", "X", 1, level=6)
    assert [z.id for z in project.store.zones()] == ["CTRL", "DMZ", "C1"]


def test_cli_zone_add_with_connects_level_and_assets(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = str(tmp_path / "p.ot62443")
    assert main(["new", path, "--client", "C", "--site", "S"]) == 0
    assert main(["zone", "add", path, "--id", "A", "--name", "A", "--sl-t", "2", "--level", "1",
                 "--assets", "PLC-1; HMI-1"]) == 0
    assert main(["zone", "add", path, "--id", "B", "--name", "B", "--sl-t", "2", "--level", "3"]) == 0
    assert main(["zone", "add", path, "--id", "C", "--name", "C", "--sl-t", "2", "--kind", "conduit",
                 "--connects", "A,B"]) == 0
    assert main(["zone", "add", path, "--id", "D", "--name", "D", "--sl-t", "2", "--connects", "A,B"]) == 1
    assert "only a conduit connects zones" in capsys.readouterr().err
    with open_project(path, read_only=True) as project:
        assert project.store.zone("C").connects == ("A", "B") and project.store.zone("A").level == 1
        assert project.store.zone("A").assets == (Asset("PLC-1"), Asset("HMI-1"))


def test_a_schema_3_file_keeps_every_line_of_its_asset_text(project_path: Path) -> None:
    with ProjectStore.create(project_path, ProjectInfo("c", "s")) as store:
        store.add_zone(Zone("Z1", "Control", Zone.uniform(1)))
    raw = json.loads(project_path.read_bytes())
    raw["meta"]["1"]["schema_version"] = 3
    zone = raw["zones"]["1"]
    for key in ("level", "connects", "design_note", "position"):
        del zone[key]
    zone["assets"] = "PLC-1 (S7-1500), PLC-2\n\nHMI-01 (Windows 10)\n"
    project_path.write_text(json.dumps(raw))
    with ProjectStore.open(project_path) as store:
        assert store.zone("Z1").assets == (Asset("PLC-1 (S7-1500), PLC-2"), Asset("HMI-01 (Windows 10)"))
        assert (store.zone("Z1").level, store.zone("Z1").connects) == (None, ())
    assert json.loads(project_path.read_bytes())["meta"]["1"]["schema_version"] == schema.SCHEMA_VERSION


def test_a_position_off_any_drawing_is_refused(project_path: Path) -> None:
    with ProjectStore.create(project_path, ProjectInfo("c", "s")) as store:
        store.add_zone(Zone("Z1", "Control", Zone.uniform(1), position=(10.0, 20.5)))
    with ProjectStore.open(project_path, read_only=True) as store:
        assert store.zone("Z1").position == (10.0, 20.5)
    raw = json.loads(project_path.read_bytes())
    raw["zones"]["1"]["position"] = [1e300, 0]
    project_path.write_text(json.dumps(raw))
    with pytest.raises(Exception, match="position must be two numbers from -1000000 to 1000000, not a list"):
        ProjectStore.open(project_path, read_only=True)  # a list it is: the size was what was wrong
