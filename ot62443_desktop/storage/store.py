"""ProjectStore: the project file as a TinyDB database made durable by a journal.

The whole database lives in memory (TinyDB's MemoryStorage). Every change is first
appended to `NAME.ot62443.journal` and fsynced, then applied in memory, and only then
returned to the caller: an acknowledged change survives `kill -9` and power loss while
costing one small append instead of TinyDB's full-file rewrite. The file itself is
rewritten atomically (temp file, fsync, rename) when the project is closed or the
journal grows large ("compaction"); its `generation` counter ties a journal to the file
version it extends, so a journal left by a crash is replayed exactly once.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar, cast

from tinydb import TinyDB
from tinydb.storages import MemoryStorage
from tinydb.table import Document

from ot62443_desktop import __version__
from ot62443_desktop.domain.model import (
    SITE_SCOPE,
    Answer,
    ModelError,
    ProjectData,
    ProjectInfo,
    RemediationItem,
    Zone,
)
from ot62443_desktop.storage import backups, codec, schema
from ot62443_desktop.storage.errors import (
    ProjectDamagedError,
    ProjectExistsError,
    ReadOnlyError,
    StoreError,
)
from ot62443_desktop.storage.fsutil import atomic_write
from ot62443_desktop.storage.journal import Journal, journal_path, read_journal
from ot62443_desktop.storage.lock import ProjectLock
from ot62443_desktop.storage.projectfile import META, META_ID, ZONES, Raw, dump, parse_project

SUFFIX = ".ot62443"
COMPACT_AFTER_BYTES = 8 * 1024 * 1024

T = TypeVar("T")
Op = list[Any]  # [table, doc_id, doc or None for a removal]


def answers_table(scope_id: str) -> str:
    return f"answers:{scope_id}"


def remediation_table(scope_id: str) -> str:
    return f"remediation:{scope_id}"


class ProjectStore:
    """An open project. Use `create` or `open`; close it (or use `with`) when done."""

    def __init__(self, path: Path, raw: Raw, *, lock: ProjectLock | None, read_only_reason: str) -> None:
        self.path = path
        self.read_only_reason = read_only_reason
        self.warnings: list[str] = []
        self._lock = lock
        self._journal: Journal | None = None
        self._db = TinyDB(storage=MemoryStorage)
        self._db.storage.write(raw)
        self._info: ProjectInfo
        self._keys: dict[str, dict[str, int]] = {}  # table -> key (zone or requirement id) -> doc id
        self._zones: dict[str, Zone] = {}
        self._answers: dict[tuple[str, str], Answer] = {}
        self._items: dict[tuple[str, str], RemediationItem] = {}
        meta = raw[META][str(META_ID)]
        self.generation: int = meta.get("generation", 0)
        self._meta: dict[str, Any] = meta
        try:
            self._load(raw)
        except (KeyError, TypeError, ValueError, ModelError) as exc:
            raise ProjectDamagedError(
                f"{path}: project data is inconsistent ({exc}); "
                f"`ot62443 recover {path}` restores the last good backup",
                recoverable=bool(backups.list_backups(path)),
            ) from None

    # -- opening and closing ------------------------------------------------------------

    @classmethod
    def create(cls, path: str | Path, info: ProjectInfo, *, overwrite: bool = False) -> ProjectStore:
        path = _project_path(path)
        if path.exists() and not overwrite:
            raise ProjectExistsError(f"{path}: a file of that name already exists")
        if not path.parent.is_dir():
            raise StoreError(f"{path.parent}: no such folder")
        meta = {"schema_version": schema.SCHEMA_VERSION, "generation": 0, "app_version": __version__,
                "created": datetime.now().isoformat(timespec="seconds"),
                "info": codec.info_to_doc(info)}
        atomic_write(path, dump({META: {str(META_ID): meta}, ZONES: {}}))
        return cls.open(path)

    @classmethod
    def open(cls, path: str | Path, *, read_only: bool = False) -> ProjectStore:
        """Open a project; it opens read-only (with a reason) if another instance holds it."""
        path = _project_path(path)
        if not path.is_file():
            raise StoreError(f"{path}: no such project file")
        lock: ProjectLock | None = None
        reason = "opened read-only" if read_only else ""
        if not read_only:
            lock = ProjectLock(path)
            holder = lock.acquire()
            if holder is not None:
                lock, reason = None, f"open in another instance by {holder}"
        try:
            return cls._open_locked(path, lock, reason)
        except BaseException:
            if lock is not None:
                lock.release()
            raise

    @classmethod
    def _open_locked(cls, path: Path, lock: ProjectLock | None, reason: str) -> ProjectStore:
        data = path.read_bytes()
        raw, version = parse_project(path, data)
        generation = raw[META][str(META_ID)].get("generation", 0)
        jpath = journal_path(path)
        base, records = read_journal(jpath)
        stale = base is not None and base != generation
        if not stale:
            for record in records:
                _apply_raw(raw, record["ops"])
        if version < schema.SCHEMA_VERSION:
            raw = schema.upgrade(raw, version)
        store = cls(path, raw, lock=lock, read_only_reason=reason)
        if lock is None:
            return store
        backups.save_backup(path, data, generation)
        if stale and base == generation - 1:  # crash after a compaction, before the journal reset
            jpath.unlink(missing_ok=True)
        elif stale:
            moved = backups.set_aside(path, jpath, "stale-journal")
            store.warnings.append(f"a journal that did not match this file was set aside as {moved}")
        if records and not stale:
            store.warnings.append(f"recovered {len(records)} change(s) from the journal")
        store._journal = Journal(jpath, store.generation)
        if (records and not stale) or version < schema.SCHEMA_VERSION:
            store.compact()
        return store

    @classmethod
    def recover(cls, path: str | Path) -> str:
        """Replace a damaged project by its newest good backup (plus its journal); says what it did."""
        path = _project_path(path)
        lock = ProjectLock(path)
        holder = lock.acquire()
        if holder is not None:
            raise StoreError(f"{path}: in use by {holder}; close it there first")
        try:
            base, records = read_journal(journal_path(path))
            for backup in backups.list_backups(path):
                try:
                    raw, _ = parse_project(backup, backup.read_bytes())
                except StoreError:
                    continue
                generation = raw[META][str(META_ID)].get("generation", 0)
                if path.exists():
                    backups.set_aside(path, path, "damaged")
                journal_note = ""
                if base == generation and records:
                    journal_note = f" and {len(records)} journaled change(s)"
                elif base is not None:
                    backups.set_aside(path, journal_path(path), "stale-journal")
                atomic_write(path, backup.read_bytes())
                return f"{path}: restored from backup {backup.name}{journal_note}"
            raise StoreError(f"{path}: no usable backup in {backups.backup_dir(path)}")
        finally:
            lock.release()

    def close(self) -> None:
        """Compact if anything changed, then remove the journal and the lock."""
        if self._journal is not None:
            if self._journal.records:
                self.compact()
            self._journal.close(remove=True)
            self._journal = None
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> ProjectStore:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    @property
    def read_only(self) -> bool:
        return self._lock is None

    def compact(self) -> None:
        """Rewrite the file atomically with everything journaled, then start a new journal."""
        journal = self._writable()
        self._meta["generation"] = self.generation + 1
        self._meta["app_version"] = __version__
        data = dump(cast(Raw, self._db.storage.read()))
        atomic_write(self.path, data)
        self.generation += 1
        journal.restart(self.generation)
        backups.save_backup(self.path, data, self.generation)

    # -- reading --------------------------------------------------------------------------

    @property
    def info(self) -> ProjectInfo:
        return self._info

    def zones(self) -> tuple[Zone, ...]:
        return tuple(self._zones.values())

    def zone(self, zone_id: str) -> Zone:
        try:
            return self._zones[zone_id]
        except KeyError:
            raise StoreError(f"unknown scope {zone_id!r}") from None

    def scope_ids(self) -> list[str]:
        return [SITE_SCOPE, *self._zones]

    def answer(self, scope_id: str, requirement_id: str) -> Answer | None:
        return self._answers.get((scope_id, requirement_id))

    def answers(self) -> dict[tuple[str, str], Answer]:
        return dict(self._answers)

    def remediation(self, scope_id: str, requirement_id: str) -> RemediationItem | None:
        return self._items.get((scope_id, requirement_id))

    def snapshot(self) -> ProjectData:
        return ProjectData(self._info, self.zones(), dict(self._answers), dict(self._items))

    # -- writing: each returns only once the change is durable ---------------------------

    def set_info(self, info: ProjectInfo) -> ProjectInfo:
        previous = self._info
        meta = dict(self._meta, info=codec.info_to_doc(info))
        self._commit([[META, META_ID, meta]])  # updates self._meta in place
        self._info = info
        return previous

    def add_zone(self, zone: Zone) -> None:
        if zone.id in self._zones:
            raise StoreError(f"zone {zone.id!r} already exists")
        self._commit([[ZONES, self._new_id(ZONES, zone.id), codec.zone_to_doc(zone)]])
        self._zones[zone.id] = zone

    def update_zone(self, zone: Zone) -> Zone:
        previous = self.zone(zone.id)
        self._commit([[ZONES, self._keys[ZONES][zone.id], codec.zone_to_doc(zone)]])
        self._zones[zone.id] = zone
        return previous

    def remove_zone(self, zone_id: str) -> tuple[Zone, list[Answer], list[RemediationItem]]:
        """Remove a zone with its answers and remediation items; returns them for undo."""
        zone = self.zone(zone_id)
        ops: list[Op] = [[ZONES, self._keys[ZONES][zone_id], None]]
        for table in (answers_table(zone_id), remediation_table(zone_id)):
            ops += [[table, doc_id, None] for doc_id in self._keys.get(table, {}).values()]
        self._commit(ops)
        del self._zones[zone_id]
        self._keys[ZONES].pop(zone_id)
        answers = [a for k, a in self._answers.items() if k[0] == zone_id]
        items = [i for k, i in self._items.items() if k[0] == zone_id]
        for cache in (self._answers, self._items):
            for key in [k for k in cache if k[0] == zone_id]:
                del cache[key]
        for table in (answers_table(zone_id), remediation_table(zone_id)):
            self._keys.pop(table, None)
            self._db.drop_table(table)
        return zone, answers, items

    def set_answer(self, answer: Answer) -> Answer | None:
        """Record an answer; returns the previous one (for undo)."""
        self._check_scope(answer.scope_id)
        key = (answer.scope_id, answer.requirement_id)
        table = answers_table(answer.scope_id)
        self._commit([[table, self._new_id(table, answer.requirement_id), codec.answer_to_doc(answer)]])
        previous = self._answers.get(key)
        self._answers[key] = answer
        return previous

    def clear_answer(self, scope_id: str, requirement_id: str) -> Answer | None:
        return self._remove(answers_table(scope_id), self._answers, scope_id, requirement_id)

    def set_remediation(self, item: RemediationItem) -> RemediationItem | None:
        self._check_scope(item.scope_id)
        key = (item.scope_id, item.requirement_id)
        table = remediation_table(item.scope_id)
        self._commit([[table, self._new_id(table, item.requirement_id), codec.item_to_doc(item)]])
        previous = self._items.get(key)
        self._items[key] = item
        return previous

    def clear_remediation(self, scope_id: str, requirement_id: str) -> RemediationItem | None:
        return self._remove(remediation_table(scope_id), self._items, scope_id, requirement_id)

    # -- internals --------------------------------------------------------------------------

    def _load(self, raw: Raw) -> None:
        self._info = codec.info_from_doc(self._meta["info"])
        for doc_id, doc in sorted(raw.get(ZONES, {}).items(), key=lambda kv: int(kv[0])):
            self._zones[doc["id"]] = codec.zone_from_doc(doc)
            self._keys.setdefault(ZONES, {})[doc["id"]] = int(doc_id)
        for table, docs in raw.items():
            kind, _, scope = table.partition(":")
            if kind not in ("answers", "remediation"):
                continue
            if scope != SITE_SCOPE and scope not in self._zones:
                raise ValueError(f"table {table!r} belongs to no zone")
            keys = self._keys.setdefault(table, {})
            for doc_id, doc in docs.items():
                keys[doc["req"]] = int(doc_id)
                if kind == "answers":
                    self._answers[(scope, doc["req"])] = codec.answer_from_doc(scope, doc)
                else:
                    self._items[(scope, doc["req"])] = codec.item_from_doc(scope, doc)

    def _writable(self) -> Journal:
        if self._journal is None:
            raise ReadOnlyError(f"{self.path}: {self.read_only_reason or 'closed'}; changes are not possible")
        return self._journal

    def _check_scope(self, scope_id: str) -> None:
        if scope_id != SITE_SCOPE and scope_id not in self._zones:
            known = ", ".join(self.scope_ids())
            raise StoreError(f"unknown scope {scope_id!r} (known: {known})")

    def _new_id(self, table: str, key: str) -> int:
        """The doc id of `key` in `table`, allocating one if it has none yet."""
        keys = self._keys.setdefault(table, {})
        if key not in keys:
            keys[key] = max(keys.values(), default=0) + 1
        return keys[key]

    def _remove(self, table: str, cache: dict[tuple[str, str], T], scope_id: str, requirement_id: str) -> T | None:
        self._check_scope(scope_id)
        doc_id = self._keys.get(table, {}).get(requirement_id)
        if doc_id is None:
            return None
        self._commit([[table, doc_id, None]])
        self._keys[table].pop(requirement_id)
        return cache.pop((scope_id, requirement_id), None)

    def _commit(self, ops: list[Op]) -> None:
        journal = self._writable()
        journal.append({"ops": ops})
        for table_name, doc_id, doc in ops:
            table = self._db.table(table_name)
            if doc is None:
                if table.contains(doc_id=doc_id):
                    table.remove(doc_ids=[doc_id])
            elif table.contains(doc_id=doc_id):
                table.update(_replace_with(doc), doc_ids=[doc_id])
            else:
                table.insert(Document(doc, doc_id=doc_id))
        if journal.size > COMPACT_AFTER_BYTES:
            self.compact()


def _replace_with(doc: dict[str, Any]) -> Any:
    def replace(current: dict[str, Any]) -> None:
        current.clear()
        current.update(doc)
    return replace


def _apply_raw(raw: Raw, ops: Iterable[Op]) -> None:
    """Replay journaled operations on the raw TinyDB document."""
    for table, doc_id, doc in ops:
        docs = raw.setdefault(table, {})
        if doc is None:
            docs.pop(str(doc_id), None)
            if not docs and table not in (META, ZONES):
                del raw[table]
        else:
            docs[str(doc_id)] = doc


def _project_path(path: str | Path) -> Path:
    path = Path(path)
    if path.suffix != SUFFIX:
        raise StoreError(f"{path}: project files end in {SUFFIX}")
    return path
