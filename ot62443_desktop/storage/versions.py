"""Versions of a project's records: version vectors, tombstones and history (SPEC 12.2).

Every answer, remediation item, zone and the project details carry `_v`: a version vector
(how many versions of this record each copy of the project has made, as far as this copy
knows), and who made the latest, when, on which copy. Comparing two vectors tells whether
one version was made knowing the other (it is newer) or without (they are concurrent), so
a merge never has to trust a laptop's clock. A removal leaves a tombstone with the vector
of the removed record, so a merge does not bring back what was removed after it was seen.
Versions replaced by another session, copy or merge are kept in the `history` table.

Records are named by keys: `a|scope|req` (answer), `r|scope|req` (remediation item),
`z|id` (zone) and `info` (project details). Everything here is pure: it checks and
compares documents; the store and the merge write them.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping
from datetime import datetime
from enum import Enum
from typing import Any

from ot62443_desktop.domain.model import SITE_SCOPE, is_zone_id
from ot62443_desktop.storage import codec
from ot62443_desktop.storage.codec import show
from ot62443_desktop.storage.errors import StoreError

V, CONFLICT = "_v", "_conflict"
TOMBSTONES, HISTORY = "tombstones", "history"
INFO_KEY = "info"
KINDS = {"a": "answers", "r": "remediation", "z": "zones"}
Doc = dict[str, Any]
VV = dict[str, int]
_COPY = re.compile(r"[0-9a-f]{16}")
_MAX_COUNT = 2**53  # a count any JSON reader keeps exact


def answer_key(scope_id: str, requirement_id: str) -> str:
    return f"a|{scope_id}|{requirement_id}"


def item_key(scope_id: str, requirement_id: str) -> str:
    return f"r|{scope_id}|{requirement_id}"


def zone_key(zone_id: str) -> str:
    return f"z|{zone_id}"


def parse_key(key: str) -> tuple[str, str, str]:
    """(kind, scope, requirement) of a key: ("a", "Z1", "SR 1.1"), ("z", "Z1", ""), ("info", "", "")."""
    if key == INFO_KEY:
        return INFO_KEY, "", ""
    kind, _, rest = key.partition("|")
    if kind == "z" and rest:
        return kind, rest, ""
    scope, _, req = rest.partition("|")
    if kind in ("a", "r") and scope and req:
        return kind, scope, req
    raise ValueError(f"{show(key)} is not a record key")


def describe(key: str) -> str:
    """A record as a person names it: "answer Z1 SR 1.1", "zone Z1", "the project details"."""
    kind, scope, req = parse_key(key)
    return {"a": f"answer {scope} {req}", "r": f"remediation item {scope} {req}", "z": f"zone {scope}",
            INFO_KEY: "the project details"}[kind]


def table_of(key: str) -> tuple[str, str]:
    """The table that holds record `key`, and the record's id within it (zone or requirement id)."""
    kind, scope, req = parse_key(key)
    if kind == INFO_KEY:
        return "meta", ""
    if kind == "z":
        return "zones", scope
    return f"{KINDS[kind]}:{scope}", req


def key_of(table: str, doc: Mapping[str, Any]) -> str | None:
    """The key of the record `doc` stored in `table`; None for a table of no versioned record."""
    if table == "zones":
        return zone_key(doc["id"])
    if table == "meta":
        return INFO_KEY
    kind, _, scope = table.partition(":")
    if kind == "answers":
        return answer_key(scope, doc["req"])
    if kind == "remediation":
        return item_key(scope, doc["req"])
    return None


def plain(doc: Mapping[str, Any]) -> Doc:
    """The record's value: its document without version and conflict."""
    return {k: v for k, v in doc.items() if k not in (V, CONFLICT)}


# -- version vectors ------------------------------------------------------------------------

class Order(Enum):
    SAME = "the same version"
    OLDER = "older: the other was made knowing it"
    NEWER = "newer: made knowing the other"
    CONCURRENT = "concurrent: made without knowing each other"


def compare(mine: Mapping[str, int], theirs: Mapping[str, int]) -> Order:
    """How version vector `mine` relates to `theirs`."""
    less = more = False
    for copy in mine.keys() | theirs.keys():
        a, b = mine.get(copy, 0), theirs.get(copy, 0)
        less, more = less or a < b, more or a > b
    if less and more:
        return Order.CONCURRENT
    return Order.OLDER if less else Order.NEWER if more else Order.SAME


def join(*vectors: Mapping[str, int]) -> VV:
    """The smallest vector that knows every version any of `vectors` knows."""
    joined: VV = {}
    for vector in vectors:
        for copy, count in vector.items():
            joined[copy] = max(joined.get(copy, 0), count)
    return dict(sorted(joined.items()))


def bumped(vv: Mapping[str, int], copy_id: str) -> VV:
    """The vector of the next version made on `copy_id` after `vv`."""
    count = vv.get(copy_id, 0) + 1
    if count >= _MAX_COUNT:  # only a doctored file gets here; saving it would make the file unreadable
        raise StoreError("a record's version count is at its limit (the file was edited by another program); "
                         "nothing was changed")
    return dict(sorted({**vv, copy_id: count}.items()))


