"""The version book of an open project: its tombstones, history and conflicts, kept in step
with the raw document, and the journal operations that make a write a new version.

A write of a record by this copy gets the next version (the record's vector, or its
tombstone's, counted on by one for this copy). The version it replaces goes into the
history unless this session made it: typing in a field saves every few keystrokes, and
those in-between versions are not worth keeping, but another session's, copy's or
merge's always are, and so is the losing side of a conflict.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ot62443_desktop.storage import versions
from ot62443_desktop.storage.versions import CONFLICT, HISTORY, TOMBSTONES, Doc, V

Op = list[Any]  # [table, doc_id, doc or None], as the journal holds them
Raw = dict[str, dict[str, Any]]


class VersionBook:
    """Indexes over the raw document's tombstones, history and conflicts."""

    def __init__(self, raw: Raw, session: set[str] | None = None) -> None:
        self.tombs: dict[str, int] = {}  # key -> doc id of its tombstone
        self.history: dict[str, list[int]] = {}  # key -> doc ids of its earlier versions
        self.conflicts: set[str] = set()
        self.session: set[str] = set() if session is None else session  # keys whose version this session made
        self._kept: set[tuple[str, tuple[tuple[str, int], ...]]] = set()  # (key, vector) of history entries
        self._next = {TOMBSTONES: 1, HISTORY: 1}
        for table, docs in raw.items():
            for doc_id, doc in docs.items():
                self.observe(table, int(doc_id), None, doc)

    def observe(self, table: str, doc_id: int, old: Mapping[str, Any] | None, new: Mapping[str, Any] | None) -> None:
        """Keep the indexes in step with one operation applied to the raw document."""
        if table == TOMBSTONES:
            if old is not None:
                self.tombs.pop(old["key"], None)
            if new is not None:
                self.tombs[new["key"]] = doc_id
                self._next[table] = max(self._next[table], doc_id + 1)
        elif table == HISTORY:
            if old is not None:
                self.history[old["key"]].remove(doc_id)
                self._kept.discard((old["key"], versions.canon(old["vv"])))
            if new is not None:
                self.history.setdefault(new["key"], []).append(doc_id)
                self._kept.add((new["key"], versions.canon(new["vv"])))
                self._next[table] = max(self._next[table], doc_id + 1)
        else:
            self._note_conflict(table, old if new is None else new, new is not None)

    def _note_conflict(self, table: str, doc: Mapping[str, Any] | None, present: bool) -> None:
        record = doc.get("info") if table == "meta" and doc is not None else doc
        if not isinstance(record, Mapping):
            return
        in_conflict = present and CONFLICT in record
        if (in_conflict or self.conflicts) and (key := _key(table, record)) is not None:
            if in_conflict:
                self.conflicts.add(key)
            else:
                self.conflicts.discard(key)

    def take_id(self, table: str) -> int:
        """A record id not used in `table` (tombstones or history)."""
        number = self._next[table]
        self._next[table] = number + 1
        return number

    def kept(self, key: str, vv: Mapping[str, int]) -> bool:
        return (key, versions.canon(vv)) in self._kept

    def tombstone(self, raw: Raw, key: str) -> Doc | None:
        doc_id = self.tombs.get(key)
        return None if doc_id is None else raw[TOMBSTONES][str(doc_id)]

    def entries(self, raw: Raw, key: str) -> list[Doc]:
        """The earlier versions of `key` kept in the history."""
        return [raw[HISTORY][str(doc_id)] for doc_id in self.history.get(key, [])]

    def keep(self, key: str, vv: Mapping[str, int], entry: Doc, ops: list[Op]) -> None:
        """Add a history entry for the version `vv` of `key` to `ops`, unless it is kept already."""
        if not self.kept(key, vv) and not any(op[0] == HISTORY and op[2]["key"] == key
                                              and op[2]["vv"] == vv for op in ops):
            ops.append([HISTORY, self.take_id(HISTORY), entry])

    def write_ops(self, raw: Raw, key: str, current: Mapping[str, Any] | None, doc: Doc | None, *,
                  copy_id: str, by: str, resolving: bool = False) -> tuple[Doc | None, list[Op]]:
        """The next version of record `key` (its document, or None to remove it) and the tombstone and
        history operations that go with it. `current` is the record as stored (None if absent).
        `resolving` settles its conflict: both sides' versions are kept in the history."""
        tomb = self.tombstone(raw, key)
        base = current[V] if current is not None else tomb
        stamp = versions.version(versions.bumped(base["vv"] if base else {}, copy_id), copy_id, by, versions.now())
        ops: list[Op] = []
        if base is not None and (resolving or key not in self.session):
            self.keep(key, base["vv"], history_entry(key, current, base), ops)
        if current is not None and CONFLICT in current and (doc is None or resolving):
            other = current[CONFLICT]
            self.keep(key, other[V]["vv"], history_entry(key, other["doc"], other[V]), ops)
        if doc is None:
            ops.append([TOMBSTONES, self.tombs.get(key) or self.take_id(TOMBSTONES), {"key": key, **stamp}])
            return None, ops
        if tomb is not None:
            ops.append([TOMBSTONES, self.tombs[key], None])
        written = dict(doc, **{V: stamp})
        if current is not None and CONFLICT in current and not resolving:
            written[CONFLICT] = current[CONFLICT]  # an edit does not settle a conflict; resolving does
        return written, ops


def history_entry(key: str, doc: Mapping[str, Any] | None, stamp: Mapping[str, Any]) -> Doc:
    """A history entry: the version `stamp` of `key` and its value (None: removed)."""
    return {"key": key, "vv": stamp["vv"], "by": stamp["by"], "at": stamp["at"], "copy": stamp["copy"],
            "doc": None if doc is None else versions.plain(doc)}


def _key(table: str, record: Mapping[str, Any]) -> str | None:
    try:
        return versions.key_of(table, record)
    except (KeyError, TypeError):  # not a record a project holds; decoding the project says so
        return None

