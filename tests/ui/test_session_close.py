"""Closing a project whose close fails says so, with the project's path exactly as it is."""

from __future__ import annotations

from pathlib import Path

import pytest

from ot62443_desktop.api import open_project
from ot62443_desktop.ui.session import ProjectSession


def test_a_failed_close_names_a_path_holding_a_placeholder_as_it_is(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "survey %2 2026"
    folder.mkdir()
    session = ProjectSession(open_project(folder / "plant.ot62443", create=True))

    def broken() -> None:
        session.store.close()
        raise RuntimeError("disk gone")

    monkeypatch.setattr(session.project, "close", broken)
    (message,) = session.close()
    assert message == f"{folder / 'plant.ot62443'}: could not be closed cleanly (RuntimeError: disk gone)"
