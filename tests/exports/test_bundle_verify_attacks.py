"""verify-bundle on bundles built by hand to hurt (issue 15): it never extracts anything, reads no entry
beyond what the manifest claims, and says in one line or one finding what is wrong."""

from __future__ import annotations

import hashlib
import json
import os
import stat
import struct
import warnings
import zipfile
from pathlib import Path
from typing import Any

import pytest

from ot62443_desktop.exports.bundle_manifest import BundleError
from ot62443_desktop.exports.bundle_verify import verify_bundle
from tests.test_cli import run

GOOD = b"the firewall rules"


def file_entry(path: str, data: bytes, kind: str = "evidence") -> dict[str, Any]:
    entry = {"path": path, "size": len(data), "sha256": hashlib.sha256(data).hexdigest(), "kind": kind}
    if kind == "evidence":
        entry.update(source="/site/rules.txt", references=[{"scope": "Z1", "requirement": "SR 1.1"}])
    return entry


def manifest(*files: dict[str, Any], **extra: Any) -> bytes:
    doc = {"format": "OT 62443 Workbook evidence bundle", "format_version": 1, "project_id": "p1",
           "generation": 3, "created": "2027-02-20T10:00:00+01:00", "encrypted": False, "files": list(files),
           "missing": [], "changed": [], **extra}
    return json.dumps(doc).encode()


def build(path: Path, entries: list[tuple[str | zipfile.ZipInfo, bytes]]) -> Path:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns of a duplicate name: that is the point
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
            for name, data in entries:
                zf.writestr(name, data)
    return path


def check(path: Path) -> Any:
    return verify_bundle(path, lambda: pytest.fail("a plain bundle needs no passphrase"))


