"""The user's own catalogues in assessments (SPEC 2: "users may add catalogues of their own"): imported once
(`catalog import`, as File > Import catalogue does), named by a project, then walked, scored and exported like
the built-in ones; a project naming one this computer lacks opens with a warning and loses nothing."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from ot62443_desktop import user_catalogues
from ot62443_desktop.api import InputError, open_project
from ot62443_desktop.catalogues import builtin_catalogues
from ot62443_desktop.domain.model import ProjectInfo
from ot62443_desktop.storage import ProjectStore, StoreError
from tests.test_cli import run

WATER = '''[catalogue]
id = "water-utility"
title = "Water utility checks 2025: pump stations"
scale = "security_level"
[[section]]
id = "FR 1"
code = "IAC"
title = "Identification and authentication control"
[[requirement]]
id = "WU 1.1"
title = "Pump station logins"
section = "FR 1"
level = 1
summary = "Each pump-station operator logs in with an account of their own."
remediation = "Give every operator a personal account on the pump-station HMI."
[[requirement]]
id = "WU 1.2"
title = "Remote pump station access"
section = "FR 1"
level = 3
summary = "Remote access to a pump station passes through the utility's jump host."
'''
PROGRAM = '''[catalogue]
id = "acme-program"
title = "ACME security program rules"
scale = "maturity"
[[section]]
id = "ACME-GOV"
title = "Governance"
[[group]]
id = "ACME-GOV.1"
section = "ACME-GOV"
title = "Ownership"
[[requirement]]
id = "ACME 1"
title = "Named owner for OT security"
group = "ACME-GOV.1"
summary = "One named person owns OT security at the site."
maturity = ["ad hoc", "named", "written down", "reviewed yearly"]
'''


@pytest.fixture
def water(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    source = tmp_path / "water.toml"
    source.write_text(WATER, encoding="utf-8")
    code, out, err = run(capsys, "catalog", "import", str(source))
    assert (code, err) == (0, "") and "imported catalogue 'water-utility'" in out and "2 requirements" in out
    return source


def assessed(path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """A project assessed against the water catalogue: zone Z1 at SL-T 2, WU 1.1 not implemented."""
    p = str(path)
    assert run(capsys, "new", p, "--client", "ACME", "--site", "North", "--catalogue", "water-utility")[0] == 0
    assert run(capsys, "zone", "add", p, "--id", "Z1", "--name", "Pumps", "--sl-t", "2")[0] == 0
    code, _, err = run(capsys, "answer", p, "--scope", "Z1", "--req", "WU 1.1", "--status", "not_implemented",
                       "--notes", "operators share one login")
    assert (code, err) == (0, "")
    return p


def zone(summary: str) -> dict[str, object]:
    z: dict[str, object] = json.loads(summary)["zones"][0]
    return z


def test_an_imported_catalogue_named_by_a_project_is_scored_with_the_same_rules(
        water: Path, project_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = assessed(project_path, capsys)
    z1 = zone(run(capsys, "summary", p, "--json")[1])
    builtin_at_2 = sum(1 for c in builtin_catalogues() for r in c if r.level is not None and r.level <= 2)
    # WU 1.2 is an SL3 requirement: not applicable at SL-T 2, exactly as a built-in SR would not be
    assert z1["applicable"] == builtin_at_2 + 1 and z1["gaps"] == 1
    assert run(capsys, "answer", p, "--scope", "Z1", "--req", "SR 1.1", "--status", "implemented")[0] == 0
    # SL-A of FR 1 counts the company's requirement like any other: WU 1.1 (SL1) unmet keeps FR 1 at 0
    assert zone(run(capsys, "summary", p, "--json")[1])["sl_a"][0] == 0
    assert run(capsys, "answer", p, "--scope", "Z1", "--req", "WU 1.1", "--status", "compensated")[0] == 0
    assert zone(run(capsys, "summary", p, "--json")[1])["gaps"] == 0


def test_the_register_and_the_plan_show_its_gaps_and_name_the_catalogues(
        water: Path, project_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = assessed(project_path, capsys)
    xlsx, pdf = tmp_path / "register.xlsx", tmp_path / "plan.pdf"
    assert run(capsys, "export", p, "--xlsx", str(xlsx), "--pdf", str(pdf))[0] == 0
    wb = openpyxl.load_workbook(xlsx)
    rows = list(wb["Gap register"].iter_rows(values_only=True))
    assert [r[:5] for r in rows[1:]] == [("Z1", "Pumps", "Water utility checks 2025", "WU 1.1", "Pump station logins")]
    assert rows[1][10] == "Give every operator a personal account on the pump-station HMI."
    facts = {r[0]: r[1] for r in wb["Summary"].iter_rows(max_col=2, values_only=True) if r[0]}
    assert facts["Catalogues"] == "IEC 62443-3-3, IEC 62443-2-1, Water utility checks 2025"
    assert "Catalogues missing" not in facts
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(pdf).pages)
    assert "WU 1.1" in text and "Pump station logins" in text and "Water utility checks 2025" in text


def test_a_project_whose_catalogue_is_not_here_warns_keeps_its_answers_and_says_so_in_exports(
        water: Path, project_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = assessed(project_path, capsys)
    with ProjectStore.open(project_path, read_only=True) as store:
        before = store.answer("Z1", "WU 1.1")
    for kept in user_catalogues.folder().glob("*.toml"):
        kept.unlink()

    code, out, err = run(capsys, "summary", p, "--json")
    assert code == 0 and zone(out)["gaps"] == 0
    assert "catalogue 'water-utility' is named by the project but not imported on this computer" in err
    assert "answers recorded against them are kept in the file untouched" in err
    assert run(capsys, "answer", p, "--scope", "Z1", "--req", "SR 1.1", "--status", "implemented")[0] == 0
    code, _, err = run(capsys, "answer", p, "--scope", "Z1", "--req", "WU 1.1", "--status", "implemented")
    assert code == 1 and "unknown requirement 'WU 1.1'" in err

    xlsx, pdf = tmp_path / "register.xlsx", tmp_path / "plan.pdf"
    assert run(capsys, "export", p, "--xlsx", str(xlsx), "--pdf", str(pdf))[0] == 0
    facts = {r[0]: r[1] for r in openpyxl.load_workbook(xlsx)["Summary"].iter_rows(max_col=2, values_only=True)
             if r[0]}
    assert facts["Catalogues missing"].startswith("water-utility: named by the project but not on the computer "
                                                  "that made this document")
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(pdf).pages)
    assert "Catalogues missing" in text and "water-utility: named by the project" in text

    with ProjectStore.open(project_path, read_only=True) as store:
        assert store.answer("Z1", "WU 1.1") == before and store.info.catalogues == ("water-utility",)
    assert run(capsys, "catalog", "import", str(water))[0] == 0  # back on this computer: back in every figure
    code, out, err = run(capsys, "summary", p, "--json")
    assert (code, err) == (0, "") and zone(out)["gaps"] == 1


def test_use_and_drop_a_catalogue_on_a_project_keeping_its_answers(
        water: Path, project_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = assessed(project_path, capsys)
    code, out, _ = run(capsys, "catalog", "drop", p, "water-utility")
    assert code == 0 and "the answers recorded against it stay in the file" in out
    assert zone(run(capsys, "summary", p, "--json")[1])["gaps"] == 0
    code, _, err = run(capsys, "catalog", "drop", p, "water-utility")
    assert code == 1 and "does not use catalogue 'water-utility'" in err
    assert run(capsys, "catalog", "use", p, "water-utility")[0] == 0
    assert zone(run(capsys, "summary", p, "--json")[1])["gaps"] == 1  # the answer was there all along
    code, _, err = run(capsys, "catalog", "use", p, "water-utility")
    assert code == 1 and "already uses" in err


def test_a_catalogue_not_imported_is_refused_and_nothing_is_made_or_changed(
        water: Path, project_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path / "other.ot62443"
    code, _, err = run(capsys, "new", str(other), "--client", "A", "--site", "B", "--catalogue", "nowhere")
    assert code == 1 and "no imported catalogue 'nowhere' (import it first: ot62443 catalog import FILE)" in err
    assert not other.exists()
    p = assessed(project_path, capsys)
    before = project_path.read_bytes()
    code, _, err = run(capsys, "catalog", "use", p, "nowhere")
    assert code == 1 and "no imported catalogue 'nowhere'" in err and project_path.read_bytes() == before


def test_importing_the_same_id_again_needs_replace(water: Path, capsys: pytest.CaptureFixture[str]) -> None:
    water.write_text(WATER.replace("Pump station logins", "Pump station log-ins"), encoding="utf-8")
    code, _, err = run(capsys, "catalog", "import", str(water))
    assert code == 1 and "was imported before; add --replace" in err
    assert run(capsys, "catalog", "import", str(water), "--replace")[0] == 0
    code, out, _ = run(capsys, "catalog", "imported", "--json")
    assert [(c["id"], c["requirements"]) for c in json.loads(out)] == [("water-utility", 2)]
    assert "Pump station log-ins" in next(user_catalogues.folder().glob("*.toml")).read_text("utf-8")


def test_a_maturity_catalogue_joins_the_site_program(project_path: Path, tmp_path: Path) -> None:
    source = tmp_path / "program.toml"
    source.write_text(PROGRAM, encoding="utf-8")
    user_catalogues.keep(*user_catalogues.check(source))
    with open_project(project_path, create=True, client="ACME", site="North") as project:
        project.use_catalogue("acme-program")
        project.set_answer("site", "ACME 1", "partial", ml=1)  # below the target ML2: a gap
        site = project.summary()["site"]
        assert site["requirements"] == len(builtin_catalogues().catalogue("iec62443-2-1")) + 1
        assert site["gaps"] == 1 and [g.requirement.id for g in project.gaps()] == ["ACME 1"]
        with pytest.raises(InputError, match="already uses"):
            project.use_catalogue("acme-program")


def test_an_older_project_file_without_catalogues_reads_as_built_in_only(project_path: Path) -> None:
    store = ProjectStore.create(project_path, ProjectInfo("ACME", "North"))
    store.close()
    raw = json.loads(project_path.read_text("utf-8"))
    assert "catalogues" not in raw["meta"]["1"]["info"]  # a project using none writes what older versions read
    with ProjectStore.open(project_path, read_only=True) as store:
        assert store.info.catalogues == ()


@pytest.mark.parametrize("value", ["water-utility", ["a", "a"], ["bad\nid"], [7]])
def test_a_hand_edited_catalogue_list_is_refused_naming_the_field(project_path: Path, value: object) -> None:
    store = ProjectStore.create(project_path, ProjectInfo("ACME", "North", catalogues=("water-utility",)))
    store.close()
    raw = json.loads(project_path.read_text("utf-8"))
    assert raw["meta"]["1"]["info"]["catalogues"] == ["water-utility"]
    raw["meta"]["1"]["info"]["catalogues"] = value
    project_path.write_text(json.dumps(raw), encoding="utf-8")
    with pytest.raises(StoreError, match="catalogues"):
        ProjectStore.open(project_path, read_only=True)


def test_the_imported_list_names_a_file_that_no_longer_loads(water: Path, capsys: pytest.CaptureFixture[str]) -> None:
    next(user_catalogues.folder().glob("*.toml")).write_text("not = [valid", encoding="utf-8")
    code, out, _ = run(capsys, "catalog", "imported")
    assert code == 0 and "no longer valid" in out and "not valid TOML" in out
    assert len(out.splitlines()) == 1  # one line per file
