"""ProjectStore: the project file as a TinyDB database made durable by a journal.

The whole database lives in memory (TinyDB's MemoryStorage). Every change is first
appended to `NAME.ot62443.journal` and fsynced, then applied in memory, and only then
returned to the caller: an acknowledged change survives `kill -9` and power loss while
costing one small append instead of TinyDB's full-file rewrite. The file itself is
rewritten atomically (temp file, fsync, rename) when the project is closed or the
journal grows large ("compaction"). The journal's header names the file version it
extends (generation, project id, digest of the bytes), so a journal left by a crash is
replayed exactly once, and never onto another project or another copy of this one.
An encrypted project (see sealed) is the same, with the file and each journal record sealed
under the key derived once when it is opened.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator, Mapping
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar, cast

from tinydb import TinyDB
from tinydb.storages import MemoryStorage

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
from ot62443_desktop.storage import backups, baseline, codec, identity, protection, schema, versions
from ot62443_desktop.storage.book import VersionBook, history_entry
from ot62443_desktop.storage.errors import (
    ProjectExistsError,
    ReadOnlyError,
    SaveError,
    StoreError,
    describe_os_error,
)
from ot62443_desktop.storage.fsutil import (
    UnsyncedRenameError,
    atomic_write,
    remove_crash_leftovers,
)
from ot62443_desktop.storage.journal import (
    PREVIOUS,
    Journal,
    JournalContents,
    Relation,
    file_digest,
    journal_path,
)
from ot62443_desktop.storage.keys import Secret, Unlocker, new_key
from ot62443_desktop.storage.lock import ProjectLock
from ot62443_desktop.storage.projectfile import (
    META,
    META_ID,
    ZONES,
    Raw,
    damaged_error,
    dump,
    parse_project,
)
from ot62443_desktop.storage.reading import (
    exclusive_lock,
    file_identity,
    marked_read_only,
    project_path,
    read_file,
    read_journal_of,
    refuse_special,
)
from ot62443_desktop.storage.records import answers_table, decode, remediation_table
from ot62443_desktop.storage.replay import Op, apply_ops, journal_error, replay
from ot62443_desktop.storage.sealed import Key, seal_document
from ot62443_desktop.storage.versions import HISTORY, INFO_KEY, TOMBSTONES, Doc, answer_key, item_key, zone_key

COMPACT_AFTER_BYTES = 8 * 1024 * 1024
READ_ATTEMPTS = 20

T = TypeVar("T")


class ProjectStore:
    """An open project. Use `create` or `open`; close it (or use `with`) when done."""

    def __init__(self, path: Path, raw: Raw, *, lock: ProjectLock | None, read_only_reason: str,
                 digest: str = "", key: Key | None = None) -> None:
        """Raises KeyError, TypeError, ValueError or ModelError for a record that does not decode."""
        self.path = path
        self._key = key
        self.read_only_reason = read_only_reason
        self.warnings: list[str] = []
        self._lock = lock
        self._journal: Journal | None = None
        self._db = TinyDB(storage=MemoryStorage)
        self._db.storage.write(raw)
        self._batch: list[Op] | None = None  # the operations of the open batch, if any
        self._batch_undo: list[Op] = []
        meta = raw[META][str(META_ID)]
        self.generation: int = meta.get("generation", 0)
        self._meta: dict[str, Any] = meta
        self._digest = digest  # of the file bytes this session's journal extends
        self._by = identity.user()
        self._book = VersionBook({})
        self._adopt(raw)

    @property
    def _raw(self) -> Raw:
        return cast(Raw, self._db.storage.read())

    def _adopt(self, raw: Raw) -> None:
        """Decode every record of `raw` into the caches the store answers reads from."""
        records = decode(raw, self._meta)
        self._info, self._zones = records.info, records.zones
        self._answers, self._items, self._keys = records.answers, records.items, records.keys
        self._lineage, self._previous = baseline.lineage_from_meta(self._meta), baseline.decode(raw)
        self._book = VersionBook(raw, self._book.session)

    @classmethod
    def from_raw(cls, path: Path, raw: Raw, *, lock: ProjectLock | None, reason: str, digest: str,
                 replayed: bool, key: Key | None = None) -> ProjectStore:
        """A store over `raw`; a record that does not decode blames the journal if one was replayed."""
        try:
            return cls(path, raw, lock=lock, read_only_reason=reason, digest=digest, key=key)
        except (KeyError, TypeError, ValueError, ModelError) as exc:
            what = f"project data is inconsistent ({exc})"
            raise (journal_error(path, what) if replayed else damaged_error(path, what)) from None

    # -- opening and closing ------------------------------------------------------------

    @classmethod
    def create(cls, path: str | Path, info: ProjectInfo, *, overwrite: bool = False,
               carried_from: ProjectData | None = None, passphrase: Secret | None = None) -> ProjectStore:
        """A new project, encrypted with `passphrase` if one is given (a key: the same passphrase and salt);
        carried forward from `carried_from` (last time's assessment), it starts with that project's zones
        and remediation plan and keeps the project itself as its baseline."""
        lineage, tables = baseline.carried_forward(carried_from, info) if carried_from else ([], {})
        meta = {"project_id": schema.new_project_id(), "info": codec.info_to_doc(info), "lineage": lineage}
        return cls.create_from(path, meta, tables, overwrite=overwrite, passphrase=passphrase)

    @classmethod
    def create_from(cls, path: str | Path, meta: dict[str, Any], tables: Raw, *,
                    overwrite: bool = False, passphrase: Secret | None = None) -> ProjectStore:
        """A new project file holding `tables`, its meta data (project id, info, lineage) from `meta`: a
        new copy, bound to `path`, encrypted with `passphrase` if given. Records without a version start
        at their first, made here."""
        path = project_path(path)
        if not path.parent.is_dir():
            raise StoreError(f"{path.parent}: no such folder")
        _refuse_existing(path, overwrite)
        key = new_key(passphrase)
        lock = exclusive_lock(path, "created")
        try:
            _refuse_existing(path, overwrite)  # again: another creation may have finished meanwhile
            moved = cls._write_new(path, meta, tables, key)
            store = cls._open_locked(path, lock, "", key)
        except BaseException:
            lock.release()
            raise
        if moved is not None:
            store.warnings.append(f"a journal left by an earlier project of this name was set aside as {moved}")
        return store

    @staticmethod
    def _write_new(path: Path, meta: dict[str, Any], tables: Raw, key: Key | None) -> Path | None:
        """The file of a new project; a journal left by an earlier project of that name goes aside first."""
        copy_id = identity.new_copy_id()
        first = versions.version({copy_id: 1}, copy_id, identity.user(), versions.now())
        for name, docs in tables.items():  # every record has a version; the baseline's are no records
            if not name.startswith(baseline.PREFIX) and name not in (TOMBSTONES, HISTORY):
                for doc in docs.values():
                    doc.setdefault(versions.V, first)
        meta = {"schema_version": schema.SCHEMA_VERSION, "generation": 0, "app_version": __version__,
                "created": datetime.now().isoformat(timespec="seconds"), "project_id": meta["project_id"],
                "copy_id": copy_id, "copy_home": identity.place_of(path),
                "info": {versions.V: first, **meta["info"]}, "lineage": meta["lineage"]}
        jpath = journal_path(path)
        moved = None
        try:
            if jpath.exists() or jpath.is_symlink():  # it extends no file of this project: never replay it
                moved = backups.set_aside(path, jpath, "stale-journal")
            atomic_write(path, _sealed(key, dump(baseline.new_file(meta, tables))))
        except UnsyncedRenameError:  # the file is in place; the new journal's own sync follows
            pass
        except OSError as exc:
            raise SaveError(f"{path}: the project could not be created ({describe_os_error(exc)})") from None
        return moved

    @classmethod
    def open(cls, path: str | Path, *, read_only: bool = False, passphrase: Secret | None = None) -> ProjectStore:
        """Open a project; it opens read-only (with a reason) if it cannot be written or another instance holds it.

        An encrypted project needs its `passphrase` (or the key of a session that opened it):
        PassphraseNeededError without one, WrongPassphraseError for another; nothing is changed then."""
        path = project_path(path)
        if not path.exists():
            raise StoreError(f"{path}: no such project file")
        refuse_special(path)
        lock: ProjectLock | None = None
        reason = "opened read-only" if read_only else marked_read_only(path)
        if not reason:
            lock = ProjectLock(path)
            try:
                holder = lock.acquire()
            except OSError as exc:
                holder, reason = None, (f"it cannot be locked for editing ({describe_os_error(exc)}); nothing "
                                        "was lost: free some disk space or check the folder's permissions, "
                                        "then open it again")
                lock = None
            if holder is not None:
                lock, reason = None, f"open in another instance by {holder}"
        try:
            return cls._open_locked(path, lock, reason, passphrase)
        except BaseException:
            if lock is not None:
                lock.release()
            raise

    @classmethod
    def _open_locked(cls, path: Path, lock: ProjectLock | None, reason: str,
                     passphrase: Secret | None = None) -> ProjectStore:
        unlocker = Unlocker(passphrase)
        for _ in range(READ_ATTEMPTS):  # a reader without the lock may meet the writer's compaction
            identity = file_identity(path)
            data = read_file(path)
            document, key = unlocker.open(path, data)
            raw, version = parse_project(path, document)
            meta = raw[META][str(META_ID)]
            digest = file_digest(data)
            journal = read_journal_of(path, key)
            relation = journal.relation(meta, digest, key.id if key else None)
            if lock is not None or file_identity(path) == identity:
                break  # the file read is the one the journal was read beside
        else:
            raise StoreError(f"{path}: it changed while being read, again and again; try again in a moment")
        pending = journal.records if relation is Relation.EXTENDS else []
        if pending:
            replay(path, raw, pending)
        if version < schema.SCHEMA_VERSION:
            raw = schema.upgrade(raw, version)
        store = cls.from_raw(path, raw, lock=lock, reason=reason, digest=digest, replayed=bool(pending), key=key)
        if lock is None:
            if pending:
                store.warnings.append(f"{len(pending)} change(s) from the journal are shown; they are written into "
                                      "the file when the project is next opened for editing")
            if journal.after_damage:
                store.warnings.append(f"the journal is damaged: {journal.after_damage} change(s) after the damage "
                                      "cannot be read and are not shown")
            return store
        store._take_over(data, journal, relation, pending=len(pending), upgraded=version < schema.SCHEMA_VERSION)
        return store

    def _take_over(self, data: bytes, journal: JournalContents, relation: Relation, *, pending: int,
                   upgraded: bool) -> None:
        """Make what was opened durable (recovered changes, upgrade) and start this session's journal.

        The old journal is only replaced once the file holds everything it had: a crash or a
        full disk at any step leaves the old file with its journal, or the new file whole.
        """
        rebound = self._rebind_copy()
        self._keep_backup(data, self.generation)
        try:
            remove_crash_leftovers(self.path)
            self._keep_journal_aside(journal, relation)
            if pending or upgraded or rebound:
                self._write_file()
            self._journal = self._new_journal()
        except OSError as exc:
            assert self._lock is not None
            self._lock.release()
            self._lock = None
            self.read_only_reason = (f"it could not be made ready for changes ({describe_os_error(exc)}); "
                                     "nothing was lost: free some disk space, then open it again")
            return
        if pending:
            self.warnings.append(f"recovered {pending} change(s) from the journal")

    def _rebind_copy(self) -> bool:
        """A file copied or moved here, restored from an older version or recovered takes a new copy id
        (see identity): its version counters may already be known elsewhere for other changes."""
        here = identity.place_of(self.path)
        if (self._meta["copy_home"] == here and self._meta["copy_id"] not in backups.retired_copies(self.path)
                and backups.newest_generation(self.path) <= self.generation):
            return False
        self._meta.update(copy_id=identity.new_copy_id(), copy_home=here)
        return True

    def _keep_journal_aside(self, journal: JournalContents, relation: Relation) -> None:
        """A journal of another file moves aside; a damaged one is copied aside before it is replaced."""
        jpath = journal_path(self.path)
        if relation is Relation.FOREIGN:
            moved = backups.set_aside(self.path, jpath, "stale-journal")
            self.warnings.append(f"a journal that did not belong to this file was set aside as {moved}")
        elif journal.after_damage:
            copied = backups.set_aside(self.path, jpath, "damaged-journal", move=False)
            self.warnings.append(f"the journal was damaged: {len(journal.records)} change(s) before the damage were "
                                 f"recovered, {journal.after_damage} after it could not be read; the journal was "
                                 f"set aside as {copied}")

    @classmethod
    def recover(cls, path: str | Path, *, passphrase: Secret | None = None) -> str:
        """Make a damaged project open again, keeping every copy it replaces; says what it did.
        An encrypted project's backups open only with its `passphrase`."""
        from ot62443_desktop.storage.recovery import recover  # recovery builds on this class

        return recover(path, passphrase=passphrase)

    def close(self) -> None:
        """Write everything journaled into the file, then remove the journal and the lock.

        If the file cannot be written (a full disk), the journal stays: every change is
        already durable there and is taken into the file at the next open. `warnings` says so.
        """
        self._refuse_in_batch("closed")
        try:
            if self._journal is not None:
                self._close_journal(self._journal)
        finally:
            self._journal = None
            if self._lock is not None:
                self._lock.release()
                self._lock = None

    def _close_journal(self, journal: Journal) -> None:
        written = False
        try:
            if journal.records:
                self._check_lock("the file was not rewritten; every change is in the journal, which is taken "
                                 "into the file at the next open")
                self._write_file()
            written = True
        except SaveError as exc:  # another instance may hold the project now: leave its files alone
            self.warnings.append(str(exc))
        except OSError as exc:
            self.warnings.append(
                f"{self.path}: every change is saved in its journal, but the project file could not be "
                f"rewritten ({describe_os_error(exc)}); it is completed the next time the project is opened")
        finally:
            try:
                journal.close(remove=written)
            except OSError as exc:
                self.warnings.append(f"{journal.path}: could not be removed ({describe_os_error(exc)})")

    def __enter__(self) -> ProjectStore:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    @property
    def read_only(self) -> bool:
        return self._lock is None

    @property
    def file_meta(self) -> dict[str, Any]:
        """The project file's meta record (schema, generation, project id): read it, never change it."""
        return self._meta

    @property
    def project_id(self) -> str:
        """The random id given at creation: what registers, merges and comparisons are matched by."""
        return str(self._meta["project_id"])

    @property
    def copy_id(self) -> str:
        """Which copy of the project this file is: the name its versions are counted under."""
        return str(self._meta["copy_id"])

    @property
    def key(self) -> Key | None:
        """The key the project is sealed with (None: a plain project): what opens its copies, work
        packages and the export child without deriving it again."""
        return self._key

    @property
    def encrypted(self) -> bool:
        return self._key is not None

    def protect(self, passphrase: str) -> None:
        """Encrypt this plain project with `passphrase`; its backups are encrypted too (see protection)."""
        if self._key is not None:
            raise StoreError(f"{self.path}: the project is encrypted already; change its passphrase instead")
        self._rekey(new_key(passphrase), "encrypted")

    def change_passphrase(self, passphrase: str) -> None:
        """Encrypt this encrypted project with a new passphrase (new salt, new key); the old one no longer opens it."""
        if self._key is None:
            raise StoreError(f"{self.path}: the project is not encrypted; protect it with a passphrase first")
        self._rekey(new_key(passphrase), "given its new passphrase")

    def unprotect(self) -> None:
        """Store this encrypted project (and its backups) in plain form again."""
        if self._key is None:
            raise StoreError(f"{self.path}: the project is not encrypted; nothing was changed")
        self._rekey(None, "decrypted")

    def _rekey(self, key: Key | None, done: str) -> None:
        """Rewrite the file in the form of `key` (None: plain) by the compaction path (new file, sync,
        rename) and start the journal anew in that form: a crash leaves the old form or the new one.

        The journal is compacted first, so no plain record stays beside an encrypted file (nor one
        sealed with a key that no longer opens it). The backups are sealed before the file is switched
        (and unsealed only after): at no instant is a backup plainer than the file (see protection)."""
        journal = self._writable()
        self._refuse_in_batch(done)
        failed = f"{self.path}: the project was not {done}"
        self._check_lock(f"it was not {done}")
        old, converted = self._key, []
        try:
            if journal.records:
                self.compact()
            if key is not None:
                converted = protection.convert_backups(self.path, old, key, project_id=self.project_id)
            self._key = key
            self._write_file()
        except BaseException as exc:
            self._key = old
            if key is not None:
                self.warnings += protection.convert_back(self.path, key, old, still="the passphrase just given",
                                                         project_id=self.project_id)
            if isinstance(exc, OSError):
                raise SaveError(f"{failed} ({describe_os_error(exc)}); nothing was changed") from None
            raise
        if others := protection.elsewhere(self.path, converted):
            self.warnings.append(f"{len(others)} backup(s) kept for this project under another name or folder "
                                 f"(it was moved, renamed or copied) were {done} too")
        self._restart_journal(self._writable())
        if key is None:
            self.warnings += protection.convert_back(self.path, old, None, still="the project's former passphrase")

    def compact(self) -> None:
        """Rewrite the file with everything journaled, then start a new journal.

        A failure to write the file loses nothing (the journal goes on); a failure to start
        the new journal leaves the project read-only, with the reason in `read_only_reason`.
        """
        journal = self._writable()
        self._refuse_in_batch("compacted")
        self._check_lock("the file was not rewritten; every change is safe in the journal")
        self._write_file()
        self._restart_journal(journal)

    def _new_journal(self) -> Journal:
        return Journal.start(journal_path(self.path), self.generation, self.project_id, self._digest, self._key)

    def _restart_journal(self, journal: Journal) -> None:
        """The journal of the file just written; SaveError (and read-only from now on) if none can be started."""
        journal.close(remove=False)
        try:
            self._journal = self._new_journal()
        except OSError as exc:
            self._journal = None
            if self._lock is not None:
                self._lock.release()
                self._lock = None
            self.read_only_reason = (f"no new journal could be started ({describe_os_error(exc)}); every change "
                                     "so far is saved: free some disk space and open the project again")
            raise SaveError(f"{self.path}: {self.read_only_reason}") from None

    def _write_file(self) -> None:
        """Write the whole project as the next generation of the file (atomically).

        Once the new file is renamed into place it is the file, even if the folder could
        not be synced after: the generation moves on, so the old journal is never again
        taken for the one that extends it.
        """
        previous = self._meta.get(PREVIOUS)
        self._meta.update(generation=self.generation + 1, app_version=__version__, **{PREVIOUS: self._digest})
        try:
            data = _sealed(self._key, dump(self._raw))
            try:
                atomic_write(self.path, data)
            except UnsyncedRenameError as exc:
                self.warnings.append(f"{self.path}: written, but its folder could not be synced "
                                     f"({describe_os_error(exc)}); the disk may be failing")
        except BaseException:
            self._meta.update(generation=self.generation, **{PREVIOUS: previous})
            raise
        self.generation += 1
        self._digest = file_digest(data)
        self._keep_backup(data, self.generation)

    def _refuse_in_batch(self, what: str) -> None:
        """The file only ever holds finished batches: one still open may yet be undone."""
        if self._batch is not None:
            raise StoreError(f"{self.path}: a batch of changes is still open, so the project cannot be {what} now")

    def _keep_backup(self, data: bytes, generation: int) -> None:
        try:
            backups.save_backup(self.path, data, generation)
        except OSError as exc:
            self.warnings.append(f"no backup could be kept this time ({describe_os_error(exc)})")

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

    # -- versions (SPEC 12.2: see storage/versions.py) -------------------------------------

    def record(self, key: str) -> Doc | None:
        """The record `key` as stored, with its version and any conflict; read it, never change it."""
        table, record_id = versions.table_of(key)
        if table == META:
            return cast(Doc, self._meta["info"])
        doc_id = self._keys.get(table, {}).get(record_id)
        return None if doc_id is None else cast(Doc, self._raw[table][str(doc_id)])

    def removed(self, key: str) -> Doc | None:
        """The tombstone of the removed record `key` ({key, vv, by, at, copy}), or None."""
        return self._book.tombstone(self._raw, key)

    def history(self, key: str) -> list[Doc]:
        """Every version of record `key` this copy knows, each after those it was made knowing, the current
        one (or its removal) last: {key, vv, by, at, copy, doc}, where doc None is a removal."""
        earlier = sorted(self._book.entries(self._raw, key), key=_causal)
        current = self.record(key)
        last = self.removed(key) if current is None else history_entry(key, current, current[versions.V])
        return earlier + ([last if current is not None else dict(last, doc=None)] if last else [])

    def conflicts(self) -> list[str]:
        """The keys of the records in conflict after a merge, in a stable order."""
        return sorted(self._book.conflicts)

    def document(self) -> Raw:
        """The whole project as its raw document (what a merge compares); read it, never change it."""
        return self._raw

    def snapshot(self) -> ProjectData:
        return ProjectData(self._info, self.zones(), dict(self._answers), dict(self._items), self.project_id,
                           self._lineage, self._previous)

    # -- writing: each returns only once the change is durable ---------------------------

    def set_info(self, info: ProjectInfo) -> ProjectInfo:
        previous = self._info
        self._write_versions([(INFO_KEY, codec.info_to_doc(info))])
        self._info = info
        return previous

    def add_zone(self, zone: Zone) -> None:
        if zone.id in self._zones:
            raise StoreError(f"zone {zone.id!r} already exists")
        self._write_versions([(zone_key(zone.id), codec.zone_to_doc(zone))])
        self._zones[zone.id] = zone

    def update_zone(self, zone: Zone) -> Zone:
        previous = self.zone(zone.id)
        self._write_versions([(zone_key(zone.id), codec.zone_to_doc(zone))])
        self._zones[zone.id] = zone
        return previous

    def remove_zone(self, zone_id: str, *, resolving: bool = False) -> tuple[Zone, list[Answer], list[RemediationItem]]:
        """Remove a zone with its answers and remediation items; returns them for undo. `resolving`:
        this settles the zone's conflict with its removal on another copy (see `resolve`)."""
        zone = self.zone(zone_id)
        answers = [a for k, a in self._answers.items() if k[0] == zone_id]
        items = [i for k, i in self._items.items() if k[0] == zone_id]
        removals: list[tuple[str, Doc | None]] = [(zone_key(zone_id), None)]
        removals += [(answer_key(zone_id, a.requirement_id), None) for a in answers]
        removals += [(item_key(zone_id, i.requirement_id), None) for i in items]
        self._write_versions(removals, resolving=resolving)
        del self._zones[zone_id]
        self._keys[ZONES].pop(zone_id)
        for cache in (self._answers, self._items):
            for key in [k for k in cache if k[0] == zone_id]:
                del cache[key]
        for table in (answers_table(zone_id), remediation_table(zone_id)):
            self._keys.pop(table, None)
        return zone, answers, items

    def set_answer(self, answer: Answer) -> Answer | None:
        """Record an answer; returns the previous one (for undo)."""
        self._check_scope(answer.scope_id)
        key = (answer.scope_id, answer.requirement_id)
        self._write_versions([(answer_key(*key), codec.answer_to_doc(answer))])
        previous = self._answers.get(key)
        self._answers[key] = answer
        return previous

    def clear_answer(self, scope_id: str, requirement_id: str) -> Answer | None:
        return self._remove(answers_table(scope_id), self._answers, scope_id, requirement_id)

    def set_remediation(self, item: RemediationItem) -> RemediationItem | None:
        self._check_scope(item.scope_id)
        key = (item.scope_id, item.requirement_id)
        self._write_versions([(item_key(*key), codec.item_to_doc(item))])
        previous = self._items.get(key)
        self._items[key] = item
        return previous

    def clear_remediation(self, scope_id: str, requirement_id: str) -> RemediationItem | None:
        return self._remove(remediation_table(scope_id), self._items, scope_id, requirement_id)

    def resolve(self, key: str, take: str) -> None:
        """Settle the merge conflict of record `key`: keep the value the project shows ("mine") or take
        the other copy's ("theirs"), as a new version made here; both stay in the history."""
        record = self.record(key)
        if record is None or versions.CONFLICT not in record:
            raise StoreError(f"{versions.describe(key)} is not in conflict; nothing was changed")
        if take not in ("mine", "theirs"):
            raise StoreError(f"take 'mine' or 'theirs', not {take!r}; nothing was changed")
        doc = versions.plain(record) if take == "mine" else record[versions.CONFLICT]["doc"]
        if doc is None:  # theirs removed the zone
            self.remove_zone(versions.parse_key(key)[1], resolving=True)
            return
        self._write_versions([(key, doc)], resolving=True)
        value = versions.decoder(key)(doc)
        _kind, scope, req = versions.parse_key(key)
        if isinstance(value, Answer):
            self._answers[(scope, req)] = value
        elif isinstance(value, RemediationItem):
            self._items[(scope, req)] = value
        elif isinstance(value, Zone):
            self._zones[scope] = value
        elif isinstance(value, ProjectInfo):
            self._info = value

    def put_versions(self, changes: Mapping[str, tuple[Doc | None, Doc | None]], history: list[Doc]) -> None:
        """Set records and tombstones as a merge decided them (key -> its record and tombstone, each
        with its version) and add `history`, as one change: all of it or none after a crash."""
        ops: list[Op] = []
        for key, (record, tomb) in changes.items():
            table, record_id = versions.table_of(key)
            if table == META:
                ops.append([META, META_ID, dict(self._meta, info=record)])
            elif record is not None:
                ops.append([table, self._new_id(table, record_id), record])
            elif record_id in self._keys.get(table, {}):
                ops.append([table, self._keys[table][record_id], None])
            tomb_id = self._book.tombs.get(key)
            if tomb is not None:
                ops.append([TOMBSTONES, tomb_id or self._book.take_id(TOMBSTONES), tomb])
            elif tomb_id is not None:
                ops.append([TOMBSTONES, tomb_id, None])
        ops += [[HISTORY, self._book.take_id(HISTORY), entry] for entry in history]
        with self.batch():
            self._commit(ops)
            try:
                self._refresh(changes)
            except (KeyError, TypeError, ValueError, ModelError) as exc:  # undone by the batch
                raise StoreError(f"{self.path}: the merged project would be inconsistent ({exc}); "
                                 "nothing was changed") from None
        self._book.session.difference_update(changes)

    def _refresh(self, keys: Iterable[str]) -> None:
        """Bring the caches of records `keys` in step with what was written for them; ValueError (or
        the codec's) for a record that does not decode or would belong to no zone."""
        caches: dict[str, dict[Any, Any]] = {"a": self._answers, "r": self._items, "z": self._zones}
        for key in keys:
            kind, scope, req = versions.parse_key(key)
            table, record_id = versions.table_of(key)
            if table == META:
                self._info = codec.info_from_doc(self._meta["info"])
                continue
            doc_id = self._keys.get(table, {}).get(record_id)
            doc = None if doc_id is None else self._raw.get(table, {}).get(str(doc_id))
            cache = caches[kind]
            name = scope if kind == "z" else (scope, req)
            if doc is None:
                cache.pop(name, None)
                self._keys.get(table, {}).pop(record_id, None)
            else:
                versions.check_record(key, doc)
                cache[name] = versions.decoder(key)(doc)
        scopes = {scope for scope, _req in self._answers} | {scope for scope, _req in self._items}
        if orphans := sorted(scopes - set(self._zones) - {SITE_SCOPE}):
            raise ValueError(f"answers or items of no zone: {', '.join(orphans)}")

    # -- internals --------------------------------------------------------------------------

    def _writable(self) -> Journal:
        if self._journal is None:
            raise ReadOnlyError(f"{self.path}: {self.read_only_reason or 'closed'}; changes are not possible")
        return self._journal

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Many changes as one: one journal record and one sync, all of them or none after a crash.

        Reads inside the block see its changes. If the block raises, or its record cannot
        be saved, every change of the block is undone and the error propagates. A batch
        inside a batch is part of the outer one.
        """
        journal = self._writable()
        if self._batch is not None:
            yield from self._inner_batch()
            return
        undo: list[Op] = []
        self._batch = []
        self._batch_undo = undo
        session = set(self._book.session)
        try:
            yield
            ops, self._batch = self._batch, None
            if ops:
                self._append(journal, ops)
        except BaseException:
            self._batch = None
            self._rollback(undo, session)
            raise
        finally:
            self._batch_undo = []
        self._compact_if_large(journal)

    def _inner_batch(self) -> Iterator[None]:
        """A batch inside a batch: part of the outer one, but undone on its own if it raises."""
        assert self._batch is not None
        mark = len(self._batch)  # operations and their undo entries go one for one
        session = set(self._book.session)
        try:
            yield
        except BaseException:
            undo = self._batch_undo[mark:]
            del self._batch[mark:], self._batch_undo[mark:]
            self._rollback(undo, session)
            raise

    def _commit(self, ops: list[Op]) -> None:
        journal = self._writable()
        if self._batch is not None:
            self._apply(ops, self._batch_undo)
            self._batch.extend(ops)
            return
        self._append(journal, ops)
        self._apply(ops, None)
        self._compact_if_large(journal)

    def _append(self, journal: Journal, ops: list[Op]) -> None:
        """Journal `ops` durably, or raise SaveError having written nothing."""
        self._check_lock("this change was not saved; close the project and open it again")
        try:
            journal.append({"ops": ops})
        except OSError as exc:
            raise SaveError(f"{self.path}: the change was not saved ({describe_os_error(exc)})") from None
        except UnicodeEncodeError:  # a lone surrogate: a file name in an unknown encoding, as Python reads it
            raise SaveError(f"{self.path}: the change was not saved: a text in it is not valid Unicode (often a "
                            "file name in another encoding); rename the file or retype the text") from None

    def _check_lock(self, consequence: str) -> None:
        """SaveError unless the lock file on disk is still this store's: if someone removed it, another
        instance may have taken the project over, and writing now would undo its work."""
        if self._lock is None or not self._lock.still_held():
            raise SaveError(f"{self.path}: its lock file was removed or replaced by another program, so {consequence}")

    def _apply(self, ops: list[Op], undo: list[Op] | None) -> None:
        """Apply journaled operations in memory; with `undo`, note each document's previous state.

        Documents are replaced, never changed in place (a batch's operations still hold them),
        except the meta record, which `self._meta` is: it is updated in place."""
        raw = self._raw
        for table, doc_id, doc in ops:
            current = raw.get(table, {}).get(str(doc_id))
            if undo is not None:
                undo.append([table, doc_id, None if current is None else dict(current)])
            self._book.observe(table, doc_id, current, doc)
            if table == META and current is not None and doc is not None:
                current.clear()
                current.update(doc)
            else:
                apply_ops(raw, [[table, doc_id, doc]])

    def _rollback(self, undo: list[Op], session: set[str]) -> None:
        """Undo a failed batch in memory and rebuild the caches from the database."""
        self._apply(list(reversed(undo)), None)
        raw = self._raw
        self._meta = raw[META][str(META_ID)]
        self._book.session = session
        self._adopt(raw)

    def _write_versions(self, changes: list[tuple[str, Doc | None]], *, resolving: bool = False) -> None:
        """Write each record (a document, or None to remove it) as this copy's next version of it, with
        the tombstones and history that go with it, as one change."""
        ops: list[Op] = []
        for key, doc in changes:
            ops += self._version_ops(key, doc, resolving=resolving)
        self._commit(ops)
        self._book.session.update(key for key, _doc in changes)

    def _version_ops(self, key: str, doc: Doc | None, *, resolving: bool) -> list[Op]:
        table, record_id = versions.table_of(key)
        if table == META:
            written, ops = self._book.write_ops(self._raw, key, self._meta["info"], doc, copy_id=self.copy_id,
                                                by=self._by, resolving=resolving)
            return [[META, META_ID, dict(self._meta, info=written)], *ops]
        doc_id = self._new_id(table, record_id)
        current = self._raw.get(table, {}).get(str(doc_id))
        written, ops = self._book.write_ops(self._raw, key, current, doc, copy_id=self.copy_id, by=self._by,
                                            resolving=resolving)
        return [[table, doc_id, written], *ops]

    def _compact_if_large(self, journal: Journal) -> None:
        if journal.size <= COMPACT_AFTER_BYTES:
            return
        try:
            self.compact()
        except OSError as exc:  # the journal still holds everything: try again at the next threshold
            self.warnings.append(f"{self.path}: could not be rewritten ({describe_os_error(exc)}); "
                                 "every change is safe in the journal")
        except SaveError:  # read-only from now on; the change itself was saved
            self.warnings.append(self.read_only_reason)

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
        if requirement_id not in self._keys.get(table, {}):
            return None
        key = answer_key if table == answers_table(scope_id) else item_key
        self._write_versions([(key(scope_id, requirement_id), None)])
        self._keys[table].pop(requirement_id)
        return cache.pop((scope_id, requirement_id), None)


def _causal(entry: Doc) -> tuple[int, str, str]:
    """An order of versions in which each comes after every version it was made knowing (its vector is
    larger, so is the sum of its counts); versions made without knowing each other by time, then copy."""
    return sum(entry["vv"].values()), entry["at"], entry["copy"]


def _sealed(key: Key | None, document: bytes) -> bytes:
    return document if key is None else seal_document(key, document)


def _refuse_existing(path: Path, overwrite: bool) -> None:
    if (path.exists() or path.is_symlink()) and not overwrite:
        raise ProjectExistsError(f"{path}: a file of that name already exists")
