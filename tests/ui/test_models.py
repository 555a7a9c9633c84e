"""Every item model passes pytest-qt's model tester, on the demo project."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.modeltest import ModelTester

from ot62443_desktop.api import open_project
from ot62443_desktop.demo import write_demo
from ot62443_desktop.ui.dashboard import ProgramModel, ZoneScoresModel
from ot62443_desktop.ui.navigator_model import FilterMode, NavigatorFilter, NavigatorModel
from ot62443_desktop.ui.remediation_view import GapsModel
from ot62443_desktop.ui.session import ProjectSession
from ot62443_desktop.ui.zones_view import ZonesModel


@pytest.fixture
def session(tmp_path: Path) -> Iterator[ProjectSession]:
    path = tmp_path / "demo.ot62443"
    write_demo(path, zones=4)
    session = ProjectSession(open_project(path))
    yield session
    session.close()


@pytest.mark.parametrize("model_class", [NavigatorModel, ZonesModel, ZoneScoresModel, ProgramModel, GapsModel])
def test_models_pass_the_model_tester(qtmodeltester: ModelTester, session: ProjectSession,
                                      model_class: type) -> None:
    qtmodeltester.check(model_class(session))


def test_navigator_filter_passes_the_model_tester(qtmodeltester: ModelTester, session: ProjectSession) -> None:
    proxy = NavigatorFilter(NavigatorModel(session))
    proxy.set_mode(FilterMode.GAPS)
    proxy.set_search("sr 1")
    qtmodeltester.check(proxy)
