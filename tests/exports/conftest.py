"""Fixtures of the register tests: a small project with gaps in two zones and at the site."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from ot62443_desktop.api import Project
from ot62443_desktop.domain.model import Effort, RemediationItem

START = date(2026, 3, 2)
GAPS = ("SR 1.1", "SR 1.3", "SR 1.4", "SR 1.5", "SR 2.1")


@pytest.fixture
def plant(project: Project) -> Project:
    """Two zones with five gaps each, one planned item, and a 2-1 gap at the site."""
    project.store.set_info(dataclasses.replace(project.store.info, start_date=START))
    project.add_zone("Z1", "Control network", 1, criticality="high")
    project.add_zone("Z2", "Safety system", 1)
    for zone in ("Z1", "Z2"):
        for n, req in enumerate(GAPS):
            project.set_answer(zone, req, "partial" if n % 2 else "not_implemented", notes=f"note {req}",
                               finding=f"finding {req}")
        project.set_answer(zone, "SR 1.2", "implemented")
    project.set_answer("site", "ORG 1.1", "partial", ml=1)
    project.store.set_remediation(RemediationItem("Z1", "SR 1.3", owner="OT lead", effort=Effort.M))
    return project
