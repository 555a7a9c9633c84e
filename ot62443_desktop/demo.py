"""The demo project: a fictional water-treatment plant, partly assessed, the same for a seed.

`zones` beyond the plant's own list are remote pumping stations (each also assessing its
contractor's security program), which scales the demo to benchmark size: 100 zones give
about 15,000 answers.
"""

from __future__ import annotations

import random
import tomllib
from datetime import date, datetime, time, timedelta
from importlib.resources import files
from pathlib import Path
from typing import Any

from ot62443_desktop.catalogues import builtin_catalogues
from ot62443_desktop.domain.catalogue import CatalogueSet, Requirement, Scale
from ot62443_desktop.domain.model import (
    SITE_SCOPE,
    Answer,
    Asset,
    Criticality,
    Effort,
    ItemState,
    ProjectInfo,
    RemediationItem,
    ScopeKind,
    Status,
    Zone,
)
from ot62443_desktop.domain.rules import Result, classify, is_applicable, status_for_ml
from ot62443_desktop.storage import ProjectStore


def load_seed() -> dict[str, Any]:
    return tomllib.loads(files("ot62443_desktop.resources").joinpath("demo/plant.toml").read_text("utf-8"))


def demo_zones(seed_data: dict[str, Any], count: int, rng: random.Random) -> list[tuple[Zone, dict[str, Any]]]:
    """The first `count` zones: the plant's own, then remote sites from the template."""
    zones = []
    for spec in seed_data["zone"][:count]:
        zones.append((Zone(
            spec["id"], spec["name"], tuple(spec["sl_t"]), kind=ScopeKind(spec["kind"]),
            criticality=Criticality(spec["criticality"]), description=spec["description"],
            assets=_assets(spec["assets"]), assess_program=spec.get("assess_program", False),
        ), spec))
    remote = seed_data["remote"]
    for n in range(1, count - len(zones) + 1):
        zones.append((Zone(
            remote["id"].format(n=n), remote["name"].format(n=n),
            tuple(rng.choice(remote["sl_t_choices"])), kind=ScopeKind(remote["kind"]),
            criticality=Criticality(rng.choice(remote["criticalities"])),
            description=remote["description"], assets=_assets(remote["assets"]),
            assess_program=remote["assess_program"],
        ), remote))
    return zones


def _assets(text: str) -> tuple[Asset, ...]:
    return tuple(Asset(name.strip()) for name in text.split(",") if name.strip())


