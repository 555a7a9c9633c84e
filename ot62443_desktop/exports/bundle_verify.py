"""`verify-bundle`: does an evidence bundle still hold exactly what its manifest lists?

Each entry the manifest names is read as a stream and hashed; nothing is ever extracted, to
disk or whole into memory, so a hostile zip's names (`../`, absolute paths, backslashes, links,
duplicates, names that are one file on Windows or macOS, names Windows changes) can do no harm
here; they are named as unsafe for whoever unpacks the bundle, as is a zip that other tools
would read differently (bundle_layout.py). No entry is read further than the manifest's size
for it, and sizes a zip declares that no deflate stream can produce, a compression our bundles
never use, or bytes shared by two entries are reported without decompressing anything: a zip
bomb costs no more than hashing the files the manifest claims.

The manifest's sums prove nothing against someone who rewrites the manifest too: hand over the
manifest's own SHA-256 by another way (it is printed by both commands), or encrypt the bundle,
whose entries are each authenticated with the passphrase.
"""

from __future__ import annotations

import hashlib
import os
import stat
import struct
import zlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

import pyzipper  # type: ignore[import-untyped]

from ot62443_desktop.domain.file_names import part_problem, same_file_key, shown_name
from ot62443_desktop.exports.bundle_layout import Layout, check_layout
from ot62443_desktop.exports.bundle_manifest import (
    MANIFEST,
    MAX_MANIFEST,
    BundleError,
    LeftOut,
    Problem,
    read_manifest,
)
from ot62443_desktop.exports.evidence_files import CHUNK, open_evidence
from ot62443_desktop.exports.progress import Hooks
from ot62443_desktop.storage.fsutil import NotRegularError

MAX_DEFLATE_RATIO = 1032  # the most a deflate stream can expand (258 bytes from one 2-bit code, in effect)
AES_OVERHEAD = 16 + 2 + 10  # a WinZip AES-256 entry's salt, password check and authentication code
_COMPRESSIONS = (pyzipper.ZIP_STORED, pyzipper.ZIP_DEFLATED)  # the only ones a bundle is written with
# What pyzipper raises on a damaged or hostile zip (found by mutating bundles at random): an unknown AES
# key strength is a KeyError, an AES salt cut by the file's end a struct.error, an unknown version
# NotImplementedError, an offset before the file's start an OSError
DAMAGED = (pyzipper.BadZipFile, zlib.error, EOFError, NotImplementedError, ValueError, OSError, KeyError,
           struct.error)


@dataclass(frozen=True)
class Finding:
    path: str  # the entry's name, as the zip has it
    reason: str


@dataclass
class VerifyReport:
    bundle: str
    project_id: str
    generation: int
    created: str
    encrypted: bool
    manifest_sha256: str
    checked: int = 0  # files whose size and SHA-256 match the manifest
    altered: list[Finding] = field(default_factory=list)
    added: list[Finding] = field(default_factory=list)
    missing: list[Finding] = field(default_factory=list)
    unsafe: list[Finding] = field(default_factory=list)
    left_out: tuple[LeftOut, ...] = ()  # evidence the manifest says was missing or changed when bundled

    @property
    def ok(self) -> bool:
        return not (self.altered or self.added or self.missing or self.unsafe)

    def as_json(self) -> dict[str, Any]:
        def findings(items: list[Finding]) -> list[dict[str, str]]:
            return [{"path": f.path, "reason": f.reason} for f in items]

        def left(problem_changed: bool) -> list[dict[str, Any]]:
            return [{"source": f.source, "reason": f.problem.value, "detail": f.detail,
                     "recorded_sha256": f.recorded_sha256, "found_sha256": f.found_sha256 or None,
                     "references": [{"scope": r.scope, "requirement": r.requirement} for r in f.references]}
                    for f in self.left_out if (f.problem is Problem.CHANGED) == problem_changed]

        return {"bundle": self.bundle, "ok": self.ok, "project_id": self.project_id, "generation": self.generation,
                "created": self.created, "encrypted": self.encrypted, "manifest_sha256": self.manifest_sha256,
                "checked": self.checked, "altered": findings(self.altered), "added": findings(self.added),
                "missing": findings(self.missing), "unsafe": findings(self.unsafe),
                "evidence_missing_when_bundled": left(False), "evidence_changed_when_bundled": left(True)}


