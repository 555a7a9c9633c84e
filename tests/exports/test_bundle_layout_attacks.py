"""verify-bundle on zips that other tools would read differently (issue 15): a zip hidden before the
bundle or between its entries, entries sharing bytes, local headers that disagree with the directory,
second names, undeclared encodings, names that are one file on Windows or macOS. Each is unsafe;
the bundles the program writes, and the same bundles rewritten by ordinary tools, are not."""

from __future__ import annotations

import hashlib
import io
import struct
import zipfile
import zlib
from pathlib import Path

import pytest

from ot62443_desktop.exports.bundle_manifest import BundleError
from tests.exports.test_bundle_verify_attacks import GOOD, build, check, file_entry, manifest

LOCAL = struct.Struct("<4sHHHHHIIIHH")
CENTRAL = struct.Struct("<4sHHHHHHIIIHHHHHII")


def local(name: bytes, data: bytes, *, flags: int = 0, method: int = 0, sizes: tuple[int, int] | None = None,
          extra: bytes = b"") -> bytes:
    """A local header (stored data unless told) and its data; `sizes` (compressed, size) to lie."""
    compressed, size = sizes or (len(data), len(data))
    return LOCAL.pack(b"PK\x03\x04", 20, flags, method, 0, 0x21, zlib.crc32(data), compressed, size, len(name),
                      len(extra)) + name + extra + data


def central(name: bytes, data: bytes, offset: int, *, flags: int = 0, extra: bytes = b"") -> bytes:
    return CENTRAL.pack(b"PK\x01\x02", 20, 20, flags, 0, 0, 0x21, zlib.crc32(data), len(data), len(data), len(name),
                        len(extra), 0, 0, 0, 0, offset) + name + extra


def handmade(path: Path, locals_: list[bytes], centrals: list[bytes], *, count: int | None = None) -> Path:
    body = b"".join(locals_)
    directory = b"".join(centrals)
    end = struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, count if count is not None else len(centrals),
                      count if count is not None else len(centrals), len(directory), len(body), 0)
    path.write_bytes(body + directory + end)
    return path


def straight(path: Path, entries: list[tuple[bytes, bytes]], **kwargs: object) -> Path:
    """A stored zip of `entries` (name, data), every header true, plus the manifest listing them."""
    listed = manifest(*(file_entry(name.decode(), data) for name, data in entries))
    entries = [*entries, (b"manifest.json", listed)]
    locals_, centrals, offset = [], [], 0
    for name, data in entries:
        locals_.append(local(name, data, **kwargs))  # type: ignore[arg-type]
        centrals.append(central(name, data, offset))
        offset += len(locals_[-1])
    return handmade(path, locals_, centrals)


def reasons(path: Path) -> list[tuple[str, str]]:
    report = check(path)
    assert not report.ok
    return [(f.path, f.reason) for f in report.unsafe]


def a_bundle(tmp_path: Path) -> bytes:
    return build(tmp_path / "good.zip", [("evidence/a.txt", GOOD),
                                         ("manifest.json", manifest(file_entry("evidence/a.txt", GOOD)))]).read_bytes()


def test_a_zip_hidden_before_the_bundle_is_unsafe(tmp_path: Path) -> None:
    """A reader that starts at the top (Java's ZipInputStream) unpacks the hidden zip's evidence/a.txt."""
    hidden = io.BytesIO()
    with zipfile.ZipFile(hidden, "w") as zf:
        zf.writestr("evidence/a.txt", b"forged")
    bundle = tmp_path / "prepended.zip"
    bundle.write_bytes(hidden.getvalue() + a_bundle(tmp_path))
    report = check(bundle)
    assert report.checked == 1 and not report.ok  # every sum matches: only the layout gives it away
    [(path, reason)] = [(f.path, f.reason) for f in report.unsafe]
    assert path == "" and reason.startswith(f"{len(hidden.getvalue())} bytes before evidence/a.txt belong to no entry")


def test_bytes_after_the_end_are_unsafe(tmp_path: Path) -> None:
    bundle = tmp_path / "appended.zip"
    bundle.write_bytes(a_bundle(tmp_path) + b"PK\x03\x04 more")
    assert reasons(bundle) == [("", "9 bytes after the zip's end record belong to no part of it")]


def test_an_entry_left_out_of_the_directory_is_found_between_the_others(tmp_path: Path) -> None:
    bundle = tmp_path / "between.zip"
    with zipfile.ZipFile(bundle, "w") as zf:
        zf.writestr("evidence/a.txt", GOOD)
        zf.writestr("evidence/hidden.txt", b"seen only by streaming readers")
        zf.writestr("manifest.json", manifest(file_entry("evidence/a.txt", GOOD)))
        zf.filelist = [i for i in zf.filelist if i.filename != "evidence/hidden.txt"]
    [(path, reason)] = reasons(bundle)
    assert path == "" and " bytes between evidence/a.txt and manifest.json belong to no entry" in reason


