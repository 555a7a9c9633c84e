"""The PDF plan's progress section when one of the two assessments has no zone or conduit (every zone
removed since, or carried forward from an assessment of the site program alone): a mean SL-A over no
zone is no level, so the plan must not draw it as 0 and print a fall or a rise per FR."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from ot62443_desktop.domain.language import Language
from ot62443_desktop.domain.model import SITE_SCOPE, ProjectData
from ot62443_desktop.exports.pdf import write_plan
from tests.exports.carried_forward import Plant, build_plant
from tests.exports.test_progress_plan import page_text, progress_entry

NOTHING_TO_COMPARE = {
    Language.EN: "There is no mean SL-A to compare: that needs zones or conduits in both assessments",
    Language.FR: "Aucun SL-A moyen à comparer : il faut des zones ou conduits dans les deux évaluations",
}
CHANGE_PER_FR = re.compile(r"FR \d [A-Z]+ [+\u2212]?\d[.,]\d")
CHART = {Language.EN: "Mean SL-A then", Language.FR: "SL-A moyen précédent"}


@pytest.fixture(scope="module")
def plant(tmp_path_factory: pytest.TempPathFactory) -> Plant:
    return build_plant(tmp_path_factory.mktemp("progress-without-zones"))


def site_only(project: ProjectData) -> ProjectData:
    """The project with every zone removed: only the site's program answers and plan are left."""
    return dataclasses.replace(
        project, zones=(), answers={k: a for k, a in project.answers.items() if k[0] == SITE_SCOPE},
        remediation={k: i for k, i in project.remediation.items() if k[0] == SITE_SCOPE})


def progress_page(data: ProjectData, plant: Plant, path: Path, language: Language) -> str:
    write_plan(data, plant.catalogues, path, language=language)
    reader = PdfReader(path)
    entry = progress_entry(reader)
    assert entry is not None
    return page_text(reader, entry[2])


@pytest.mark.parametrize("language", list(Language))
@pytest.mark.parametrize("side", ["removed since", "none then"])
def test_no_zone_on_one_side_gives_no_mean_to_compare(plant: Plant, tmp_path: Path, side: str,
                                                     language: Language) -> None:
    if side == "removed since":
        data = dataclasses.replace(site_only(plant.data), previous=plant.previous)
    else:
        data = dataclasses.replace(plant.data, previous=site_only(plant.previous))
    text = progress_page(data, plant, tmp_path / "plan.pdf", language)
    assert NOTHING_TO_COMPARE[language] in text
    assert CHART[language] not in text  # no chart of zeros
    assert not CHANGE_PER_FR.search(text), CHANGE_PER_FR.search(text)  # no "FR 2 UC \u22121.0" under the chart


def test_zones_on_both_sides_still_get_the_chart(plant: Plant, tmp_path: Path) -> None:
    text = progress_page(plant.data, plant, tmp_path / "plan.pdf", Language.EN)
    assert CHART[Language.EN] in text and NOTHING_TO_COMPARE[Language.EN] not in text
