"""The merge conflicts of a project as a person reads them: which record, which field differs, and
both sides (the value, who made it, when, on which copy). "Mine" is the value the project shows;
"theirs" is the other copy's, kept beside it until someone resolves the conflict."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ot62443_desktop.storage.merge import differing_field
from ot62443_desktop.storage.store import ProjectStore
from ot62443_desktop.storage.versions import CONFLICT, Doc, V, decoder, normalized, parse_key

RECORD_WORDS = {"a": "answer", "r": "item", "z": "zone", "info": "details"}


@dataclass(frozen=True)
class Side:
    value: Any  # the Answer, RemediationItem, Zone or ProjectInfo; None: removed on that copy
    doc: Doc | None  # the same as the program writes it
    by: str
    at: str
    copy: str


@dataclass(frozen=True)
class Conflicted:
    key: str
    field: str  # the first field that differs: status, notes, ..., or zone, details
    mine: Side
    theirs: Side

    @property
    def scope(self) -> str:
        return parse_key(self.key)[1]

    @property
    def requirement(self) -> str:
        return parse_key(self.key)[2]

    @property
    def record(self) -> str:
        """answer, item, zone or details."""
        return RECORD_WORDS[parse_key(self.key)[0]]


def _side(key: str, doc: Doc | None, stamp: Doc) -> Side:
    value = None if doc is None else decoder(key)(doc)
    return Side(value, None if doc is None else normalized(key, doc), stamp["by"], stamp["at"], stamp["copy"])


def conflict_of(store: ProjectStore, key: str) -> Conflicted | None:
    """The conflict of record `key`, or None if it has none."""
    record = store.record(key)
    if record is None or CONFLICT not in record:
        return None
    other = record[CONFLICT]
    field = "zone" if other["doc"] is None else differing_field(key, record, other["doc"])
    return Conflicted(key, field or RECORD_WORDS[parse_key(key)[0]], _side(key, record, record[V]),
                      _side(key, other["doc"], other[V]))


def conflicts(store: ProjectStore) -> list[Conflicted]:
    """Every conflict of the project, in a stable order."""
    found = [conflict_of(store, key) for key in store.conflicts()]
    return [conflict for conflict in found if conflict is not None]
