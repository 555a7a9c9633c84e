"""Shared fixtures. Qt runs offscreen; backups go to a per-test folder, never the user's."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from ot62443_desktop.api import Project, open_project  # noqa: E402
from ot62443_desktop.catalogues import builtin_catalogues  # noqa: E402
from ot62443_desktop.domain.catalogue import CatalogueSet  # noqa: E402

DATA = Path(__file__).parent / "data"


@pytest.fixture(autouse=True)
def data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path_factory.mktemp("appdata")
    monkeypatch.setenv("OT62443_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def catalogues() -> CatalogueSet:
    return builtin_catalogues()


@pytest.fixture
def project_path(tmp_path: Path) -> Path:
    return tmp_path / "plant.ot62443"


@pytest.fixture
def project(project_path: Path) -> Iterator[Project]:
    with open_project(project_path, create=True, client="ACME Water", site="North works") as p:
        yield p
