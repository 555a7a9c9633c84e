"""Design checks of the zones-and-conduits model: what an auditor looks for on the drawing first.

Each check gives the scope it is about and the facts to phrase it with; the GUI and the plan
say it in the reader's language. A conduit's design note (why a step in SL-T across it is
acceptable, e.g. a data diode) answers the SL-step check.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from ot62443_desktop.domain.catalogue import FR_IDS
from ot62443_desktop.domain.model import ProjectData, ScopeKind, Zone

SL_STEP = 2  # a conduit between zones whose SL-T differ by this much in one FR needs a reason
FIELD_LEVELS = range(0, 3)  # Purdue 0-2, where an asset list is expected (unknown for a project's own layers)


class Check(StrEnum):
    SL_STEP = "sl_step"  # a conduit joins zones whose SL-T differ by 2 or more in an FR, with no note
    ISOLATED = "isolated"  # a zone no conduit connects
    UNKNOWN_ZONE = "unknown_zone"  # a conduit names a zone that does not exist
    TOO_FEW = "too_few"  # a conduit that connects fewer than two zones
    NO_ASSETS = "no_assets"  # a zone at level 0-2 with no asset listed


@dataclass(frozen=True)
class Finding:
    check: Check
    scope_id: str
    other: str = ""  # the other zone (an SL step) or the unknown zone's id
    fr: str = ""  # the FR of an SL step
    levels: tuple[int, int] = (0, 0)  # the two SL-T of an SL step


def design_checks(project: ProjectData) -> list[Finding]:
    """Every finding of the checks, conduits' first, in the project's order."""
    zones = {z.id: z for z in project.zones if z.kind is ScopeKind.ZONE}
    conduits = [z for z in project.zones if z.kind is ScopeKind.CONDUIT]
    findings: list[Finding] = []
    connected: set[str] = set()
    for conduit in conduits:
        known = [zones[z] for z in conduit.connects if z in zones]
        connected.update(z.id for z in known)
        findings += [Finding(Check.UNKNOWN_ZONE, conduit.id, other=z) for z in conduit.connects
                     if z not in zones]
        if len(conduit.connects) < 2:
            findings.append(Finding(Check.TOO_FEW, conduit.id))
        if conduit.design_note.strip():
            continue
        if len(known) >= 2 and (step := _widest_step(conduit, known)):  # a step takes two zones
            findings.append(step)
    for zone in zones.values():
        if zone.id not in connected:
            findings.append(Finding(Check.ISOLATED, zone.id))
        if zone.level in FIELD_LEVELS and not zone.assets and not project.info.layers:
            findings.append(Finding(Check.NO_ASSETS, zone.id))
    return findings


def _widest_step(conduit: Zone, known: list[Zone]) -> Finding | None:
    """The conduit's widest SL-T step (in the FR where it is widest, first FR on a tie, between its
    lowest and highest zone there), if it is SL_STEP or more: one finding per conduit, however many
    zones it joins (a backbone conduit of a thousand zones would otherwise give a million pairs)."""
    best: tuple[int, int, Zone, Zone] | None = None
    for i in range(len(FR_IDS)):
        low, high = min(known, key=lambda z: z.sl_t[i]), max(known, key=lambda z: z.sl_t[i])
        step = high.sl_t[i] - low.sl_t[i]
        if best is None or step > best[0]:
            best = (step, i, low, high)
    if best is None or best[0] < SL_STEP:
        return None
    _step, i, low, high = best
    first, second = sorted((low, high), key=known.index)  # named in the order the conduit lists them
    return Finding(Check.SL_STEP, conduit.id, other=f"{first.id}|{second.id}", fr=FR_IDS[i],
                   levels=(first.sl_t[i], second.sl_t[i]))
