"""Where an export may land: never over the project or the files that keep it safe, and never
through a link planted at the target (issue 10, item 6)."""

from __future__ import annotations

import errno
import hashlib
import os
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from ot62443_desktop.api import open_project
from ot62443_desktop.cli import main
from ot62443_desktop.domain.catalogue import CatalogueSet
from ot62443_desktop.exports.pdf import write_plan
from ot62443_desktop.exports.progress import ExportError
from ot62443_desktop.exports.xlsx_register import REGISTER_SHEET, write_register

Writer = Callable[..., None]
WRITERS = {"xlsx": write_register, "pdf": write_plan}


@pytest.fixture
def closed_project(project_path: Path) -> Path:
    """A project with a gap, closed: its file holds everything, no journal or lock beside it."""
    with open_project(project_path, create=True, client="ACME Water", site="North works") as project:
        project.add_zone("Z1", "Control network", 1)
        project.set_answer("Z1", "SR 1.1", "partial", notes="note")
    return project_path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def snapshot_of(path: Path) -> object:
    with open_project(path, read_only=True) as project:
        return project.store.snapshot()


def own_files(project_path: Path) -> dict[str, Path]:
    return {"project": project_path, "journal": project_path.with_name(project_path.name + ".journal"),
            "lock": project_path.with_name(project_path.name + ".lock")}


@pytest.mark.parametrize("kind", WRITERS)
@pytest.mark.parametrize("which", ["project", "journal", "lock"])
def test_an_export_onto_the_project_or_its_journal_or_lock_is_refused(
        closed_project: Path, catalogues: CatalogueSet, kind: str, which: str) -> None:
    before_bytes, before = digest(closed_project), snapshot_of(closed_project)
    target = own_files(closed_project)[which]
    with open_project(closed_project) as project:  # open: its journal and lock exist now
        data = project.store.snapshot()
        assert target.exists()
        target_bytes = digest(target)
        with pytest.raises(ExportError, match="choose another name"):
            WRITERS[kind](data, catalogues, target, project_path=closed_project)
        assert digest(target) == target_bytes
    assert digest(closed_project) == before_bytes and snapshot_of(closed_project) == before


@pytest.mark.parametrize("kind", WRITERS)
def test_a_link_or_a_renamed_path_to_the_project_is_refused(closed_project: Path, catalogues: CatalogueSet,
                                                            tmp_path: Path, kind: str) -> None:
    data, before = snapshot_of(closed_project), digest(closed_project)
    link = tmp_path / f"plan.{kind}"
    link.symlink_to(closed_project)
    hard = tmp_path / f"copy.{kind}"
    os.link(closed_project, hard)
    for target in (link, hard, tmp_path / "sub" / ".." / closed_project.name):
        (tmp_path / "sub").mkdir(exist_ok=True)
        with pytest.raises(ExportError):
            WRITERS[kind](data, catalogues, target, project_path=closed_project)
    assert digest(closed_project) == before


def test_a_project_file_name_is_refused_even_when_the_project_is_not_known(
        closed_project: Path, catalogues: CatalogueSet, tmp_path: Path) -> None:
    other = tmp_path / "other.OT62443"
    with pytest.raises(ExportError, match="that is a project file"):
        write_register(snapshot_of(closed_project), catalogues, other)
    assert not other.exists()


def test_the_backups_folder_is_refused(closed_project: Path, catalogues: CatalogueSet, data_dir: Path) -> None:
    backups = data_dir / "backups"
    backups.mkdir(exist_ok=True)
    before = sorted(backups.iterdir())
    with pytest.raises(ExportError, match="keeps its own files"):
        write_plan(snapshot_of(closed_project), catalogues, backups / "plan.pdf")
    assert sorted(backups.iterdir()) == before


@pytest.mark.parametrize("name", ["licensed-text.json", "settings.ini", "catalogues/mine.toml", "logs/ot62443.log",
                                  "cache/icons/x.png"])
