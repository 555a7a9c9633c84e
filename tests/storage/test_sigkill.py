"""A writer killed with SIGKILL mid-burst loses no acknowledged answer (an encrypted project's writer
takes its passphrase from OT62443_PASSPHRASE: see test_encrypted_kill)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from ot62443_desktop.api import open_project

WRITER = textwrap.dedent("""
    import os, sys
    from ot62443_desktop.api import open_project
    from ot62443_desktop.catalogues import builtin_catalogues
    from ot62443_desktop.domain.catalogue import Scale

    ids = [r.id for r in builtin_catalogues().requirements(Scale.SECURITY_LEVEL)]
    project = open_project(sys.argv[1], passphrase=os.environ.get("OT62443_PASSPHRASE") or None)
    n = 0
    while True:  # until killed
        zone, req = f"Z{n // len(ids) % 5}", ids[n % len(ids)]
        project.set_answer(zone, req, "partial", notes=f"burst {n}")
        print(f"{zone}|{req}|{n}", flush=True)  # acknowledged: set_answer has returned
        n += 1
""")


@pytest.mark.slow
@pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")
def test_every_acknowledged_answer_survives_sigkill(project_path: Path, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OT62443_PASSPHRASE", raising=False)
    burst_and_kill(project_path, tmp_path, None)


def burst_and_kill(project_path: Path, tmp_path: Path, passphrase: str | None) -> None:
    """Kill a writer mid-burst on a project created with `passphrase` (the writer reads OT62443_PASSPHRASE)."""
    with open_project(project_path, create=True, passphrase=passphrase) as project:
        for z in range(5):
            project.add_zone(f"Z{z}", f"Zone {z}", 4)
    script = tmp_path / "writer.py"
    script.write_text(WRITER)
    child = subprocess.Popen([sys.executable, str(script), str(project_path)], stdout=subprocess.PIPE,
                             text=True, env=os.environ.copy())
    acked: dict[tuple[str, str], int] = {}
    assert child.stdout is not None
    n = "-1"
    for line in child.stdout:
        zone, req, n = line.rstrip("\n").split("|")
        acked[(zone, req)] = int(n)
        if int(n) >= 700:  # mid-burst; the first 200 answers have been overwritten once
            break
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=10)
    assert int(n) >= 700, "the writer stopped early"
    assert child.returncode == -signal.SIGKILL
    with open_project(project_path, passphrase=passphrase) as project:
        assert not project.store.read_only  # the dead writer's lock is gone
        for (zone, req), n in acked.items():
            answer = project.answer(zone, req)
            assert answer is not None, f"{zone} {req} lost"
            assert int(answer["notes"].split()[1]) >= n  # the acknowledged value or a later one
        assert any("recovered" in w for w in project.store.warnings)
