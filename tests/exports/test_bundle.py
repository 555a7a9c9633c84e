"""The evidence bundle as the exports write it (SPEC 12.6): whole or not at all, read back."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from ot62443_desktop.api import Project
from ot62443_desktop.domain.language import Language
from ot62443_desktop.exports.bundle import BundleReport, write_bundle
from ot62443_desktop.exports.bundle_manifest import BundleError
from ot62443_desktop.exports.evidence_files import hash_file, new_evidence
from ot62443_desktop.exports.progress import ExportCancelled, Hooks

MIB = 1 << 20


def attach(project: Project, req: str, path: Path) -> None:
    project.set_answer("Z1", req, "partial", evidence=(new_evidence(path, hash_file(str(path), Hooks())),))


def bundle(project: Project, target: Path, **kwargs: object) -> BundleReport:
    return write_bundle(project.store.snapshot(), project.catalogues, target, project_path=project.store.path,
                        generation=project.store.generation, **kwargs)  # type: ignore[arg-type]


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.fixture
def capture(plant: Project, tmp_path: Path) -> Path:
    """A 3 MiB network capture attached to Z1 SR 1.1."""
    path = tmp_path / "plant.pcap"
    path.write_bytes(bytes(range(256)) * (3 * MIB // 256))
    attach(plant, "SR 1.1", path)
    return path


def test_the_documents_in_the_bundle_are_this_projects_register_and_plan(plant: Project, capture: Path,
                                                                          tmp_path: Path) -> None:
    import openpyxl
    from pypdf import PdfReader

    bundle(plant, tmp_path / "out.zip", language=Language.FR)
    with zipfile.ZipFile(tmp_path / "out.zip") as zf:
        register = openpyxl.load_workbook(io.BytesIO(zf.read("gap-register.xlsx")), read_only=True)
        plan = PdfReader(io.BytesIO(zf.read("remediation-plan.pdf")))
        assert zf.read("evidence/Z1/SR 1.1/plant.pcap") == capture.read_bytes()
    assert "Registre des écarts" in register.sheetnames  # in the language asked for
    assert "ACME Water" in plan.pages[0].extract_text()


def test_progress_runs_up_to_the_end_and_a_cancel_leaves_the_older_bundle(plant: Project, capture: Path,
                                                                          tmp_path: Path) -> None:
    target = tmp_path / "out.zip"
    target.write_bytes(b"last week's bundle")
    before = listing(tmp_path)
    seen: list[int] = []

    def cancel_in_the_evidence() -> bool:
        return bool(seen) and seen[-1] > 400

    with pytest.raises(ExportCancelled):
        bundle(plant, target, hooks=Hooks(progress=lambda done, total: seen.append(done * 1000 // total),
                                          cancelled=cancel_in_the_evidence))
    assert target.read_bytes() == b"last week's bundle"
    assert listing(tmp_path) == before  # no temporary zip, no documents' folder left behind
    seen.clear()
    bundle(plant, target, hooks=Hooks(progress=lambda done, total: seen.append(done * 1000 // total)))
    assert seen == sorted(seen) and seen[-1] == 1000


def test_a_file_changing_while_it_is_packed_stops_the_bundle(plant: Project, capture: Path, tmp_path: Path) -> None:
    """Checked, then copied: a file written to between the two reads is not the one checked."""
    def meddle(done: int, total: int) -> None:
        if done * 1000 // total > 700 and capture.read_bytes()[-1] != 0xEE:  # in the copy, after the check
            with capture.open("r+b") as f:
                f.seek(-1, 2)
                f.write(b"\xee")

    before = listing(tmp_path)
    with pytest.raises(BundleError, match="changed while it was being packed; nothing was written"):
        bundle(plant, tmp_path / "out.zip", hooks=Hooks(progress=meddle))
    assert listing(tmp_path) == before


def test_an_empty_passphrase_is_refused(plant: Project, tmp_path: Path) -> None:
    with pytest.raises(BundleError, match="needs a passphrase"):
        bundle(plant, tmp_path / "out.zip", passphrase="")
    assert not (tmp_path / "out.zip").exists()


def test_a_relative_evidence_path_is_read_from_the_projects_folder(plant: Project, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """A hand-edited project may record a relative path: it means beside the project, wherever it runs."""
    from ot62443_desktop.domain.model import Evidence

    (tmp_path / "photos").mkdir()
    (tmp_path / "photos" / "cabinet.jpg").write_bytes(b"jpeg")
    plant.set_answer("Z1", "SR 1.1", "partial", evidence=(
        Evidence("photos/cabinet.jpg", hash_file(str(tmp_path / "photos" / "cabinet.jpg"), Hooks())),))
    monkeypatch.chdir(tmp_path.parent)
    report = bundle(plant, tmp_path / "out.zip")
    assert [f.path for f in report.evidence] == ["evidence/Z1/SR 1.1/cabinet.jpg"] and report.left_out == ()


AUDIT = """
import os, sys
written = []
def hook(event, args):
    if event == "open" and isinstance(args[0], (str, bytes, os.PathLike)):
        mode, flags = str(args[1] or ""), args[2] if isinstance(args[2], int) else 0
        if any(c in mode for c in "wax+") or flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            written.append(os.fsdecode(args[0]))
