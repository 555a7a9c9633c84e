"""Project schema versions and the upgrade functions between them.

An upgrade takes the raw TinyDB document of version N and returns version N + 1. Add one
function per schema change, register it in UPGRADES, and bump SCHEMA_VERSION.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from typing import Any

from ot62443_desktop.storage.codec import CodecError, local_datetime

SCHEMA_VERSION = 5

Raw = dict[str, Any]


def new_project_id() -> str:
    """A project's identity: random, made once when the project is created."""
    import uuid  # here: opening a project never needs it (its import costs ~3 ms of every start)

    return uuid.uuid4().hex


def _v1_add_project_id(raw: Raw) -> Raw:
    """Schema 2 gives every project an id. A schema-1 file gets one derived from what it already
    holds (creation time and details), so opening it read-only twice gives the same id as
    upgrading it in place does."""
    meta = raw["meta"]["1"]
    seed = json.dumps([meta.get("created"), meta.get("info")], sort_keys=True, default=str)
    meta["project_id"] = hashlib.sha256(b"ot62443-v1:" + seed.encode()).hexdigest()[:32]
    return raw


def _v2_add_lineage(raw: Raw) -> Raw:
    """Schema 3 records which assessments a project was carried forward from; older ones were started afresh."""
    raw["meta"]["1"]["lineage"] = []
    return raw


def _v3_list_assets(raw: Raw) -> Raw:
    """Schema 4 keeps a zone's assets as a list (name, type, vendor/model, firmware, notes) where it
    had one text: each non-empty line of that text becomes an asset of that name, nothing lost.
    The baseline of a carried-forward project holds zones too."""
    for table in ("zones", "baseline:zones"):
        for doc in raw.get(table, {}).values():
            text = doc.get("assets", "") if isinstance(doc, dict) else []
            if isinstance(text, str):
                doc["assets"] = [{"name": line.strip()} for line in text.splitlines() if line.strip()]
    return raw


def legacy_copy_id(raw: Raw) -> str:
    """The copy id a file of schema 4 or earlier is given: a digest of what it holds.

    Those files know nothing of copies, so two of them may be copies that went their own
    ways. Derived from the content, two identical files get the same id (and merge as one),
    two different ones different ids (and merge with every difference a conflict). The file
    never writes under it: opened for writing, it takes a copy id of its own (copy_home "")."""
    text = json.dumps(raw, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(b"ot62443-v4:" + text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _v4_add_versions(raw: Raw) -> Raw:
    """Schema 5 tells copies of a project apart (see storage/identity.py) and gives every record a
    version (storage/versions.py): the first, made by the file's legacy copy, by whoever answered
    it when it was answered (else the file's creation); nothing is removed or earlier yet."""
    meta = raw["meta"]["1"]
    copy_id = legacy_copy_id(raw)
    meta.update(copy_id=copy_id, copy_home="")
    created = _when(meta.get("created"))

    def first(by: Any, at: Any) -> dict[str, Any]:
        return {"vv": {copy_id: 1}, "by": by if isinstance(by, str) else "", "at": _when(at) or created,
                "copy": copy_id}

    if isinstance(meta.get("info"), dict):
        meta["info"]["_v"] = first("", "")
    for name, table in raw.items():
        kind = name.partition(":")[0]
        if name != "zones" and kind not in ("answers", "remediation"):
            continue
        for doc in table.values() if isinstance(table, dict) else ():
            if isinstance(doc, dict):
                doc["_v"] = first(doc.get("answered_by"), doc.get("at"))
    return raw


def _when(value: Any) -> str:
    """`value` if it is a date-time as the program writes them, else "" (unknown)."""
    try:
        return value if isinstance(value, str) and local_datetime(value, "") else ""
    except CodecError:
        return ""


UPGRADES: dict[int, Callable[[Raw], Raw]] = {1: _v1_add_project_id, 2: _v2_add_lineage, 3: _v3_list_assets,
                                             4: _v4_add_versions}


def upgrade(raw: Raw, version: int) -> Raw:
    """Apply the registered upgrades from `version` to SCHEMA_VERSION, one version at a time."""
    for step in range(version, SCHEMA_VERSION):
        try:
            raw = UPGRADES[step](raw)
        except KeyError:
            raise RuntimeError(f"no upgrade registered from project schema {step}") from None
    raw["meta"]["1"]["schema_version"] = SCHEMA_VERSION
    return raw