def test_the_programs_own_files_are_refused(closed_project: Path, catalogues: CatalogueSet, data_dir: Path,
                                            name: str) -> None:
    """An export over the user's licensed text or imported catalogues would destroy them without a word."""
    target = data_dir / name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("kept")
    with pytest.raises(ExportError, match="keeps its own files"):
        write_register(snapshot_of(closed_project), catalogues, target)
    assert target.read_text() == "kept"


def test_an_export_beside_the_demo_project_is_fine(closed_project: Path, catalogues: CatalogueSet,
                                                   data_dir: Path) -> None:
    (data_dir / "demo").mkdir(exist_ok=True)
    write_register(snapshot_of(closed_project), catalogues, data_dir / "demo" / "register.xlsx")
    assert (data_dir / "demo" / "register.xlsx").read_bytes()[:2] == b"PK"


def test_every_entry_the_program_keeps_in_its_data_folder_is_guarded() -> None:
    """A new file or folder of the program's own in the data folder must join PROGRAM_ENTRIES (the demo's
    folder excepted): found by reading the sources for `data_dir() / "..."`."""
    import re

    import ot62443_desktop
    from ot62443_desktop.storage.targets import PROGRAM_ENTRIES

    source = Path(ot62443_desktop.__file__).parent
    used = {m for path in source.rglob("*.py") for m in re.findall(r'data_dir\(\) / "([^"]+)"', path.read_text())}
    assert used - {"demo"} <= PROGRAM_ENTRIES and len(used) >= 6


@pytest.mark.parametrize("kind", WRITERS)
def test_a_planted_link_is_replaced_and_what_it_points_to_is_untouched(
        closed_project: Path, catalogues: CatalogueSet, tmp_path: Path, kind: str) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    target = tmp_path / f"out.{kind}"
    target.symlink_to(victim)
    WRITERS[kind](snapshot_of(closed_project), catalogues, target, project_path=closed_project)
    assert victim.read_text() == "precious"
    assert target.is_file() and not target.is_symlink()
    if kind == "xlsx":
        assert openpyxl.load_workbook(target)[REGISTER_SHEET].max_row == 2
    else:
        assert len(PdfReader(target).pages) > 5
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith((".out", "out"))) == [target.name]


def test_cli_export_onto_the_project_refuses_and_writes_nothing(
        closed_project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before, pdf = digest(closed_project), tmp_path / "plan.pdf"
    code = main(["export", str(closed_project), "--pdf", str(pdf), "--xlsx", str(closed_project)])
    _out, err = capsys.readouterr()
    assert code == 1 and "that is a project file" in err and str(closed_project) in err
    assert digest(closed_project) == before
    assert not pdf.exists()  # the bad target is found before either file is written


def test_cli_export_writes_both_files(closed_project: Path, tmp_path: Path) -> None:
    code = main(["export", str(closed_project), "--pdf", str(tmp_path / "p.pdf"), "--xlsx",
                 str(tmp_path / "r.xlsx")])
    assert code == 0 and (tmp_path / "p.pdf").is_file() and (tmp_path / "r.xlsx").is_file()


@pytest.mark.parametrize("kind", WRITERS)
def test_a_full_disk_leaves_the_old_export_and_no_temporary_file(
        closed_project: Path, catalogues: CatalogueSet, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        kind: str) -> None:
    target = tmp_path / f"out.{kind}"
    target.write_bytes(b"the previous export")

    def full(fd: int) -> None:  # the disk fills up: the data cannot be made durable
        raise OSError(errno.ENOSPC, "No space left on device")

    snapshot = snapshot_of(closed_project)
    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(ExportError, match=rf"{target}: cannot write the \w+ \(No space left on device\)$"):
        WRITERS[kind](snapshot, catalogues, target)
    assert target.read_bytes() == b"the previous export"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out")] == []


@pytest.mark.parametrize("kind", WRITERS)
def test_the_gui_export_job_refuses_the_project_before_reading_it(closed_project: Path, kind: str) -> None:
    from ot62443_desktop.exports.progress import Hooks
    from ot62443_desktop.ui.jobs import export_file

    before = digest(closed_project)
    with pytest.raises(ExportError, match="choose another name"):
        export_file(str(closed_project), kind, str(closed_project), Hooks())
    assert digest(closed_project) == before
