"""The team workflow end to end through the `ot62443` command (issue 13): the demo project split into
two work packages, each answered differently on its own laptop, one answer given differently on
both, and both merged back: every answer is there, exactly one conflict, resolved, and the summary is
the one of a project in which the same answers were given directly."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from ot62443_desktop.storage import ProjectStore
from tests.test_cli import run

# (package, scope, requirement, status, notes): what each colleague records on site
PACKAGE_ANSWERS = [
    (1, "SCADA", "SR 1.1", "implemented", "individual accounts on every server"),
    (1, "SCADA", "SR 2.8", "not_implemented", "no audit log forwarding"),
    (1, "HMI", "SR 1.1", "partial", "shared operator login on HMI-3"),
    (1, "site", "ORG 1.1", "partial", "policy approved, not yet communicated"),
    (2, "SIS", "SR 1.1", "implemented", "vendor accounts disabled"),
    (2, "SIS", "SR 3.4", "not_implemented", "no integrity check of the logic"),
    (2, "ENG", "SR 5.1", "partial", "engineering laptop shares the office VLAN"),
    (2, "site", "ORG 1.1", "implemented", "policy signed and trained"),  # the conflict: both hold the site program
]


def answer(capsys: pytest.CaptureFixture[str], path: Path, scope: str, req: str, status: str, notes: str) -> None:
    ml = ["--ml", "2" if status == "partial" else "3"] if scope == "site" else []
    code, _out, err = run(capsys, "answer", str(path), "--scope", scope, "--req", req, "--status", status,
                          "--notes", notes, *ml)
    assert code == 0, err


def all_answers(path: Path) -> dict[tuple[str, str], tuple[str, str]]:
    with ProjectStore.open(path, read_only=True) as store:
        return {key: (a.status.value, a.notes) for key, a in store.answers().items()}


def test_split_into_two_packages_answer_and_merge_back(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    plant = tmp_path / "plant.ot62443"
    assert run(capsys, "demo", str(plant), "--zones", "6")[0] == 0
    reference = tmp_path / "reference.ot62443"  # the same answers given directly, for the expected summary
    shutil.copy(plant, reference)
    before = all_answers(plant)
    packages = {1: tmp_path / "anna" / "scada-hmi.ot62443", 2: tmp_path / "ben" / "sis-eng.ot62443"}
    for n, zones in ((1, "SCADA,HMI"), (2, "SIS,ENG")):
        packages[n].parent.mkdir()
        code, out, err = run(capsys, "split", str(plant), "--zones", zones, "--to", str(packages[n]), "--site")
        assert code == 0 and out.startswith(f"wrote {packages[n]}: 2 zone(s) and the site program"), err
    for n, scope, req, status, notes in PACKAGE_ANSWERS:
        answer(capsys, packages[n], scope, req, status, notes)
        answer(capsys, reference, scope, req, status, notes)  # the last one given wins there

    code, out, _ = run(capsys, "merge", str(plant), str(packages[1]), "--json")
    assert code == 0 and json.loads(out)["taken"] == 4 and json.loads(out)["conflicts"] == []
    code, out, _ = run(capsys, "merge", str(plant), str(packages[2]), "--json")
    assert code == 0 and json.loads(out)["taken"] == 3
    assert json.loads(out)["conflicts"] == [{"scope": "site", "req": "ORG 1.1", "field": "status"}]

    merged = all_answers(plant)
    expected = before | {(scope, req): (status, notes) for _n, scope, req, status, notes in PACKAGE_ANSWERS[:-1]}
    assert merged == expected  # every answer, the conflicting one showing the first merged
    code, out, _ = run(capsys, "summary", str(plant), "--json")
    assert json.loads(out)["conflicts"] == 1
    code, out, _ = run(capsys, "conflicts", str(plant), "--json")
    (conflict,) = json.loads(out)
    assert conflict["mine"]["value"]["notes"] == "policy approved, not yet communicated"
    assert conflict["theirs"]["value"]["notes"] == "policy signed and trained"

    code, out, _ = run(capsys, "resolve", str(plant), "--scope", "site", "--req", "ORG 1.1", "--take", "theirs")
    assert code == 0
    assert all_answers(plant) == all_answers(reference)
    code, out, _ = run(capsys, "summary", str(plant), "--json")
    summary = json.loads(out)
    assert summary["conflicts"] == 0
    assert summary == json.loads(run(capsys, "summary", str(reference), "--json")[1])
    code, out, _ = run(capsys, "history", str(plant), "--scope", "site", "--req", "ORG 1.1", "--json")
    notes = {v["answer"]["notes"] for v in json.loads(out)}
    assert {"policy approved, not yet communicated", "policy signed and trained"} <= notes
    for n in (1, 2):  # merging again changes nothing
        code, out, _ = run(capsys, "merge", str(plant), str(packages[n]), "--json")
        assert json.loads(out)["taken"] == 0 and json.loads(out)["conflicts"] == []