def verify_bundle(path: Path, passphrase: Callable[[], str], hooks: Hooks | None = None) -> VerifyReport:
    """Check the bundle at `path` against its manifest; `passphrase()` is asked only for an encrypted one.

    Raises BundleError (one line: what and where) when it cannot be checked at all: not a zip, no
    manifest or more than one, a manifest that is not ours, a wrong passphrase.
    """
    hooks = hooks or Hooks()
    path = Path(path)
    try:
        fd = open_evidence(path)
    except NotRegularError:
        raise BundleError(f"{path}: not a file (a folder, a pipe or a device)") from None
    except OSError as exc:
        raise BundleError(f"{path}: {exc.strerror or exc}") from None
    with os.fdopen(fd, "rb") as fh:
        try:
            zf = pyzipper.AESZipFile(fh)
        except DAMAGED as exc:
            raise BundleError(f"{path}: not a zip file, or a damaged one ({_what(exc)})") from None
        with zf:
            return _Check(path, zf, passphrase, hooks, check_layout(fh, zf)).run()


class _Check:
    def __init__(self, path: Path, zf: Any, passphrase: Callable[[], str], hooks: Hooks, layout: Layout) -> None:
        self.path, self.zf, self.hooks, self.layout = path, zf, hooks, layout
        self.entries: list[Any] = zf.infolist()
        self.encrypted = any(_encrypted(info) for info in self.entries)
        if self.encrypted:
            zf.setpassword(passphrase().encode("utf-8"))

    def run(self) -> VerifyReport:
        names = Counter(info.filename for info in self.entries)
        data = self._manifest(names[MANIFEST])
        manifest = read_manifest(data)
        report = VerifyReport(str(self.path), manifest.project_id, manifest.generation, manifest.created,
                              self.encrypted, hashlib.sha256(data).hexdigest(), left_out=manifest.left_out)
        if manifest.encrypted != self.encrypted:
            report.altered.append(Finding(MANIFEST, "the manifest says the bundle was " +
                                          ("encrypted" if manifest.encrypted else "not encrypted") +
                                          ", but it is " + ("encrypted" if self.encrypted else "not")))
        twins = Counter(same_file_key(name) for name in names)
        for name, count in names.items():
            if why := unsafe_name(name):
                report.unsafe.append(Finding(name, why))
            if count > 1:
                report.unsafe.append(Finding(name, f"the zip holds {count} entries of this name: which one is "
                                                   "unpacked depends on the tool"))
            elif twins[same_file_key(name)] > 1:
                report.unsafe.append(Finding(name, "another entry's name differs from it only in case, Unicode form "
                                                   "or a trailing dot: on Windows or macOS they are one file, one "
                                                   "unpacked over the other"))
        report.unsafe += [Finding(name, why) for name, why in self.layout.unsafe]
        for info in self.entries:
            if _link(info):
                report.unsafe.append(Finding(info.filename, "a symbolic link: unpacked, it would point elsewhere"))
        listed = {f.path: f for f in manifest.files}
        report.added = [Finding(name, "in the zip, not in the manifest") for name in names
                        if name not in listed and name != MANIFEST]
        total = max(1, sum(f.size for f in manifest.files))
        done = 0
        for f in manifest.files:
            if f.path not in names:
                report.missing.append(Finding(f.path, "in the manifest, not in the zip"))
                continue
            problem = self._entry_problem(self.zf.getinfo(f.path), f.size, f.sha256,
                                          partial(self._step, done, total))
            done += f.size
            if problem:
                report.altered.append(Finding(f.path, problem))
            else:
                report.checked += 1
        return report

    def _step(self, before: int, total: int, read: int) -> None:
        self.hooks.step(min(before + read, total), total)

    def _manifest(self, count: int) -> bytes:
        if count != 1:
            raise BundleError(f"{self.path}: " + (f"no {MANIFEST}: not an evidence bundle" if not count else
                                                  f"{count} entries named {MANIFEST}: which one counts would depend "
                                                  "on the tool reading it; the bundle cannot be trusted"))
        info = self.zf.getinfo(MANIFEST)
        if self.encrypted and not _encrypted(info):
            raise BundleError(f"{self.path}: {MANIFEST} is not encrypted though the files are: it was replaced")
        if info.file_size > MAX_MANIFEST:
            raise BundleError(f"{self.path}: {MANIFEST} would unpack to {info.file_size:,} bytes, more than a "
                              f"manifest ever is ({MAX_MANIFEST:,}); not checked")
        if _impossible_size(info) or info.compress_type not in _COMPRESSIONS:
            raise BundleError(f"{self.path}: {MANIFEST} is not stored as a bundle stores it (a size or "
                              "compression no bundle has: a zip bomb?); not unpacked")
        try:
            with self.zf.open(info) as entry:
                data: bytes = entry.read(MAX_MANIFEST + 1)
                if len(data) > MAX_MANIFEST:
                    raise BundleError(f"{self.path}: {MANIFEST} is larger than a manifest ever is "
                                      f"({MAX_MANIFEST:,} bytes); not checked")
                entry.read(1)  # to the end, where the checksum or the authentication code is checked
        except RuntimeError as exc:  # pyzipper: a wrong password ("Bad password for file ...")
            raise BundleError(f"{self.path}: the passphrase does not open this bundle ({exc})") from None
        except DAMAGED as exc:
            raise BundleError(f"{self.path}: {MANIFEST} cannot be read ({_what(exc)}); if the bundle is encrypted, "
                              "the passphrase may be wrong") from None
        return data

    def _entry_problem(self, info: Any, size: int, sha256: str, step: Callable[[int], None]) -> str:
        """Why the entry is not the file the manifest describes; "" when it is."""
        if self.encrypted and not _encrypted(info):
            return "not encrypted though the bundle is: it was put in by someone without the passphrase"
        if why := self.layout.not_unpacked.get(id(info)):
            return f"not unpacked: {why} (see unsafe)"
        if info.file_size != size:
            return f"{info.file_size:,} bytes where the manifest says {size:,}"
        if info.compress_type not in _COMPRESSIONS:
            return f"stored with compression method {info.compress_type}, which bundles never use; not unpacked"
        if _impossible_size(info):
            return "a declared size no deflate stream can reach from its compressed size (a zip bomb); not unpacked"
        digest, read = hashlib.sha256(), 0
        try:
            with self.zf.open(info) as entry:
                while block := entry.read(CHUNK):
                    read += len(block)
                    if read > size:
                        return f"longer than the {size:,} bytes the manifest says"
                    digest.update(block)
                    step(read)
        except RuntimeError as exc:
            return f"cannot be decrypted with this passphrase ({exc})"
        except DAMAGED as exc:
            return f"damaged: {_what(exc)}"
        if read != size:
            return f"{read:,} bytes where the manifest says {size:,}"
        if digest.hexdigest() != sha256:
            return f"content changed: SHA-256 {digest.hexdigest()}, the manifest says {sha256}"
        return ""


