"""Something other than the user's store where it goes (issue 15): a pipe, a link, a file that is not
ours. Each is said to be unreadable, never waited on; importing again puts a store there that only the
user can read, as a first import does, and leaves whatever a link pointed to untouched."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from ot62443_desktop import licensed_text
from ot62443_desktop.licensed_text import Refusal

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX pipes, links and permissions")


def plant(kind: str, store: Path, tmp_path: Path) -> Path | None:
    """Put a `kind` where the store goes; returns what a link points to."""
    store.parent.mkdir(parents=True, exist_ok=True)
    if kind == "fifo":
        os.mkfifo(store)
    elif kind.startswith("link"):
        target = tmp_path / "shared.json"
        target.write_text("a file everyone reads" if kind == "link to a shared file" else
                          '{"format": "ot62443-licensed-text", "version": 1, "texts": {"SR 1.2": "Older."}}')
        target.chmod(0o644)
        store.symlink_to(target)
        return target
    else:
        store.write_text('{"format": "not ours"}')
        store.chmod(0o644)
    return None


@pytest.mark.parametrize("kind", ["fifo", "link to a shared file", "a world-readable file not ours",
                                  "link to a world-readable store"])
def test_importing_over_what_was_planted_makes_a_private_store(kind: str, tmp_path: Path) -> None:
    """A link is replaced by the store itself (links are never written through), which is private."""
    store = licensed_text.store_path()
    target = plant(kind, store, tmp_path)
    before = target.read_text() if target else ""
    if kind != "link to a world-readable store":
        with pytest.raises(licensed_text.LicensedTextError) as refused:
            licensed_text.load()
        assert refused.value.refusal is Refusal.STORE_DAMAGED
    source = tmp_path / "text.csv"
    source.write_text("id,text\nSR 1.1,Invented wording.\n")
    licensed_text.import_file(source)
    info = os.lstat(store)
    assert stat.S_ISREG(info.st_mode) and stat.S_IMODE(info.st_mode) == 0o600
    assert dict(licensed_text.load().texts) == {"SR 1.1": "Invented wording."}
    if target is not None:
        assert target.read_text() == before


def test_a_store_whose_permissions_the_user_chose_keeps_them(tmp_path: Path) -> None:
    source = tmp_path / "text.csv"
    source.write_text("id,text\nSR 1.1,Invented wording.\n")
    licensed_text.import_file(source)
    licensed_text.store_path().chmod(0o640)
    licensed_text.import_file(source)
    assert stat.S_IMODE(os.stat(licensed_text.store_path()).st_mode) == 0o640
