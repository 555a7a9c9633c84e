"""The project document's records decoded into domain values, with where each one sits."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ot62443_desktop.domain.model import SITE_SCOPE, Answer, ProjectInfo, RemediationItem, Zone
from ot62443_desktop.storage import codec, versions
from ot62443_desktop.storage.projectfile import ZONES, Raw
from ot62443_desktop.storage.versions import HISTORY, INFO_KEY, TOMBSTONES, answer_key, item_key, zone_key


def answers_table(scope_id: str) -> str:
    return f"answers:{scope_id}"


def remediation_table(scope_id: str) -> str:
    return f"remediation:{scope_id}"


@dataclass
class Records:
    info: ProjectInfo
    zones: dict[str, Zone] = field(default_factory=dict)
    answers: dict[tuple[str, str], Answer] = field(default_factory=dict)
    items: dict[tuple[str, str], RemediationItem] = field(default_factory=dict)
    keys: dict[str, dict[str, int]] = field(default_factory=dict)  # table -> zone or requirement id -> doc id


def decode(raw: Raw, meta: dict[str, Any]) -> Records:
    """Decode every record; a bad one raises ValueError naming the record and its field."""
    where = "the project info"
    try:
        records = Records(codec.info_from_doc(meta.get("info")))
        versions.check_record(INFO_KEY, meta["info"])
        where = "the project's meta data"
        codec.project_id_from_meta(meta)
        codec.copy_from_meta(meta)
        for doc_id, doc in sorted(raw.get(ZONES, {}).items(), key=lambda kv: int(kv[0])):
            where = f"zone #{doc_id}"
            zone = codec.zone_from_doc(doc)
            if zone.id in records.zones:
                raise ValueError(f"zone id {zone.id!r} is used by another zone too")
            versions.check_record(zone_key(zone.id), doc)
            records.zones[zone.id] = zone
            records.keys.setdefault(ZONES, {})[zone.id] = int(doc_id)
        for table, docs in raw.items():
            kind, _, scope = table.partition(":")
            if kind not in ("answers", "remediation") or not docs:  # an empty table holds nothing to check
                continue
            where = f"table {table!r}"
            if scope != SITE_SCOPE and scope not in records.zones:
                raise ValueError("it belongs to no zone")
            keys = records.keys.setdefault(table, {})
            for doc_id, doc in docs.items():
                where = f"{'answer' if kind == 'answers' else 'remediation item'} #{doc_id} of {scope!r}"
                if kind == "answers":
                    answer = codec.answer_from_doc(scope, doc)
                    req, records.answers[(scope, answer.requirement_id)] = answer.requirement_id, answer
                    versions.check_record(answer_key(scope, req), doc)
                else:
                    item = codec.item_from_doc(scope, doc)
                    req, records.items[(scope, item.requirement_id)] = item.requirement_id, item
                    versions.check_record(item_key(scope, req), doc)
                if req in keys:
                    raise ValueError(f"requirement {req!r} has another record in the same scope")
                keys[req] = int(doc_id)
    except (KeyError, TypeError, ValueError) as exc:
        raise ValueError(f"{where}: {exc}") from None
    _check_tombstones(raw, records)
    for doc_id, doc in raw.get(HISTORY, {}).items():
        _checked(f"history entry #{doc_id}", versions.check_history, doc)
    return records


def _check_tombstones(raw: Raw, records: Records) -> None:
    """Each removed record has one tombstone, and a record that exists has none."""
    live = {zone_key(z) for z in records.zones} | {answer_key(*k) for k in records.answers}
    live |= {item_key(*k) for k in records.items} | {INFO_KEY}
    seen: set[str] = set()
    for doc_id, doc in raw.get(TOMBSTONES, {}).items():
        key = _checked(f"tombstone #{doc_id}", versions.check_tombstone, doc)
        if key in live or key in seen:
            raise ValueError(f"tombstone #{doc_id}: {key!r} " + ("exists" if key in live else "has another tombstone"))
        seen.add(key)


def _checked(where: str, check: Callable[[Any], str], doc: Any) -> str:
    try:
        return check(doc)
    except (KeyError, TypeError, ValueError) as exc:
        raise ValueError(f"{where}: {exc}") from None

