"""The `ot62443` command: SPEC 8 names, JSON fields and exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ot62443_desktop import __version__
from ot62443_desktop.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse: usage errors and --version
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "--version") == (0, f"ot62443 {__version__}\n", "")


def test_new_zone_answer_summary_json(capsys: pytest.CaptureFixture[str], project_path: Path) -> None:
    p = str(project_path)
    assert run(capsys, "new", p, "--client", "ACME", "--site", "North")[0] == 0
    assert run(capsys, "zone", "add", p, "--id", "Z1", "--name", "Control", "--sl-t", "2",
               "--criticality", "high")[0] == 0
    assert run(capsys, "zone", "add", p, "--id", "C1", "--name", "Remote", "--sl-t", "3,3,2,2,3,1,2")[0] == 0
    assert run(capsys, "answer", p, "--scope", "Z1", "--req", "SR 1.1", "--status", "partial",
               "--notes", "=cmd|' /C calc'!A0")[0] == 0
    assert run(capsys, "answer", p, "--scope", "site", "--req", "ORG 1.1", "--status", "implemented",
               "--ml", "3")[0] == 0
    code, out, _ = run(capsys, "summary", p, "--json")
    data = json.loads(out)
    assert code == 0
    assert set(data) == {"zones", "site", "gaps_total", "conflicts"}
    assert [set(z) for z in data["zones"]] == [
        {"id", "name", "sl_t", "sl_a", "applicable", "met", "gaps", "not_assessed"}] * 2
    assert data["zones"][1]["sl_t"] == [3, 3, 2, 2, 3, 1, 2]
    assert set(data["site"]) == {"target_ml", "requirements", "gaps", "not_assessed"}
    assert data["gaps_total"] == 1 and data["conflicts"] == 0
    code, out, _ = run(capsys, "summary", p)
    assert code == 0 and "Z1" in out and "gaps in total: 1" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["answer", "{p}", "--scope", "Z9", "--req", "SR 1.1", "--status", "partial"], "unknown scope 'Z9'"),
        (["answer", "{p}", "--scope", "Z1", "--req", "SR 9.9", "--status", "partial"], "unknown requirement"),
        (["zone", "add", "{p}", "--id", "Z1", "--name", "Dup", "--sl-t", "1"], "already exists"),
        (["zone", "add", "{p}", "--id", "Z2", "--name", "X", "--sl-t", "7"], "one level 0-4"),
        (["summary", "{d}/absent.ot62443"], "no such project file"),
        (["new", "{p}", "--client", "A", "--site", "B"], "already exists"),
        (["catalog", "validate", "{d}/absent.toml"], "cannot read file"),
        (["export", "{p}"], "name at least one output"),
        (["export", "{p}", "--xlsx", "{d}/no-such-folder/out.xlsx"], "no-such-folder"),
        (["import-register", "{p}", "{d}/in.xlsx"], "in.xlsx"),
    ],
)
def test_errors_exit_1_with_one_line_and_change_nothing(
        capsys: pytest.CaptureFixture[str], project_path: Path, argv: list[str], message: str) -> None:
    p = str(project_path)
    run(capsys, "new", p, "--client", "ACME", "--site", "North")
    run(capsys, "zone", "add", p, "--id", "Z1", "--name", "Control", "--sl-t", "2")
    before = project_path.read_bytes()
    code, out, err = run(capsys, *[a.format(p=p, d=project_path.parent) for a in argv])
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and err.startswith("ot62443: error: ") and message in err
    assert "Traceback" not in err
    assert project_path.read_bytes() == before


def test_damaged_project_is_one_line_error(capsys: pytest.CaptureFixture[str], project_path: Path) -> None:
    project_path.write_bytes(b'{"meta": {"1": ')
    code, _, err = run(capsys, "answer", str(project_path), "--scope", "site", "--req", "ORG 1.1",
                       "--status", "not_applicable")
    assert code == 1 and "damaged or truncated" in err and err.count("\n") == 1
    assert project_path.read_bytes() == b'{"meta": {"1": '


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], project_path: Path) -> None:
    assert run(capsys, "answer", str(project_path), "--scope", "Z1")[0] == 2
    assert run(capsys, "answer", str(project_path), "--scope", "Z1", "--req", "SR 1.1", "--status", "maybe")[0] == 2
    assert run(capsys, "frobnicate")[0] == 2


def test_catalog_list_json_fields(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "catalog", "list", "--json")
    rows = json.loads(out)
    assert code == 0 and len(rows) == 187
    assert all(set(r) == {"catalogue", "id", "parent", "title", "fr", "sl", "spe", "group"} for r in rows)
    by_id = {r["id"]: r for r in rows}
    assert by_id["SR 1.1 RE 1"] == {"catalogue": "iec62443-3-3", "id": "SR 1.1 RE 1", "parent": "SR 1.1",
                                    "title": "Unique identification and authentication", "fr": "FR 1",
                                    "sl": 2, "spe": None, "group": None}
    assert by_id["ORG 1.1"] == {"catalogue": "iec62443-2-1", "id": "ORG 1.1", "parent": None,
                                "title": "Information security management system (ISMS)", "fr": None,
                                "sl": None, "spe": "ORG", "group": "ORG 1"}


def test_catalog_validate(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from ot62443_desktop.catalogues import builtin_catalogue_dir

    good = builtin_catalogue_dir() / "iec62443-3-3.toml"
    code, out, _ = run(capsys, "catalog", "validate", str(good))
    assert code == 0 and "valid catalogue 'iec62443-3-3' (100 requirements)" in out
    bad = tmp_path / "bad.toml"
    bad.write_text(good.read_text().replace('level = 4', 'level = 6', 1))
    code, _, err = run(capsys, "catalog", "validate", str(bad))
    assert code == 1 and "bad.toml: requirement 'SR 1.1 RE 3': level 6 out of range (1-4)" in err


def test_demo_is_deterministic_for_a_seed(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    paths = [tmp_path / f"d{n}.ot62443" for n in range(3)]
    for path, seed in zip(paths, (5, 5, 6), strict=True):
        assert run(capsys, "demo", str(path), "--seed", str(seed))[0] == 0
    summaries = [run(capsys, "summary", str(p), "--json")[1] for p in paths]
    assert summaries[0] == summaries[1] != summaries[2]
    data = json.loads(summaries[0])
    names = {z["name"] for z in data["zones"]}
    assert {"Enterprise DMZ", "SCADA servers", "Safety instrumented system (chlorine store)",
            "Vendor remote-access conduit"} <= names
    assert data["gaps_total"] > 0 and any(z["not_assessed"] > 0 for z in data["zones"])
    assert any(any(z["sl_a"]) for z in data["zones"])


def test_demo_scales_with_zones(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "big.ot62443"
    code, out, _ = run(capsys, "demo", str(path), "--zones", "20", "--seed", "3")
    assert code == 0 and "20 zones" in out
    data = json.loads(run(capsys, "summary", str(path), "--json")[1])
    assert len(data["zones"]) == 20 and data["zones"][-1]["id"] == "PS-008"


@pytest.mark.slow
def test_console_script_and_module_entry_points(tmp_path: Path) -> None:
    env = dict(os.environ, OT62443_DATA_DIR=str(tmp_path / "data"))
    demo = tmp_path / "x.ot62443"
    exe = Path(sys.executable).with_name("ot62443")
    subprocess.run([str(exe), "demo", str(demo)], check=True, env=env, capture_output=True)
    out = subprocess.run([sys.executable, "-m", "ot62443_desktop", "summary", str(demo), "--json"],
                         check=True, env=env, capture_output=True, text=True).stdout
    assert len(json.loads(out)["zones"]) == 12


@pytest.mark.slow
def test_gui_subcommand_opens_the_demo_and_quits_cleanly(tmp_path: Path) -> None:
    env = dict(os.environ, OT62443_DATA_DIR=str(tmp_path / "data"), QT_QPA_PLATFORM="offscreen",
               OT62443_QUIT_AFTER_MS="300")
    done = subprocess.run([sys.executable, "-m", "ot62443_desktop", "gui", "--demo"], env=env, timeout=60,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert list((tmp_path / "data" / "demo").glob("demo-*.ot62443"))  # a fresh copy was written and closed
    assert not list((tmp_path / "data" / "demo").glob("*.lock"))


def test_export_and_import_round_trip_through_the_cli(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    import openpyxl

    project, xlsx, pdf = tmp_path / "d.ot62443", tmp_path / "register.xlsx", tmp_path / "plan.pdf"
    assert run(capsys, "demo", str(project), "--zones", "3")[0] == 0
    code, out, err = run(capsys, "export", str(project), "--xlsx", str(xlsx), "--pdf", str(pdf),
                         "--page-size", "Letter")
    assert code == 0, err
    assert xlsx.read_bytes()[:2] == b"PK" and pdf.read_bytes()[:5] == b"%PDF-"
    wb = openpyxl.load_workbook(xlsx)
    ws = wb["Gap register"]
    header = [c.value for c in ws[1]]
    ws.cell(row=2, column=header.index("Owner") + 1, value="Plant manager")
    wb.save(xlsx)
    before = project.read_bytes()
    code, out, _ = run(capsys, "import-register", str(project), str(xlsx), "--dry-run")
    assert code == 0 and "Plant manager" in out and project.read_bytes() == before
    code, out, _ = run(capsys, "import-register", str(project), str(xlsx))
    assert code == 0 and "Plant manager" in out
    from ot62443_desktop.api import open_project

    with open_project(project, read_only=True) as opened:
        assert any(item.owner == "Plant manager" for item in opened.store.snapshot().remediation.values())


def test_catalog_list_in_french(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "catalog", "list", "--json", "--lang", "fr")
    rows = {row["id"]: row for row in json.loads(out)}
    assert code == 0 and rows["SR 1.1"]["title"] == "Identification et authentification des utilisateurs humains"
    assert rows["SR 1.1"]["fr"] == "FR 1" and rows["ORG 1.1"]["spe"] == "ORG"  # ids stay ids
    code, _, err = run(capsys, "catalog", "list", "--lang", "de")
    assert code == 2 and "invalid choice: 'de'" in err


def test_catalog_validate_reports_what_a_user_catalogue_lacks_in_french(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    english_only = tmp_path / "mine.toml"
    english_only.write_text('[catalogue]\nid = "mine"\ntitle = "Mine"\nscale = "security_level"\n'
                            '[[section]]\nid = "FR 1"\ntitle = "IAC"\n'
                            '[[requirement]]\nid = "X 1"\ntitle = "One"\nsection = "FR 1"\nlevel = 1\nsummary = "S"\n')
    code, out, _ = run(capsys, "catalog", "validate", str(english_only))
    assert code == 0 and "valid catalogue 'mine' (1 requirements)" in out
    assert "no Français text for 4 field(s), shown in English instead: [catalogue]: title, section FR 1: title, " \
           "X 1: title, X 1: summary" in out


def test_a_builtin_catalogue_missing_french_does_not_load(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from ot62443_desktop import catalogues
    from ot62443_desktop.domain.catalogue_loader import CatalogueError

    for name in catalogues.BUILTIN_FILES:
        text = (catalogues.builtin_catalogue_dir() / name).read_text(encoding="utf-8")
        french_title = '[requirement.fr]\ntitle = "Application des autorisations"\n'  # SR 2.1's
        (tmp_path / name).write_text(text.replace(french_title, "[requirement.fr]\n"), encoding="utf-8")
    monkeypatch.setattr(catalogues, "builtin_catalogue_dir", lambda: tmp_path)
    with pytest.raises(CatalogueError, match=r"iec62443-3-3.toml: no Français text for SR 2.1: title"):
        catalogues.builtin_catalogues.__wrapped__()