def unsafe_name(name: str) -> str:
    """Why unpacking an entry of this name could write outside the folder it is unpacked in, or
    mislead; "" when the name is safe."""
    if "\\" in name:
        return "a backslash: on Windows it separates folders, so the name can lead elsewhere"
    if name.startswith("/"):
        return "an absolute path: unpacked, it would be written outside the folder"
    if len(name) >= 2 and name[1] == ":":
        return "a drive letter: unpacked on Windows, it would be written on that drive"
    parts = name.removesuffix("/").split("/")  # a folder's entry ends in "/"
    if ".." in parts:
        return "'..' in the path: unpacked, it would be written outside the folder"
    if shown_name(name) != name:
        return "a control or invisible character in the name"
    return next((why for why in map(part_problem, parts) if why), "")


def _what(exc: BaseException) -> str:
    """The reader's words for a damage; a bare KeyError says only the key it missed."""
    return f"{type(exc).__name__}: {exc}" if isinstance(exc, KeyError) else str(exc) or type(exc).__name__


def _encrypted(info: Any) -> bool:
    return bool(info.flag_bits & 0x1)


def _link(info: Any) -> bool:
    return info.create_system == 3 and stat.S_ISLNK(info.external_attr >> 16)


def _impossible_size(info: Any) -> bool:
    """A declared size that the entry's compressed bytes cannot produce."""
    compressed = info.compress_size - (AES_OVERHEAD if _encrypted(info) else 0)
    if info.compress_type == pyzipper.ZIP_STORED:
        return bool(info.file_size > max(compressed, 0))
    return bool(info.file_size > MAX_DEFLATE_RATIO * max(compressed, 1))
