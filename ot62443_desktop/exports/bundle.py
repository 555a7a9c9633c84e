"""The evidence hand-off (SPEC 12.6): one zip with the Excel register, the PDF plan, every
evidence file an answer references, and manifest.json with the SHA-256 of each.

Evidence whose file is gone, is no regular file, sits on a network share, cannot be read,
or whose SHA-256 is no longer the one recorded when it was attached is left out and listed
(in the manifest and the report), never skipped in silence. A changed file is left out rather
than packed with a flag: the recorded sum is the only proof of what was attached, so a
different file is not that evidence, and packing whatever a path now holds would let a project
from someone else name any local file (a key, a password store) and have it carried out of the
building in the zip. A link is followed to the file it names, as on attaching; what it reaches
must still match the recorded sum. Each file is read twice in chunks (once to check it, once
into the zip, hashed again), never whole; one that changes in between stops the bundle.

The register and the plan are made by the usual exports, in memory: no readable copy of them
touches the disk (the bundle may be encrypted, and a crash must leave nothing behind). The zip
is written to a new file beside the target and renamed over it at the end: a failure or a
cancel never leaves half a zip under the final name. With a passphrase the contents are AES-256
encrypted (WinZip AES, which 7-Zip and most tools open); the zip format leaves the entries'
names readable.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any, BinaryIO

import pyzipper  # type: ignore[import-untyped]

from ot62443_desktop.domain.catalogue import CatalogueSet
from ot62443_desktop.domain.file_names import UniqueNames, network_path
from ot62443_desktop.domain.language import Language
from ot62443_desktop.domain.model import SITE_SCOPE, ProjectData
from ot62443_desktop.exports.bundle_manifest import (
    EVIDENCE,
    MANIFEST,
    PLAN,
    REGISTER,
    BundledFile,
    BundleError,
    Kind,
    LeftOut,
    Manifest,
    Problem,
    Reference,
    manifest_bytes,
    size_problem,
)
from ot62443_desktop.exports.evidence_files import Digest, ReadError, open_evidence, stream
from ot62443_desktop.exports.output import InMemory, check_target, replacing
from ot62443_desktop.exports.progress import Hooks
from ot62443_desktop.exports.protect import has_control
from ot62443_desktop.storage.fsutil import NotRegularError

PERMILLE = 1000
REGISTER_END, PLAN_END = 100, 250  # progress, in permille, once each document is made; evidence fills the rest
AES_BITS = 256


@dataclass(frozen=True)
class BundleReport:
    """What went into the bundle and what was left out, and the manifest's own SHA-256 (to hand over apart)."""

    target: str
    files: tuple[BundledFile, ...]
    left_out: tuple[LeftOut, ...]
    manifest_sha256: str
    encrypted: bool

    @property
    def evidence(self) -> tuple[BundledFile, ...]:
        return tuple(f for f in self.files if f.kind is Kind.EVIDENCE)

    @property
    def missing(self) -> tuple[LeftOut, ...]:
        return tuple(f for f in self.left_out if f.problem is not Problem.CHANGED)

    @property
    def changed(self) -> tuple[LeftOut, ...]:
        return tuple(f for f in self.left_out if f.problem is Problem.CHANGED)


@dataclass
class _Source:
    """One evidence file (a recorded path and SHA-256) and every answer that references it."""

    recorded: str
    location: str  # where it is read: the recorded path, or a relative one taken from the project's folder
    sha256: str
    references: list[Reference] = field(default_factory=list)


