"""User-facing names of domain values, translatable (the domain itself knows no Qt).

Each name is written out as a `QCoreApplication.translate("Labels", "...")` call, so that
pyside6-lupdate sees every one; the domain's English `.label` is for the Qt-free layers.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ot62443_desktop.domain.catalogue import MATURITY_NAMES
from ot62443_desktop.domain.model import Criticality, ItemState, Priority, ScopeKind, Status
from ot62443_desktop.domain.priority import DUE_MONTHS

translate = QCoreApplication.translate


def status_label(status: Status) -> str:
    return {
        Status.NOT_ASSESSED: translate("Labels", "Not assessed"),
        Status.IMPLEMENTED: translate("Labels", "Implemented"),
        Status.PARTIAL: translate("Labels", "Partially implemented"),
        Status.NOT_IMPLEMENTED: translate("Labels", "Not implemented"),
        Status.NOT_APPLICABLE: translate("Labels", "Not applicable"),
        Status.COMPENSATED: translate("Labels", "Compensating countermeasure"),
    }[status]


def short_status_label(status: Status) -> str:
    """The status in a narrow place: a status button, the navigator's progress column."""
    return {
        Status.NOT_ASSESSED: translate("Labels", "Not assessed"),
        Status.IMPLEMENTED: translate("Labels", "Implemented"),
        Status.PARTIAL: translate("Labels", "Partial"),
        Status.NOT_IMPLEMENTED: translate("Labels", "Not implemented"),
        Status.NOT_APPLICABLE: translate("Labels", "N/A"),
        Status.COMPENSATED: translate("Labels", "Compensated"),
    }[status]


def state_label(state: ItemState) -> str:
    return {
        ItemState.OPEN: translate("Labels", "Open"),
        ItemState.IN_PROGRESS: translate("Labels", "In progress"),
        ItemState.DONE: translate("Labels", "Done"),
        ItemState.RISK_ACCEPTED: translate("Labels", "Risk accepted"),
    }[state]


def criticality_label(criticality: Criticality) -> str:
    return {
        Criticality.HIGH: translate("Labels", "High"),
        Criticality.MEDIUM: translate("Labels", "Medium"),
        Criticality.LOW: translate("Labels", "Low"),
    }[criticality]


def kind_label(kind: ScopeKind) -> str:
    return {ScopeKind.ZONE: translate("Labels", "Zone"), ScopeKind.CONDUIT: translate("Labels", "Conduit")}[kind]


def maturity_name(level: int) -> str:
    """The name of maturity level 1-4 (IEC 62443-2-1:2024)."""
    names = (translate("Labels", "Initial"), translate("Labels", "Managed"),
             translate("Labels", "Defined (practised)"), translate("Labels", "Improving"))
    assert len(names) == len(MATURITY_NAMES)
    return names[level - 1]


def maturity_label(level: int) -> str:
    """"ML2 · Managed": the level and its name, as the maturity drop-downs list them."""
    return translate("Labels", "ML%1 · %2").replace("%1", str(level)).replace("%2", maturity_name(level))


def priority_tip(priority: Priority) -> str:
    """What a priority means for its default due date."""
    return translate("Labels", "%1: due %2 months after the assessment unless a date is set").replace(
        "%1", priority.value).replace("%2", str(DUE_MONTHS[priority]))


def field_label(name: str) -> str:
    """The name of a text field of an answer, a remediation item, a zone or the project details."""
    return {
        "notes": translate("Labels", "Notes"),
        "finding": translate("Labels", "Finding"),
        "countermeasure": translate("Labels", "Compensating countermeasure"),
        "action": translate("Labels", "Corrective action"),
        "owner": translate("Labels", "Owner"),
        "justification": translate("Labels", "Justification"),
        "name": translate("Labels", "Name"),
        "description": translate("Labels", "Description"),
        "assets": translate("Labels", "Assets"),
        "design_note": translate("Labels", "Design note"),
        "client": translate("Labels", "Client"),
        "site": translate("Labels", "Site"),
        "scope_note": translate("Labels", "Scope note"),
        "confidentiality": translate("Labels", "Confidentiality label"),
    }[name]