def test_entries_sharing_bytes_are_never_unpacked(tmp_path: Path) -> None:
    """The overlap of "a better zip bomb": an entry's data holds the next entry whole, so every
    byte is counted twice. Both are left unread and named."""
    inner_name, inner = b"evidence/b.txt", GOOD
    quoted = local(inner_name, inner)
    outer_name = b"evidence/a.txt"
    outer = local(outer_name, quoted)
    listed = manifest(file_entry("evidence/a.txt", quoted), file_entry("evidence/b.txt", inner))
    tail = local(b"manifest.json", listed)
    centrals = [central(outer_name, quoted, 0), central(inner_name, inner, LOCAL.size + len(outer_name)),
                central(b"manifest.json", listed, len(outer))]
    bundle = handmade(tmp_path / "overlap.zip", [outer, tail], centrals)
    report = check(bundle)
    assert {f.path: f.reason for f in report.altered} == {
        "evidence/a.txt": "not unpacked: its bytes are also another entry's (see unsafe)",
        "evidence/b.txt": "not unpacked: its bytes are also another entry's (see unsafe)"}
    assert [(f.path, f.reason) for f in report.unsafe] == [
        ("evidence/b.txt", "its bytes are also those of evidence/a.txt (how zip bombs multiply their size): "
                           "not unpacked")]


def test_a_local_header_that_disagrees_with_the_directory(tmp_path: Path) -> None:
    """The directory says 18 bytes; a reader that starts at the top reads 4, then looks for the next header."""
    bundle = straight(tmp_path / "liar.zip", [(b"evidence/a.txt", GOOD)], sizes=(4, 4))
    found = dict(reasons(bundle))
    assert found["evidence/a.txt"] == ("its local header and the zip's directory disagree on its sizes or checksum: "
                                       "tools that read the zip from its start unpack something else")
    assert check(bundle).checked == 1  # the directory's reading of it matches the manifest


def test_a_local_name_in_another_encoding(tmp_path: Path) -> None:
    name = "evidence/été.txt".encode()
    locals_ = [local(name, GOOD, flags=0)]  # the directory says UTF-8; the local header does not
    listed = manifest(file_entry("evidence/été.txt", GOOD))
    locals_.append(local(b"manifest.json", listed))
    bundle = handmade(tmp_path / "enc.zip", locals_, [central(name, GOOD, 0, flags=0x800),
                                                       central(b"manifest.json", listed, len(locals_[0]))])
    assert ("evidence/été.txt", "its local header and the zip's directory disagree on its name: tools that read "
                                "the zip from its start unpack something else") in reasons(bundle)


def test_a_second_name_that_unzip_would_unpack_under(tmp_path: Path) -> None:
    """Info-ZIP's unzip takes the Unicode path field over the name: evidence/a.txt would land as b.txt."""
    other = b"evidence/b.txt"
    field = struct.pack("<HHBI", 0x7075, 5 + len(other), 1, zlib.crc32(b"evidence/a.txt")) + other
    info = zipfile.ZipInfo("evidence/a.txt")
    info.extra = field
    bundle = build(tmp_path / "upath.zip", [(info, GOOD), ("manifest.json", manifest(file_entry("evidence/a.txt",
                                                                                                GOOD)))])
    assert reasons(bundle) == [("evidence/a.txt", "a second name, 'evidence/b.txt', which some tools (Info-ZIP's "
                                                  "unzip) unpack it under")]


def test_a_name_whose_encoding_is_not_declared(tmp_path: Path) -> None:
    raw = "evidence/été.txt".encode()  # UTF-8 bytes, but no UTF-8 flag: Python reads them as cp437
    as_read = raw.decode("cp437")
    listed = manifest(file_entry(as_read, GOOD))
    first = local(raw, GOOD)
    bundle = handmade(tmp_path / "cp437.zip", [first, local(b"manifest.json", listed)],
                      [central(raw, GOOD, 0), central(b"manifest.json", listed, len(first))])
    assert (as_read, "a name whose encoding the zip does not declare: each tool reads its letters its own way, so "
                     "it may unpack as another file") in reasons(bundle)


def test_an_end_record_that_miscounts(tmp_path: Path) -> None:
    entries = [(b"evidence/a.txt", GOOD)]
    straight(tmp_path / "counted.zip", entries)
    data = bytearray((tmp_path / "counted.zip").read_bytes())
    struct.pack_into("<HH", data, len(data) - 22 + 8, 1, 1)
    (tmp_path / "counted.zip").write_bytes(bytes(data))
    assert reasons(tmp_path / "counted.zip") == [
        ("", "the zip's end record counts 1 entries and its directory holds 2: tools that trust the count see "
             "other files")]


@pytest.mark.parametrize(("names", "words"), [
    (["evidence/Z1/rules.txt", "evidence/z1/RULES.txt"], "differs from it only in case"),
    (["evidence/\u00e9t\u00e9.txt", "evidence/e\u0301te\u0301.txt"], "differs from it only in case, Unicode form"),
    (["evidence/a.txt", "evidence/a.txt."], "or a trailing dot"),
])
def test_names_that_are_one_file_on_windows_or_macos(tmp_path: Path, names: list[str], words: str) -> None:
    data = [GOOD, b"the other one"]
    bundle = build(tmp_path / "twins.zip", [*zip(names, data, strict=True),
                                            ("manifest.json", manifest(*map(file_entry, names, data)))])
    found = reasons(bundle)
    assert {path for path, reason in found if words in reason} == set(names)