sys.addaudithook(hook)
if len(sys.argv) > 2:
    import resource
    resource.setrlimit(resource.RLIMIT_FSIZE, (int(sys.argv[2]), int(sys.argv[2])))
from ot62443_desktop.cli import main
code = main(["bundle", sys.argv[1], "--to", "handoff.zip", "--encrypt"])
print("\\n".join(["WRITTEN", *written]))
sys.exit(code)
"""


def run_bundle(project: Path, tmp_path: Path, *limit: str) -> tuple[subprocess.CompletedProcess[str], list[str]]:
    """`ot62443 bundle --encrypt` in a process of its own, with every file it opens for writing recorded."""
    (tmp_path / "tmp").mkdir(exist_ok=True)
    env = dict(os.environ, OT62443_PASSPHRASE="pw", TMPDIR=str(tmp_path / "tmp"))
    done = subprocess.run([sys.executable, "-c", AUDIT, str(project), *limit], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=300, check=False)
    return done, done.stdout.split("WRITTEN\n", 1)[1].splitlines()


def test_no_readable_copy_of_anything_is_written_but_the_zip(plant: Project, capture: Path, tmp_path: Path) -> None:
    """The register and the plan are made in memory and the evidence streamed into the zip: the only file
    written is the zip's own temporary, renamed at the end (an encrypted bundle leaves nothing readable)."""
    plant.close()
    done, written = run_bundle(plant.store.path, tmp_path)
    assert done.returncode == 0, done.stderr
    assert [Path(name).name for name in written if not Path(name).is_relative_to(os.environ["OT62443_DATA_DIR"])] \
        == [next(Path(name).name for name in written if name.endswith(".tmp"))]
    assert written[-1].startswith(".handoff.zip.") and list((tmp_path / "tmp").iterdir()) == []
    assert (tmp_path / "handoff.zip").exists()


@pytest.mark.skipif(not hasattr(os, "setrlimit") and sys.platform == "win32", reason="POSIX file-size limit")
def test_a_disk_that_fills_up_leaves_no_half_zip(plant: Project, tmp_path: Path) -> None:
    noise = tmp_path / "historian.bak"
    noise.write_bytes(os.urandom(3 * MIB))  # does not deflate: the zip outgrows the limit
    attach(plant, "SR 1.1", noise)
    plant.close()
    (tmp_path / "handoff.zip").write_bytes(b"last week's bundle")
    (tmp_path / "tmp").mkdir()
    before = listing(tmp_path)
    done, _ = run_bundle(plant.store.path, tmp_path, str(2 * MIB))
    assert done.returncode == 1 and done.stderr.count("\n") == 1
    assert "handoff.zip: cannot write the bundle (File too large)" in done.stderr
    assert listing(tmp_path) == before and (tmp_path / "handoff.zip").read_bytes() == b"last week's bundle"


@pytest.mark.skipif(not Path("/proc/self/mem").exists(), reason="Linux's /proc: a regular file that fails with EIO")
def test_evidence_that_fails_when_read_is_left_out_with_the_systems_words(plant: Project, tmp_path: Path) -> None:
    from ot62443_desktop.domain.model import Evidence

    plant.set_answer("Z1", "SR 1.1", "partial", evidence=(Evidence("/proc/self/mem", "0" * 64),))
    report = bundle(plant, tmp_path / "out.zip")
    [left] = report.left_out
    assert (left.problem.value, left.detail) == ("unreadable", "Input/output error")
    assert report.evidence == ()
