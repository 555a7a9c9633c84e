"""Project schema versions and the upgrade functions between them.

An upgrade takes the raw TinyDB document of version N and returns version N + 1. Add one
function per schema change, register it in UPGRADES, and bump SCHEMA_VERSION.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Callable
from typing import Any

SCHEMA_VERSION = 4

Raw = dict[str, Any]


def new_project_id() -> str:
    """A project's identity: random, made once when the project is created."""
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


UPGRADES: dict[int, Callable[[Raw], Raw]] = {1: _v1_add_project_id, 2: _v2_add_lineage, 3: _v3_list_assets}


def upgrade(raw: Raw, version: int) -> Raw:
    """Apply the registered upgrades from `version` to SCHEMA_VERSION, one version at a time."""
    for step in range(version, SCHEMA_VERSION):
        try:
            raw = UPGRADES[step](raw)
        except KeyError:
            raise RuntimeError(f"no upgrade registered from project schema {step}") from None
    raw["meta"]["1"]["schema_version"] = SCHEMA_VERSION
    return raw
