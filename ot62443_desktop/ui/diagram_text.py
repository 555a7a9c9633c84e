"""The words of the diagram in the GUI's language: layer names and the design checks' findings.

The domain names the Purdue levels in English and gives each finding as a code with facts; a
project's own layer names are the consultant's text and are shown as typed.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ot62443_desktop.domain.design import Check, Finding
from ot62443_desktop.domain.model import PURDUE_LEVELS, ProjectData, ProjectInfo
from ot62443_desktop.ui.i18n import fill

translate = QCoreApplication.translate


def layer_names(info: ProjectInfo) -> tuple[str, ...]:
    """The project's layers, lowest first: its own names, or the Purdue levels in the GUI's language."""
    return info.layers or purdue_names()


def purdue_names() -> tuple[str, ...]:
    names = (translate("Layers", "Level 0: process"), translate("Layers", "Level 1: basic control"),
             translate("Layers", "Level 2: supervisory control"), translate("Layers", "Level 3: site operations"),
             translate("Layers", "Level 4: site business"), translate("Layers", "Level 5: enterprise"))
    assert len(names) == len(PURDUE_LEVELS)
    return names


def finding_text(finding: Finding, project: ProjectData) -> str:
    """One finding as a sentence about its scope (the scope itself is shown beside it)."""
    if finding.check is Check.SL_STEP:
        first, _, second = finding.other.partition("|")
        return fill(translate("Design", "SL-T steps from %1 to %2 in %3 between %4 and %5, and no design note "
                                        "says why"), finding.levels[0], finding.levels[1], finding.fr, first, second)
    if finding.check is Check.ISOLATED:
        return translate("Design", "No conduit connects this zone")
    if finding.check is Check.UNKNOWN_ZONE:
        return fill(translate("Design", "Connects %1, which is not a zone of this project"), finding.other)
    if finding.check is Check.TOO_FEW:
        return translate("Design", "A conduit connects two zones or more; this one connects fewer")
    level = project.zone(finding.scope_id).level
    return translate("Design", "No asset is listed for this zone (layer: %1)").replace(
        "%1", layer_names(project.info)[level or 0])
