"""kill -9 at every rename into the backup folder while a project is encrypted, given a new passphrase
or decrypted: the re-sealing of its backups (and of those kept under its earlier name) is the part of
a switch that random kill times seldom hit, so here the worker kills itself at the k-th rename, for
every k, and the test checks what is left (SPEC 5, 12.6).

After each kill: the project opens for editing with the passphrase of its form (the old one: the file
is switched only after its backups), with every answer; while the file is encrypted no readable copy
of it is anywhere; and doing the switch again ends with every backup opening with the passphrase the
person now uses.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from ot62443_desktop.api import open_project
from ot62443_desktop.storage import ProjectStore, WrongPassphraseError, is_encrypted
from ot62443_desktop.storage.backups import list_backups

pytestmark = [pytest.mark.slow, pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")]

SECRET = "geheimnis"
WORKER = textwrap.dedent("""
    import os, signal, sys
    from ot62443_desktop.storage import ProjectStore, backups

    path, action, kill_at = sys.argv[1], sys.argv[2], int(sys.argv[3])
    root, real, renames = str(backups.backups_root()), os.replace, [0]

    def replace(source, target):
        if str(target).startswith(root):
            if renames[0] == kill_at:
                os.kill(os.getpid(), signal.SIGKILL)
            renames[0] += 1
        real(source, target)

    os.replace = replace
    store = ProjectStore.open(path, passphrase=os.environ.get("OLD") or None)
    {"protect": lambda: store.protect(os.environ["NEW"]), "unprotect": store.unprotect,
     "change": lambda: store.change_passphrase(os.environ["NEW"])}[action]()
    store.close()
    print("done", flush=True)
""")
PASSES = {"protect": (None, "new words"), "change": ("old words", "new words"), "unprotect": ("old words", None)}


def project_with_backups(base: Path, passphrase: str | None) -> Path:
    """A project with a few backups here and a few kept under the name it had before it was moved."""
    old, path = base / "before" / "plant.ot62443", base / "plant.ot62443"
    old.parent.mkdir(parents=True)
    with open_project(old, create=True, passphrase=passphrase) as project:
        project.add_zone("Z1", f"Zone {SECRET}", 2)
    for n in range(4):
        with open_project(old if n < 2 else path, passphrase=passphrase) as project:
            project.set_answer("Z1", f"SR 1.{n + 1}", "partial", notes=f"{SECRET} {n}")
        if n == 1:
            shutil.move(old, path)
    return path


def readable_copies(*folders: Path) -> list[str]:
    return [str(p) for folder in folders for p in folder.rglob("*")
            if p.is_file() and SECRET.encode() in p.read_bytes()]


def opens_with(path: Path, passphrase: str | None) -> bool:
    try:
        ProjectStore.open(path, read_only=True, passphrase=passphrase).close()
    except WrongPassphraseError:
        return False
    return True


@pytest.mark.parametrize("action", ["protect", "change", "unprotect"])
def test_a_kill_at_any_rename_of_a_switch_leaves_a_whole_project_and_no_plain_copy_of_an_encrypted_one(
        tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch, action: str) -> None:
    old, new = PASSES[action]
    script = tmp_path / "worker.py"
    script.write_text(WORKER)
    monkeypatch.setenv("OLD", old or "")
    monkeypatch.setenv("NEW", new or "")
    base, saved = tmp_path / "work", tmp_path / "saved"
    path = project_with_backups(base, old)
    shutil.copytree(base, saved / "work", symlinks=True)
    shutil.copytree(data_dir, saved / "data", symlinks=True)
    kill_at = 0
    while True:
        for folder, copy in ((base, saved / "work"), (data_dir, saved / "data")):  # the same paths: backups
            shutil.rmtree(folder)  # are kept per path
            shutil.copytree(copy, folder, symlinks=True)
        run = subprocess.run([sys.executable, str(script), str(path), action, str(kill_at)],
                             capture_output=True, text=True, timeout=120)
        assert "Traceback" not in run.stderr, run.stderr
        form = None if not is_encrypted(path) else old if old and opens_with(path, old) else new
        assert form in (old, new)
        if form is not None:
            assert readable_copies(base, data_dir) == []
        with open_project(path, passphrase=form) as project:
            assert not project.store.read_only, project.store.read_only_reason
            assert [project.answer("Z1", f"SR 1.{n + 1}")["notes"] for n in range(4)] == [  # type: ignore[index]
                f"{SECRET} {n}" for n in range(4)]
            if form != new:  # killed before the switch: the person does it again
                {"protect": lambda: project.store.protect(new), "unprotect": project.store.unprotect,
                 "change": lambda: project.store.change_passphrase(new)}[action]()  # type: ignore[arg-type]
        if new is not None:
            assert readable_copies(base, data_dir) == []
            assert all(opens_with(backup, new) for backup in list_backups(path))
        if run.stdout.strip() == "done":
            break
        kill_at += 1
    assert kill_at >= 5  # every backup was renamed (and for a key, those under the old name): each a place to kill
    print(f"{action}: killed at each of {kill_at} renames into the backup folder")
