"""The two built-in catalogues are complete in structure: the check figures of SPEC 2."""

from __future__ import annotations

import csv
from collections import Counter

from ot62443_desktop.domain.catalogue import FR_IDS, CatalogueSet, Scale
from tests.conftest import DATA


def test_62443_3_3_has_7_frs_51_srs_and_49_res(catalogues: CatalogueSet) -> None:
    c = catalogues.catalogue("iec62443-3-3")
    assert c.scale is Scale.SECURITY_LEVEL
    assert [s.id for s in c.sections] == list(FR_IDS)
    assert [s.code for s in c.sections] == ["IAC", "UC", "SI", "DC", "RDF", "TRE", "RA"]
    srs = [r for r in c if not r.is_enhancement]
    res = [r for r in c if r.is_enhancement]
    assert (len(srs), len(res)) == (51, 49)
    assert Counter(r.level for r in srs) == {1: 37, 2: 12, 3: 2}
    assert Counter(r.level for r in res) == {2: 11, 3: 28, 4: 10}
    per_fr = [(sum(r.section == fr for r in srs), sum(r.section == fr for r in res)) for fr in FR_IDS]
    assert per_fr == [(13, 11), (12, 12), (9, 10), (3, 3), (4, 7), (2, 1), (8, 5)]


def test_62443_3_3_ids_parents_titles_and_levels_match_the_facts(catalogues: CatalogueSet) -> None:
    c = catalogues.catalogue("iec62443-3-3")
    with open(DATA / "iec62443-3-3-structure.csv", newline="", encoding="utf-8") as fh:
        facts = list(csv.DictReader(fh))
    assert [(r.id, r.parent or "", r.section, r.title, r.level) for r in c] == [
        (f["id"], f["parent"], f["fr"], f["title"], int(f["level"])) for f in facts
    ]
    for re in (r for r in c if r.is_enhancement):
        assert re.id.startswith(re.parent + " RE ")


def test_62443_2_1_has_8_elements_16_groups_87_requirements_as_listed(catalogues: CatalogueSet) -> None:
    c = catalogues.catalogue("iec62443-2-1")
    assert c.scale is Scale.MATURITY
    with open(DATA / "iec62443-2-1-2024-structure.csv", newline="", encoding="utf-8") as fh:
        facts = list(csv.DictReader(fh))
    assert (len(c.sections), len(c.groups), len(c)) == (8, 16, 87)
    assert [(s.id, s.title) for s in c.sections] == list(dict.fromkeys(
        (f["spe_prefix"], f["spe_title"]) for f in facts))
    assert [(g.id, g.section, g.title) for g in c.groups] == list(dict.fromkeys(
        (f["group_id"], f["spe_prefix"], f["group_title"]) for f in facts))
    assert [(r.id, r.group, r.title) for r in c] == [
        (f["requirement_id"], f["group_id"], f["requirement_title"]) for f in facts
    ]


def test_requirement_ids_are_unique_across_catalogues(catalogues: CatalogueSet) -> None:
    assert "SR 1.1" in catalogues and "ORG 1.1" in catalogues
    assert catalogues.requirement("SR 1.1 RE 1").parent == "SR 1.1"
