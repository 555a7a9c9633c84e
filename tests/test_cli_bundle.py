"""The evidence hand-off through the `ot62443` command (SPEC 12, 12.6): evidence add, bundle, verify-bundle."""

from __future__ import annotations

import hashlib
import json
import os
import zipfile
from pathlib import Path

import pytest

import ot62443_desktop.exports.pdf.document  # noqa: F401 - loaded before sockets are patched: ssl subclasses them
from ot62443_desktop.api import open_project
from tests.test_cli import run
from tests.test_no_network import no_sockets  # noqa: F401 - the fixture


@pytest.fixture
def plant(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> Path:
    """A project with one zone, Z1 at SL-T 2."""
    path = tmp_path / "plant.ot62443"
    run(capsys, "new", str(path), "--client", "ACME", "--site", "North")
    run(capsys, "zone", "add", str(path), "--id", "Z1", "--name", "Control", "--sl-t", "2")
    return path


def attach(capsys: pytest.CaptureFixture[str], project: Path, req: str, file: Path) -> str:
    code, out, err = run(capsys, "evidence", "add", str(project), "--scope", "Z1", "--req", req, str(file))
    assert (code, err) == (0, ""), err
    return out


def evidence_of(project: Path, req: str) -> list[dict[str, object]]:
    with open_project(project, read_only=True) as p:
        answer = p.answer("Z1", req)
    return [] if answer is None else answer["evidence"]


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def rewrite_zip(source: Path, target: Path, *, drop: str = "", replace: tuple[str, bytes] | None = None,
                add: tuple[str, bytes] | None = None) -> None:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            if info.filename == drop:
                continue
            data = replace[1] if replace and info.filename == replace[0] else old.read(info)
            new.writestr(info, data)
        if add:
            new.writestr(*add)


def test_evidence_add_records_the_path_and_sha256_as_the_gui_does(
        capsys: pytest.CaptureFixture[str], plant: Path, tmp_path: Path) -> None:
    photo = tmp_path / "firewall rules.png"
    photo.write_bytes(b"\x89PNG rules")
    out = attach(capsys, plant, "SR 1.1", photo)
    assert out == f"attached {photo} to Z1 SR 1.1 (SHA-256 {sha256(photo.read_bytes())})\n"
    [evidence] = evidence_of(plant, "SR 1.1")
    assert evidence["path"] == str(photo) and evidence["sha256"] == sha256(photo.read_bytes())
    assert evidence["description"] == "firewall rules.png"
    with open_project(plant, read_only=True) as p:
        assert p.answer("Z1", "SR 1.1")["status"] == "not_assessed"  # type: ignore[index]


def test_evidence_add_keeps_the_answer_and_appends(capsys: pytest.CaptureFixture[str], plant: Path,
                                                   tmp_path: Path) -> None:
    run(capsys, "answer", str(plant), "--scope", "Z1", "--req", "SR 1.1", "--status", "partial", "--notes", "two FWs")
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(name)
        attach(capsys, plant, "SR 1.1", tmp_path / name)
    with open_project(plant, read_only=True) as p:
        answer = p.answer("Z1", "SR 1.1")
    assert answer is not None and (answer["status"], answer["notes"]) == ("partial", "two FWs")
    assert [e["description"] for e in answer["evidence"]] == ["a.txt", "b.txt"]


def test_a_relative_file_is_recorded_by_its_absolute_path(capsys: pytest.CaptureFixture[str], plant: Path,
                                                          tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "notes.txt").write_text("x")
    monkeypatch.chdir(tmp_path)
    attach(capsys, plant, "SR 1.2", Path("notes.txt"))
    assert evidence_of(plant, "SR 1.2")[0]["path"] == str(tmp_path / "notes.txt")


def bad_files(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    (tmp_path / "folder").mkdir()
    os.mkfifo(tmp_path / "pipe")
    os.symlink(tmp_path / "loop-b", tmp_path / "loop-a")
    os.symlink(tmp_path / "loop-a", tmp_path / "loop-b")
    return {"missing": (tmp_path / "gone.pdf", "No such file"),
            "directory": (tmp_path / "folder", "not a regular file"),
            "fifo": (tmp_path / "pipe", "not a regular file"),
            "loop": (tmp_path / "loop-a", "symbolic links")}


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs and links as POSIX makes them")
def test_a_file_that_cannot_be_evidence_is_one_line_and_changes_nothing(
        capsys: pytest.CaptureFixture[str], plant: Path, tmp_path: Path) -> None:
    for what, (path, words) in bad_files(tmp_path).items():
        code, out, err = run(capsys, "evidence", "add", str(plant), "--scope", "Z1", "--req", "SR 1.1", str(path))
        assert (code, out, err.count("\n")) == (1, "", 1), what  # the FIFO did not hang the command either
        assert words in err and str(path.name) in err and "nothing was changed" in err, (what, err)
    assert evidence_of(plant, "SR 1.1") == []


def test_unknown_scope_or_requirement_is_refused_before_the_file_is_read(
        capsys: pytest.CaptureFixture[str], plant: Path, tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")  # reading it would hang: the scope is refused first
    for scope, req, words in (("Z9", "SR 1.1", "unknown scope 'Z9'"), ("Z1", "SR 99.9", "unknown requirement"),
                              ("site", "SR 1.1", "per zone")):
        code, out, err = run(capsys, "evidence", "add", str(plant), "--scope", scope, "--req", req,
                             str(tmp_path / "pipe"))
        assert (code, out, err.count("\n")) == (1, "", 1) and words in err, err
    assert evidence_of(plant, "SR 1.1") == []


def test_the_same_file_twice_is_refused(capsys: pytest.CaptureFixture[str], plant: Path, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("a")
    attach(capsys, plant, "SR 1.1", tmp_path / "a.txt")
    code, out, err = run(capsys, "evidence", "add", str(plant), "--scope", "Z1", "--req", "SR 1.1",
                         str(tmp_path / "a.txt"))
    assert (code, out) == (1, "") and "already attached" in err
    assert len(evidence_of(plant, "SR 1.1")) == 1


@pytest.fixture
def handed_off(capsys: pytest.CaptureFixture[str], plant: Path, tmp_path: Path) -> tuple[Path, str]:
    """A bundle of Z1 with two evidence files in it, one changed on disk and one deleted after attaching."""
    files = tmp_path / "evidence"
    files.mkdir()
    for name, req in (("rules.txt", "SR 1.1"), ("backup-log.txt", "SR 1.1"), ("changed.txt", "SR 1.2"),
                      ("deleted.txt", "SR 2.1")):
        (files / name).write_text(f"content of {name}")
        attach(capsys, plant, req, files / name)
    attach(capsys, plant, "SR 1.3", files / "rules.txt")  # one file, two answers
    (files / "changed.txt").write_text("edited after it was attached")
    (files / "deleted.txt").unlink()
    bundle = tmp_path / "handoff.zip"
    code, out, err = run(capsys, "bundle", str(plant), "--to", str(bundle))
    assert (code, err) == (0, ""), err
    return bundle, out


def test_the_bundle_holds_the_documents_the_evidence_and_a_manifest(handed_off: tuple[Path, str],
                                                                     tmp_path: Path) -> None:
    bundle, out = handed_off
    with zipfile.ZipFile(bundle) as zf:  # a plain bundle opens with any zip reader
        names = zf.namelist()
        manifest = json.loads(zf.read("manifest.json"))
        contents = {name: zf.read(name) for name in names}
    assert names == ["gap-register.xlsx", "remediation-plan.pdf", "evidence/Z1/SR 1.1/rules.txt",
                     "evidence/Z1/SR 1.1/backup-log.txt", "manifest.json"]
    assert contents["evidence/Z1/SR 1.1/rules.txt"] == b"content of rules.txt"
    assert contents["remediation-plan.pdf"].startswith(b"%PDF") and contents["gap-register.xlsx"][:2] == b"PK"
    with open_project(tmp_path / "plant.ot62443", read_only=True) as p:
        assert (manifest["project_id"], manifest["generation"]) == (p.store.project_id, p.store.generation)
    assert manifest["created"] and manifest["encrypted"] is False
    for entry in manifest["files"]:
        assert (entry["size"], entry["sha256"]) == (len(contents[entry["path"]]), sha256(contents[entry["path"]]))
    rules = next(f for f in manifest["files"] if f["path"].endswith("rules.txt"))
    assert rules["source"] == str(tmp_path / "evidence" / "rules.txt")
    assert [(r["scope"], r["requirement"]) for r in rules["references"]] == [("Z1", "SR 1.1"), ("Z1", "SR 1.3")]
    [missing] = manifest["missing"]
    [changed] = manifest["changed"]
    assert (missing["source"].endswith("deleted.txt"), missing["reason"]) == (True, "gone")
    assert changed["source"].endswith("changed.txt") and changed["reason"] == "changed"
    assert changed["recorded_sha256"] == sha256(b"content of changed.txt")
    assert changed["found_sha256"] == sha256(b"edited after it was attached")
    assert not any(b"edited after" in data for data in contents.values())  # left out, not packed as evidence
    assert "2 evidence file(s) for 2 answer(s)" in out
    assert "deleted.txt (Z1 SR 2.1): no such file" in out and "changed.txt (Z1 SR 1.2): changed since" in out
    assert f"manifest SHA-256: {sha256(contents['manifest.json'])}" in out
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary left behind


def test_verify_bundle_passes_a_bundle_as_written_and_names_what_was_left_out(
        capsys: pytest.CaptureFixture[str], handed_off: tuple[Path, str]) -> None:
    bundle, _ = handed_off
    code, out, err = run(capsys, "verify-bundle", str(bundle))
    assert (code, err) == (0, "")
    assert "4 file(s) match the manifest" in out
    assert "left out when bundled: " in out and "deleted.txt (Z1 SR 2.1): no such file" in out
    code, out, err = run(capsys, "verify-bundle", str(bundle), "--json")
    report = json.loads(out)
    assert (code, report["ok"], report["checked"]) == (0, True, 4)
    assert [f["reason"] for f in report["evidence_missing_when_bundled"]] == ["gone"]
    assert [f["references"] for f in report["evidence_changed_when_bundled"]] == [[{"scope": "Z1",
                                                                                   "requirement": "SR 1.2"}]]


def test_verify_bundle_names_each_entry_altered_added_or_missing(
        capsys: pytest.CaptureFixture[str], handed_off: tuple[Path, str], tmp_path: Path) -> None:
    bundle, _ = handed_off
    tampered = tmp_path / "tampered.zip"
    rewrite_zip(bundle, tampered, drop="remediation-plan.pdf",
                replace=("evidence/Z1/SR 1.1/rules.txt", b"content of rules.txt, one rule less"),
                add=("evidence/Z1/SR 1.1/extra.txt", b"slipped in"))
    code, out, err = run(capsys, "verify-bundle", str(tampered))
    assert code == 1 and err.count("\n") == 1
    assert "1 altered, 1 added, 1 missing" in err
    assert "altered: evidence/Z1/SR 1.1/rules.txt: 35 bytes where the manifest says 20" in out
    assert "added: evidence/Z1/SR 1.1/extra.txt: in the zip, not in the manifest" in out
    assert "missing: remediation-plan.pdf: in the manifest, not in the zip" in out
    assert "2 file(s) match the manifest" in out
    code, out, _ = run(capsys, "verify-bundle", str(tampered), "--json")
    report = json.loads(out)
    assert code == 1 and report["ok"] is False
    assert [f["path"] for f in report["altered"]] == ["evidence/Z1/SR 1.1/rules.txt"]
    assert [f["path"] for f in report["added"]] == ["evidence/Z1/SR 1.1/extra.txt"]
    assert [f["path"] for f in report["missing"]] == ["remediation-plan.pdf"]


def test_an_entry_changed_but_kept_the_same_size_is_caught_by_its_sum(
        capsys: pytest.CaptureFixture[str], handed_off: tuple[Path, str], tmp_path: Path) -> None:
    bundle, _ = handed_off
    tampered = tmp_path / "tampered.zip"
    rewrite_zip(bundle, tampered, replace=("evidence/Z1/SR 1.1/rules.txt", b"content of RULES.txt"))
    code, out, err = run(capsys, "verify-bundle", str(tampered))
    assert code == 1 and "1 altered" in err
    assert f"altered: evidence/Z1/SR 1.1/rules.txt: content changed: SHA-256 {sha256(b'content of RULES.txt')}" in out


def test_a_bundle_is_never_written_over_the_project_or_an_evidence_file(
        capsys: pytest.CaptureFixture[str], plant: Path, tmp_path: Path) -> None:
    (tmp_path / "a.zip").write_bytes(b"evidence that happens to be a zip")
    attach(capsys, plant, "SR 1.1", tmp_path / "a.zip")
    for target, words in ((plant, "project file"), (tmp_path / "a.zip", "evidence file of this project"),
                          (tmp_path / "nowhere" / "b.zip", "no such folder")):
        before = target.read_bytes() if target.exists() else None
        code, out, err = run(capsys, "bundle", str(plant), "--to", str(target))
        assert (code, out, err.count("\n")) == (1, "", 1) and words in err, err
        assert (target.read_bytes() if target.exists() else None) == before


def test_a_project_naming_a_private_file_does_not_get_it_packed(
        capsys: pytest.CaptureFixture[str], plant: Path, tmp_path: Path) -> None:
    """A project from someone else may name any local file as evidence; only the file attached (its
    recorded SHA-256) is packed, so a key it names with a made-up sum never leaves in the zip."""
    key = tmp_path / "id_ed25519"
    key.write_text("-----BEGIN OPENSSH PRIVATE KEY----- secret")
    with open_project(plant) as p:
        from ot62443_desktop.domain.model import Evidence

        p.set_answer("Z1", "SR 1.1", "partial", evidence=(Evidence(str(key), "0" * 64, "photo.jpg"),
                                                          Evidence("//attacker/share/x.png", "1" * 64, "x")))
    code, out, err = run(capsys, "bundle", str(plant), "--to", str(tmp_path / "out.zip"))
    assert code == 0, err
    with zipfile.ZipFile(tmp_path / "out.zip") as zf:
        assert not any(b"PRIVATE KEY" in zf.read(name) for name in zf.namelist())
        manifest = json.loads(zf.read("manifest.json"))
    assert [f["reason"] for f in manifest["changed"]] == ["changed"]
    assert [(f["source"], f["reason"]) for f in manifest["missing"]] == [("//attacker/share/x.png", "network")]
    assert "on a network share, never opened" in out


def test_a_link_is_followed_to_the_file_attached_and_no_further(
        capsys: pytest.CaptureFixture[str], plant: Path, tmp_path: Path) -> None:
    real, other = tmp_path / "capture.pcap", tmp_path / "passwords.kdbx"
    real.write_bytes(b"pcap bytes")
    other.write_bytes(b"a password store")
    link = tmp_path / "latest.pcap"
    link.symlink_to(real)
    attach(capsys, plant, "SR 1.1", link)
    assert evidence_of(plant, "SR 1.1")[0]["path"] == str(link)  # the name chosen, as a file dialog gives it
    run(capsys, "bundle", str(plant), "--to", str(tmp_path / "one.zip"))
    with zipfile.ZipFile(tmp_path / "one.zip") as zf:
        assert zf.read("evidence/Z1/SR 1.1/latest.pcap") == b"pcap bytes"
    link.unlink()
    link.symlink_to(other)  # pointed elsewhere since: that is not the evidence
    run(capsys, "bundle", str(plant), "--to", str(tmp_path / "two.zip"))
    with zipfile.ZipFile(tmp_path / "two.zip") as zf:
        assert [n for n in zf.namelist() if n.startswith("evidence/")] == []
        assert json.loads(zf.read("manifest.json"))["changed"][0]["source"] == str(link)


def test_names_in_the_bundle_are_safe_and_unique_without_regard_to_case(
        capsys: pytest.CaptureFixture[str], plant: Path, tmp_path: Path) -> None:
    names = ["Photo.JPG", "photo.jpg", "CON.txt", "\u202egnp.exe", "x" * 200 + ".png", "line\nbreak.txt"]
    for n, name in enumerate(names):
        folder = tmp_path / f"d{n}"
        folder.mkdir()
        (folder / name).write_text(name)
        attach(capsys, plant, "SR 1.1", folder / name)
    run(capsys, "bundle", str(plant), "--to", str(tmp_path / "out.zip"))
    with zipfile.ZipFile(tmp_path / "out.zip") as zf:
        files = [n.rsplit("/", 1)[1] for n in zf.namelist() if n.startswith("evidence/Z1/SR 1.1/")]
    assert files[:3] == ["Photo.JPG", "photo (2).jpg", "_CON.txt"]
    assert files[3] == "_gnp.exe" and files[5] == "line_break.txt"
    assert len(files[4]) == 80 and files[4].endswith(".png")
    assert len({f.casefold() for f in files}) == len(files)


def test_an_encrypted_bundle_opens_with_the_passphrase_only(
        capsys: pytest.CaptureFixture[str], handed_off: tuple[Path, str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    import pyzipper

    plant = tmp_path / "plant.ot62443"
    monkeypatch.setenv("OT62443_PASSPHRASE", "correct horse battery staple")
    code, out, err = run(capsys, "bundle", str(plant), "--to", str(tmp_path / "sealed.zip"), "--encrypt")
    assert (code, err) == (0, "") and "AES-256 encrypted" in out
    with pyzipper.AESZipFile(tmp_path / "sealed.zip") as zf:
        assert all(info.flag_bits & 1 for info in zf.infolist())
        with pytest.raises(RuntimeError, match="requires a password"):
            zf.read("manifest.json")
        with pytest.raises(RuntimeError, match="Bad password"):
            zf.read("manifest.json", pwd=b"wrong")
        zf.setpassword(b"correct horse battery staple")
        assert zf.read("evidence/Z1/SR 1.1/rules.txt") == b"content of rules.txt"
        assert json.loads(zf.read("manifest.json"))["encrypted"] is True
    with zipfile.ZipFile(tmp_path / "sealed.zip") as zf, pytest.raises((RuntimeError, NotImplementedError)):
        zf.read("manifest.json")  # the standard library cannot read it at all
    code, out, err = run(capsys, "verify-bundle", str(tmp_path / "sealed.zip"))
    assert code == 0 and "4 file(s) match" in out
    monkeypatch.setenv("OT62443_PASSPHRASE", "wrong")
    code, out, err = run(capsys, "verify-bundle", str(tmp_path / "sealed.zip"))
    assert (code, out, err.count("\n")) == (1, "", 1) and "passphrase does not open this bundle" in err


def test_no_passphrase_no_bundle(capsys: pytest.CaptureFixture[str], plant: Path, tmp_path: Path,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OT62443_PASSPHRASE", raising=False)
    code, out, err = run(capsys, "bundle", str(plant), "--to", str(tmp_path / "sealed.zip"), "--encrypt")
    assert (code, out, err.count("\n")) == (1, "", 1) and "OT62443_PASSPHRASE" in err
    assert not (tmp_path / "sealed.zip").exists()
    code, _, err = run(capsys, "bundle", str(plant), "--to", str(tmp_path / "x.zip"), "--passphrase", "no")
    assert code == 2  # never an argument


@pytest.mark.usefixtures("no_sockets")
def test_the_hand_off_touches_no_network(capsys: pytest.CaptureFixture[str], plant: Path,
                                         tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """SPEC 9 for the new commands (the AES zip library included); a share a project names is never opened."""
    (tmp_path / "a.txt").write_text("a")
    attach(capsys, plant, "SR 1.1", tmp_path / "a.txt")
    with open_project(plant) as p:
        from ot62443_desktop.domain.model import Evidence

        p.set_answer("Z1", "SR 1.2", "partial", evidence=(Evidence("\\\\127.0.0.1\\share\\x.png", "1" * 64),))
    monkeypatch.setenv("OT62443_PASSPHRASE", "pw")
    assert run(capsys, "bundle", str(plant), "--to", str(tmp_path / "b.zip"), "--encrypt")[0] == 0
    assert run(capsys, "verify-bundle", str(tmp_path / "b.zip"))[0] == 0
