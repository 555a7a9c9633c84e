"""Next year's assessment: carried forward from last year's, compared with it (SPEC 12.3)."""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from pathlib import Path

import pytest

from ot62443_desktop.api import Project, carry_forward, compare_projects, open_project
from ot62443_desktop.cli import main
from ot62443_desktop.domain.model import ItemState, ProjectInfo, RemediationItem, Status
from ot62443_desktop.domain.progress import LineageError
from ot62443_desktop.storage import ProjectStore, StoreError, schema


def last_year(path: Path) -> Path:
    """Two zones and the site: Z1 SL-T 2 everywhere, Z2 SL-T 1, five gaps and a planned item."""
    with open_project(path, create=True, client="ACME Water", site="North works") as p:
        p.store.set_info(dataclasses.replace(p.store.info, start_date=date(2025, 3, 3), end_date=date(2025, 3, 7)))
        p.add_zone("Z1", "Control network", 2, criticality="high")
        p.add_zone("Z2", "Safety system", 1)
        p.set_answer("Z1", "SR 1.1", "not_implemented", notes="shared operator login")
        p.set_answer("Z1", "SR 1.2", "partial")
        p.set_answer("Z1", "SR 6.1", "implemented")  # with SR 6.2: FR 6 reaches SL-A 2
        p.set_answer("Z1", "SR 6.2", "implemented")
        p.set_answer("Z2", "SR 1.1", "partial")
        p.set_answer("site", "ORG 1.1", "partial", ml=1)
        p.store.set_remediation(RemediationItem("Z1", "SR 1.1", owner="OT lead", due_date=date(2025, 9, 30),
                                                state=ItemState.IN_PROGRESS))
    return path


def test_carrying_forward_keeps_zones_and_plan_and_starts_every_answer_afresh(tmp_path: Path) -> None:
    old = last_year(tmp_path / "2025.ot62443")
    before = old.read_bytes()
    with carry_forward(old, tmp_path / "2026.ot62443") as new:
        data = new.store.snapshot()
        assert [(z.id, z.sl_t, z.criticality.value) for z in data.zones] == [
            ("Z1", (2,) * 7, "high"), ("Z2", (1,) * 7, "medium")]
        assert data.answers == {} and (data.info.client, data.info.site) == ("ACME Water", "North works")
        assert (data.info.start_date, data.info.end_date) == (None, None)
        item = data.remediation[("Z1", "SR 1.1")]
        assert (item.owner, item.due_date, item.state) == ("OT lead", date(2025, 9, 30), ItemState.IN_PROGRESS)
        assert data.previous is not None and data.lineage == (data.previous.project_id,)
        last = data.previous.answer("Z1", "SR 1.1")
        assert last is not None and (last.status, last.notes) == (Status.NOT_IMPLEMENTED, "shared operator login")
        assert data.previous.info.end_date == date(2025, 3, 7) and data.previous.previous is None
    assert old.read_bytes() == before  # last year's file is only read
    with open_project(tmp_path / "2026.ot62443", read_only=True) as again:  # the baseline survives closing
        assert again.store.snapshot().previous == data.previous


def year_later(old: Path, new: Path) -> Project:
    """Two gaps fixed, one persisting, one new, Z2 gone, Z3 added with a gap; the site improved."""
    project = carry_forward(old, new)
    project.set_answer("Z1", "SR 1.1", "implemented")  # closed
    project.set_answer("Z1", "SR 1.2", "partial")  # persisting
    project.set_answer("Z1", "SR 6.1", "implemented")
    project.set_answer("Z1", "SR 6.2", "not_implemented")  # new: it was in place; FR 6 falls to SL-A 1
    project.store.remove_zone("Z2")
    project.add_zone("Z3", "Vendor remote access", 1)
    project.set_answer("Z3", "SR 1.1", "partial")  # new, in a new zone
    project.set_answer("site", "ORG 1.1", "implemented", ml=2)  # closed
    return project


def test_compare_counts_closed_new_and_persisting_gaps_per_scope(tmp_path: Path) -> None:
    old = last_year(tmp_path / "2025.ot62443")
    year_later(old, tmp_path / "2026.ot62443").close()
    progress = compare_projects(old, tmp_path / "2026.ot62443")
    summary = progress.summary()
    zones = {z["id"]: z for z in summary["zones"]}
    assert list(zones) == ["Z1", "Z3", "Z2"]  # the zones now, then the ones removed
    assert (zones["Z1"]["closed"], zones["Z1"]["new"], zones["Z1"]["persisting"]) == (1, 1, 1)
    assert zones["Z1"]["sl_a_old"] == [0, 0, 0, 0, 0, 2, 0] and zones["Z1"]["sl_a_new"] == [0, 0, 0, 0, 0, 1, 0]
    assert (zones["Z3"]["sl_a_old"], zones["Z3"]["new"]) == (None, 1)
    assert (zones["Z2"]["sl_a_new"], zones["Z2"]["closed"], zones["Z2"]["persisting"]) == (None, 0, 0)
    assert summary["site"] == {"closed": 1, "new": 0, "persisting": 0}
    assert (summary["closed_total"], summary["new_total"], summary["persisting_total"]) == (2, 2, 1)
    assert (summary["zones_added"], summary["zones_removed"]) == (["Z3"], ["Z2"])
    assert progress.then_date == date(2025, 3, 7)


