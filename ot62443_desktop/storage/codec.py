"""Domain values to and from the JSON documents of the project file.

The documents may come from someone else's computer: every *_from_doc checks each field's
type and refuses a wrong one with a CodecError naming the field, never another exception.
A field may be absent (its default applies); null is accepted only where *_to_doc writes it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from enum import StrEnum
from typing import Any, TypeVar

from ot62443_desktop.domain.catalogue_loader import is_catalogue_id
from ot62443_desktop.domain.language import Language
from ot62443_desktop.domain.model import (
    Answer,
    Asset,
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
from ot62443_desktop.domain.text import elide
from ot62443_desktop.storage.identity import is_copy_id

Doc = dict[str, Any]
E = TypeVar("E", bound=StrEnum)
V = TypeVar("V")
_REQUIRED: Any = object()
_SHOWN_CHARS = 40
_YEARS = range(1900, 3000)
_PROJECT_ID = re.compile(r"[0-9a-f]{32}")
_FAR = 1e6  # a diagram position beyond this is no place on any drawing


class CodecError(ValueError):
    """A field of a project document that has the wrong type or value."""


def show(value: Any) -> str:
    """A short, one-line picture of a JSON value for an error message."""
    if value is None or isinstance(value, bool):
        return {None: "null", True: "true", False: "false"}[value]
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return elide(repr(value), _SHOWN_CHARS)


def _object(doc: Any, what: str) -> Doc:
    if not isinstance(doc, dict):
        raise CodecError(f"{what} must be an object, not {show(doc)}")
    return doc


def _field(doc: Doc, key: str, default: Any, what: str, check: Callable[[Any], bool],
           *, nullable: bool = False) -> Any:
    """doc[key] if `check` accepts it; `default` if absent (or null, where null is allowed)."""
    if key not in doc or (nullable and doc[key] is None):
        if default is _REQUIRED:
            raise CodecError(f"{key} is missing")
        return default
    value = doc[key]
    if not check(value):
        raise CodecError(f"{key} must be {what}, not {show(value)}")
    return value


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_text(value: Any) -> bool:
    return isinstance(value, str)


def _text(doc: Doc, key: str, default: Any = "") -> str:
    value: str = _field(doc, key, default, "text", _is_text)
    return value


def _texts(doc: Doc, key: str) -> tuple[str, ...]:
    return tuple(_field(doc, key, [], "a list of text",
                        lambda v: isinstance(v, list) and all(map(_is_text, v))))


def _enum(doc: Doc, key: str, kind: type[E], default: Any = _REQUIRED, *, nullable: bool = False) -> Any:
    member = kind._value2member_map_.get(doc.get(key)) if type(doc.get(key)) is str else None
    if member is not None:  # the usual case, decided before any message is made
        return member
    allowed = ", ".join(repr(m.value) for m in kind)
    value = _field(doc, key, default, f"one of {allowed}",
                   lambda v: isinstance(v, str) and v in kind._value2member_map_, nullable=nullable)
    return kind(value) if isinstance(value, str) else value


def _parsed(doc: Doc, key: str, parse: Callable[[str], V], what: str, *, nullable: bool = True) -> V | None:
    """A date or date-time field: absent, "" (or null where allowed) is None; anything else must parse."""
    value = _field(doc, key, None, what, _is_text, nullable=nullable)
    if not value:
        return None
    try:
        return parse(value)
    except ValueError:
        raise CodecError(f"{key} must be {what}, not {show(value)}") from None


def _date(doc: Doc, key: str) -> date | None:
    return _parsed(doc, key, _calendar_date, f"a date (YYYY-MM-DD) in the years {_YEARS.start}-{_YEARS.stop - 1}")


def _calendar_date(text: str) -> date:
    """A date the exports can show and compute with (due dates add months; Excel starts in 1900)."""
    value = date.fromisoformat(text)
    if value.year not in _YEARS:
        raise ValueError(text)
    return value


def _local_datetime(text: str) -> datetime:
    """Only naive date-times: the program writes local time, and Excel refuses time zones."""
    value = datetime.fromisoformat(text)
    if value.tzinfo is not None or value.year not in _YEARS:
        raise ValueError(text)
    return value


def local_datetime(text: str, what: str) -> datetime:
    """A date-time field as the program writes it; CodecError naming `what` otherwise."""
    try:
        return _local_datetime(text)
    except ValueError:
        raise CodecError(f"{what} must be a local date and time (YYYY-MM-DDTHH:MM:SS), not {show(text)}") from None


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def info_to_doc(info: ProjectInfo) -> Doc:
    return {
        "client": info.client, "site": info.site, "assessors": list(info.assessors),
        "start_date": _iso(info.start_date), "end_date": _iso(info.end_date),
        "scope_note": info.scope_note, "confidentiality": info.confidentiality,
        "target_ml": info.target_ml,
        "report_language": info.report_language.value if info.report_language else None,
        "layers": list(info.layers),
    } | ({"catalogues": list(info.catalogues)} if info.catalogues else {})  # a file without any reads as before


def info_from_doc(doc: Any) -> ProjectInfo:
    doc = _object(doc, "the project info")
    return ProjectInfo(
        client=_text(doc, "client", _REQUIRED), site=_text(doc, "site", _REQUIRED),
        assessors=_texts(doc, "assessors"),
        start_date=_date(doc, "start_date"), end_date=_date(doc, "end_date"),
        scope_note=_text(doc, "scope_note"), confidentiality=_text(doc, "confidentiality"),
        target_ml=_field(doc, "target_ml", 2, "a whole number 1-4", _is_int),
        report_language=_enum(doc, "report_language", Language, None, nullable=True),
        layers=_texts(doc, "layers"),
        catalogues=tuple(_field(doc, "catalogues", [], "a list of distinct catalogue ids",
                                lambda v: isinstance(v, list) and all(_is_text(c) and is_catalogue_id(c) for c in v)
                                and len(set(v)) == len(v))),
    )


def is_project_id(value: str) -> bool:
    return _PROJECT_ID.fullmatch(value) is not None


def project_id_from_meta(meta: Doc) -> str:
    """The project id: 32 hex digits (schema.new_project_id, or derived for an upgraded file)."""
    value: str = _field(meta, "project_id", _REQUIRED, "32 hexadecimal digits",
                        lambda v: isinstance(v, str) and _PROJECT_ID.fullmatch(v) is not None)
    return value


def copy_from_meta(meta: Doc) -> tuple[str, str]:
    """The copy id and the place it is bound to ("" for a file that has not been opened for writing here)."""
    copy_id: str = _field(meta, "copy_id", _REQUIRED, "16 hexadecimal digits", is_copy_id)
    home: str = _field(meta, "copy_home", _REQUIRED, "16 hexadecimal digits or empty",
                       lambda v: v == "" or is_copy_id(v))
    return copy_id, home


_ASSET_FIELDS = ("name", "type", "vendor_model", "firmware", "notes")


def zone_to_doc(zone: Zone) -> Doc:
    return {
        "id": zone.id, "name": zone.name, "kind": zone.kind.value, "sl_t": list(zone.sl_t),
        "criticality": zone.criticality.value, "description": zone.description,
        "assets": [{key: getattr(asset, key) for key in _ASSET_FIELDS} for asset in zone.assets],
        "assess_program": zone.assess_program, "level": zone.level, "connects": list(zone.connects),
        "design_note": zone.design_note, "position": list(zone.position) if zone.position else None,
    }


def zone_from_doc(doc: Any) -> Zone:
    doc = _object(doc, "the zone")
    sl_t = _field(doc, "sl_t", _REQUIRED, "a list of 7 levels 0-4",
                  lambda v: isinstance(v, list) and all(map(_is_int, v)))
    assets = _field(doc, "assets", [], "a list of assets", lambda v: isinstance(v, list))
    position = _field(doc, "position", None, f"two numbers from {-_FAR:.0f} to {_FAR:.0f}", _is_position, nullable=True)
    return Zone(
        id=_text(doc, "id", _REQUIRED), name=_text(doc, "name", _REQUIRED), sl_t=tuple(sl_t),
        kind=_enum(doc, "kind", ScopeKind), criticality=_enum(doc, "criticality", Criticality),
        description=_text(doc, "description"), assets=tuple(_asset(n, a) for n, a in enumerate(assets, 1)),
        assess_program=_field(doc, "assess_program", False, "true or false", lambda v: isinstance(v, bool)),
        level=_field(doc, "level", None, "a whole number", _is_int, nullable=True),
        connects=_texts(doc, "connects"), design_note=_text(doc, "design_note"),
        position=(float(position[0]), float(position[1])) if position else None,
    )


def _asset(n: int, doc: Any) -> Asset:
    try:
        doc = _object(doc, "an asset")
        return Asset(*(_text(doc, key, _REQUIRED if key == "name" else "") for key in _ASSET_FIELDS))
    except ValueError as exc:
        raise CodecError(f"assets #{n}: {exc}") from None


def _is_position(value: Any) -> bool:
    return (isinstance(value, list) and len(value) == 2
            and all(isinstance(v, int | float) and not isinstance(v, bool) and abs(v) < _FAR for v in value))


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


def _evidence(doc: Any, n: int) -> Evidence:
    try:
        doc = _object(doc, "the entry")
        return Evidence(_text(doc, "path", _REQUIRED), _text(doc, "sha256", _REQUIRED),
                        _text(doc, "description"), _date(doc, "added"))
    except CodecError as exc:
        raise CodecError(f"evidence #{n}: {exc}") from None


def answer_from_doc(scope_id: str, doc: Any) -> Answer:
    doc = _object(doc, "the answer")
    evidence = _field(doc, "evidence", [], "a list", lambda v: isinstance(v, list))
    return Answer(
        scope_id=scope_id, requirement_id=_text(doc, "req", _REQUIRED), status=_enum(doc, "status", Status),
        ml=_field(doc, "ml", None, "a whole number 0-4", _is_int),
        notes=_text(doc, "notes"), finding=_text(doc, "finding"),
        countermeasure=_text(doc, "countermeasure"),
        evidence=tuple(_evidence(e, n) for n, e in enumerate(evidence, 1)),
        answered_by=_text(doc, "answered_by"),
        answered_at=_parsed(doc, "at", _local_datetime, "a local date and time (YYYY-MM-DDTHH:MM:SS)",
                            nullable=False),
    )


def item_to_doc(item: RemediationItem) -> Doc:
    return {
        "req": item.requirement_id, "action": item.action,
        "priority": item.priority.value if item.priority else None, "owner": item.owner,
        "due_date": _iso(item.due_date), "effort": item.effort.value if item.effort else None,
        "state": item.state.value, "justification": item.justification,
    }


def item_from_doc(scope_id: str, doc: Any) -> RemediationItem:
    doc = _object(doc, "the remediation item")
    return RemediationItem(
        scope_id=scope_id, requirement_id=_text(doc, "req", _REQUIRED),
        action=_field(doc, "action", None, "text", _is_text, nullable=True),
        priority=_enum(doc, "priority", Priority, None, nullable=True),
        owner=_text(doc, "owner"), due_date=_date(doc, "due_date"),
        effort=_enum(doc, "effort", Effort, None, nullable=True),
        state=_enum(doc, "state", ItemState, ItemState.OPEN), justification=_text(doc, "justification"),
    )
