"""The design checks of the zones-and-conduits model (domain/design.py) in the report language.

The domain gives each finding as a check, a scope and facts; here each becomes a short name and a
sentence about its scope, as a document lists them beside the drawing.
"""

from __future__ import annotations

from dataclasses import dataclass

from ot62443_desktop.domain.design import Check, Finding, design_checks
from ot62443_desktop.domain.model import ProjectData
from ot62443_desktop.exports.labels import layer_titles
from ot62443_desktop.exports.wording import N_, Translator

#: Each check's short name, as the list of findings heads it.
CHECK_NAMES: dict[Check, str] = {
    Check.SL_STEP: N_("SL-T step across a conduit"),
    Check.ISOLATED: N_("Isolated zone"),
    Check.UNKNOWN_ZONE: N_("Unknown zone"),
    Check.TOO_FEW: N_("Conduit of fewer than two zones"),
    Check.NO_ASSETS: N_("Zone without assets"),
}


@dataclass(frozen=True)
class CheckLine:
    """One finding as a document prints it: the scope it is about, the check's name, what was found."""

    scope_id: str
    scope_name: str
    check: str
    text: str


def check_lines(project: ProjectData, tr: Translator) -> tuple[CheckLine, ...]:
    """Every finding of the design checks of `project`, in the order the domain gives them."""
    names = {zone.id: zone.name for zone in project.zones}
    return tuple(CheckLine(f.scope_id, names.get(f.scope_id, ""), tr(CHECK_NAMES[f.check]),
                           finding_text(f, project, tr)) for f in design_checks(project))


def finding_text(finding: Finding, project: ProjectData, tr: Translator) -> str:
    """What a finding says about its scope (named beside it), in one sentence."""
    if finding.check is Check.SL_STEP:
        first, _, second = finding.other.partition("|")
        return tr("{first} has SL-T {first_level} and {second} SL-T {second_level} in {fr}; no design note says why "
                  "the step is acceptable.", first=first, second=second, first_level=finding.levels[0],
                  second_level=finding.levels[1], fr=finding.fr)
    if finding.check is Check.ISOLATED:
        return tr("No conduit connects this zone.")
    if finding.check is Check.UNKNOWN_ZONE:
        return tr("Connects {zone}, which is not a zone of this project.", zone=finding.other)
    if finding.check is Check.TOO_FEW:
        return tr("A conduit connects two zones or more; this one connects fewer.")
    level = project.zone(finding.scope_id).level
    return tr("No asset is listed for this zone (layer: {layer}).",
              layer=layer_titles(project.info, tr)[level or 0])
