"""The project document's records decoded into domain values, with where each one sits."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ot62443_desktop.domain.model import SITE_SCOPE, Answer, ProjectInfo, RemediationItem, Zone
from ot62443_desktop.storage import codec
from ot62443_desktop.storage.projectfile import ZONES, Raw


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
        where = "the project's meta data"
        codec.project_id_from_meta(meta)
        codec.copy_from_meta(meta)
        for doc_id, doc in sorted(raw.get(ZONES, {}).items(), key=lambda kv: int(kv[0])):
            where = f"zone #{doc_id}"
            zone = codec.zone_from_doc(doc)
            if zone.id in records.zones:
                raise ValueError(f"zone id {zone.id!r} is used by another zone too")
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
                else:
                    item = codec.item_from_doc(scope, doc)
                    req, records.items[(scope, item.requirement_id)] = item.requirement_id, item
                if req in keys:
                    raise ValueError(f"requirement {req!r} has another record in the same scope")
                keys[req] = int(doc_id)
    except (KeyError, TypeError, ValueError) as exc:
        raise ValueError(f"{where}: {exc}") from None
    return records


def replace_with(doc: dict[str, Any]) -> Any:
    """A TinyDB update that makes the stored document equal to `doc`, in place (no copy of the table)."""
    def replace(current: dict[str, Any]) -> None:
        current.clear()
        current.update(doc)
    return replace
