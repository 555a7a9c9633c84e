"""The scripting API (SPEC 8): the names are a contract; bad input changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from ot62443_desktop.api import InputError, Project, open_project, parse_sl_t


def test_open_project_create_add_zone_answer_and_summary(project_path: Path) -> None:
    with open_project(project_path, create=True) as project:
        project.add_zone("Z1", "Control", 2, criticality="high")
        assert project.answer("Z1", "SR 1.1") is None
        project.set_answer("Z1", "SR 1.1", "not_implemented", notes="shared account")
        project.set_answer("site", "ORG 1.1", "partial", ml=1)
        summary = project.summary()
    assert summary["zones"][0]["gaps"] == 1 and summary["site"]["gaps"] == 1 and summary["gaps_total"] == 2
    with open_project(project_path) as project:
        answer = project.answer("Z1", "SR 1.1")
        assert answer is not None
        assert (answer["status"], answer["notes"], answer["ml"]) == ("not_implemented", "shared account", None)
        assert project.answer("site", "ORG 1.1")["ml"] == 1  # type: ignore[index]


def test_status_change_keeps_notes_unless_given(project: Project) -> None:
    project.add_zone("Z1", "Control", 1)
    project.set_answer("Z1", "SR 1.1", "partial", notes="first look")
    project.set_answer("Z1", "SR 1.1", "implemented")
    assert project.answer("Z1", "SR 1.1")["notes"] == "first look"  # type: ignore[index]
    project.set_answer("Z1", "SR 1.1", "implemented", notes="")
    assert project.answer("Z1", "SR 1.1")["notes"] == ""  # type: ignore[index]


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda p: p.set_answer("Z9", "SR 1.1", "partial"), "unknown scope 'Z9'"),
        (lambda p: p.set_answer("Z1", "SR 99.1", "partial"), "unknown requirement 'SR 99.1'"),
        (lambda p: p.set_answer("Z1", "SR 1.1", "done"), "unknown status 'done'"),
        (lambda p: p.set_answer("site", "SR 1.1", "partial"), "assessed per zone"),
        (lambda p: p.set_answer("Z1", "ORG 1.1", "partial", ml=1), "does not assess the security program"),
        (lambda p: p.set_answer("site", "ORG 1.1", "implemented"), "needs an achieved maturity"),
        (lambda p: p.set_answer("site", "ORG 1.1", "partial", ml=5), "maturity must be 0-4"),
        (lambda p: p.set_answer("Z1", "SR 1.1", "partial", ml=2), "a maturity (ml) does not apply"),
        (lambda p: p.set_answer("site", "ORG 1.1", "not_applicable", ml=2), "does not go with status"),
        (lambda p: p.set_answer("Z1", "SR 1.1", "partial", colour="red"), "unknown answer field"),
        (lambda p: p.add_zone("Z1", "Again", 2), "zone 'Z1' already exists"),
        (lambda p: p.add_zone("Z2", "Bad", 5), "one level 0-4 or 7 levels"),
        (lambda p: p.add_zone("Z2", "Bad", "1,2,3"), "one level 0-4 or 7 levels"),
        (lambda p: p.add_zone("site", "Reserved", 1), "reserved for the site scope"),
        (lambda p: p.add_zone("bad id!", "Bad", 1), "must be 1-40 letters"),
        (lambda p: p.add_zone("Z2", "  ", 1), "name must not be empty"),
        (lambda p: p.add_zone("Z2", "Bad", 1, criticality="extreme"), "unknown criticality 'extreme'"),
    ],
)
def test_bad_input_is_refused_and_changes_nothing(project: Project, call, message: str) -> None:  # type: ignore[no-untyped-def]
    project.add_zone("Z1", "Control", 2)
    before = (project.store.zones(), project.store.answers(), project.store.info)
    with pytest.raises(InputError, match=message.replace("(", r"\(").replace(")", r"\)")):
        call(project)
    assert (project.store.zones(), project.store.answers(), project.store.info) == before


def test_sl_t_may_be_given_per_fr() -> None:
    assert parse_sl_t("3,3,2,2,3,1,2") == (3, 3, 2, 2, 3, 1, 2)
    assert parse_sl_t(2) == (2,) * 7
    assert parse_sl_t([0, 1, 2, 3, 4, 0, 1]) == (0, 1, 2, 3, 4, 0, 1)
    with pytest.raises(InputError, match="not a number"):
        parse_sl_t("high")
