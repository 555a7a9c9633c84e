"""The evidence bundle's manifest: what `bundle` writes and `verify-bundle` reads back.

manifest.json names every file of the zip with its size and SHA-256 and, for evidence, the
answers that reference it and where it came from; it also lists the evidence left out, each
with why (gone, not a file, a network path, unreadable, or changed since it was attached).
Read back from a zip anyone may have built, it is checked field by field and refused whole
(BundleError) when it is not such a manifest: the verdict must never rest on a guess.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from ot62443_desktop import __version__
from ot62443_desktop.exports.progress import ExportError

FORMAT = "OT 62443 Workbook evidence bundle"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
REGISTER = "gap-register.xlsx"
PLAN = "remediation-plan.pdf"
EVIDENCE = "evidence"
MAX_MANIFEST = 64 << 20  # bytes: a manifest of 100,000 evidence files is about 50 MiB
# JSON values, counted as the commas and brackets of its text: ours take 33 bytes each or more, while
# "{}," takes 3 and becomes a 70-byte dict (64 MiB of them, 1.7 GB), so the count is checked before parsing
MAX_VALUES = MAX_MANIFEST // 24
_SHA256 = re.compile(r"[0-9a-f]{64}")


class BundleError(ExportError):
    """A bundle that cannot be written or checked; the message says what and where."""


class Kind(StrEnum):
    REGISTER = "register"
    PLAN = "plan"
    EVIDENCE = "evidence"


class Problem(StrEnum):
    """Why an evidence file an answer references is not in the bundle."""

    GONE = "gone"  # no file at that path any more
    NOT_A_FILE = "not_a_file"  # a folder, a FIFO or a device
    NETWORK = "network"  # a share: never opened on a project's say-so
    UNREADABLE = "unreadable"  # permissions, a link loop, an I/O error
    CHANGED = "changed"  # its SHA-256 is no longer the one recorded when it was attached


@dataclass(frozen=True)
class Reference:
    """An answer that references an evidence file."""

    scope: str
    requirement: str
    description: str = ""


@dataclass(frozen=True)
class BundledFile:
    path: str  # in the zip
    size: int
    sha256: str
    kind: Kind
    source: str = ""  # the evidence's path as the project records it
    references: tuple[Reference, ...] = ()


@dataclass(frozen=True)
class LeftOut:
    """Evidence referenced by answers but not in the bundle."""

    source: str
    recorded_sha256: str
    problem: Problem
    detail: str = ""  # the system's own words, when it gave any
    references: tuple[Reference, ...] = ()
    found_sha256: str = ""  # the file's SHA-256 now, when it changed


@dataclass(frozen=True)
class Manifest:
    project_id: str
    generation: int
    created: str
    encrypted: bool
    files: tuple[BundledFile, ...]
    left_out: tuple[LeftOut, ...]


def manifest_bytes(manifest: Manifest, language: str) -> bytes:
    """The manifest as UTF-8 JSON, evidence left out in two lists: missing (unreadable) and changed."""
    doc = {
        "format": FORMAT, "format_version": FORMAT_VERSION, "program": f"OT 62443 Workbook {__version__}",
        "project_id": manifest.project_id, "generation": manifest.generation, "created": manifest.created,
        "language": language, "encrypted": manifest.encrypted,
        "files": [_file_doc(f) for f in manifest.files],
        "missing": [_left_out_doc(f) for f in manifest.left_out if f.problem is not Problem.CHANGED],
        "changed": [_left_out_doc(f) for f in manifest.left_out if f.problem is Problem.CHANGED],
    }
    return json.dumps(doc, indent=2, ensure_ascii=False).encode("utf-8")


def _references(refs: tuple[Reference, ...]) -> list[dict[str, str]]:
    return [{"scope": r.scope, "requirement": r.requirement, "description": r.description} for r in refs]


def _file_doc(f: BundledFile) -> dict[str, Any]:
    doc: dict[str, Any] = {"path": f.path, "size": f.size, "sha256": f.sha256, "kind": f.kind.value}
    if f.kind is Kind.EVIDENCE:
        doc.update(source=f.source, references=_references(f.references))
    return doc


def _left_out_doc(f: LeftOut) -> dict[str, Any]:
    doc: dict[str, Any] = {"source": f.source, "recorded_sha256": f.recorded_sha256, "reason": f.problem.value}
    if f.detail:
        doc["detail"] = f.detail
    if f.found_sha256:
        doc["found_sha256"] = f.found_sha256
    doc["references"] = _references(f.references)
    return doc


def size_problem(data: bytes) -> str:
    """Why a manifest of `data` is more than verify-bundle reads; "" when it is not."""
    if len(data) > MAX_MANIFEST:
        return f"{MANIFEST} is larger than a manifest ever is ({len(data):,} bytes, at most {MAX_MANIFEST:,})"
    values = data.count(b",") + data.count(b"[") + data.count(b"{")
    if values > MAX_VALUES:
        return f"{MANIFEST} holds more JSON values than a manifest ever does ({values:,}, at most {MAX_VALUES:,})"
    return ""


def read_manifest(data: bytes) -> Manifest:
    """The manifest in `data`; BundleError saying what is wrong when it is not one of ours."""
    if problem := size_problem(data):
        raise BundleError(f"{problem}; not read")
    try:
        doc = json.loads(data.decode("utf-8"), object_pairs_hook=_no_duplicates)
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise BundleError(f"{MANIFEST} is not valid JSON ({_short(exc)})") from None
    top = _Fields(doc, MANIFEST)
    if top.get("format", str) != FORMAT:
        raise BundleError(f"{MANIFEST} is not the manifest of an {FORMAT}")
    version = top.get("format_version", int)
    if version > FORMAT_VERSION:
        raise BundleError(f"{MANIFEST} is of format {version}, newer than this program reads ({FORMAT_VERSION}); "
                          "verify the bundle with a newer OT 62443 Workbook")
    files = tuple(_read_file(_Fields(item, f"{MANIFEST}, files[{n}]"))
                  for n, item in enumerate(top.get("files", list)))
    seen: set[str] = set()
    for f in files:
        if f.path in seen:
            raise BundleError(f"{MANIFEST} lists {f.path!r} twice")
        seen.add(f.path)
    left_out = tuple(_read_left_out(_Fields(item, f"{MANIFEST}, {key}[{n}]"), key == "changed")
                     for key in ("missing", "changed") for n, item in enumerate(top.get(key, list)))
    return Manifest(top.get("project_id", str), top.get("generation", int), top.get("created", str),
                    top.get("encrypted", bool), files, left_out)


def _read_file(fields: _Fields) -> BundledFile:
    size = fields.get("size", int)
    if size < 0:
        raise BundleError(f"{fields.where}: a negative size")
    kind = fields.choice("kind", Kind)
    refs = _read_references(fields) if kind is Kind.EVIDENCE else ()
    return BundledFile(fields.get("path", str), size, fields.sha256("sha256"), kind,
                       fields.get("source", str) if kind is Kind.EVIDENCE else "", refs)


def _read_left_out(fields: _Fields, changed: bool) -> LeftOut:
    problem = fields.choice("reason", Problem)
    if (problem is Problem.CHANGED) != changed:
        raise BundleError(f"{fields.where}: reason {problem.value!r} in the wrong list")
    return LeftOut(fields.get("source", str), fields.get("recorded_sha256", str), problem,
                   fields.optional("detail"), _read_references(fields),
                   fields.sha256("found_sha256") if changed else "")


def _read_references(fields: _Fields) -> tuple[Reference, ...]:
    refs = []
    for n, item in enumerate(fields.get("references", list)):
        ref = _Fields(item, f"{fields.where}, references[{n}]")
        refs.append(Reference(ref.get("scope", str), ref.get("requirement", str), ref.optional("description")))
    return tuple(refs)


class _Fields:
    """One JSON object of the manifest, each field checked for its type as it is taken."""

    def __init__(self, doc: Any, where: str) -> None:
        if not isinstance(doc, dict):
            raise BundleError(f"{where} is not a JSON object")
        self.doc, self.where = doc, where

    def get(self, key: str, kind: type[Any]) -> Any:
        value = self.doc.get(key)
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise BundleError(f"{self.where}: {key!r} is missing or not a {_TYPE_NAMES[kind]}")
        return value

    def optional(self, key: str) -> str:
        return self.get(key, str) if key in self.doc else ""

    def sha256(self, key: str) -> str:
        value: str = self.get(key, str)
        if not _SHA256.fullmatch(value):
            raise BundleError(f"{self.where}: {key!r} is not a SHA-256 (64 lowercase hexadecimal digits)")
        return value

    def choice(self, key: str, enum: type[StrEnum]) -> Any:
        value = self.get(key, str)
        try:
            return enum(value)
        except ValueError:
            raise BundleError(f"{self.where}: {key!r} is {_short(value)!r}, not one of "
                              f"{', '.join(m.value for m in enum)}") from None


_TYPE_NAMES = {str: "text", int: "whole number", bool: "true or false", list: "list"}


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object; one naming a key twice is refused (two readers could take different values)."""
    doc: dict[str, Any] = {}
    for key, value in pairs:
        if key in doc:
            raise ValueError(f"the key {_short(key)!r} appears twice in one object")
        doc[key] = value
    return doc


def _short(value: object) -> str:
    text = str(value)
    return text if len(text) <= 80 else text[:79] + "\u2026"
