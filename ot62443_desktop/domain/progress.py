"""Progress between two assessments of the same plant: what was closed, what is new, what persists.

A gap is identified by (scope id, requirement id). Closed: a gap then, met now. New: not a gap
then, a gap now (every gap of a zone added since counts as new). Persisting: a gap in both. A
gap then whose requirement is now not assessed is neither closed nor persisting: nobody has
looked yet. Both projects are scored by the same rules and catalogues (SPEC 12.3).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from ot62443_desktop.domain.catalogue import CatalogueSet, Scale
from ot62443_desktop.domain.model import SITE_SCOPE, ProjectData, Zone
from ot62443_desktop.domain.report import ScoredProject, score_project
from ot62443_desktop.domain.rules import Result, achieved_ml, classify
from ot62443_desktop.domain.scoring import Gap


class LineageError(ValueError):
    """The two projects are not assessments of the same lineage."""


@dataclass(frozen=True)
class GapChange:
    """One gap that changed or stayed between the two assessments, with both answers' statuses."""

    scope_id: str
    requirement_id: str
    then: Gap | None  # the gap in the previous assessment (None for a new gap)
    now: Gap | None  # the gap now (None for a closed gap)


@dataclass(frozen=True)
class ScopeProgress:
    """One scope (a zone, or the site's program) then and now."""

    scope_id: str
    name: str
    sl_a_then: tuple[int, ...] | None  # None: the zone did not exist then (or the site scope)
    sl_a_now: tuple[int, ...] | None  # None: the zone no longer exists (or the site scope)
    closed: tuple[GapChange, ...]
    new: tuple[GapChange, ...]
    persisting: tuple[GapChange, ...]


@dataclass(frozen=True)
class Progress:
    then: ScoredProject
    now: ScoredProject
    zones: tuple[ScopeProgress, ...]  # the zones now, in their order, then the zones removed since
    site: ScopeProgress
    added: tuple[str, ...]  # zone ids assessed now but not then
    removed: tuple[str, ...]  # zone ids assessed then but no longer

    @property
    def then_date(self) -> date | None:
        return self.then.data.info.assessment_date

    def totals(self) -> tuple[int, int, int]:
        """(closed, new, persisting) over every scope."""
        scopes = (*self.zones, self.site)
        return (sum(len(s.closed) for s in scopes), sum(len(s.new) for s in scopes),
                sum(len(s.persisting) for s in scopes))

    def summary(self) -> dict[str, Any]:
        """The `compare --json` document (SPEC 12.3): a contract, keep its field names."""
        closed, new, persisting = self.totals()
        return {
            "zones": [{"id": z.scope_id, "sl_a_old": list(z.sl_a_then) if z.sl_a_then is not None else None,
                       "sl_a_new": list(z.sl_a_now) if z.sl_a_now is not None else None,
                       "closed": len(z.closed), "new": len(z.new), "persisting": len(z.persisting)}
                      for z in self.zones],
            "site": {"closed": len(self.site.closed), "new": len(self.site.new),
                     "persisting": len(self.site.persisting)},
            "closed_total": closed, "new_total": new, "persisting_total": persisting,
            "zones_added": list(self.added), "zones_removed": list(self.removed),
        }


def check_lineage(old: ProjectData, new: ProjectData) -> None:
    """NEW must have been carried forward from OLD, directly or through assessments between them.
    The same assessment twice (one file, or a copy of it) is named as such: "does not descend from
    itself" would leave the reader puzzling over two identical names."""
    if old.project_id and old.project_id == new.project_id:
        raise LineageError(
            f"both files hold the same assessment ({_name(new)}); compare needs the older assessment first "
            "and one carried forward from it")
    if not old.project_id or old.project_id not in new.lineage:
        raise LineageError(
            f"the second project was not carried forward from the first ({_name(new)} does not descend "
            f"from {_name(old)}); compare needs the older assessment first and one carried forward from it")


def _name(project: ProjectData) -> str:
    return f"{project.info.client}, {project.info.site} [{project.project_id[:8] or 'no id'}]"


def compare(old: ProjectData, new: ProjectData, catalogues: CatalogueSet) -> Progress:
    """The progress from `old` to `new` (which must descend from it); both scored by `catalogues`."""
    check_lineage(old, new)
    return progress_between(old, new, catalogues)


def progress_between(old: ProjectData, new: ProjectData, catalogues: CatalogueSet) -> Progress:
    """The progress from `old` to `new`, whatever their lineage (a carried-forward project's own
    baseline is `new.previous`, which is known to be its ancestor)."""
    then, now = score_project(old, catalogues), score_project(new, catalogues)
    old_zones = {zone.id: zone for zone in old.zones}
    new_zones = {zone.id: zone for zone in new.zones}
    then_sl = {score.zone.id: score.sl_a for score in then.zones}
    now_sl = {score.zone.id: score.sl_a for score in now.zones}
    scopes = []
    for zone_id in [*new_zones, *(z for z in old_zones if z not in new_zones)]:
        zone = new_zones.get(zone_id) or old_zones[zone_id]
        scopes.append(_scope(zone_id, zone.name, then, now, new_zones.get(zone_id), catalogues,
                             then_sl.get(zone_id), now_sl.get(zone_id)))
    site = _scope(SITE_SCOPE, "site", then, now, None, catalogues, None, None)
    added = tuple(z for z in new_zones if z not in old_zones)
    return Progress(then, now, tuple(scopes), site, added, tuple(z for z in old_zones if z not in new_zones))


def _scope(scope_id: str, name: str, then: ScoredProject, now: ScoredProject, zone_now: Zone | None,
           catalogues: CatalogueSet, sl_then: tuple[int, ...] | None, sl_now: tuple[int, ...] | None) -> ScopeProgress:
    old_gaps = {g.requirement.id: g for g in then.gaps_in(scope_id)}
    new_gaps = {g.requirement.id: g for g in now.gaps_in(scope_id)}
    closed, persisting = [], []
    for requirement_id, gap in old_gaps.items():
        if requirement_id in new_gaps:
            persisting.append(GapChange(scope_id, requirement_id, gap, new_gaps[requirement_id]))
        elif scope_id == SITE_SCOPE or zone_now is not None:
            answer = now.data.answer(scope_id, requirement_id)
            zone = None if gap.requirement.level is None else zone_now
            if classify(answer, gap.requirement, zone, now.data.info.target_ml) is Result.MET:
                closed.append(GapChange(scope_id, requirement_id, gap, None))
    new = [GapChange(scope_id, r, None, g) for r, g in new_gaps.items() if r not in old_gaps]
    return ScopeProgress(scope_id, name, sl_then, sl_now, tuple(closed), tuple(new), tuple(persisting))


def element_maturity(project: ProjectData, catalogues: CatalogueSet,
                     scope_id: str = SITE_SCOPE) -> dict[str, float | None]:
    """Mean achieved maturity per 2-1 program element in one scope (None where nothing is rated)."""
    means: dict[str, float | None] = {}
    for catalogue in catalogues.by_scale(Scale.MATURITY):
        levels: dict[str, list[int]] = {section.id: [] for section in catalogue.sections}
        for requirement in catalogue:
            ml = achieved_ml(project.answer(scope_id, requirement.id))
            if ml is not None:
                levels[requirement.section].append(ml)
        means.update({element: sum(found) / len(found) if found else None for element, found in levels.items()})
    return means
