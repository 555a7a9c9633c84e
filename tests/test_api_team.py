"""The scripting API's team work (SPEC 12.2): merge, conflicts, resolve, history, and the conflict
beside an answer."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ot62443_desktop.api import InputError, open_project


def test_an_answer_in_conflict_carries_the_other_copys_answer(project_path: Path, tmp_path: Path) -> None:
    with open_project(project_path, create=True) as project:
        project.add_zone("Z1", "Control", 2)
        project.set_answer("Z1", "SR 1.1", "partial", notes="first look")
    other = tmp_path / "stick" / project_path.name
    other.parent.mkdir()
    shutil.copy(project_path, other)
    with open_project(other) as theirs:
        theirs.set_answer("Z1", "SR 1.1", "implemented", notes="fixed")
    with open_project(project_path) as project:
        project.set_answer("Z1", "SR 1.1", "not_implemented", notes="still shared")
        assert project.answer("Z1", "SR 1.1")["conflict"] is None  # type: ignore[index]
        report = project.merge(other)
        assert [c.as_json() for c in report.conflicts] == [{"scope": "Z1", "req": "SR 1.1", "field": "status"}]
        answer = project.answer("Z1", "SR 1.1")
        assert answer is not None and answer["notes"] == "still shared"
        assert answer["conflict"]["status"] == "implemented" and answer["conflict"]["notes"] == "fixed"
        assert project.summary()["conflicts"] == 1
        with pytest.raises(InputError, match="take 'mine' or 'theirs'"):
            project.resolve("Z1", "SR 1.1", "both")
        assert project.resolve("Z1", "SR 1.1", "mine") == ["answer Z1 SR 1.1"]
        assert project.summary()["conflicts"] == 0
        assert project.answer("Z1", "SR 1.1")["conflict"] is None  # type: ignore[index]
        notes = [v["answer"]["notes"] for v in project.history("Z1", "SR 1.1")]
        assert notes[0] == "first look" and notes[-1] == "still shared"  # made knowing every other one
        assert sorted(notes[1:3]) == ["fixed", "still shared"]  # made without knowing each other
