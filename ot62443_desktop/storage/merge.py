"""Bringing another copy's changes into a project (SPEC 12.2), record by record, by version vectors.

For every record either copy has, or had (a tombstone), the two versions are compared:
- theirs is ours or older: nothing to do;
- ours is older (theirs was made knowing it): theirs is taken, a change, new record or removal;
- neither knew the other: both sides changed it. The same value is no conflict (the vectors
  are joined). A different one is: the project keeps ours and holds theirs beside it until a
  person resolves it; the joined vector makes merging the same copy again change nothing.
  A record changed on one side and removed on the other stays (a change after a removal wins:
  nothing is dropped), and so does a zone removed on one side while the other answered in it,
  as a conflict, for a person to remove it again or keep it.
Every version that loses its place is kept in the history, which both copies' histories join.
The plan is pure (two raw documents in, the changes out); the store writes them as one batch.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ot62443_desktop.domain.model import SITE_SCOPE
from ot62443_desktop.storage.errors import ReadOnlyError, StoreError
from ot62443_desktop.storage.identity import user
from ot62443_desktop.storage.keys import Secret
from ot62443_desktop.storage.store import ProjectStore
from ot62443_desktop.storage.versions import (
    CONFLICT,
    HISTORY,
    INFO_KEY,
    TOMBSTONES,
    Doc,
    Order,
    V,
    answer_key,
    bumped,
    canon,
    compare,
    item_key,
    join,
    normalized,
    now,
    parse_key,
    plain,
    version,
    zone_key,
)

Raw = dict[str, dict[str, Any]]
State = tuple[Doc | None, Doc | None]  # (record, tombstone) of one key; both None: never here
_FIELDS = {"a": ("status", "ml", "notes", "finding", "countermeasure", "evidence"),
           "r": ("action", "priority", "owner", "due_date", "effort", "state", "justification")}
_WHOLE = {"z": "zone", INFO_KEY: "details"}
_NOWHERE: State = (None, None)


@dataclass(frozen=True)
class Conflict:
    """A record both copies changed differently: which, and the first field that differs."""

    key: str
    field: str

    def as_json(self) -> dict[str, str | None]:
        _kind, scope, req = parse_key(self.key)
        return {"scope": scope or None, "req": req or None, "field": self.field}


@dataclass
class MergeReport:
    taken: int = 0  # records whose value came from the other copy (changed, added or removed here)
    conflicts: list[Conflict] = field(default_factory=list)
    unchanged: int = 0  # records of the other copy that changed nothing here

    def as_json(self) -> dict[str, Any]:
        """The `merge --json` document (SPEC 12.2): a contract, keep its field names."""
        return {"taken": self.taken, "conflicts": [c.as_json() for c in self.conflicts], "unchanged": self.unchanged}


@dataclass
class MergePlan:
    report: MergeReport
    changes: dict[str, State]  # key -> its new record and tombstone
    history: list[Doc]  # entries to add to the history


def differing_field(key: str, mine: Mapping[str, Any], theirs: Mapping[str, Any],
                    normal: Callable[[str, Mapping[str, Any]], Doc] = normalized) -> str | None:
    """The first field in which two values of record `key` differ; None if they are the same value.
    Who answered and when is no difference: two people who give the same answer agree."""
    if plain(mine) == plain(theirs):
        return None
    a, b = normal(key, mine), normal(key, theirs)
    kind = parse_key(key)[0]
    if kind in _FIELDS:
        return next((name for name in _FIELDS[kind] if a.get(name) != b.get(name)), None)
    return None if a == b else _WHOLE[kind]


def index(raw: Raw) -> dict[str, State]:
    """Every record and tombstone of a project by key (the baseline of a carried-forward one is no record)."""
    states: dict[str, State] = {INFO_KEY: (raw["meta"]["1"]["info"], None)}
    for table, docs in raw.items():
        kind, _, scope = table.partition(":")
        if table == TOMBSTONES:
            for doc in docs.values():
                states[doc["key"]] = (states.get(doc["key"], _NOWHERE)[0], doc)
            continue
        if table == "zones":
            prefix, field_name = zone_key(""), "id"
        elif kind in ("answers", "remediation"):
            prefix, field_name = (answer_key if kind == "answers" else item_key)(scope, ""), "req"
        else:
            continue
        for doc in docs.values():
            key = prefix + doc[field_name]
            states[key] = (doc, states.get(key, _NOWHERE)[1])
    return states


def merge_into(store: ProjectStore, other: str | Path, *, dry_run: bool = False,
               passphrase: Secret | None = None) -> MergeReport:
    """Bring the changes of the project file `other` (which is only read) into `store`, as one batch:
    all of them or none, whatever stops it. With `dry_run`, only say what would change. An encrypted
    `other` opens with `passphrase`, else with this project's own key (a copy or a work package of an
    encrypted project has it)."""
    if store.read_only and not dry_run:
        raise ReadOnlyError(f"{store.path}: {store.read_only_reason}; nothing was changed")
    with ProjectStore.open(other, read_only=True, passphrase=store.key if passphrase is None else passphrase) as theirs:
        if theirs.project_id != store.project_id:
            raise StoreError(f"{theirs.path} is a copy of another project (id {theirs.project_id}) than {store.path} "
                             f"(id {store.project_id}); only copies of one project merge; nothing was changed")
        store.warnings += [f"{theirs.path}: {warning}" for warning in theirs.warnings]
        _refuse_forged_counts(store, theirs)
        plan = plan_merge(store.document(), theirs.document(), copy_id=store.copy_id, by=user(), at=now())
        encrypted_other = theirs.encrypted
    if not dry_run and (plan.changes or plan.history):
        store.put_versions(plan.changes, plan.history)
        if encrypted_other and not store.encrypted:  # asked for (its passphrase was given), but never unsaid
            store.warnings.append(f"{other} is encrypted but {store.path} is not: what was taken from it is "
                                  "now stored unencrypted (protect the project to encrypt it)")
    return plan.report


def _refuse_forged_counts(mine: ProjectStore, theirs: ProjectStore) -> None:
    """Only this copy makes versions under its own id, so no other file can know more of them than
    this one holds; a file that claims to was forged or altered, and taking its count would leave
    a record that can never be edited again here."""
    made, claimed = _highest(mine.document(), mine.copy_id), _highest(theirs.document(), mine.copy_id)
    if claimed > made:
        raise StoreError(f"{theirs.path} claims {claimed} versions made on this copy, which has made {made}: it "
                         f"was not made from copies of {mine.path} (or it was altered); nothing was changed")


def _highest(raw: Raw, copy_id: str) -> int:
    """The highest count of `copy_id` in any version vector of the document (records, tombstones,
    history, conflicts); the baseline of a carried-forward project holds none."""
    highest = 0
    stack: list[Any] = [value for table, value in raw.items() if not table.startswith("baseline:")]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            vv = item.get("vv")
            if isinstance(vv, dict) and isinstance(count := vv.get(copy_id), int):
                highest = max(highest, count)
            stack.extend(v for v in item.values() if isinstance(v, dict | list))
        elif isinstance(item, list):
            stack.extend(v for v in item if isinstance(v, dict | list))
    return highest


def plan_merge(mine: Raw, theirs: Raw, *, copy_id: str, by: str, at: str) -> MergePlan:
    """What merging `theirs` into `mine` changes; `copy_id`, `by` and `at` sign the versions the merge
    itself makes (a zone kept against a removal). Both documents are only read."""
    planner = _Planner(mine, copy_id, by, at)
    ours, other = index(mine), index(theirs)
    for key in sorted(other):
        planner.decide(key, ours.get(key, _NOWHERE), other[key])
    planner.keep_zones_in_use(ours, other)
    planner.join_history(theirs)
    return planner.plan()


class _Planner:
    def __init__(self, mine: Raw, copy_id: str, by: str, at: str) -> None:
        self.copy_id, self.by, self.at = copy_id, by, at
        self.changes: dict[str, State] = {}
        self.outcomes: dict[str, str] = {}  # key -> "taken", "unchanged" or the conflicting field
        self.history: list[Doc] = []
        self.kept = {(e["key"], canon(e["vv"])) for e in mine.get(HISTORY, {}).values()}
        self._normal: dict[int, tuple[Mapping[str, Any], Doc]] = {}

    def normal(self, key: str, doc: Mapping[str, Any]) -> Doc:
        """`normalized`, once per document: a record taken is compared, written and kept in the history."""
        found = self._normal.get(id(doc))
        if found is None or found[0] is not doc:
            found = self._normal[id(doc)] = (doc, normalized(key, doc))
        return found[1]

    def ours(self, key: str, record: Mapping[str, Any], stamp: Mapping[str, Any]) -> Doc:
        """The record as this program writes it, with version `stamp` and its conflict, if it has one."""
        written = dict(self.normal(key, record), **{V: _stamp(stamp)})
        if CONFLICT in record:
            other = record[CONFLICT]
            doc = None if other["doc"] is None else self.normal(key, other["doc"])
            written[CONFLICT] = {"doc": doc, V: _stamp(other[V])}
        return written

    def differ(self, key: str, mine: Mapping[str, Any], theirs: Mapping[str, Any]) -> str | None:
        return differing_field(key, mine, theirs, self.normal)

    def plan(self) -> MergePlan:
        report = MergeReport()
        for key, outcome in sorted(self.outcomes.items()):
            if outcome == "taken":
                report.taken += 1
            elif outcome == "unchanged":
                report.unchanged += 1
            else:
                report.conflicts.append(Conflict(key, outcome))
        return MergePlan(report, self.changes, self.history)

    def keep(self, key: str, doc: Mapping[str, Any] | None, stamp: Mapping[str, Any]) -> None:
        """Keep a version in the history, once."""
        if (key, canon(stamp["vv"])) in self.kept:
            return
        self.kept.add((key, canon(stamp["vv"])))
        self.history.append({"key": key, **_stamp(stamp), "doc": None if doc is None else self.normal(key, doc)})

    def keep_state(self, key: str, state: State) -> None:
        """Keep a state that is replaced (its conflict too) in the history."""
        record, tomb = state
        if record is not None:
            self.keep(key, record, record[V])
            if CONFLICT in record:
                self.keep(key, record[CONFLICT]["doc"], record[CONFLICT][V])
        elif tomb is not None:
            self.keep(key, None, tomb)

    def decide(self, key: str, mine: State, theirs: State) -> None:
        if mine[0] is not None and mine[0] == theirs[0]:  # the very same version: most records
            self.outcomes[key] = "unchanged"
            return
        ours, other = _version_of(mine), _version_of(theirs)
        assert other is not None
        if ours is None:
            self.take(key, mine, theirs)
            return
        order = compare(ours["vv"], other["vv"])
        if order is Order.SAME and (self.same(key, mine, theirs) or self.holds(key, mine, theirs)):
            order = Order.NEWER
        if order is Order.NEWER:
            self.outcomes[key] = "unchanged"
        elif order is Order.OLDER and not self.unsettled(key, mine, theirs):
            self.take(key, mine, theirs)
        else:  # concurrent, or one version with two values (a doctored or cloned file): keep both
            self.concurrent(key, mine, theirs, join(ours["vv"], other["vv"]))

    def unsettled(self, key: str, mine: State, theirs: State) -> bool:
        """Their newer record is still in conflict and this copy's value is not theirs: their vector
        counts our version only because they hold a conflict, not because anyone settled it, so ours
        stays on our screen (with theirs beside it) instead of leaving it, as it would in a ring of copies."""
        their_record, my_record = theirs[0], mine[0]
        return (their_record is not None and my_record is not None and CONFLICT in their_record
                and self.differ(key, my_record, their_record) is not None)

    def holds(self, key: str, mine: State, theirs: State) -> bool:
        """This copy already holds their value as its conflict (a second merge of the same file)."""
        my_record, their_record = mine[0], theirs[0]
        if my_record is None or their_record is None or CONFLICT not in my_record:
            return False
        held = my_record[CONFLICT]["doc"]
        return held is not None and self.differ(key, held, their_record) is None

    def same(self, key: str, mine: State, theirs: State) -> bool:
        if mine[0] is None or theirs[0] is None:
            return mine[0] is theirs[0]
        return self.differ(key, mine[0], theirs[0]) is None

    def take(self, key: str, mine: State, theirs: State) -> None:
        record, tomb = theirs
        if record is not None:
            self.changes[key] = (self.ours(key, record, record[V]), None)
        else:
            assert tomb is not None
            self.changes[key] = (None, {"key": key, **_stamp(tomb)})
        self.outcomes[key] = "unchanged" if self.same(key, mine, theirs) else self.taken_outcome(key, record)
        self.keep_state(key, mine)

    def taken_outcome(self, key: str, record: Mapping[str, Any] | None) -> str:
        """"taken", or the conflicting field of a record taken with a conflict still to resolve: a merge
        that brings one in must say so (in a ring of copies, it may replace this copy's own value)."""
        if record is None or CONFLICT not in record:
            return "taken"
        held = record[CONFLICT]["doc"]
        return "zone" if held is None else self.differ(key, record, held) or "taken"

    def concurrent(self, key: str, mine: State, theirs: State, vv: dict[str, int]) -> None:
        (my_record, my_tomb), (their_record, their_tomb) = mine, theirs
        if my_record is None and their_record is None:  # removed on both sides
            assert my_tomb is not None and their_tomb is not None
            later = max(my_tomb, their_tomb, key=_when)
            self.changes[key] = (None, {"key": key, **_stamp(later), "vv": vv})
            self.outcomes[key] = "unchanged"
            return
        if my_record is None or their_record is None:  # changed on one side, removed on the other: it stays
            record = my_record or their_record
            assert record is not None
            self.changes[key] = (self.ours(key, record, dict(record[V], vv=vv)), None)
            self.outcomes[key] = "unchanged" if record is my_record else "taken"
            self.keep_state(key, theirs if record is my_record else mine)
            return
        difference = self.differ(key, my_record, their_record)
        if difference is None:  # the same value: the later version's signature, both vectors
            later = max(my_record, their_record, key=lambda r: _when(r[V]))
            written = self.ours(key, later, dict(later[V], vv=vv))
            if CONFLICT in my_record or CONFLICT in their_record:
                held = my_record if CONFLICT in my_record else their_record
                written[CONFLICT] = self.ours(key, held, held[V])[CONFLICT]
            self.changes[key] = (written, None)
            self.outcomes[key] = "unchanged"
            return
        written = self.ours(key, my_record, dict(my_record[V], vv=vv))
        written[CONFLICT] = {"doc": self.normal(key, their_record), V: _stamp(their_record[V])}
        self.changes[key] = (written, None)
        self.outcomes[key] = difference
        self.keep_state(key, theirs)
        if CONFLICT in my_record:
            self.keep(key, my_record[CONFLICT]["doc"], my_record[CONFLICT][V])

    def keep_zones_in_use(self, ours: dict[str, State], other: dict[str, State]) -> None:
        """A zone the merge would remove while answers or items in it stay (added or changed on the
        side that did not remove it) is kept, in conflict with its removal."""
        def final(key: str) -> State:
            return self.changes.get(key, ours.get(key, _NOWHERE))

        in_use = {parse_key(key)[1] for key in ours.keys() | other.keys()
                  if key[0] in "ar" and final(key)[0] is not None}
        for scope in sorted(in_use - {SITE_SCOPE}):
            key = zone_key(scope)
            if final(key)[0] is not None:
                continue
            (my_record, my_tomb), (their_record, their_tomb) = ours.get(key, _NOWHERE), other.get(key, _NOWHERE)
            record, removal = (my_record, their_tomb) if my_record is not None else (their_record, my_tomb)
            assert record is not None and removal is not None  # a file's answers have their zone
            vv = bumped(join(record[V]["vv"], removal["vv"]), self.copy_id)
            written = self.ours(key, record, version(vv, self.copy_id, self.by, self.at))
            written[CONFLICT] = {"doc": None, V: _stamp(removal)}
            self.keep_state(key, (record, None))
            self.keep(key, None, removal)
            self.changes[key] = (written, None)
            self.outcomes[key] = "zone"

    def join_history(self, theirs: Raw) -> None:
        for entry in theirs.get(HISTORY, {}).values():
            self.keep(entry["key"], entry["doc"], entry)


def _version_of(state: State) -> Doc | None:
    record, tomb = state
    return record[V] if record is not None else tomb


def _stamp(value: Mapping[str, Any]) -> Doc:
    """The version {vv, by, at, copy} of a record, tombstone or history entry, and nothing else."""
    return version(dict(value["vv"]), value["copy"], value["by"], value["at"])


def _when(value: Mapping[str, Any]) -> tuple[str, str]:
    """The order in which two concurrent versions of the same value are told apart, the same on every copy."""
    return value["at"], value["copy"]
