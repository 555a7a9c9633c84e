"""Errors of the export/import child process reach the person with their real class and message."""

from __future__ import annotations

import importlib
import inspect
import json
import logging
import pickle
import pkgutil
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

import ot62443_desktop
from ot62443_desktop import licensed_text
from ot62443_desktop.api import InputError
from ot62443_desktop.cli import CommandError
from ot62443_desktop.domain.assets_csv import AssetCsvError, Problem
from ot62443_desktop.domain.catalogue_loader import CatalogueError
from ot62443_desktop.domain.model import ModelError
from ot62443_desktop.domain.progress import LineageError
from ot62443_desktop.exports.bundle_manifest import BundleError
from ot62443_desktop.exports.evidence_files import ReadError
from ot62443_desktop.exports.progress import ExportCancelled, ExportError, Hooks
from ot62443_desktop.exports.register_import import _Refused
from ot62443_desktop.passphrase import PassphraseUnavailableError
from ot62443_desktop.storage.codec import CodecError
from ot62443_desktop.storage.errors import (
    NewerSchemaError,
    NotAProjectError,
    PassphraseNeededError,
    ProjectDamagedError,
    ProjectExistsError,
    ReadOnlyError,
    SaveError,
    StoreError,
    WrongPassphraseError,
)
from ot62443_desktop.storage.fsutil import NotRegularError, UnsyncedRenameError
from ot62443_desktop.storage.journal import MalformedJournalError
from ot62443_desktop.storage.sealed import NewerFormatError, SealError, WrongKeyError
from ot62443_desktop.ui.actions import Act
from ot62443_desktop.ui.jobs import export_file
from ot62443_desktop.ui.main_window import MainWindow
from ot62443_desktop.ui.unlock import Cancelled
from ot62443_desktop.ui.worker import JobError, Runner
from tests.ui.boxes import Boxes

SAMPLES: list[BaseException] = [
    InputError("zone 'Z9': no such zone"),
    CommandError("demo.ot62443: a file of that name already exists"),
    CatalogueError("site.toml", "SR 1.1", "missing 'title'"),
    ModelError("sl_t: 5 is not a security level (1-4)"),
    AssetCsvError(Problem.UNKNOWN_COLUMN, "ip address"),
    LineageError("the second project was not carried forward from the first"),
    ExportCancelled(),
    ExportError("register.xlsx: not a register of this project"),
    BundleError("handoff.zip: manifest.json is not valid JSON (Expecting value: line 1 column 1 (char 0))"),
    _Refused("due date 31.02.2025 is not a date"),
    CodecError("answer #3: status 'maybe' is unknown"),
    StoreError("plant.ot62443: no such project file"),
    ProjectDamagedError("plant.ot62443: damaged or truncated", recoverable=True),
    NotAProjectError("notes.ot62443: not an OT 62443 project"),
    NewerSchemaError("plant.ot62443", 9, 3),
    ProjectExistsError("plant.ot62443: a file of that name already exists"),
    ReadOnlyError("plant.ot62443: opened read-only; changes are not possible"),
    SaveError("plant.ot62443: the change was not saved (No space left on device)"),
    MalformedJournalError("plant.ot62443.journal: change 4 holds an operation this program never writes"),
    NotRegularError(22, "not a regular file", "plant.ot62443.journal"),
    ReadError(5, "Input/output error"),
    UnsyncedRenameError(5, "Input/output error", "/projects"),
    JobError("KeyError: 'Z1'", "Traceback (most recent call last): ..."),
    Cancelled(),  # the GUI's own: a passphrase dialog cancelled
    PassphraseNeededError("plant.ot62443: the project is encrypted; it opens only with its passphrase"),
    WrongPassphraseError("plant.ot62443: wrong passphrase: it does not open this encrypted project"),
    PassphraseUnavailableError("a passphrase is needed: set OT62443_PASSPHRASE in the environment"),
    SealError("the encrypted contents are damaged (they fail their authentication check)"),
    WrongKeyError("the key given does not open this encrypted project"),
    NewerFormatError("encrypted in a newer format (2) than this program reads"),
    licensed_text.LicensedTextError(licensed_text.Refusal.NOTHING_IMPORTED, "mine.csv", skipped=(
        licensed_text.Skipped(2, licensed_text.Problem.UNKNOWN_ID, "SR 9.9"),)),
]