@pytest.mark.parametrize(("name", "words"), [
    ("evidence/CON", "a device"), ("evidence/rules.txt:secret", "hidden stream"),
    ("evidence/rules.txt ", "ending in a dot or a space"), ("evidence/./rules.txt", "an empty or '.' part"),
])
def test_names_windows_would_change(tmp_path: Path, name: str, words: str) -> None:
    bundle = build(tmp_path / "win.zip", [(name, GOOD), ("manifest.json", manifest(file_entry(name, GOOD)))])
    [(path, reason)] = reasons(bundle)
    assert path == name and words in reason


def rewritten(source: Path, target: Path, *, streamed: bool = False, zip64: bool = False) -> Path:
    """The bundle copied entry by entry by Python's zipfile: into a pipe-like stream (sizes in data
    descriptors after each entry), or with ZIP64 local headers."""
    class Unseekable(io.RawIOBase):
        def __init__(self) -> None:
            self.data = bytearray()

        def writable(self) -> bool:
            return True

        def write(self, b: object) -> int:
            self.data += bytes(b)  # type: ignore[call-overload]
            return len(bytes(b))  # type: ignore[call-overload]

    sink = Unseekable()
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(sink if streamed else target, "w",
                                                         zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            with new.open(zipfile.ZipInfo(info.filename, info.date_time), "w", force_zip64=zip64) as out:
                out.write(old.read(info))
    if streamed:
        target.write_bytes(bytes(sink.data))
    return target


@pytest.mark.parametrize("how", ["streamed", "zip64"])
def test_an_honest_zip_of_another_shape_is_not_unsafe(tmp_path: Path, how: str) -> None:
    bundle = rewritten(build(tmp_path / "good.zip", [("evidence/a.txt", GOOD),
                                                     ("manifest.json", manifest(file_entry("evidence/a.txt", GOOD)))]),
                       tmp_path / "again.zip", streamed=how == "streamed", zip64=how == "zip64")
    with zipfile.ZipFile(bundle) as zf:
        flags = {info.flag_bits & 0x08 for info in zf.infolist()}
    assert flags == ({0x08} if how == "streamed" else {0})
    report = check(bundle)
    assert report.ok and report.checked == 1, [(f.path, f.reason) for f in report.unsafe]


def test_a_descriptor_that_lies_is_unsafe(tmp_path: Path) -> None:
    bundle = rewritten(build(tmp_path / "good.zip", [("evidence/a.txt", GOOD),
                                                     ("manifest.json", manifest(file_entry("evidence/a.txt", GOOD)))]),
                       tmp_path / "again.zip", streamed=True)
    data = bytearray(bundle.read_bytes())
    at = data.find(b"PK\x07\x08")
    struct.pack_into("<I", data, at + 12, 1000)  # the size a streaming reader would take
    bundle.write_bytes(bytes(data))
    assert ("evidence/a.txt", "its data descriptor does not repeat the sizes and checksum of the zip's directory: "
                              "tools that read it unpack something else") in reasons(bundle)


def test_hashes_in_the_handmade_zips_are_right(tmp_path: Path) -> None:
    """The builder above makes zips that Python reads back as written (else the tests prove nothing)."""
    bundle = straight(tmp_path / "plain.zip", [(b"evidence/a.txt", GOOD)])
    with zipfile.ZipFile(bundle) as zf:
        assert hashlib.sha256(zf.read("evidence/a.txt")).digest() == hashlib.sha256(GOOD).digest()
    report = check(bundle)
    assert report.ok and report.checked == 1


def test_an_entry_whose_header_is_not_where_the_directory_says(tmp_path: Path) -> None:
    """Past the end of the file, or before its start (the end record moved): named, never read, and
    a manifest that cannot be reached is one line, not the system's 'Invalid argument'."""
    bundle = build(tmp_path / "far.zip", [("evidence/a.txt", GOOD),
                                          ("manifest.json", manifest(file_entry("evidence/a.txt", GOOD)))])
    data = bytearray(bundle.read_bytes())
    struct.pack_into("<I", data, data.find(b"PK\x01\x02") + 42, 0x7FFFFFFF)  # evidence/a.txt's header offset
    bundle.write_bytes(bytes(data))
    report = check(bundle)
    assert [(f.path, f.reason) for f in report.altered] == [
        ("evidence/a.txt", "not unpacked: no local header where the zip's directory says it starts (see unsafe)")]
    assert ("evidence/a.txt", "no local header where the zip's directory says it starts: not unpacked") in [
        (f.path, f.reason) for f in report.unsafe]
    data = bytearray(a_bundle(tmp_path))
    struct.pack_into("<I", data, len(data) - 6, struct.unpack_from("<I", data, len(data) - 6)[0] + 1000)
    bundle.write_bytes(bytes(data))  # every offset now reads 1000 bytes before the file's start
    with pytest.raises(BundleError, match="manifest.json cannot be read"):
        check(bundle)
