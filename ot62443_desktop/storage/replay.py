"""Replaying a journal onto the raw project document, believing nothing the journal says.

A journal record passes its checksum whoever wrote it: a copy from another computer, a
bug, a person with an editor. Whatever it holds, the result must be a document this
program can save and open again, with the file's own identity (schema version,
generation, project id); otherwise the journal, not the file, is reported as damaged, and
`ot62443 recover` sets it aside and keeps the file.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ot62443_desktop.storage.errors import ProjectDamagedError
from ot62443_desktop.storage.journal import journal_path
from ot62443_desktop.storage.projectfile import META, META_ID, ZONES, Raw, one_line, shape_problem

Op = list[Any]  # [table, doc_id, doc or None for a removal]
# What only a file write may change; a journal record that would alter one is not believed.
IDENTITY = ("schema_version", "generation", "project_id", "lineage", "copy_id", "copy_home")


def replay(path: Path, raw: Raw, records: Iterable[dict[str, Any]]) -> None:
    """Apply the journaled `records` to `raw` in place; ProjectDamagedError if the result is not a project."""
    before = {key: raw[META][str(META_ID)].get(key) for key in IDENTITY}
    touched: Raw = {}
    for record in records:
        apply_ops(raw, record["ops"])
        for table, doc_id, doc in record["ops"]:
            if doc is not None:
                touched.setdefault(table, {})[str(doc_id)] = doc
    meta = raw[META][str(META_ID)]
    for key, value in before.items():
        if meta.get(key) != value:
            raise journal_error(path, f"a change in it would alter the project's {key.replace('_', ' ')}")
    if problem := shape_problem(touched, meta):
        raise journal_error(path, problem)
    try:
        json.dumps(touched, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: the file could never be written again
        raise journal_error(path, "it holds text that is not valid Unicode") from None


def apply_ops(raw: Raw, ops: Iterable[Op]) -> None:
    """Apply journaled operations to the raw TinyDB document."""
    for table, doc_id, doc in ops:
        docs = raw.setdefault(table, {})
        if doc is None:
            docs.pop(str(doc_id), None)
            if not docs and table not in (META, ZONES):
                del raw[table]
        else:
            docs[str(doc_id)] = doc


def journal_error(path: Path, problem: str) -> ProjectDamagedError:
    """The journal beside `path` cannot be replayed; the file itself may be fine."""
    return ProjectDamagedError(
        f"{journal_path(path)}: its changes do not fit the project file ({one_line(problem)}); "
        f"`ot62443 recover {path}` sets the journal aside and keeps the file", recoverable=True)
