"""The project file's bytes: parsing them into the raw TinyDB document, and writing it back.

Everything read here may come from someone else's computer: any shape of JSON gets one
clear StoreError naming the file, never another exception.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ot62443_desktop.domain.text import one_line as fold
from ot62443_desktop.storage import backups, schema
from ot62443_desktop.storage.codec import show
from ot62443_desktop.storage.errors import NewerSchemaError, NotAProjectError, ProjectDamagedError

META, ZONES = "meta", "zones"
META_ID = 1
Raw = dict[str, dict[str, Any]]
_DOC_ID = re.compile(r"[0-9]{1,18}")  # TinyDB turns these into int doc ids
_MESSAGE_CHARS = 400
_MAX_NESTING = 32  # lists and objects inside a record; the program itself writes 3 levels
_CONTAINERS = (dict, list)  # exactly these: json.loads makes no subclasses, and `type in` is fast
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")  # the only way a lone surrogate gets past UTF-8


def dump(raw: Raw) -> bytes:
    return json.dumps(raw, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def parse_project(path: Path, data: bytes) -> tuple[Raw, int]:
    """The raw TinyDB document and its schema version; refuses damaged, alien or newer files."""
    if not data.strip():
        raise damaged_error(path, "the file is empty")
    try:
        text = data.decode("utf-8-sig")
        raw = json.loads(text)
    except UnicodeDecodeError as exc:
        raise damaged_error(path, f"damaged (not UTF-8 text at byte {exc.start})") from None
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno} column {exc.colno}"
        raise damaged_error(path, f"damaged or truncated (JSON error at {where})") from None
    except RecursionError:
        raise damaged_error(path, "damaged (nested too deeply)") from None
    except ValueError as exc:  # e.g. an integer of more digits than Python converts
        raise damaged_error(path, f"damaged ({exc})") from None
    meta = raw.get(META) if isinstance(raw, dict) else None
    meta = meta.get(str(META_ID)) if isinstance(meta, dict) else None
    if not isinstance(meta, dict) or "schema_version" not in meta:
        raise NotAProjectError(f"{path}: not an OT 62443 Workbook project")
    version = meta["schema_version"]
    if not _whole(version, 1):
        raise damaged_error(path, f"the schema version must be a whole number of at least 1, not {show(version)}")
    if version > schema.SCHEMA_VERSION:
        raise NewerSchemaError(str(path), version, schema.SCHEMA_VERSION)
    if problem := shape_problem(raw, meta):
        raise damaged_error(path, f"damaged ({problem})")
    if _SURROGATE_ESCAPE.search(text) and not _encodable(raw):  # what cannot be saved must not open
        raise damaged_error(path, "damaged (it holds text that is not valid Unicode)")
    return raw, version


def damaged_error(path: Path, what: str) -> ProjectDamagedError:
    """ProjectDamagedError for `path`, saying whether `ot62443 recover` can help."""
    has_backup = bool(backups.list_backups(path))
    hint = (f"; `ot62443 recover {path}` restores the last good backup" if has_backup
            else "; no backup of it exists on this computer")
    return ProjectDamagedError(f"{path}: {one_line(what)}{hint}", recoverable=has_backup)


def shape_problem(raw: dict[str, Any], meta: dict[str, Any]) -> str | None:
    """What makes the document (or the records a journal replays) unusable as TinyDB tables of a project."""
    if "generation" not in meta:
        return "the generation is missing"
    generation = meta["generation"]
    if not _whole(generation, 0):
        return f"the generation must be a whole number of at least 0, not {show(generation)}"
    if not isinstance(meta.get("info"), dict):
        return "the project info is missing or not an object"
    for name, table in raw.items():
        if not isinstance(table, dict):
            return f"table {show(name)} is not an object"
        for doc_id, doc in table.items():
            if not _DOC_ID.fullmatch(doc_id):
                return f"table {show(name)} has a record id that is not a number: {show(doc_id)}"
            if not isinstance(doc, dict):
                return f"record #{doc_id} of table {show(name)} is not an object"
            if any(type(v) in _CONTAINERS and _nesting(v) >= _MAX_NESTING for v in doc.values()):
                return f"record #{doc_id} of table {show(name)} is nested too deeply"  # saving would fail
    return None


def _nesting(value: list[Any] | dict[str, Any], limit: int = _MAX_NESTING) -> int:
    """How deep lists and objects nest in `value`, counted up to `limit`: the count, and the recursion,
    stop there however deep a hostile file nests (every record is counted at each open: kept cheap)."""
    deepest = 1
    children: Iterable[Any] = value.values() if isinstance(value, dict) else value
    if limit > 1:
        for child in children:
            if type(child) in _CONTAINERS:
                deepest = max(deepest, 1 + _nesting(child, limit - 1))
                if deepest >= limit:
                    break
    return deepest


def _encodable(raw: Raw) -> bool:
    try:
        dump(raw)
    except UnicodeEncodeError:  # a lone surrogate ("\\ud800"), which no file can hold
        return False
    return True


def _whole(value: Any, least: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= least


def one_line(text: str) -> str:
    """Messages are one line, however long or multi-line the text quoted in them."""
    return fold(text, _MESSAGE_CHARS)