class _Author:
    """Draws statuses, notes and plan entries for one demo project."""

    def __init__(self, seed_data: dict[str, Any], rng: random.Random, catalogues: CatalogueSet) -> None:
        self.seed, self.rng, self.catalogues = seed_data, rng, catalogues
        project = seed_data["project"]
        self.start = date.fromisoformat(project["start_date"])
        self.days = (date.fromisoformat(project["end_date"]) - self.start).days + 1
        self.assessors = project["assessors"]

    def when(self) -> datetime:
        day = self.start + timedelta(days=self.rng.randrange(self.days))
        return datetime.combine(day, time(8 + self.rng.randrange(9), self.rng.randrange(60)))

    def solid_levels(self, zone: Zone, quality: float) -> list[int]:
        """Per FR, the level up to which the zone is solid (all met): varied, tied to quality."""
        return [self.rng.randint(1, t) if t and self.rng.random() < quality else 0 for t in zone.sl_t]

    def sl_status(self, requirement: Requirement, quality: float, solid: int) -> Status:
        roll = self.rng.random()
        if (requirement.level or 1) <= solid:
            return Status.COMPENSATED if roll < 0.06 else Status.IMPLEMENTED
        met = quality * (1.0 - 0.12 * ((requirement.level or 1) - 1))
        if roll < 0.03:
            return Status.NOT_APPLICABLE
        if roll < 0.07:
            return Status.COMPENSATED
        if roll < met:
            return Status.IMPLEMENTED
        return Status.PARTIAL if self.rng.random() < 0.5 else Status.NOT_IMPLEMENTED

    def is_gap(self, answer: Answer, scope: Zone | None) -> bool:
        requirement = self.catalogues.requirement(answer.requirement_id)
        return classify(answer, requirement, scope, self.seed["project"]["target_ml"]) is Result.GAP

    def answer(self, scope: Zone | None, requirement: Requirement, status: Status, ml: int | None) -> Answer:
        """An answer in `scope` (None: the site), with notes and a finding that fit its verdict."""
        notes = self.seed["notes"]
        scope_id = scope.id if scope else SITE_SCOPE
        is_gap = self.is_gap(Answer(scope_id, requirement.id, status, ml=ml), scope)
        text = self.rng.choice(notes["gap" if is_gap else "met"]) if self.rng.random() < 0.35 else ""
        return Answer(
            scope_id, requirement.id, status, ml=ml, notes=text,
            finding=self.rng.choice(notes["gap"]) if is_gap and self.rng.random() < 0.6 else "",
            countermeasure=self.rng.choice(notes["countermeasure"]) if status is Status.COMPENSATED else "",
            answered_by=self.rng.choice(self.assessors), answered_at=self.when(),
        )

    def plan(self, answer: Answer) -> RemediationItem | None:
        if self.rng.random() > 0.4:
            return None
        state = self.rng.choice([ItemState.OPEN, ItemState.OPEN, ItemState.IN_PROGRESS, ItemState.RISK_ACCEPTED])
        return RemediationItem(
            answer.scope_id, answer.requirement_id, owner=self.rng.choice(self.seed["project"]["owners"]),
            effort=self.rng.choice(list(Effort)), state=state,
            justification=("Controller is replaced in the 2028 upgrade; the zone boundary limits exposure "
                           "until then." if state is ItemState.RISK_ACCEPTED else ""),
        )

    def program_answers(self, scope: Zone | None, answered: float) -> list[Answer]:
        weights = self.seed["program"]["ml_weights"]
        answers = []
        for requirement in self.catalogues.requirements(Scale.MATURITY):
            if self.rng.random() > answered:
                continue
            ml = self.rng.choices(range(5), weights=weights)[0]
            status = status_for_ml(ml, self.seed["project"]["target_ml"])
            answers.append(self.answer(scope, requirement, status, ml))
        return answers


def write_demo(path: Path, *, zones: int = 12, seed: int = 1) -> None:
    """Write the demo project to a new file at `path` (refuses to overwrite)."""
    seed_data = load_seed()
    rng = random.Random(seed)
    catalogues = builtin_catalogues()
    project = seed_data["project"]
    info = ProjectInfo(
        client=project["client"], site=project["site"], assessors=tuple(project["assessors"]),
        start_date=date.fromisoformat(project["start_date"]), end_date=date.fromisoformat(project["end_date"]),
        scope_note=project["scope_note"].strip(), confidentiality=project["confidentiality"],
        target_ml=project["target_ml"],
    )
    author = _Author(seed_data, rng, catalogues)
    with ProjectStore.create(path, info) as store, store.batch():  # one sync for the whole demo
        for zone, spec in demo_zones(seed_data, zones, rng):
            store.add_zone(zone)
            solid = author.solid_levels(zone, spec["quality"])
            for requirement in catalogues.requirements(Scale.SECURITY_LEVEL):
                solid_here = (requirement.level or 1) <= solid[requirement.fr_index]
                if not is_applicable(zone, requirement) or (rng.random() > spec["answered"] and not solid_here):
                    continue
                status = author.sl_status(requirement, spec["quality"], solid[requirement.fr_index])
                answer = author.answer(zone, requirement, status, None)
                store.set_answer(answer)
                if author.is_gap(answer, zone) and (item := author.plan(answer)):
                    store.set_remediation(item)
            if zone.assess_program:
                for answer in author.program_answers(zone, seed_data["program"]["answered"]):
                    store.set_answer(answer)
        for answer in author.program_answers(None, seed_data["program"]["answered"]):
            store.set_answer(answer)
            if author.is_gap(answer, None) and (item := author.plan(answer)):
                store.set_remediation(item)
