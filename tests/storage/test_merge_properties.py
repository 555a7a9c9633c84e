"""Merge properties (SPEC 12.2), over random edit sequences on two and three copies of a project,
merged in random orders: no acknowledged change is lost (every change a copy made and kept is the
merged value, or held in conflict, or in the history), merging twice changes nothing, and A into B
gives the same project as B into A when nothing conflicts."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from ot62443_desktop.domain.model import Answer, ProjectInfo, RemediationItem, Status, Zone
from ot62443_desktop.storage import ProjectStore
from ot62443_desktop.storage.merge import differing_field, index, merge_into
from ot62443_desktop.storage.split import split
from ot62443_desktop.storage.versions import CONFLICT, V

EXAMPLES = int(os.environ.get("OT62443_MERGE_EXAMPLES", "60"))  # more for a long run
PROPERTIES = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
ZONES = ["Z1", "Z2"]
REQS = ["SR 1.1", "SR 1.2", "SR 2.1"]
WORDS = ["", "shared account", "fixed", "seen on site"]

edits = st.one_of(
    st.tuples(st.just("answer"), st.sampled_from(ZONES), st.sampled_from(REQS), st.sampled_from(list(Status)),
              st.sampled_from(WORDS)),
    st.tuples(st.just("clear"), st.sampled_from(ZONES), st.sampled_from(REQS)),
    st.tuples(st.just("item"), st.sampled_from(ZONES), st.sampled_from(REQS), st.sampled_from(WORDS)),
    st.tuples(st.just("remove"), st.sampled_from(ZONES)),
    st.tuples(st.just("restore"), st.sampled_from(ZONES), st.sampled_from(["Control", "Safety"])),
    st.tuples(st.just("details"), st.sampled_from(["North works", "South works"])),
    st.tuples(st.just("session")),  # close and open again: the versions this session made go to the history
)


def steps(copies: int) -> st.SearchStrategy[list[tuple[int, tuple[Any, ...]]]]:
    """Edits and merges (("merge", j): bring copy j into this one), each on one of the copies."""
    merges = st.tuples(st.just("merge"), st.integers(0, copies - 1))
    return st.lists(st.tuples(st.integers(0, copies - 1), edits | merges), max_size=24)


def apply(store: ProjectStore, edit: tuple[Any, ...], paths: list[Path]) -> ProjectStore:
    """Make one edit; returns the store (a new one after "session")."""
    kind, *args = edit
    zones = {z.id for z in store.zones()}
    if kind == "answer" and args[0] in zones:
        store.set_answer(Answer(args[0], args[1], args[2], notes=args[3]))
    elif kind == "clear" and args[0] in zones:
        store.clear_answer(args[0], args[1])
    elif kind == "item" and args[0] in zones:
        store.set_remediation(RemediationItem(args[0], args[1], owner=args[2]))
    elif kind == "remove" and args[0] in zones:
        store.remove_zone(args[0])
    elif kind == "restore" and args[0] not in zones:
        store.add_zone(Zone(args[0], args[1], Zone.uniform(2)))
    elif kind == "details":
        store.set_info(ProjectInfo("ACME Water", args[0]))
    elif kind == "session":
        store.close()
        return ProjectStore.open(store.path)
    elif kind == "merge":
        merge_into(store, paths[args[0]])
    return store


MADE_BY = st.sampled_from(["cp", "split Z1", "split Z1,Z2 --site"])  # how each further copy is made


@contextmanager
def copies(count: int, made_by: list[str]) -> Iterator[list[Path]]:
    """`count` copies of one project (two zones, an answer): the first, and one made by `cp` or `split`
    (of zone Z1 alone, or of both zones and the site program) for each of `made_by`."""
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder) / "plant.ot62443"
        with ProjectStore.create(base, ProjectInfo("ACME Water", "North works")) as store:
            for zone in ZONES:
                store.add_zone(Zone(zone, "Control", Zone.uniform(2)))
            store.set_answer(Answer("Z1", "SR 1.1", Status.PARTIAL, notes="first look"))
        paths = [base]
        for n, how in enumerate(made_by[:count - 1], start=1):
            paths.append(Path(folder) / f"copy{n}" / "plant.ot62443")
            paths[-1].parent.mkdir()
            if how == "cp":
                shutil.copy(base, paths[-1])
            else:
                split(base, how.split()[1].split(","), paths[-1], site="--site" in how).close()
        yield paths


def run(paths: list[Path], sequence: list[tuple[int, tuple[Any, ...]]]) -> None:
    stores = [ProjectStore.open(path) for path in paths]
    try:
        for n, edit in sequence:
            stores[n] = apply(stores[n], edit, paths)
    finally:
        for store in stores:
            store.close()


def own_values(path: Path) -> dict[str, Any]:
    """The value (None: removed) of every record whose last version this copy made itself: its own
    changes. A value it took from another copy is that copy's to keep or replace, and a session's
    earlier versions are replaced by its later ones (typing), not kept."""
    with ProjectStore.open(path, read_only=True) as store:
        return {key: record for key, (record, tomb) in index(store.document()).items()
                if (record[V] if record is not None else tomb)["copy"] == store.copy_id}


def held(store: ProjectStore, key: str, value: Any) -> bool:
    """Whether `value` of record `key` (None: its removal) is the project's, its conflict's, or in its history."""
    def same(doc: Any) -> bool:
        return doc is None if value is None else doc is not None and differing_field(key, value, doc) is None

    record = store.record(key)
    candidates = [record, record[CONFLICT]["doc"] if record and CONFLICT in record else record]
    candidates += [entry["doc"] for entry in store.history(key)]
    return any(same(doc) for doc in candidates)


def check_nothing_lost(paths: list[Path], order: list[int]) -> None:
    """Merge every copy into the first, in `order`: each copy's last values are all held there."""
    conflicts, removals = merge_all(paths, order)
    event(f"conflicts: {min(conflicts, 3)} (3: 3 or more)")
    event(f"removals: {min(removals, 3)} (3: 3 or more)")