def project_error_classes() -> set[type[BaseException]]:
    """Every exception class the program defines, found by importing all of its modules."""
    found: set[type[BaseException]] = set()
    for info in pkgutil.walk_packages(ot62443_desktop.__path__, "ot62443_desktop."):
        module = importlib.import_module(info.name)
        found |= {obj for obj in vars(module).values() if inspect.isclass(obj)
                  and issubclass(obj, BaseException) and obj.__module__ == module.__name__}
    return found


def same(a: BaseException, b: BaseException) -> bool:
    return type(a) is type(b) and str(a) == str(b) and a.args == b.args and vars(a) == vars(b)


def raise_it(error: BaseException, hooks: Hooks) -> None:
    raise error


def test_the_samples_cover_every_error_class_of_the_program() -> None:
    assert {type(e) for e in SAMPLES} == project_error_classes()


@pytest.mark.parametrize("error", SAMPLES, ids=lambda e: type(e).__name__)
def test_error_pickles_with_its_message_and_attributes(error: BaseException) -> None:
    assert same(pickle.loads(pickle.dumps(error)), error)


@pytest.mark.parametrize("error", SAMPLES, ids=lambda e: type(e).__name__)
def test_every_error_comes_back_from_a_job_as_itself(qtbot: QtBot, error: BaseException) -> None:
    runner, got = Runner(), []
    runner.synchronous = True  # the same packing as from the child process
    runner.run_job(None, "job", raise_it, (error,), lambda result, err: got.append(err))  # type: ignore[arg-type]
    assert same(got[0], error)


class _Unpicklable(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.callback = lambda: None  # nothing can pickle this


def test_error_that_cannot_travel_arrives_as_its_kind_and_message(caplog: pytest.LogCaptureFixture) -> None:
    runner, got = Runner(), []
    runner.synchronous = True
    with caplog.at_level(logging.WARNING, "ot62443"):
        runner.run_job(None, "job", raise_it, (_Unpicklable("the cell B7 is locked"),),  # type: ignore[arg-type]
                       lambda result, err: got.append(err))
    assert isinstance(got[0], JobError) and str(got[0]) == "_Unpicklable: the cell B7 is locked"
    assert "Traceback" in got[0].trace and "raise_it" in caplog.text  # the child's traceback is logged


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> Boxes:
    return Boxes(monkeypatch)


def _newer_schema(path: Path) -> str:
    data = json.loads(path.read_text(encoding="utf-8"))
    data["meta"]["1"]["schema_version"] = 99
    path.write_text(json.dumps(data), encoding="utf-8")
    return "written by a newer version of OT 62443 Workbook (project schema 99"


def _damaged(path: Path) -> str:
    path.write_bytes(b'{"meta": {"1": {')
    return "damaged or truncated"


@pytest.mark.slow
@pytest.mark.parametrize("spoil", [_newer_schema, _damaged], ids=["newer-schema", "damaged"])
def test_export_child_error_is_shown_with_its_real_message(qtbot: QtBot, window: MainWindow, zone_project: Path,
                                                           tmp_path: Path, boxes: Boxes, spoil: Any) -> None:
    assert window.open_path(str(zone_project))
    window.close_project()  # the file is rewritten on close; then spoil it as a colleague's copy might be
    expected = spoil(zone_project)
    assert window.runner.synchronous is False
    got: list[BaseException | None] = []
    window.runner.run_job(window, "Exporting…", export_file, (str(zone_project), "xlsx", str(tmp_path / "r.xlsx")),
                          lambda result, error: got.append(error))
    qtbot.waitUntil(lambda: bool(got), timeout=60000)
    assert isinstance(got[0], NewerSchemaError | ProjectDamagedError) and expected in str(got[0])


@pytest.mark.slow
def test_export_failure_in_the_child_reaches_the_message_box(qtbot: QtBot, window: MainWindow, zone_project: Path,
                                                              tmp_path: Path, boxes: Boxes) -> None:
    assert window.open_path(str(zone_project))
    expected = _damaged(zone_project)  # under the open project: the child reads what is on disk
    window.transfer.ask_save = lambda *a: (str(tmp_path / "r.xlsx"), "")  # type: ignore[method-assign]
    window.action(Act.EXPORT_XLSX).trigger()
    qtbot.waitUntil(lambda: bool(boxes.shown), timeout=60000)
    assert boxes.last().title == "Export or import failed" and expected in boxes.last()
    assert "stopped unexpectedly" not in boxes.last()
