"""Work packages: a copy holding some zones, with a copy id of its own, that merges back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ot62443_desktop.domain.model import Answer, ProjectInfo, RemediationItem, Status, Zone
from ot62443_desktop.storage import ProjectStore, StoreError
from ot62443_desktop.storage.merge import merge_into
from ot62443_desktop.storage.split import split
from ot62443_desktop.storage.versions import answer_key

INFO = ProjectInfo("ACME Water", "North works")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """Three zones, answered; a removed answer and a second session's change in CTRL; the site program."""
    path = tmp_path / "plant.ot62443"
    with ProjectStore.create(path, INFO) as store:
        for zone in ("CTRL", "SIS", "DMZ"):
            store.add_zone(Zone(zone, zone, Zone.uniform(2)))
            store.set_answer(Answer(zone, "SR 1.1", Status.PARTIAL, notes=f"{zone} first"))
            store.set_remediation(RemediationItem(zone, "SR 1.1", owner="OT lead"))
        store.set_answer(Answer("CTRL", "SR 1.2", Status.PARTIAL))
        store.set_answer(Answer("site", "ORG 1.1", Status.IMPLEMENTED, ml=3))
    with ProjectStore.open(path) as store:
        store.clear_answer("CTRL", "SR 1.2")
        store.set_answer(Answer("CTRL", "SR 1.1", Status.IMPLEMENTED, notes="CTRL second"))
    return path


def test_a_work_package_holds_its_zones_with_their_versions_and_a_copy_id_of_its_own(
        project: Path, tmp_path: Path) -> None:
    target = tmp_path / "package.ot62443"
    with ProjectStore.open(project, read_only=True) as original:
        original_id, project_id = original.copy_id, original.project_id
    with split(project, ["CTRL", "SIS"], target) as package:
        assert package.project_id == project_id and package.copy_id != original_id
        assert [z.id for z in package.zones()] == ["CTRL", "SIS"] and package.info == INFO
        assert set(package.answers()) == {("CTRL", "SR 1.1"), ("SIS", "SR 1.1")}  # no site program
        assert package.remediation("SIS", "SR 1.1") is not None
        assert package.removed(answer_key("CTRL", "SR 1.2")) is not None
        assert [e["doc"]["notes"] for e in package.history(answer_key("CTRL", "SR 1.1"))] == \
            ["CTRL first", "CTRL second"]
        package_id = package.copy_id
    raw = json.loads(target.read_bytes())
    assert {e["key"] for e in raw["history"].values()} <= {"a|CTRL|SR 1.1", "a|CTRL|SR 1.2", "info"}
    with ProjectStore.open(target) as again:  # bound to its own file: reopening keeps its id
        assert again.copy_id == package_id
    with split(project, ["DMZ"], tmp_path / "site.ot62443", site=True) as package:
        assert set(package.answers()) == {("DMZ", "SR 1.1"), ("site", "ORG 1.1")}


def test_a_work_package_merges_back_with_only_what_changed_in_it(project: Path, tmp_path: Path) -> None:
    target = tmp_path / "package.ot62443"
    with split(project, ["SIS"], target) as package:
        package.set_answer(Answer("SIS", "SR 1.2", Status.NOT_IMPLEMENTED, notes="found on site"))
    with ProjectStore.open(project) as store:
        report = merge_into(store, target)
        assert (report.taken, report.conflicts) == (1, [])
        assert len(store.zones()) == 3 and store.answer("site", "ORG 1.1") is not None  # nothing left out is lost
        assert store.answer("SIS", "SR 1.2").notes == "found on site"  # type: ignore[union-attr]


@pytest.mark.parametrize(("zones", "target", "message"), [
    (["CTRL", "OT9"], "package.ot62443", "no zone 'OT9' (zones: CTRL, SIS, DMZ)"),
    ([" ", ""], "package.ot62443", "name at least one zone"),
    (["CTRL"], "plant.ot62443", "that is the project itself"),
    (["CTRL"], "exists.ot62443", "already exists"),
    (["CTRL"], "package.xlsx", "project files end in .ot62443"),
    (["CTRL"], "no-folder/package.ot62443", "no such folder"),
])
def test_a_work_package_is_refused_in_one_line_changing_nothing(
        project: Path, tmp_path: Path, zones: list[str], target: str, message: str) -> None:
    (tmp_path / "exists.ot62443").write_text("someone's file")
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}
    with pytest.raises(StoreError) as caught:
        split(project, zones, tmp_path / target)
    assert message in str(caught.value) and "\n" not in str(caught.value)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()} == before
