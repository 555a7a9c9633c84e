"""kill -9 on an encrypted project loses no acknowledged answer, and a kill while a project is being
encrypted, decrypted or given a new passphrase leaves the old form or the new one, whole, with no
plain copy of an encrypted project anywhere (SPEC 5, 12.6).

The workers take their passphrases from the environment, as the command line does.
`OT62443_KILL_RUNS` sets the number of rounds (default 16).
"""

from __future__ import annotations

import os
import random
import textwrap
from pathlib import Path

import pytest

from ot62443_desktop.api import open_project
from ot62443_desktop.passphrase import NEW_VARIABLE, VARIABLE
from ot62443_desktop.storage import PassphraseNeededError, ProjectStore, WrongPassphraseError, is_encrypted
from tests.storage.test_kill_anywhere import kill_at_random_moments, run_round
from tests.storage.test_sigkill import burst_and_kill

pytestmark = [pytest.mark.slow, pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")]

PASS = "correct horse battery staple"
SECRET = "geheimnis"  # in every note written: it must never be readable while the project is encrypted

REKEY = textwrap.dedent("""
    import os, sys
    from ot62443_desktop.api import open_project
    from ot62443_desktop.catalogues import builtin_catalogues
    from ot62443_desktop.domain.catalogue import Scale

    ids = [r.id for r in builtin_catalogues().requirements(Scale.SECURITY_LEVEL)][:30]
    start, count, action = int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    print("ready", flush=True)
    project = open_project(sys.argv[1], passphrase=os.environ.get("OT62443_PASSPHRASE") or None)
    for n in range(start, start + count):
        zone, req = f"Z{n % 3}", ids[n * 7 % len(ids)]
        project.set_answer(zone, req, "partial", notes=f"geheimnis {n}")
        print(f"{zone}|{req}|{n}", flush=True)
    new = os.environ.get("OT62443_NEW_PASSPHRASE")
    {"protect": lambda: project.store.protect(new), "change": lambda: project.store.change_passphrase(new),
     "unprotect": project.store.unprotect}[action]()
    print("switched", flush=True)
    project.close()
    print("closed", flush=True)
""")


def three_zones(path: Path, passphrase: str | None) -> None:
    with open_project(path, create=True, passphrase=passphrase) as project:
        for z in range(3):
            project.add_zone(f"Z{z}", f"Zone {z}", 4)


def assert_holds(path: Path, passphrase: str | None, acked: dict[tuple[str, str], int]) -> None:
    with open_project(path, passphrase=passphrase) as project:
        assert not project.store.read_only, project.store.read_only_reason
        for (zone, req), number in acked.items():
            answer = project.answer(zone, req)
            assert answer is not None, f"{zone} {req} lost"
            assert int(answer["notes"].split()[1]) >= number  # the acknowledged value or a later one


def test_every_acknowledged_answer_of_an_encrypted_project_survives_sigkill(
        project_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(VARIABLE, PASS)
    burst_and_kill(project_path, tmp_path, PASS)


def test_kill_at_random_moments_of_an_encrypted_projects_open_compaction_and_close(
        project_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(VARIABLE, PASS)
    kill_at_random_moments(project_path, tmp_path, PASS)


def form_of(path: Path, candidates: list[str]) -> str | None:
    """Which passphrase opens the project now (None: it is plain); fails if none does."""
    if not is_encrypted(path):
        ProjectStore.open(path, read_only=True).close()
        return None
    for passphrase in candidates:
        try:
            ProjectStore.open(path, read_only=True, passphrase=passphrase).close()
        except WrongPassphraseError:
            continue
        return passphrase
    raise AssertionError(f"no passphrase of {candidates} opens {path}")


def readable_copies(*folders: Path) -> list[str]:
    return [str(p) for folder in folders for p in folder.rglob("*")
            if p.is_file() and SECRET.encode() in p.read_bytes()]


def test_a_kill_while_protecting_unprotecting_or_changing_leaves_one_whole_form_and_no_plain_copy(
        tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project_path = tmp_path / "work" / "plant.ot62443"
    project_path.parent.mkdir()
    rounds = int(os.environ.get("OT62443_KILL_RUNS", "16"))
    rng = random.Random(os.environ.get("OT62443_KILL_SEED", "62443"))
    three_zones(project_path, None)
    script = tmp_path / "scripts" / "rekey.py"  # not beside the project: it holds the secret word itself
    script.parent.mkdir()
    script.write_text(REKEY)
    monkeypatch.delenv(VARIABLE, raising=False)
    monkeypatch.setenv(NEW_VARIABLE, "first words")
    lines, full = run_round(script, project_path, 0, 6, "protect", kill_after=30.0)  # a whole round, to time it
    assert lines[-1] == "closed"
    current: str | None = "first words"
    acked = {(z, r): int(n) for z, r, n in (line.split("|") for line in lines if line.count("|") == 2)}
    n, outcomes = 100, {"old form": 0, "new form": 0}
    for round_ in range(rounds):
        action = "protect" if current is None else rng.choice(["change", "unprotect"])
        new = None if action == "unprotect" else f"words {round_}"
        monkeypatch.setenv(VARIABLE, current or "")
        monkeypatch.setenv(NEW_VARIABLE, new or "")
        count = rng.randint(0, 8)
        lines, _ = run_round(script, project_path, n, count, action, kill_after=rng.uniform(full * 0.3, full * 1.2))
        acked |= {(z, r): int(number) for z, r, number in (line.split("|") for line in lines if line.count("|") == 2)}
        n += count
        found = form_of(project_path, [p for p in (current, new) if p])
        assert found in (current, new)
        if "switched" in lines:
            assert found == new  # once it said so, the new form it is
        outcomes["new form" if found == new else "old form"] += 1
        current = found
        if current is not None and action == "unprotect":  # killed before the plain file was renamed in: its
            leftovers = readable_copies(project_path.parent, data_dir)  # temporary file, which the next open
            assert all(Path(p).name.startswith(".plant.ot62443.") for p in leftovers)  # for editing removes
            ProjectStore.open(project_path, passphrase=current).close()
        if current is not None:
            assert readable_copies(project_path.parent, data_dir) == []
            with pytest.raises(PassphraseNeededError):
                ProjectStore.open(project_path, read_only=True)
    assert_holds(project_path, current, acked)
    print(f"{rounds} rounds killed: {outcomes}; {len(acked)} acknowledged answers checked")