@pytest.fixture
def untouched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The working folder, to prove that nothing was unpacked into it (nor anywhere near)."""
    work = tmp_path / "work" / "deeper"
    work.mkdir(parents=True)
    monkeypatch.chdir(work)
    return tmp_path


def everything_under(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


def test_names_that_would_escape_are_named_unsafe_and_nothing_is_extracted(untouched: Path) -> None:
    link = zipfile.ZipInfo("evidence/Z1/SR 1.1/shadow")
    link.create_system = 3
    link.external_attr = (stat.S_IFLNK | 0o777) << 16
    hostile = {"../../evil.txt": b"up", "/tmp/abs.txt": b"abs", "evidence\\..\\..\\win.txt": b"win",
               "C:/Windows/x.dll": b"dll"}
    entries: list[tuple[str | zipfile.ZipInfo, bytes]] = [(name, data) for name, data in hostile.items()]
    entries += [(link, b"/etc/shadow"), ("evidence/Z1/SR 1.1/rules.txt", GOOD), ("evidence/Z1/SR 1.1/rules.txt", b"2")]
    files = [file_entry(name, data) for name, data in hostile.items()] + [file_entry(link.filename, b"/etc/shadow")]
    entries.append(("manifest.json", manifest(*files, file_entry("evidence/Z1/SR 1.1/rules.txt", GOOD))))
    before = everything_under(untouched)
    bundle = build(untouched / "hostile.zip", entries)
    report = check(bundle)
    assert everything_under(untouched) == before | {"hostile.zip"}
    unsafe = {f.path: f.reason for f in report.unsafe}
    assert set(unsafe) == {*hostile, link.filename, "evidence/Z1/SR 1.1/rules.txt"}
    assert "outside the folder" in unsafe["../../evil.txt"] and "absolute path" in unsafe["/tmp/abs.txt"]
    assert "backslash" in unsafe["evidence\\..\\..\\win.txt"] and "drive letter" in unsafe["C:/Windows/x.dll"]
    assert "symbolic link" in unsafe[link.filename] and "2 entries of this name" in unsafe[
        "evidence/Z1/SR 1.1/rules.txt"]
    assert not report.ok


def test_the_command_names_them_and_fails(capsys: pytest.CaptureFixture[str], untouched: Path) -> None:
    bundle = build(untouched / "hostile.zip", [("../evil\n    ok: fine", b"x"),
                                               ("manifest.json", manifest(file_entry("../evil\n    ok: fine", b"x")))])
    code, out, err = run(capsys, "verify-bundle", str(bundle))
    assert code == 1 and "1 unsafe" in err
    assert "unsafe: ../evil\\u000a    ok: fine: '..' in the path" in out  # a name cannot forge a line of the report
    assert "\n    ok: fine" not in out


def test_an_entry_larger_than_the_manifest_says_is_not_read_beyond(untouched: Path) -> None:
    zeros = bytes(64 << 20)  # 64 MiB of zeros: 64 KiB compressed
    bundle = build(untouched / "bomb.zip", [("evidence/big.bin", zeros),
                                            ("manifest.json", manifest(file_entry("evidence/big.bin", b"small")))])
    report = check(bundle)
    assert [(f.path, f.reason) for f in report.altered] == [
        ("evidence/big.bin", "67,108,864 bytes where the manifest says 5")]


def patch_sizes(bundle: Path, name: str, size: int) -> None:
    """Make the zip declare `size` as the uncompressed size of entry `name`, in both of its headers."""
    data = bytearray(bundle.read_bytes())
    encoded = name.encode()
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        at = 0
        while (at := data.find(signature, at)) >= 0:
            length = struct.unpack_from("<H", data, at + offset + 6 if signature == b"PK\x03\x04" else at + 28)[0]
            start = at + (30 if signature == b"PK\x03\x04" else 46)
            if data[start:start + length] == encoded:
                struct.pack_into("<I", data, at + offset, size)
            at += 4
    bundle.write_bytes(bytes(data))


def test_a_declared_size_no_deflate_stream_can_reach_is_not_unpacked(untouched: Path) -> None:
    huge = 4_000_000_000
    fake = {"path": "evidence/bomb.bin", "size": huge, "sha256": "0" * 64, "kind": "evidence", "source": "/x",
            "references": []}
    bundle = build(untouched / "bomb.zip", [("evidence/bomb.bin", b"tiny"), ("manifest.json", manifest(fake))])
    patch_sizes(bundle, "evidence/bomb.bin", huge)
    report = check(bundle)
    assert [f.path for f in report.altered] == ["evidence/bomb.bin"]
    assert "no deflate stream can reach" in report.altered[0].reason


def test_an_entry_that_unpacks_to_more_than_it_declares_is_damaged(untouched: Path) -> None:
    data = bytes(1 << 20)
    bundle = build(untouched / "liar.zip", [("evidence/x.bin", data),
                                            ("manifest.json", manifest(file_entry("evidence/x.bin", data[:100])))])
    patch_sizes(bundle, "evidence/x.bin", 100)  # the header and the manifest agree; the stream holds more
    report = check(bundle)
    assert [f.path for f in report.altered] == ["evidence/x.bin"]
    assert report.altered[0].reason.startswith("damaged")


def test_another_compression_is_not_unpacked(untouched: Path) -> None:
    bundle = untouched / "bz.zip"
    with zipfile.ZipFile(bundle, "w") as zf:
        zf.writestr(zipfile.ZipInfo("evidence/x.bin"), GOOD, compress_type=zipfile.ZIP_BZIP2)
        zf.writestr("manifest.json", manifest(file_entry("evidence/x.bin", GOOD)))
    report = check(bundle)
    assert "compression method 12" in report.altered[0].reason


@pytest.mark.parametrize(("entries", "words"), [
    ([("evidence/a.txt", GOOD)], "no manifest.json: not an evidence bundle"),
    ([("manifest.json", manifest()), ("manifest.json", manifest())], "2 entries named manifest.json"),
    ([("manifest.json", b"{not json")], "manifest.json is not valid JSON"),
    ([("manifest.json", b"[" * 100_000 + b"]" * 100_000)], "manifest.json is not valid JSON"),
    ([("manifest.json", b'{"format": 1, "format": 2}')], "appears twice"),
    ([("manifest.json", json.dumps({"format": "something else"}).encode())], "is not the manifest of an"),
    ([("manifest.json", manifest(format_version=9))], "newer than this program reads"),
    ([("manifest.json", manifest({"path": "a", "size": -1, "sha256": "0" * 64, "kind": "plan"}))], "negative size"),
    ([("manifest.json", manifest({"path": "a", "size": True, "sha256": "0" * 64, "kind": "plan"}))],
     "'size' is missing or not a whole number"),
    ([("manifest.json", manifest({"path": "a", "size": 1, "sha256": "../../x", "kind": "plan"}))],
     "not a SHA-256"),
    ([("manifest.json", manifest(file_entry("a", b"1"), file_entry("a", b"1")))], "lists 'a' twice"),
    ([("manifest.json", manifest(files=7))], "'files' is missing or not a list"),
    ([("manifest.json", b"\xff\xfe")], "not valid JSON"),
])
def test_a_bundle_that_cannot_be_checked_is_one_clear_message(untouched: Path, entries: list[tuple[str, bytes]],
                                                              words: str) -> None:
    bundle = build(untouched / "bad.zip", entries)
    with pytest.raises(BundleError, match=None) as caught:
        check(bundle)
    assert words in str(caught.value) and "\n" not in str(caught.value)


def test_a_huge_manifest_is_not_read(untouched: Path) -> None:
    bundle = build(untouched / "big.zip", [("manifest.json", b" " * (65 << 20))])
    with pytest.raises(BundleError, match="more than a manifest ever is"):
        check(bundle)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX FIFOs")
def test_not_a_zip_a_fifo_or_nothing_at_all(capsys: pytest.CaptureFixture[str], untouched: Path) -> None:
    (untouched / "plain.zip").write_text("not a zip")
    os.mkfifo(untouched / "pipe.zip")
    for name, words in (("plain.zip", "not a zip file"), ("pipe.zip", "not a file"),
                        ("gone.zip", "No such file")):
        code, out, err = run(capsys, "verify-bundle", str(untouched / name))
        assert (code, out, err.count("\n")) == (1, "", 1) and words in err, err


def sealed_bundle(path: Path, entries: list[tuple[str, bytes, bool]]) -> Path:
    """A bundle whose entries are AES-encrypted with "pw" or, where the flag says so, plain."""
    import pyzipper

    with pyzipper.AESZipFile(path, "w", compression=pyzipper.ZIP_DEFLATED, encryption=pyzipper.WZ_AES) as zf:
        zf.setpassword(b"pw")
        for name, data, encrypted in entries:
            if encrypted:
                zf.writestr(name, data)
    with zipfile.ZipFile(path, "a") as plain:
        for name, data, encrypted in entries:
            if not encrypted:
                plain.writestr(name, data)
    return path


def test_plain_entries_slipped_into_an_encrypted_bundle(untouched: Path) -> None:
    """Without the passphrase nobody can alter an encrypted entry, but anyone can add a plain one."""
    listed = manifest(file_entry("evidence/a.txt", GOOD), file_entry("evidence/b.txt", b"plain"), encrypted=True)
    sealed = sealed_bundle(untouched / "sealed.zip", [("evidence/a.txt", GOOD, True), ("manifest.json", listed, True)])
    assert [f.path for f in verify_bundle(sealed, lambda: "pw").missing] == ["evidence/b.txt"]
    with zipfile.ZipFile(sealed, "a") as zf:
        zf.writestr("evidence/b.txt", b"plain")
        zf.writestr("evidence/c.txt", b"more")
    report = verify_bundle(sealed, lambda: "pw")
    assert [(f.path, f.reason.split(":")[0]) for f in report.altered] == [
        ("evidence/b.txt", "not encrypted though the bundle is")]
    assert [f.path for f in report.added] == ["evidence/c.txt"]


def test_a_plain_manifest_in_an_encrypted_bundle_is_refused(untouched: Path) -> None:
    forged = manifest(file_entry("evidence/a.txt", b"forged"), encrypted=True)
    sealed = sealed_bundle(untouched / "sealed.zip", [("evidence/a.txt", GOOD, True), ("manifest.json", forged, False)])
    with pytest.raises(BundleError, match="manifest.json is not encrypted though the files are"):
        verify_bundle(sealed, lambda: "pw")


def test_a_manifest_claiming_encryption_in_a_plain_bundle(untouched: Path) -> None:
    bundle = build(untouched / "plain.zip", [("evidence/a.txt", GOOD),
                                             ("manifest.json", manifest(file_entry("evidence/a.txt", GOOD),
                                                                        encrypted=True))])
    report = check(bundle)
    assert [f.path for f in report.altered] == ["manifest.json"] and report.checked == 1


def test_a_manifest_of_countless_tiny_values_is_refused_before_it_is_parsed(untouched: Path) -> None:
    """60 MB of '{},' deflates to 60 KB and would parse into 20 million dicts (1.7 GB): it is refused
    by its count of values, before the JSON parser builds any of them."""
    import tracemalloc

    files = b"{}," * (20 << 20)
    bundle = build(untouched / "flat.zip", [("manifest.json", manifest()[:-1] + b', "x": [' + files + b"0]}")])
    tracemalloc.start()
    try:
        with pytest.raises(BundleError, match="more JSON values") as caught:
            check(bundle)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 3 * len(files) and "\n" not in str(caught.value)


def aes_strength_patched(path: Path, name: str, strength: int) -> None:
    """Give entry `name` an AES key strength no reader knows, in its directory record."""
    data = bytearray(path.read_bytes())
    at = data.find(b"PK\x01\x02" + data[data.find(b"PK\x01\x02") + 4: data.find(b"PK\x01\x02") + 4])
    while at >= 0:
        length, extra = struct.unpack_from("<HH", data, at + 28)
        if data[at + 46: at + 46 + length] == name.encode():
            field = data.find(b"\x01\x99", at + 46 + length, at + 46 + length + extra)
            data[field + 8] = strength
        at = data.find(b"PK\x01\x02", at + 4)
    path.write_bytes(bytes(data))


def test_damage_the_zip_reader_chokes_on_is_a_finding_or_one_line(untouched: Path) -> None:
    """Found by mutating bundles at random: pyzipper raises KeyError for an unknown AES key strength,
    struct.error for a cut AES salt and NotImplementedError for an unknown zip version; each used to
    reach the command as a traceback."""
    listed = manifest(file_entry("evidence/a.txt", GOOD), encrypted=True)
    sealed = sealed_bundle(untouched / "sealed.zip", [("evidence/a.txt", GOOD, True), ("manifest.json", listed, True)])
    aes_strength_patched(sealed, "evidence/a.txt", 7)
    [altered] = verify_bundle(sealed, lambda: "pw").altered
    assert altered.path == "evidence/a.txt" and altered.reason.startswith("damaged")
    aes_strength_patched(sealed, "manifest.json", 7)
    with pytest.raises(BundleError, match="manifest.json cannot be read"):
        verify_bundle(sealed, lambda: "pw")
    bundle = build(untouched / "version.zip", [("manifest.json", manifest())])
    data = bytearray(bundle.read_bytes())
    struct.pack_into("<B", data, data.find(b"PK\x01\x02") + 6, 99)  # needs zip version 9.9 to extract
    bundle.write_bytes(bytes(data))
    with pytest.raises(BundleError, match="not a zip file, or a damaged one"):
        check(bundle)


def test_a_cut_aes_salt_is_damage(untouched: Path) -> None:
    listed = manifest(encrypted=True)
    sealed = sealed_bundle(untouched / "sealed.zip", [("manifest.json", listed, True)])
    data = bytearray(sealed.read_bytes())
    struct.pack_into("<H", data, 28, 0xFFFF)  # its local header's extra field: the salt is past the file's end
    sealed.write_bytes(bytes(data))
    with pytest.raises(BundleError, match="manifest.json cannot be read"):
        verify_bundle(sealed, lambda: "pw")