def write_bundle(project: ProjectData, catalogues: CatalogueSet, target: Path, *, project_path: Path,
                 generation: int, language: Language = Language.EN, passphrase: str | None = None,
                 hooks: Hooks | None = None) -> BundleReport:
    """Write the evidence bundle of `project` to `target` (AES-256 with `passphrase`); all or nothing."""
    from ot62443_desktop.exports.pdf import write_plan
    from ot62443_desktop.exports.xlsx_register import write_register

    hooks, target = hooks or Hooks(), Path(target)
    if passphrase is not None and not passphrase:
        raise BundleError("an encrypted bundle needs a passphrase; nothing was written")
    if passphrase is not None and has_control(passphrase):
        raise BundleError("the passphrase of the bundle holds a control character (a carriage return, a tab?), "
                          "which nobody can type where it is asked for; nothing was written")
    check_target(target, project_path)
    sources = evidence_sources(project, catalogues, Path(project_path).parent)
    _refuse_evidence_as_target(target, sources)
    meter = _Meter(hooks, sum(_size(s) for s in sources))
    register, plan = InMemory(REGISTER), InMemory(PLAN)
    write_register(project, catalogues, register, hooks=meter.part(0, REGISTER_END), language=language)
    write_plan(project, catalogues, plan, hooks=meter.part(REGISTER_END, PLAN_END), language=language)
    with replacing(target, "the bundle") as out, _zip(out, passphrase) as zf:
        packer = _Packer(zf, meter)
        files = [packer.document(document, kind) for document, kind in ((register, Kind.REGISTER),
                                                                       (plan, Kind.PLAN))]
        left_out: list[LeftOut] = []
        for source in sources:
            taken = packer.evidence(source)
            if isinstance(taken, BundledFile):
                files.append(taken)
            else:
                left_out.append(taken)
        manifest = Manifest(project.project_id, generation, datetime.now().astimezone().isoformat("T", "seconds"),
                            passphrase is not None, tuple(files), tuple(left_out))
        data = manifest_bytes(manifest, language.value)
        if problem := size_problem(data):  # verify-bundle would refuse it: never hand over what cannot be checked
            raise BundleError(f"{problem}: too many evidence files for one bundle; nothing was written")
        zf.writestr(packer.entry(MANIFEST, len(data)), data)
    if hooks.progress is not None:  # report only: once the bundle is in place a cancel comes too late
        hooks.progress(PERMILLE, PERMILLE)
    return BundleReport(str(target), manifest.files, manifest.left_out, hashlib.sha256(data).hexdigest(),
                        passphrase is not None)


def evidence_sources(project: ProjectData, catalogues: CatalogueSet, project_dir: Path) -> list[_Source]:
    """Every evidence file the answers reference, once per (path, SHA-256), in the walkthrough's order
    (site, then zones; requirements as the catalogues list them), each with the answers that reference it."""
    scopes = {scope: n for n, scope in enumerate([SITE_SCOPE, *(z.id for z in project.zones)])}
    order = {r.id: n for n, r in enumerate(r for c in catalogues for r in c)}
    sources: dict[tuple[str, str], _Source] = {}
    for (scope, requirement), answer in sorted(
            project.answers.items(),
            key=lambda item: (scopes.get(item[0][0], len(scopes)), item[0][0], order.get(item[0][1], len(order)),
                              item[0][1])):
        for evidence in answer.evidence:
            key = (evidence.path, evidence.sha256.lower())
            if key not in sources:
                location = evidence.path if network_path(evidence.path) or os.path.isabs(evidence.path) \
                    else str(project_dir / evidence.path)
                sources[key] = _Source(evidence.path, location, key[1])
            sources[key].references.append(Reference(scope, requirement, evidence.description))
    return list(sources.values())


def _refuse_evidence_as_target(target: Path, sources: list[_Source]) -> None:
    """The bundle replaces its target at the end: never an evidence file it packs."""
    real = os.path.realpath(target)
    for source in sources:
        if network_path(source.location):
            continue
        try:
            same = os.path.realpath(source.location) == real
        except (OSError, ValueError):  # a NUL in a hand-edited path: left out as unreadable later
            continue
        if same:
            raise BundleError(f"{target}: that is an evidence file of this project; choose another name for the "
                              "bundle (nothing was written)")


def _size(source: _Source) -> int:
    if network_path(source.location):
        return 0
    try:
        info = os.stat(source.location)
    except (OSError, ValueError):
        return 0
    return info.st_size if stat.S_ISREG(info.st_mode) else 0