def merge_all(paths: list[Path], order: list[int]) -> tuple[int, int]:
    """Merge every copy into the first, in `order`, checking each copy's last values are held there;
    the number of conflicts and tombstones that leaves."""
    finals = [own_values(path) for path in paths]
    with ProjectStore.open(paths[0]) as store:
        for n in order:
            merge_into(store, paths[n])
        for final in finals:
            for key, value in final.items():
                assert held(store, key, value), f"{key}: {value} lost"
        before = json.dumps(store.document(), sort_keys=True)
        for n in order:  # merging again changes nothing
            report = merge_into(store, paths[n])
            assert (report.taken, report.conflicts) == (0, [])
        assert json.dumps(store.document(), sort_keys=True) == before
        return len(store.conflicts()), len(store.document().get("tombstones", {}))


@pytest.mark.parametrize("count", [2, 3], ids=["two copies", "three copies"])
@PROPERTIES
@given(data=st.data())
def test_copies_merged_in_any_order_lose_nothing_and_merging_twice_changes_nothing(
        count: int, data: st.DataObject) -> None:
    made_by = data.draw(st.lists(MADE_BY, min_size=count - 1, max_size=count - 1), label="copies made by")
    sequence = data.draw(steps(count), label="edits and merges")
    order = data.draw(st.permutations(range(count)), label="order of the final merges")
    with copies(count, made_by) as paths:
        run(paths, sequence)
        check_nothing_lost(paths, order)


@PROPERTIES
@given(MADE_BY, steps(2))
def test_a_into_b_is_b_into_a_when_nothing_conflicts(made_by: str, sequence: list[tuple[int, tuple[Any, ...]]]) -> None:
    with copies(2, [made_by]) as paths:
        run(paths, sequence)
        a, b = (paths[0].with_name(f"merged{n}.ot62443") for n in range(2))
        shutil.copy(paths[0], a)
        shutil.copy(paths[1], b)
        results = []
        for target, other in ((a, paths[1]), (b, paths[0])):
            with ProjectStore.open(target) as store:
                merge_into(store, other)
                results.append((store.conflicts(), store.snapshot()))
        (conflicts_a, project_a), (conflicts_b, project_b) = results
        event("conflicts: not compared" if conflicts_a or conflicts_b else "no conflicts: compared")
        if conflicts_a or conflicts_b:
            return
        assert project_a.answers == project_b.answers and project_a.remediation == project_b.remediation
        assert set(project_a.zones) == set(project_b.zones) and project_a.info == project_b.info


def test_the_properties_meet_conflicts_and_removals() -> None:
    """The strategies reach the cases that matter: a conflict, and a removal that stays removed."""
    with copies(2, ["cp"]) as paths:
        run(paths, [(0, ("answer", "Z1", "SR 1.1", Status.IMPLEMENTED, "fixed")),
                    (1, ("answer", "Z1", "SR 1.1", Status.PARTIAL, "seen on site")),
                    (1, ("answer", "Z2", "SR 1.2", Status.PARTIAL, "")), (0, ("merge", 1)),
                    (1, ("clear", "Z2", "SR 1.2"))])
        with ProjectStore.open(paths[0]) as store:
            merge_into(store, paths[1])
            assert store.conflicts() == ["a|Z1|SR 1.1"] and store.answer("Z2", "SR 1.2") is None
        assert merge_all(paths, [1]) == (1, 1)
