"""A worked example for the zones-and-conduits drawing in the documents: one zone of each SL colour,
most design checks firing once, a conduit to a zone the project lacks and a name that looks like markup."""

from __future__ import annotations

from dataclasses import dataclass

from ot62443_desktop.api import Project
from ot62443_desktop.domain.catalogue import Scale
from ot62443_desktop.domain.design import Check
from ot62443_desktop.domain.model import ScopeKind, Zone

HOSTILE = "Lab <script>x</script> & \"it's\""
#: zone id -> (name, SL-T, layer, assets); SL-A follows from the answers `build` gives
ZONES = {
    "DMZ": ("Site DMZ", 2, 3, ("historian mirror",)),  # SL1 met: worst gap 1
    "SCADA": ("SCADA servers", 1, 2, ("SCADA-A",)),  # SL1 met: no gap
    "PLC": ("Controllers", 3, 1, ()),  # nothing met: worst gap 3; no assets at level 1
    "LAB": (HOSTILE, 0, None, ()),  # no SL-T, no layer, no conduit
}
#: conduit id -> (name, the zones it connects)
CONDUITS = {
    "C-IT": ("IT/OT firewall", ("DMZ", "SCADA")),
    "C-OT": ("Control LAN", ("SCADA", "PLC")),  # SL-T 1 to 3 with no design note
    "C-OLD": ("Old modem", ("PLC", "GONE")),  # GONE is no zone of the project
}
#: (scope, check) the design checks must report on this plant
FINDINGS = {("C-OT", Check.SL_STEP), ("LAB", Check.ISOLATED), ("C-OLD", Check.UNKNOWN_ZONE),
            ("PLC", Check.NO_ASSETS)}
#: zone id -> its worst SL gap (None: no SL-T)
WORST = {"DMZ": 1, "SCADA": 0, "PLC": 3, "LAB": None, "C-IT": 2, "C-OT": 2, "C-OLD": 1}


@dataclass(frozen=True)
class Endpoint:
    conduit: str
    zone: str
    known: bool


ENDPOINTS = [Endpoint(c, z, z != "GONE") for c, (_name, zones) in CONDUITS.items() for z in zones]


def build(project: Project) -> Project:
    """The plant in `project` (an empty one)."""
    for zone_id, (name, sl_t, level, assets) in ZONES.items():
        project.add_zone(zone_id, name, sl_t, level=level, assets=assets)
    for conduit_id, (name, zones) in CONDUITS.items():
        if "GONE" in zones:  # the API refuses a zone that does not exist, as the GUI does; an old file may hold one
            project.store.add_zone(Zone(conduit_id, name, Zone.uniform(1), kind=ScopeKind.CONDUIT, connects=zones))
        else:
            project.add_zone(conduit_id, name, 2, kind="conduit", connects=zones)
    level_one = [r.id for r in project.catalogues.requirements(Scale.SECURITY_LEVEL) if r.level == 1]
    for zone_id in ("DMZ", "SCADA"):
        for requirement in level_one:
            project.set_answer(zone_id, requirement, "implemented")
    return project