class _Meter:
    """Progress in permille over the whole bundle: the documents first, then the evidence by bytes read
    (each included file twice: checked, then copied)."""

    def __init__(self, hooks: Hooks, evidence_bytes: int) -> None:
        self.hooks, self.total, self.done = hooks, max(1, 2 * evidence_bytes), 0

    def part(self, start: int, end: int) -> Hooks:
        """Hooks for one export, its progress mapped onto [start, end]."""
        def progress(done: int, total: int) -> None:
            if self.hooks.progress is not None:
                self.hooks.progress(start + (end - start) * min(done, total) // max(total, 1), PERMILLE)
        return Hooks(progress, self.hooks.cancelled)

    def read(self, so_far: int) -> None:
        """`so_far` bytes of the file being read (report and poll the cancel)."""
        share = PERMILLE - PLAN_END
        self.hooks.step(PLAN_END + min(share, share * (self.done + so_far) // self.total), PERMILLE)

    def finished(self, size: int) -> None:
        self.done += size


@contextmanager
def _zip(out: BinaryIO, passphrase: str | None) -> Iterator[Any]:
    if passphrase is None:
        zf = pyzipper.AESZipFile(out, "w", compression=pyzipper.ZIP_DEFLATED)
    else:
        zf = pyzipper.AESZipFile(out, "w", compression=pyzipper.ZIP_DEFLATED, encryption=pyzipper.WZ_AES,
                                 encryption_kwargs={"nbits": AES_BITS})
        zf.setpassword(passphrase.encode("utf-8"))
    try:
        yield zf
    except BaseException:
        zf.fp = None  # abandoned, its file removed: closing would only write to it (and fail) again
        raise
    zf.close()


class _Packer:
    """Writes the entries of one zip, each streamed in chunks and hashed as it goes in."""

    def __init__(self, zf: Any, meter: _Meter) -> None:
        self.zf, self.meter = zf, meter
        self.names = UniqueNames()
        for name in (MANIFEST, REGISTER, PLAN):  # the top's own names: no evidence folder takes them
            self.names.name("", name)
        self.stamp = time.localtime()[:6]

    def entry(self, name: str, size: int) -> Any:
        """A zip entry for a regular file of `size` bytes (ZIP64 when it needs it), readable by all."""
        info = self.zf.zipinfo_cls(name, date_time=self.stamp)
        info.compress_type = pyzipper.ZIP_DEFLATED
        info.create_system = 3  # Unix: the mode bits below mean a plain file, never a link
        info.external_attr = (stat.S_IFREG | 0o644) << 16
        info.file_size = size
        return info

    def copy(self, fd: int, name: str, size: int) -> Digest:
        with self.zf.open(self.entry(name, size), "w") as sink:
            copied = stream(fd, self.meter.read, sink.write)
        self.meter.finished(copied.size)
        return copied

    def document(self, document: InMemory, kind: Kind) -> BundledFile:
        with self.zf.open(self.entry(document.name, len(document.data)), "w") as sink:
            sink.write(document.data)
        return BundledFile(document.name, len(document.data), hashlib.sha256(document.data).hexdigest(), kind)

    def evidence(self, source: _Source) -> BundledFile | LeftOut:
        """Pack one evidence file if it is still the one attached; else say why it is left out."""
        left_out = partial(LeftOut, source.recorded, source.sha256, references=tuple(source.references))
        if network_path(source.location):
            return left_out(Problem.NETWORK)
        try:
            fd = open_evidence(source.location)
        except FileNotFoundError:
            return left_out(Problem.GONE)
        except NotRegularError:
            return left_out(Problem.NOT_A_FILE)
        except (OSError, ValueError) as exc:  # permissions, a link loop; ValueError: a NUL in the path
            return left_out(Problem.UNREADABLE, _reason(exc))
        try:
            return self._pack(fd, source, left_out)
        finally:
            os.close(fd)

    def _pack(self, fd: int, source: _Source, left_out: Callable[..., LeftOut]) -> BundledFile | LeftOut:
        try:
            found = stream(fd, self.meter.read)
        except OSError as exc:  # a failing disk or stick
            return left_out(Problem.UNREADABLE, _reason(exc))
        self.meter.finished(found.size)
        if found.sha256 != source.sha256:
            return left_out(Problem.CHANGED, found_sha256=found.sha256)
        first = source.references[0]
        name = self.names.path(EVIDENCE, first.scope, first.requirement, _file_name(source.recorded))
        try:
            copied = self.copy(fd, name, found.size)
        except ReadError as exc:
            raise BundleError(f"{source.recorded}: could not be read again to be packed ({_reason(exc)}); "
                              "nothing was written") from None
        if copied != found:
            raise BundleError(f"{source.recorded}: changed while it was being packed; nothing was written "
                              "(make the bundle again once nothing writes to it)")
        return BundledFile(name, found.size, found.sha256, Kind.EVIDENCE, source.recorded,
                           tuple(source.references))


def _file_name(recorded: str) -> str:
    """The last part of a recorded path, whichever system's separators it uses."""
    return re.split(r"[\\/]", recorded.rstrip("\\/"))[-1] or "evidence"


def _reason(exc: BaseException) -> str:
    return getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