def test_a_gap_not_yet_reassessed_is_neither_closed_nor_persisting(tmp_path: Path) -> None:
    old = last_year(tmp_path / "2025.ot62443")
    carry_forward(old, tmp_path / "2026.ot62443").close()
    summary = compare_projects(old, tmp_path / "2026.ot62443").summary()
    assert (summary["closed_total"], summary["new_total"], summary["persisting_total"]) == (0, 0, 0)


def test_compare_follows_the_lineage_through_assessments_between(tmp_path: Path) -> None:
    first = last_year(tmp_path / "2024.ot62443")
    carry_forward(first, tmp_path / "2025.ot62443").close()
    with carry_forward(tmp_path / "2025.ot62443", tmp_path / "2026.ot62443") as third:
        assert len(third.store.snapshot().lineage) == 2
    assert compare_projects(first, tmp_path / "2026.ot62443").summary()["zones"][0]["id"] == "Z1"
    with pytest.raises(LineageError, match="was not carried forward from the first"):
        compare_projects(tmp_path / "2026.ot62443", first)  # the wrong way round
    stranger = last_year(tmp_path / "other.ot62443")  # same client and site, but another project
    with pytest.raises(LineageError):
        compare_projects(stranger, tmp_path / "2026.ot62443")


def test_cli_new_from_and_compare(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = last_year(tmp_path / "2025.ot62443")
    new = tmp_path / "2026.ot62443"
    assert main(["new", str(new), "--from", str(old)]) == 0
    assert "2 zones and conduits, 1 remediation items carried forward" in capsys.readouterr().out
    assert main(["answer", str(new), "--scope", "Z1", "--req", "SR 1.1", "--status", "implemented"]) == 0
    capsys.readouterr()
    assert main(["compare", str(old), str(new), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["closed_total"] == 1
    assert main(["compare", str(new), str(old)]) == 1
    assert "was not carried forward from the first" in capsys.readouterr().err
    assert main(["new", str(tmp_path / "x.ot62443"), "--from", str(old), "--client", "X"]) == 1
    assert "leave out --client/--site" in capsys.readouterr().err
    assert main(["new", str(tmp_path / "y.ot62443")]) == 1
    assert "needs --client and --site" in capsys.readouterr().err
    assert main(["new", str(tmp_path / "z.ot62443"), "--from", str(tmp_path / "missing.ot62443")]) == 1
    assert "no such project file" in capsys.readouterr().err
    assert not (tmp_path / "z.ot62443").exists()


def test_a_schema_2_file_upgrades_to_a_project_started_afresh(project_path: Path) -> None:
    ProjectStore.create(project_path, ProjectInfo("ACME Water", "North works")).close()
    raw = json.loads(project_path.read_bytes())
    del raw["meta"]["1"]["lineage"]
    raw["meta"]["1"]["schema_version"] = 2
    project_path.write_text(json.dumps(raw))
    with ProjectStore.open(project_path) as store:
        assert store.snapshot().lineage == () and store.snapshot().previous is None
    assert json.loads(project_path.read_bytes())["meta"]["1"]["schema_version"] == schema.SCHEMA_VERSION


@pytest.mark.parametrize(("spoil", "reason"), [
    (lambda raw: raw["baseline:answers:Z1"]["1"].update(status="maybe"), "previous assessment's table"),
    (lambda raw: raw["baseline:answers:Q9"].update({"1": {"req": "SR 1.1", "status": "partial"}}),
     "belongs to no zone of that assessment"),
    (lambda raw: raw["meta"]["1"].update(lineage=["not an id"]), "lineage must be a list of project ids"),
    (lambda raw: raw["baseline:meta"]["1"].update(project_id=7), "project_id"),
])
def test_a_damaged_baseline_is_refused_naming_it(tmp_path: Path, spoil: object, reason: str) -> None:
    old = last_year(tmp_path / "2025.ot62443")
    carry_forward(old, tmp_path / "2026.ot62443").close()
    path = tmp_path / "2026.ot62443"
    raw = json.loads(path.read_bytes())
    raw.setdefault("baseline:answers:Q9", {})
    spoil(raw)  # type: ignore[operator]
    path.write_text(json.dumps(raw))
    with pytest.raises(StoreError, match=reason):
        ProjectStore.open(path, read_only=True)
