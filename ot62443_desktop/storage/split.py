"""Work packages (SPEC 12.2): a copy of a project holding some of its zones, for a colleague to
assess on another laptop and merge back.

The package is the same project (same id, lineage, details and carried-forward baseline) under
a copy id of its own, bound to its file, with the chosen zones and everything in them: answers,
remediation items, their versions, history and tombstones; with `site`, the site's 2-1 program
too. Records it leaves out are not removed from it, only unknown there, so merging the package
back changes only what the colleague changed. The package of an encrypted project is encrypted
with the same passphrase (the same key: nothing is derived again).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ot62443_desktop.domain.model import SITE_SCOPE
from ot62443_desktop.storage import baseline
from ot62443_desktop.storage.errors import StoreError
from ot62443_desktop.storage.keys import Secret
from ot62443_desktop.storage.projectfile import META, ZONES, Raw
from ot62443_desktop.storage.reading import project_path
from ot62443_desktop.storage.records import answers_table, remediation_table
from ot62443_desktop.storage.store import ProjectStore
from ot62443_desktop.storage.versions import HISTORY, INFO_KEY, TOMBSTONES, parse_key


def split(source: str | Path, zones: Sequence[str], target: str | Path, *, site: bool = False,
          passphrase: Secret | None = None) -> ProjectStore:
    """Write the work package of `zones` (and with `site`, the site program) of the project `source`,
    which is only read (with `passphrase` if it is encrypted), to the new file `target`; returns it
    open. Refuses unknown zones, a target that exists or is the project itself, and changes nothing then."""
    source_path, target_path = project_path(source), project_path(target)
    if os.path.normcase(source_path.resolve()) == os.path.normcase(target_path.resolve()):
        raise StoreError(f"{target_path}: that is the project itself; name a new file for the work package")
    chosen = list(dict.fromkeys(zone.strip() for zone in zones if zone.strip()))
    if not chosen:
        raise StoreError("name at least one zone or conduit for the work package")
    if target_path.exists() or target_path.is_symlink():
        raise StoreError(f"{target_path}: a file of that name already exists; the work package needs a new file")
    with ProjectStore.open(source_path, read_only=True, passphrase=passphrase) as project:
        known = [zone.id for zone in project.zones()]
        if unknown := [zone for zone in chosen if zone not in known]:
            raise StoreError(f"{source_path}: no zone {unknown[0]!r} (zones: {', '.join(known) or 'none'}); "
                             "nothing was written")
        meta, tables = package(project.document(), set(chosen) | ({SITE_SCOPE} if site else set()))
        key = project.key
    return ProjectStore.create_from(target_path, meta, tables, passphrase=key)


def package(raw: Raw, scopes: set[str]) -> tuple[dict[str, Any], Raw]:
    """The meta data and tables of a work package of `scopes` (zone ids, and "site" for the program)."""
    meta = raw[META]["1"]
    tables: Raw = {ZONES: {doc_id: doc for doc_id, doc in raw.get(ZONES, {}).items() if doc["id"] in scopes}}
    for scope in scopes:
        for table in (answers_table(scope), remediation_table(scope)):
            if raw.get(table):
                tables[table] = dict(raw[table])
    for table in (TOMBSTONES, HISTORY):
        if kept := {doc_id: doc for doc_id, doc in raw.get(table, {}).items() if _within(doc["key"], scopes)}:
            tables[table] = kept
    tables |= {name: docs for name, docs in raw.items() if name.startswith(baseline.PREFIX)}
    return {"project_id": meta["project_id"], "info": meta["info"], "lineage": meta["lineage"]}, tables


def _within(key: str, scopes: set[str]) -> bool:
    return key == INFO_KEY or parse_key(key)[1] in scopes
