"""The carried-forward plant both progress tests read: last year's demo assessment and this year's,
carried forward from it and answered again with gaps fixed, measures lapsed and a zone swapped."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest

from ot62443_desktop.api import Project, carry_forward
from ot62443_desktop.demo import write_demo
from ot62443_desktop.domain.catalogue import CatalogueSet
from ot62443_desktop.domain.model import ProjectData, Status
from ot62443_desktop.domain.progress import Progress, progress_between

NEXT_YEAR = (date(2027, 11, 8), date(2027, 11, 12))
CHANGES_EN = ("Closed", "New", "Persisting")


@dataclasses.dataclass
class Plant:
    old: Path
    new: Path
    data: ProjectData  # this year's, with last year's inside as `previous`
    catalogues: CatalogueSet
    folder: Path

    @property
    def previous(self) -> ProjectData:
        assert self.data.previous is not None
        return self.data.previous

    def progress(self, catalogues: CatalogueSet | None = None) -> Progress:
        return progress_between(self.previous, self.data, catalogues or self.catalogues)


def reassess(project: Project, previous: ProjectData) -> None:
    """Last year's answers given again, with every third gap fixed and every eleventh measure lapsed;
    the operator stations are gone and a vendor remote access zone is new, with two gaps."""
    project.store.set_info(dataclasses.replace(project.store.info, start_date=NEXT_YEAR[0], end_date=NEXT_YEAR[1]))
    with project.store.batch():
        for n, (_key, answer) in enumerate(sorted(previous.answers.items())):
            if answer.status in (Status.PARTIAL, Status.NOT_IMPLEMENTED) and n % 3 == 0:
                ml = min(4, (answer.ml or 0) + 2) if answer.ml is not None else None
                answer = dataclasses.replace(answer, status=Status.IMPLEMENTED, ml=ml)
            elif answer.status is Status.IMPLEMENTED and n % 11 == 0:
                answer = dataclasses.replace(answer, status=Status.PARTIAL, ml=1 if answer.ml is not None else None)
            project.store.set_answer(answer)
    project.store.remove_zone("HMI")
    project.add_zone("RA", "Vendor remote access", 2)
    project.set_answer("RA", "SR 1.1", "partial")
    project.set_answer("RA", "SR 1.2", "not_implemented")


def build_plant(folder: Path) -> Plant:
    """Write both years' project files in `folder` (with its own app data folder)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("OT62443_DATA_DIR", str(folder / "appdata"))
        old, new = folder / "2026.ot62443", folder / "2027.ot62443"
        write_demo(old, zones=3, seed=4)
        with carry_forward(old, new) as project:
            previous = project.store.snapshot().previous
            assert previous is not None
            reassess(project, previous)
            return Plant(old, new, project.store.snapshot(), project.catalogues, folder)


def expected_changes(progress: Progress) -> list[tuple[str, str, str]]:
    """(change, scope, requirement) of every gap closed, new or persisting, in the order `compare` has them."""
    return [(label, scope.scope_id, change.requirement_id)
            for scope in (*progress.zones, progress.site)
            for label, changes in zip(CHANGES_EN, (scope.closed, scope.new, scope.persisting), strict=True)
            for change in changes]
