"""Catalogue content (issue 3): every requirement has real, own-words text in every field."""

from __future__ import annotations

import re
from itertools import combinations

import markdown
import pytest

from ot62443_desktop.catalogues import builtin_catalogues
from ot62443_desktop.domain.catalogue import Requirement, Scale

REQUIREMENTS = [r for c in builtin_catalogues() for r in c]
MIN_LENGTH = {"summary": 150, "guidance": 400, "remediation": 250}


def is_program(r: Requirement) -> bool:
    return builtin_catalogues().catalogue(r.catalogue).scale is Scale.MATURITY


def test_there_are_187_requirements() -> None:
    assert len(REQUIREMENTS) == 187


@pytest.mark.parametrize("requirement", REQUIREMENTS, ids=lambda r: r.id)
def test_every_field_is_present_and_substantial(requirement: Requirement) -> None:
    for name, minimum in MIN_LENGTH.items():
        assert len(getattr(requirement, name)) >= minimum, f"{requirement.id}: {name} too short"
    assert len(re.findall(r"(?m)^- ", requirement.guidance)) >= 5, "guidance is a list of checks"
    assert len(re.findall(r"(?m)^\d+\. ", requirement.remediation)) >= 3, "remediation is ordered steps"
    assert 3 <= len(requirement.evidence) <= 6 and all(len(e) >= 8 for e in requirement.evidence)
    if is_program(requirement):
        assert len(requirement.maturity) == 4 and all(len(m) >= 40 for m in requirement.maturity)
        assert len(set(requirement.maturity)) == 4
    else:
        assert requirement.maturity == ()


def test_enhanced_srs_say_what_changes_by_level() -> None:
    parents = {r.parent for r in REQUIREMENTS if r.parent}
    for requirement in REQUIREMENTS:
        if requirement.id in parents:
            assert "**By level:**" in requirement.guidance, requirement.id


@pytest.mark.parametrize("field", ["summary", "guidance", "remediation"])
def test_no_two_requirements_share_a_text(field: str) -> None:
    texts = {}
    for requirement in REQUIREMENTS:
        text = getattr(requirement, field)
        assert text not in texts, f"{requirement.id} repeats the {field} of {texts.get(text)}"
        texts[text] = requirement.id


def _sentences(text: str) -> set[str]:
    return {s.strip().lower() for s in re.split(r"(?<=[.!?])\s+", text) if len(s.strip()) > 60}


def test_remediation_texts_are_not_one_template_with_swapped_nouns() -> None:
    """No long sentence appears in the remediation of more than three requirements."""
    counts: dict[str, list[str]] = {}
    for requirement in REQUIREMENTS:
        for sentence in _sentences(requirement.remediation):
            counts.setdefault(sentence, []).append(requirement.id)
    repeated = {s: ids for s, ids in counts.items() if len(ids) > 3}
    assert not repeated


def test_summaries_of_any_two_requirements_are_not_near_copies() -> None:
    words = {r.id: set(re.findall(r"[a-z]+", r.summary.lower())) for r in REQUIREMENTS}
    for a, b in combinations(words, 2):
        overlap = len(words[a] & words[b]) / max(1, min(len(words[a]), len(words[b])))
        assert overlap < 0.9, f"{a} and {b} summaries are near copies"


@pytest.mark.parametrize("requirement", REQUIREMENTS, ids=lambda r: r.id)
def test_markdown_renders_without_raw_html(requirement: Requirement) -> None:
    for name in ("summary", "guidance", "remediation"):
        text = getattr(requirement, name)
        assert not re.search(r"<[A-Za-z/!]", text), f"{requirement.id}: raw HTML in {name}"
        html = markdown.markdown(text)
        assert html.startswith("<"), f"{requirement.id}: {name} did not render"
    assert "<ul>" in markdown.markdown(requirement.guidance)
    assert "<ol>" in markdown.markdown(requirement.remediation)
