"""Words and colours both documents share, defined once so the register and the plan agree.

Every label is English marked with N_ (found by the wording test); a document shows it through
its Translator, `tr(STATE_LABELS[state])`, so both documents say the same word in each language.
"""

from __future__ import annotations

from ot62443_desktop.domain.language import Language
from ot62443_desktop.domain.model import (
    PURDUE_LEVELS,
    SITE_SCOPE,
    Criticality,
    ItemState,
    Priority,
    ProjectData,
    ProjectInfo,
    ScopeKind,
    Status,
)
from ot62443_desktop.domain.rules import Result
from ot62443_desktop.exports.wording import N_, Translator, translator

STATE_LABELS: dict[ItemState, str] = {
    ItemState.OPEN: N_("Open"),
    ItemState.IN_PROGRESS: N_("In progress"),
    ItemState.DONE: N_("Done"),
    ItemState.RISK_ACCEPTED: N_("Risk accepted"),
}
STATUS_LABELS: dict[Status, str] = {
    Status.NOT_ASSESSED: N_("Not assessed"),
    Status.IMPLEMENTED: N_("Implemented"),
    Status.PARTIAL: N_("Partially implemented"),
    Status.NOT_IMPLEMENTED: N_("Not implemented"),
    Status.NOT_APPLICABLE: N_("Not applicable"),
    Status.COMPENSATED: N_("Compensating countermeasure"),
}
RESULT_LABELS: dict[Result, str] = {
    Result.MET: N_("Met"),
    Result.GAP: N_("Gap"),
    Result.NOT_ASSESSED: N_("Not assessed"),
    Result.NOT_APPLICABLE: N_("Not applicable"),
    Result.OUT_OF_SCOPE: N_("Above SL-T"),
}
CRITICALITY_LABELS: dict[Criticality, str] = {
    Criticality.HIGH: N_("High"),
    Criticality.MEDIUM: N_("Medium"),
    Criticality.LOW: N_("Low"),
}
KIND_LABELS: dict[ScopeKind, str] = {ScopeKind.ZONE: N_("Zone"), ScopeKind.CONDUIT: N_("Conduit")}
MATURITY_LABELS: tuple[str, ...] = (N_("Initial"), N_("Managed"), N_("Defined (practised)"), N_("Improving"))
CONFIDENTIAL = N_("Confidential")  # the label a new project is given, in the language it was made in

#: Priority colours (background, text) as hex, the one palette of both documents.
PRIORITY_HEX: dict[Priority, tuple[str, str]] = {
    Priority.P1: ("#B8312F", "#FFFFFF"),
    Priority.P2: ("#E07B24", "#FFFFFF"),
    Priority.P3: ("#F2C94C", "#1D2630"),
    Priority.P4: ("#8C98A4", "#FFFFFF"),
}


def scope_names(project: ProjectData, tr: Translator) -> dict[str, str]:
    """What each scope is called in a document: the zone's name, or "Site: <site>"."""
    names = {zone.id: zone.name for zone in project.zones}
    names[SITE_SCOPE] = tr("Site: {site}", site=project.info.site)
    return names


def layer_titles(info: ProjectInfo, tr: Translator) -> tuple[str, ...]:
    """The project's layers, lowest first, as a document names them: its own as typed, else the Purdue
    levels (domain.model.PURDUE_LEVELS) in the reader's language."""
    return info.layers or tuple(tr(name) for name in PURDUE_LEVELS)


def confidentiality(info: ProjectInfo, tr: Translator) -> str:
    """The classification both documents print. The program's own label (none, or the "Confidential" a new
    project is given in whichever language it was made) is the document's word; a person's own is as typed."""
    label = info.confidentiality.strip()
    if label in ("", *(translator(language)(CONFIDENTIAL) for language in Language)):
        return tr(CONFIDENTIAL)
    return label
