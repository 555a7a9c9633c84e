"""Domain values to and from the JSON documents of the project file."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from ot62443_desktop.domain.model import (
    Answer,
    Criticality,
    Effort,
    Evidence,
    ItemState,
    Priority,
    ProjectInfo,
    RemediationItem,
    ScopeKind,
    Status,
    Zone,
)

Doc = dict[str, Any]


def _date(value: Any) -> date | None:
    return date.fromisoformat(value) if value else None


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def info_to_doc(info: ProjectInfo) -> Doc:
    return {
        "client": info.client, "site": info.site, "assessors": list(info.assessors),
        "start_date": _iso(info.start_date), "end_date": _iso(info.end_date),
        "scope_note": info.scope_note, "confidentiality": info.confidentiality,
        "target_ml": info.target_ml,
    }


def info_from_doc(doc: Doc) -> ProjectInfo:
    return ProjectInfo(
        client=doc["client"], site=doc["site"], assessors=tuple(doc.get("assessors", ())),
        start_date=_date(doc.get("start_date")), end_date=_date(doc.get("end_date")),
        scope_note=doc.get("scope_note", ""), confidentiality=doc.get("confidentiality", ""),
        target_ml=doc.get("target_ml", 2),
    )


def zone_to_doc(zone: Zone) -> Doc:
    return {
        "id": zone.id, "name": zone.name, "kind": zone.kind.value, "sl_t": list(zone.sl_t),
        "criticality": zone.criticality.value, "description": zone.description,
        "assets": zone.assets, "assess_program": zone.assess_program,
    }


def zone_from_doc(doc: Doc) -> Zone:
    return Zone(
        id=doc["id"], name=doc["name"], sl_t=tuple(doc["sl_t"]), kind=ScopeKind(doc["kind"]),
        criticality=Criticality(doc["criticality"]), description=doc.get("description", ""),
        assets=doc.get("assets", ""), assess_program=doc.get("assess_program", False),
    )


def answer_to_doc(answer: Answer) -> Doc:
    doc: Doc = {"req": answer.requirement_id, "status": answer.status.value}
    if answer.ml is not None:
        doc["ml"] = answer.ml
    for key in ("notes", "finding", "countermeasure", "answered_by"):
        if value := getattr(answer, key):
            doc[key] = value
    if answer.evidence:
        doc["evidence"] = [
            {"path": e.path, "sha256": e.sha256, "description": e.description, "added": _iso(e.added)}
            for e in answer.evidence
        ]
    if answer.answered_at:
        doc["at"] = answer.answered_at.isoformat(timespec="seconds")
    return doc


def answer_from_doc(scope_id: str, doc: Doc) -> Answer:
    return Answer(
        scope_id=scope_id, requirement_id=doc["req"], status=Status(doc["status"]),
        ml=doc.get("ml"), notes=doc.get("notes", ""), finding=doc.get("finding", ""),
        countermeasure=doc.get("countermeasure", ""),
        evidence=tuple(
            Evidence(e["path"], e["sha256"], e.get("description", ""), _date(e.get("added")))
            for e in doc.get("evidence", ())
        ),
        answered_by=doc.get("answered_by", ""),
        answered_at=datetime.fromisoformat(doc["at"]) if doc.get("at") else None,
    )


def item_to_doc(item: RemediationItem) -> Doc:
    return {
        "req": item.requirement_id, "action": item.action,
        "priority": item.priority.value if item.priority else None, "owner": item.owner,
        "due_date": _iso(item.due_date), "effort": item.effort.value if item.effort else None,
        "state": item.state.value, "justification": item.justification,
    }


def item_from_doc(scope_id: str, doc: Doc) -> RemediationItem:
    return RemediationItem(
        scope_id=scope_id, requirement_id=doc["req"], action=doc.get("action"),
        priority=Priority(doc["priority"]) if doc.get("priority") else None,
        owner=doc.get("owner", ""), due_date=_date(doc.get("due_date")),
        effort=Effort(doc["effort"]) if doc.get("effort") else None,
        state=ItemState(doc.get("state", "open")), justification=doc.get("justification", ""),
    )
