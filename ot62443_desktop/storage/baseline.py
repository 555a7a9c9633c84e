"""The previous assessment a project was carried forward from, kept inside the new project's file.

Next year's project starts from last year's: same zones and remediation plan, every answer back to
not assessed. Last year's project itself (its details, zones, answers and plan) is copied once into
`baseline:` tables of the new file, so the walkthrough can show "last time" and the progress can be
measured without the old file at hand; the journal never writes them. The project's lineage (the
ids of every assessment it descends from, latest first) sits in its meta record.
"""

from __future__ import annotations

from typing import Any

from ot62443_desktop.domain.model import SITE_SCOPE, ProjectData, ProjectInfo
from ot62443_desktop.storage import codec
from ot62443_desktop.storage.projectfile import META, META_ID, ZONES, Raw
from ot62443_desktop.storage.records import answers_table, remediation_table

PREFIX = "baseline:"
_META, _ZONES = PREFIX + "meta", PREFIX + ZONES


def lineage_from_meta(meta: dict[str, Any]) -> tuple[str, ...]:
    """The project ids this project descends from, latest first; a project started afresh has none."""
    value = meta.get("lineage", [])
    if not isinstance(value, list) or not all(isinstance(v, str) and codec.is_project_id(v) for v in value):
        raise ValueError(f"lineage must be a list of project ids, not {codec.show(value)}")
    return tuple(value)


def carried_forward(old: ProjectData, info: ProjectInfo) -> tuple[list[str], Raw]:
    """The lineage and the tables of a new project carried forward from `old`: its zones and its
    remediation plan (owners, dates, states), no answers, and `old` itself as the baseline."""
    if not old.project_id:
        raise ValueError("only a saved project can be carried forward")
    tables: Raw = {ZONES: _numbered(codec.zone_to_doc(zone) for zone in old.zones)}
    for scope_id in {item.scope_id for item in old.remediation.values()}:
        tables[remediation_table(scope_id)] = _numbered(
            codec.item_to_doc(item) for (scope, _req), item in sorted(old.remediation.items()) if scope == scope_id)
    tables |= _encode(old)
    return [old.project_id, *old.lineage], tables


def _encode(old: ProjectData) -> Raw:
    tables: Raw = {
        _META: {str(META_ID): {"project_id": old.project_id, "info": codec.info_to_doc(old.info),
                               "lineage": list(old.lineage)}},
        _ZONES: _numbered(codec.zone_to_doc(zone) for zone in old.zones),
    }
    for (scope_id, _req), answer in sorted(old.answers.items()):
        table = tables.setdefault(PREFIX + answers_table(scope_id), {})
        table[str(len(table) + 1)] = codec.answer_to_doc(answer)
    for (scope_id, _req), item in sorted(old.remediation.items()):
        table = tables.setdefault(PREFIX + remediation_table(scope_id), {})
        table[str(len(table) + 1)] = codec.item_to_doc(item)
    return tables


def _numbered(docs: Any) -> dict[str, Any]:
    return {str(n): doc for n, doc in enumerate(docs, start=1)}


def decode(raw: Raw) -> ProjectData | None:
    """The baseline of a carried-forward project, or None; a bad record raises ValueError naming it."""
    head = raw.get(_META, {}).get(str(META_ID))
    if head is None:
        return None
    where = "the previous assessment's details"
    try:
        info = codec.info_from_doc(head.get("info") if isinstance(head, dict) else None)
        project_id = codec.project_id_from_meta(head)
        lineage = lineage_from_meta(head)
        where = "the previous assessment's zones"
        zones = tuple(codec.zone_from_doc(doc) for _id, doc in sorted(raw.get(_ZONES, {}).items(),
                                                                        key=lambda kv: int(kv[0])))
        scopes = {zone.id for zone in zones} | {SITE_SCOPE}
        answers, items = {}, {}
        for table, docs in raw.items():
            kind, _, scope = table.removeprefix(PREFIX).partition(":")
            if not table.startswith(PREFIX) or kind not in ("answers", "remediation") or not docs:
                continue
            where = f"the previous assessment's table {table!r}"
            if scope not in scopes:
                raise ValueError("it belongs to no zone of that assessment")
            for doc in docs.values():
                if kind == "answers":
                    answer = codec.answer_from_doc(scope, doc)
                    answers[(scope, answer.requirement_id)] = answer
                else:
                    item = codec.item_from_doc(scope, doc)
                    items[(scope, item.requirement_id)] = item
    except (KeyError, TypeError, ValueError) as exc:
        raise ValueError(f"{where}: {exc}") from None
    return ProjectData(info, zones, answers, items, project_id, lineage)


def new_file(meta: dict[str, Any], tables: Raw) -> Raw:
    """The raw document of a new project: its meta record and its first tables."""
    return {META: {str(META_ID): meta}, ZONES: {}} | tables
