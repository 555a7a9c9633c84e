"""The scored project: every figure a view or an export shows, computed once from one snapshot.

The register, the plan, the dashboard and `summary --json` all read this one result, so
they cannot disagree about a count, and nothing re-scores a zone it has already scored.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ot62443_desktop.domain.catalogue import CatalogueSet
from ot62443_desktop.domain.model import SITE_SCOPE, ItemState, Priority, ProjectData, ProjectInfo
from ot62443_desktop.domain.scoring import Gap, ProgramScore, ZoneScore, find_gaps, score_program, score_zone


def reference_date(info: ProjectInfo, today: date) -> date:
    """The date default due dates count from: the end of the assessment, else `today`."""
    return info.assessment_date or today


@dataclass(frozen=True)
class ScoredProject:
    """A project's results at one moment; build it with `score_project`."""

    data: ProjectData
    zones: tuple[ZoneScore, ...]
    site: ProgramScore
    zone_programs: dict[str, ProgramScore]  # zone id -> its 2-1 score, for zones that assess the program
    gaps: tuple[Gap, ...]  # zones in zone order (each with its own 2-1 gaps), then the site program
    reference: date  # what default due dates count from
    _by_scope: dict[str, tuple[Gap, ...]] = field(default_factory=dict, repr=False, compare=False)

    @property
    def gaps_total(self) -> int:
        return len(self.gaps)

    @property
    def programs(self) -> tuple[ProgramScore, ...]:
        """Every 2-1 score: the site first, then the zones that assess the program."""
        return (self.site, *self.zone_programs.values())

    def gaps_in(self, scope_id: str) -> tuple[Gap, ...]:
        return self._by_scope.get(scope_id, ())

    def due_date(self, gap: Gap) -> date:
        return gap.due_date(self.reference)

    def by_priority(self) -> dict[Priority, int]:
        counts = Counter(gap.priority for gap in self.gaps)
        return {p: counts.get(p, 0) for p in Priority}

    def by_state(self) -> dict[ItemState, int]:
        counts = Counter(gap.item.state for gap in self.gaps)
        return {s: counts.get(s, 0) for s in ItemState}

    def summary(self) -> dict[str, Any]:
        """The `summary --json` document (SPEC 8): a contract, keep its field names."""
        zones: list[dict[str, Any]] = []
        for score in self.zones:
            zone = score.zone
            zones.append({
                "id": zone.id, "name": zone.name, "sl_t": list(zone.sl_t), "sl_a": list(score.sl_a),
                "applicable": score.applicable, "met": score.met, "gaps": score.gaps,
                "not_assessed": score.not_assessed,
            })
            if program := self.zone_programs.get(zone.id):
                zones[-1]["program"] = {"gaps": program.gaps, "not_assessed": program.not_assessed}
        return {
            "zones": zones,
            "site": {"target_ml": self.site.target_ml, "requirements": self.site.requirements,
                     "gaps": self.site.gaps, "not_assessed": self.site.not_assessed},
            "gaps_total": self.gaps_total,
        }


def score_project(data: ProjectData, catalogues: CatalogueSet, *, today: date | None = None) -> ScoredProject:
    """Score every zone, every 2-1 scope and every gap of `data` once."""
    gaps = tuple(find_gaps(data, catalogues))
    by_scope: dict[str, list[Gap]] = {}
    for gap in gaps:
        by_scope.setdefault(gap.scope_id, []).append(gap)
    return ScoredProject(
        data=data,
        zones=tuple(score_zone(data, catalogues, zone) for zone in data.zones),
        site=score_program(data, catalogues, SITE_SCOPE),
        zone_programs={z.id: score_program(data, catalogues, z.id) for z in data.zones if z.assess_program},
        gaps=gaps,
        reference=reference_date(data.info, today or date.today()),
        _by_scope={scope: tuple(found) for scope, found in by_scope.items()},
    )