def version(vv: VV, copy_id: str, by: str, at: str) -> Doc:
    return {"vv": vv, "by": by, "at": at, "copy": copy_id}


def now() -> str:
    return datetime.now().isoformat(timespec="seconds")


def canon(vv: Mapping[str, int]) -> tuple[tuple[str, int], ...]:
    """A vector as a hashable value, the same whatever order its copies were written in."""
    return tuple(sorted(vv.items()))


# -- checking what a file says ------------------------------------------------------------

def check_version(value: Any) -> Doc:
    """`value` if it is a version ({vv, by, at, copy}); ValueError naming the bad part otherwise."""
    if type(value) is not dict:
        raise ValueError(f"its version must be an object, not {show(value)}")
    vv = value.get("vv")
    if type(vv) is not dict or not vv:
        raise ValueError(f"its version vector must be a non-empty object, not {show(vv)}")
    for copy, count in vv.items():
        if type(count) is not int or not 0 < count < _MAX_COUNT or not _COPY.fullmatch(copy):
            raise ValueError(f"its version vector has a bad entry {show(copy)}: {show(count)}")
    copy = value.get("copy")
    if type(copy) is not str or copy not in vv:
        raise ValueError(f"its version names a copy not in its vector: {show(copy)}")
    by, at = value.get("by"), value.get("at")
    if type(by) is not str or type(at) is not str:
        bad = "by" if type(by) is not str else "at"
        raise ValueError(f"its version's {bad} must be text, not {show(value.get(bad))}")
    if at and not _is_time(at):
        codec.local_datetime(at, "its version's at")  # raises, saying what is wrong
    return value


@functools.lru_cache(maxsize=4096)
def _is_time(text: str) -> bool:
    """Whether `text` is a date-time as the program writes them (records saved together share theirs)."""
    try:
        codec.local_datetime(text, "")
    except ValueError:
        return False
    return True


def decoder(key: str) -> Callable[[Any], object]:
    """What decodes a document of the record `key` (codec refuses a bad one with a CodecError)."""
    kind, scope, _req = parse_key(key)
    if kind == "a":
        return lambda doc: codec.answer_from_doc(scope, doc)
    if kind == "r":
        return lambda doc: codec.item_from_doc(scope, doc)
    if kind == "z":
        return codec.zone_from_doc
    return codec.info_from_doc


_ENCODERS: dict[str, Callable[[Any], Doc]] = {
    "a": codec.answer_to_doc, "r": codec.item_to_doc, "z": codec.zone_to_doc, INFO_KEY: codec.info_to_doc}


def normalized(key: str, doc: Mapping[str, Any]) -> Doc:
    """The record's value as this program writes it: decoded and encoded again, so what another copy
    wrote differently (a field left out, keys no release knows) compares and saves as ours."""
    value = decoder(key)(plain(doc))
    return _ENCODERS[parse_key(key)[0]](value)


def check_record(key: str, doc: Mapping[str, Any]) -> None:
    """The record's version and, if it has one, its conflict (the other side's version and value)."""
    check_version(doc.get(V))
    if CONFLICT not in doc:
        return
    conflict = doc[CONFLICT]
    if not isinstance(conflict, dict) or "doc" not in conflict:
        raise ValueError(f"its conflict must be an object with the other version, not {show(conflict)}")
    check_version(conflict.get(V))
    other = conflict["doc"]
    if other is None:  # the other side removed it (only a zone keeps such a conflict)
        if not key.startswith("z|"):
            raise ValueError("only a zone's conflict may be with its removal")
        return
    _check_same_record(key, other, "its conflict")


def _check_same_record(key: str, doc: Any, what: str) -> None:
    try:
        value = decoder(key)(doc)
    except (KeyError, TypeError, ValueError) as exc:
        raise ValueError(f"{what}: {exc}") from None
    kind, scope, req = parse_key(key)
    if kind in ("a", "r") and getattr(value, "requirement_id", None) != req:
        raise ValueError(f"{what} is of another requirement")
    if kind == "z" and getattr(value, "id", None) != scope:
        raise ValueError(f"{what} is of another zone")


def check_key(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError(f"its key must be text, not {show(value)}")
    kind, scope, _req = parse_key(value)
    if kind in ("a", "r") and scope != SITE_SCOPE and not is_zone_id(scope):
        raise ValueError(f"its key names no possible scope: {show(value)}")
    return value


def check_tombstone(doc: Any) -> str:
    """The key of a tombstone {key, vv, by, at, copy}; ValueError if it is not one."""
    if not isinstance(doc, dict):
        raise ValueError(f"it must be an object, not {show(doc)}")
    key = check_key(doc.get("key"))
    check_version(doc)
    return key


def check_history(doc: Any) -> str:
    """The key of a history entry {key, vv, by, at, copy, doc}; ValueError if it is not one."""
    key = check_tombstone(doc)
    if "doc" not in doc:
        raise ValueError("it has no doc")
    if doc["doc"] is not None:
        _check_same_record(key, doc["doc"], "its doc")
    return key
