"""Every bundle the program writes passes its own verify-bundle and unpacks as it says (issue 15), whatever
its evidence files and zones are called; one it could not verify is never written."""

from __future__ import annotations

import hashlib
import os
import tempfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ot62443_desktop.api import open_project
from ot62443_desktop.domain.file_names import MAX_BYTES
from ot62443_desktop.exports import bundle_manifest
from ot62443_desktop.exports.bundle import write_bundle
from ot62443_desktop.exports.bundle_manifest import BundleError
from ot62443_desktop.exports.bundle_verify import verify_bundle
from ot62443_desktop.exports.evidence_files import hash_file, new_evidence
from ot62443_desktop.exports.progress import Hooks

REQUIREMENTS = ("SR 1.1", "SR 1.2", "SR 2.1")
# a file name this system can hold: no separator or NUL, not "." or "..", at most 255 bytes
file_names = st.text(st.characters(exclude_characters="/\0", exclude_categories=("Cs",)), min_size=1,
                     max_size=70).filter(lambda n: n not in (".", "..") and len(os.fsencode(n)) <= MAX_BYTES)
zone_ids = st.sampled_from(["Z1", "z1", "CON", "a..", "Z1.", "LPT1"])


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(evidence=st.lists(st.tuples(zone_ids, st.sampled_from(REQUIREMENTS), file_names, st.binary(max_size=64)),
                         min_size=1, max_size=10),
       passphrase=st.sampled_from([None, "pässwörd ✓"]))
def test_a_bundle_passes_its_own_check_and_unpacks_as_its_manifest_says(
        evidence: list[tuple[str, str, str, bytes]], passphrase: str | None) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        with open_project(root / "plant.ot62443", create=True, client="ACME", site="North") as project:
            for zone in {zone for zone, *_ in evidence}:
                project.add_zone(zone, f"zone {zone}", 2)
            attached: dict[tuple[str, str], list[object]] = {}
            for n, (zone, req, name, data) in enumerate(evidence):
                (root / str(n)).mkdir()
                path = root / str(n) / name
                path.write_bytes(data)
                attached.setdefault((zone, req), []).append(new_evidence(path, hash_file(str(path), Hooks())))
            for (zone, req), files in attached.items():
                project.set_answer(zone, req, "partial", evidence=tuple(files))  # type: ignore[arg-type]
            report = write_bundle(project.store.snapshot(), project.catalogues, root / "out.zip",
                                  project_path=project.store.path, generation=project.store.generation,
                                  passphrase=passphrase)
        assert report.left_out == () and len(report.evidence) == len(evidence)
        checked = verify_bundle(root / "out.zip", lambda: passphrase or pytest.fail("asked for no reason"))
        assert checked.ok, [(f.path, f.reason) for f in checked.unsafe + checked.altered + checked.added]
        assert checked.checked == len(evidence) + 2 and checked.manifest_sha256 == report.manifest_sha256
        unpacked = root / "unpacked"
        with zipfile.ZipFile(root / "out.zip") as zf:
            if passphrase is None:
                zf.extractall(unpacked)  # on this system's file system, every name as written
        for f in report.evidence if passphrase is None else ():
            assert hashlib.sha256((unpacked / f.path).read_bytes()).hexdigest() == f.sha256


def test_a_bundle_whose_manifest_verify_bundle_would_refuse_is_not_written(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Far more evidence files than any project has (about 2 million values): the limit is lowered here
    to what three files make, so the test need not attach millions."""
    with open_project(tmp_path / "plant.ot62443", create=True, client="ACME", site="North") as project:
        project.add_zone("Z1", "Control", 2)
        files = []
        for n in range(3):
            (tmp_path / f"{n}.txt").write_text(str(n))
            files.append(new_evidence(tmp_path / f"{n}.txt", hash_file(str(tmp_path / f"{n}.txt"), Hooks())))
        project.set_answer("Z1", "SR 1.1", "partial", evidence=tuple(files))
        monkeypatch.setattr(bundle_manifest, "MAX_VALUES", 40)
        with pytest.raises(BundleError, match="too many evidence files for one bundle; nothing was written"):
            write_bundle(project.store.snapshot(), project.catalogues, tmp_path / "out.zip",
                         project_path=project.store.path, generation=project.store.generation)
    assert not (tmp_path / "out.zip").exists()
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".zip" or ".zip." in p.name] == []


def test_evidence_paths_a_hand_edited_project_may_hold_are_left_out_not_a_crash(tmp_path: Path) -> None:
    """A NUL (JSON allows "\\u0000"), a path longer than any system takes, a device, a folder, a FIFO:
    each is listed as left out, and the bundle still checks."""
    from ot62443_desktop.domain.model import Evidence

    os.mkfifo(tmp_path / "pipe")
    paths = {str(tmp_path / "a\0b.txt"): "unreadable", "/" + "long/" * 2000: "unreadable", "/dev/zero": "not_a_file",
             str(tmp_path): "not_a_file", str(tmp_path / "pipe"): "not_a_file", "//host/share/x.pdf": "network"}
    with open_project(tmp_path / "plant.ot62443", create=True, client="ACME", site="North") as project:
        project.add_zone("Z1", "Control", 2)
        project.set_answer("Z1", "SR 1.1", "partial", evidence=tuple(Evidence(p, "0" * 64) for p in paths))
        report = write_bundle(project.store.snapshot(), project.catalogues, tmp_path / "out.zip",
                              project_path=project.store.path, generation=project.store.generation)
    assert {item.source: item.problem.value for item in report.left_out} == paths
    assert verify_bundle(tmp_path / "out.zip", lambda: pytest.fail("not encrypted")).ok
