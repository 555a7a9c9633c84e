"""The demo project: a fictional water-treatment plant, partly assessed, the same for a seed.

`zones` beyond the plant's own list are remote pumping stations (each also assessing its
contractor's security program), which scales the demo to benchmark size: 100 zones give
about 15,000 answers.
"""

from __future__ import annotations

import random
import tomllib
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from importlib.resources import files
from pathlib import Path
from typing import Any

from ot62443_desktop.catalogues import builtin_catalogues
from ot62443_desktop.demo_texts import Cast, Kind, Texts, load_texts
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
    """The first `count` zones: the plant's own, then remote sites from the template.

    A conduit connects only the zones the demo has, and the remote sites' conduit every site."""
    plant = [(_zone(spec), spec) for spec in seed_data["zone"][:count]]
    remote = seed_data["remote"]
    stations = [(_station(remote, n, rng), remote) for n in range(1, count - len(plant) + 1)]
    present = {zone.id for zone, _spec in plant}
    station_ids = tuple(zone.id for zone, _spec in stations)
    for i, (zone, spec) in enumerate(plant):
        if zone.kind is ScopeKind.CONDUIT:
            joined = tuple(z for z in zone.connects if z in present)
            plant[i] = (replace(zone, connects=joined + station_ids * (zone.id == remote["conduit"])), spec)
    return plant + stations


def _zone(spec: dict[str, Any]) -> Zone:
    return Zone(
        spec["id"], spec["name"], tuple(spec["sl_t"]), kind=ScopeKind(spec["kind"]),
        criticality=Criticality(spec["criticality"]), description=spec["description"],
        assets=tuple(Asset(**asset) for asset in spec.get("asset", ())),
        assess_program=spec.get("assess_program", False), level=spec.get("level"),
        connects=tuple(spec.get("connects", ())), design_note=spec.get("design_note", ""),
    )


def _station(remote: dict[str, Any], n: int, rng: random.Random) -> Zone:
    return Zone(
        remote["id"].format(n=n), remote["name"].format(n=n),
        tuple(rng.choice(remote["sl_t_choices"])), kind=ScopeKind(remote["kind"]),
        criticality=Criticality(rng.choice(remote["criticalities"])), description=remote["description"],
        assets=tuple(Asset(**{**asset, "name": asset["name"].format(n=n)}) for asset in remote["asset"]),
        assess_program=remote["assess_program"], level=remote["level"],
    )


class _Author:
    """Draws statuses, notes and plan entries for one demo project."""

    def __init__(self, seed_data: dict[str, Any], rng: random.Random, catalogues: CatalogueSet) -> None:
        self.seed, self.rng, self.catalogues = seed_data, rng, catalogues
        self.texts = Texts(load_texts())
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

    def answer(self, scope: Zone | None, cast: Cast, requirement: Requirement, status: Status,
               ml: int | None) -> Answer:
        """An answer in `scope` (None: the site), with notes and a finding that fit its requirement and verdict.

        A requirement with no object in the scope (wireless where there is none) is not applicable
        whatever was drawn, and one with object is never "not applicable": it is met instead."""
        scope_id = scope.id if scope else SITE_SCOPE
        reason = self.texts.pick(Kind.NOT_APPLICABLE, requirement, cast, self.rng)
        if reason:
            status = Status.NOT_APPLICABLE
        elif status is Status.NOT_APPLICABLE:
            status = Status.IMPLEMENTED
        notes = finding = countermeasure = ""
        if reason:
            notes = reason.fill(cast, self.rng)
        elif self.is_gap(Answer(scope_id, requirement.id, status, ml=ml), scope):
            found = self.texts.pick(Kind.GAP, requirement, cast, self.rng) if self.rng.random() < 0.6 else None
            finding = found.fill(cast, self.rng) if found else ""
            noted = self.texts.pick(Kind.GAP, requirement, cast, self.rng, other_than=found)
            notes = noted.fill(cast, self.rng) if noted and self.rng.random() < 0.35 else ""
        elif status is Status.COMPENSATED:
            measure = self.texts.pick(Kind.COUNTERMEASURE, requirement, cast, self.rng)
            countermeasure = measure.fill(cast, self.rng) if measure else ""
        elif self.rng.random() < 0.35 and (noted := self.texts.pick(Kind.MET, requirement, cast, self.rng)):
            notes = noted.fill(cast, self.rng)
        return Answer(scope_id, requirement.id, status, ml=ml, notes=notes, finding=finding,
                      countermeasure=countermeasure, answered_by=self.rng.choice(self.assessors),
                      answered_at=self.when())

    def plan(self, answer: Answer, cast: Cast) -> RemediationItem | None:
        if self.rng.random() > 0.4:
            return None
        requirement = self.catalogues.requirement(answer.requirement_id)
        state = self.rng.choice([ItemState.OPEN, ItemState.OPEN, ItemState.IN_PROGRESS, ItemState.RISK_ACCEPTED])
        why = self.texts.pick(Kind.ACCEPTED, requirement, cast, self.rng) if state is ItemState.RISK_ACCEPTED else None
        if state is ItemState.RISK_ACCEPTED and why is None:
            state = ItemState.OPEN
        owners = self.texts.owners(requirement) or self.seed["project"]["owners"]
        return RemediationItem(
            answer.scope_id, answer.requirement_id, owner=self.rng.choice(owners),
            effort=self.rng.choice(list(Effort)), state=state, justification=why.fill(cast, self.rng) if why else "",
        )

    def program_answers(self, scope: Zone | None, cast: Cast, answered: float) -> list[Answer]:
        weights = self.seed["program"]["ml_weights"]
        answers = []
        for requirement in self.catalogues.requirements(Scale.MATURITY):
            if self.rng.random() > answered:
                continue
            ml = self.rng.choices(range(5), weights=weights)[0]
            status = status_for_ml(ml, self.seed["project"]["target_ml"])
            answers.append(self.answer(scope, cast, requirement, status, ml))
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
    scopes = demo_zones(seed_data, zones, rng)
    site = author.texts.cast(SITE_SCOPE, (asset for zone, _spec in scopes for asset in zone.assets))
    with ProjectStore.create(path, info) as store, store.batch():  # one sync for the whole demo
        for zone, spec in scopes:
            store.add_zone(zone)
            cast = author.texts.cast(zone.kind.value, zone.assets)
            solid = author.solid_levels(zone, spec["quality"])
            for requirement in catalogues.requirements(Scale.SECURITY_LEVEL):
                solid_here = (requirement.level or 1) <= solid[requirement.fr_index]
                if not is_applicable(zone, requirement) or (rng.random() > spec["answered"] and not solid_here):
                    continue
                status = author.sl_status(requirement, spec["quality"], solid[requirement.fr_index])
                answer = author.answer(zone, cast, requirement, status, None)
                store.set_answer(answer)
                if author.is_gap(answer, zone) and (item := author.plan(answer, cast)):
                    store.set_remediation(item)
            if zone.assess_program:
                for answer in author.program_answers(zone, cast, seed_data["program"]["answered"]):
                    store.set_answer(answer)
        for answer in author.program_answers(None, site, seed_data["program"]["answered"]):
            store.set_answer(answer)
            if author.is_gap(answer, None) and (item := author.plan(answer, site)):
                store.set_remediation(item)
