"""Fuzzing the project loader: whatever the file holds, opening it gives a project or one StoreError.

Three sources: any JSON document, any bytes, and a valid project with one part replaced,
removed or added (the only way random input gets past the first checks). A project that
opens must also take a change, save and open again: accepting what cannot be saved is a
crash postponed.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ot62443_desktop.domain.model import (
    Answer,
    Effort,
    Evidence,
    ItemState,
    Priority,
    ProjectInfo,
    RemediationItem,
    Status,
    Zone,
)
from ot62443_desktop.storage import ProjectStore, StoreError
from ot62443_desktop.storage.merge import merge_into

EXAMPLES = 400  # per test: enough to find each bug fixed here, in a few seconds each
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

scalars = (st.none() | st.booleans() | st.integers() | st.integers(-(10**30), 10**30) | st.floats()
           | st.text(st.characters(exclude_categories=()), max_size=12))
json_values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=12,
)
# Keys the loader looks for, so generated documents reach past "not a project".
known_keys = st.sampled_from(["meta", "1", "2", "zones", "answers:Z1", "remediation:Z1", "answers:site",
                              "schema_version", "generation", "info", "client", "site", "id", "name",
                              "sl_t", "kind", "criticality", "req", "status", "ml", "evidence", "at", "state",
                              "_v", "vv", "by", "copy", "copy_id", "copy_home", "tombstones", "history", "key",
                              "doc", "_conflict"])
keyed_values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(known_keys | st.text(max_size=4), inner, max_size=5),
    max_leaves=30,
)


def template(folder: Path) -> dict[str, Any]:
    """A small valid project with every kind of record (and of version, tombstone and history), as its
    raw JSON document."""
    path = folder / "template.ot62443"
    info = ProjectInfo("ACME", "North", assessors=("Ann",), start_date=date(2024, 1, 2))
    with ProjectStore.create(path, info) as store:
        store.add_zone(Zone("Z1", "Control", (1, 2, 3, 2, 1, 0, 4)))
        store.set_answer(Answer("Z1", "SR 1.1", Status.PARTIAL, notes="n", answered_at=datetime(2024, 1, 3, 9),
                                evidence=(Evidence("a.pdf", "ab" * 32, "d", date(2024, 1, 3)),)))
        store.set_answer(Answer("site", "ORG 1.1", Status.IMPLEMENTED, ml=3))
        store.set_remediation(RemediationItem("Z1", "SR 1.1", priority=Priority.P1, effort=Effort.S,
                                              state=ItemState.DONE, due_date=date(2024, 6, 1)))
    copy = folder / "copy.ot62443"
    shutil.copy(path, copy)
    with ProjectStore.open(copy) as other:  # another copy answers differently: a conflict
        other.set_answer(Answer("Z1", "SR 1.1", Status.NOT_IMPLEMENTED, notes="elsewhere"))
    with ProjectStore.open(path) as store:  # a second session: history entries, a tombstone, a conflict
        store.set_answer(Answer("Z1", "SR 1.1", Status.IMPLEMENTED, notes="later"))
        store.clear_answer("site", "ORG 1.1")
        merge_into(store, copy)
        assert store.conflicts() == ["a|Z1|SR 1.1"]
    raw: dict[str, Any] = json.loads(path.read_bytes())
    return raw


with tempfile.TemporaryDirectory() as _folder, pytest.MonkeyPatch.context() as _patch:
    _patch.setenv("OT62443_DATA_DIR", _folder)
    TEMPLATE = template(Path(_folder))


def node_paths(value: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """The path of every value in a JSON document, the document itself first."""
    yield prefix
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, child in items:
        yield from node_paths(child, (*prefix, key))


TEMPLATE_PATHS = list(node_paths(TEMPLATE))
GOOD_BYTES = json.dumps(TEMPLATE).encode()


@contextmanager
def project_file(data: bytes) -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.ot62443"
        path.write_bytes(data)
        yield path


def open_or_refuse(data: bytes) -> bool:
    """Open `data` as a project: True if it opened (and saved again), False if refused cleanly."""
    with project_file(data) as path:
        try:
            store = ProjectStore.open(path)
        except StoreError as exc:
            message = str(exc)
            assert message.startswith(f"{path}: ") and "\n" not in message and len(message) < 1000
            assert path.read_bytes() == data and [p.name for p in path.parent.iterdir()] == ["fuzz.ot62443"]
            return False
        with store:
            snapshot = store.snapshot()
            store.set_answer(Answer("site", "ORG 9.9", Status.NOT_IMPLEMENTED))
        with ProjectStore.open(path) as again:
            assert again.snapshot().zones == snapshot.zones and again.info == snapshot.info
            assert len(again.answers()) == len(snapshot.answers) + (("site", "ORG 9.9") not in snapshot.answers)
        merge_both_ways(path)
        return True


def merge_both_ways(path: Path) -> None:
    """A project that opens also merges with the template, either way, or is refused in one line;
    what a merge wrote opens again."""
    template = path.with_name("template.ot62443")
    template.write_bytes(GOOD_BYTES)
    for target, other in ((template, path), (path, template)):
        with ProjectStore.open(target) as store:
            try:
                merge_into(store, other)
            except StoreError as exc:
                assert "\n" not in str(exc) and "another project" in str(exc)
        ProjectStore.open(target, read_only=True).close()


@FUZZ
@given(st.one_of(json_values, keyed_values))
def test_any_json_document_opens_or_is_refused_in_one_line(doc: Any) -> None:
    open_or_refuse(json.dumps(doc).encode())


@FUZZ
@given(st.binary(max_size=200) | st.integers(0, len(GOOD_BYTES)).map(lambda n: GOOD_BYTES[:n]))
def test_any_bytes_open_or_are_refused_in_one_line(data: bytes) -> None:
    open_or_refuse(data)


@FUZZ
@given(st.sampled_from(TEMPLATE_PATHS), st.sampled_from(["replace", "remove", "add"]), keyed_values,
       st.text(max_size=6) | known_keys)
def test_a_valid_project_with_one_part_spoiled_opens_or_is_refused(
        path: tuple[Any, ...], action: str, value: Any, key: str) -> None:
    doc = json.loads(json.dumps(TEMPLATE))
    *parents, last = path or (None,)
    holder = doc
    for step in parents:
        holder = holder[step]
    if not path:
        doc = value
    elif action == "replace":
        holder[last] = value
    elif action == "remove":
        del holder[last]
    else:
        target = holder[last]
        if isinstance(target, dict):
            target[key] = value
        elif isinstance(target, list):
            target.append(value)
        else:
            holder[last] = [target, value]
    open_or_refuse(json.dumps(doc).encode())


def test_the_template_itself_opens() -> None:
    """The spoiling test starts from a project that opens: otherwise it would test only refusals."""
    assert open_or_refuse(json.dumps(TEMPLATE).encode())
