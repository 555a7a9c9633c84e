"""The project file's bytes: parsing them into the raw TinyDB document, and writing it back.

Everything read here may come from someone else's computer: any shape of JSON gets one
clear StoreError naming the file, never another exception.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ot62443_desktop.storage import backups, schema
from ot62443_desktop.storage.errors import NewerSchemaError, NotAProjectError, ProjectDamagedError

META, ZONES = "meta", "zones"
META_ID = 1
Raw = dict[str, dict[str, Any]]


def dump(raw: Raw) -> bytes:
    return json.dumps(raw, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def parse_project(path: Path, data: bytes) -> tuple[Raw, int]:
    """The raw TinyDB document and its schema version; refuses damaged, alien or newer files."""
    has_backup = bool(backups.list_backups(path))
    hint = (f"; `ot62443 recover {path}` restores the last good backup" if has_backup
            else "; no backup of it exists on this computer")

    def damaged(what: str) -> ProjectDamagedError:
        return ProjectDamagedError(f"{path}: {what}{hint}", recoverable=has_backup)

    if not data.strip():
        raise damaged("the file is empty")
    try:
        raw = json.loads(data)
    except UnicodeDecodeError:
        raise damaged("not text (damaged)") from None
    except json.JSONDecodeError as exc:
        raise damaged(f"damaged or truncated (JSON error at line {exc.lineno} column {exc.colno})") from None
    meta = raw.get(META, {}).get(str(META_ID)) if isinstance(raw, dict) else None
    if not isinstance(meta, dict) or not isinstance(meta.get("schema_version"), int):
        raise NotAProjectError(f"{path}: not an OT 62443 Workbook project")
    version: int = meta["schema_version"]
    if version > schema.SCHEMA_VERSION:
        raise NewerSchemaError(str(path), version, schema.SCHEMA_VERSION)
    if not all(isinstance(t, dict) for t in raw.values()):
        raise damaged("damaged (a table is not an object)")
    return raw, version
