"""Words and colours both documents share, defined once so the register and the plan agree."""

from __future__ import annotations

from ot62443_desktop.domain.model import SITE_SCOPE, ItemState, Priority, ProjectData

STATE_LABELS: dict[ItemState, str] = {
    ItemState.OPEN: "Open",
    ItemState.IN_PROGRESS: "In progress",
    ItemState.DONE: "Done",
    ItemState.RISK_ACCEPTED: "Risk accepted",
}

#: Priority colours (background, text) as hex, the one palette of both documents.
PRIORITY_HEX: dict[Priority, tuple[str, str]] = {
    Priority.P1: ("#B8312F", "#FFFFFF"),
    Priority.P2: ("#E07B24", "#FFFFFF"),
    Priority.P3: ("#F2C94C", "#1D2630"),
    Priority.P4: ("#8C98A4", "#FFFFFF"),
}


def scope_names(project: ProjectData) -> dict[str, str]:
    """What each scope is called in a document: the zone's name, or "Site: <site>"."""
    names = {zone.id: zone.name for zone in project.zones}
    names[SITE_SCOPE] = f"Site: {project.info.site}"
    return names
