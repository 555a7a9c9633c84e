"""Where and how an export file is written: never over a project, whole or not at all.

Both writers stream into a new file created beside the target (exclusively: a link planted
there is never followed) and rename it over the target at the end; the rename replaces a
planted link itself, never the file it points to. A cancel or an error leaves no file and
any older export intact.

A document sealed with a password (protect.py) is made in memory and encrypted there: only the
encrypted bytes are written, so no readable copy of it is ever on the disk. A document made only
to be packed elsewhere (the evidence bundle, maybe encrypted) goes to an InMemory target: its
bytes are kept, and nothing of it is written at all.
"""

from __future__ import annotations

import contextlib
import io
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from ot62443_desktop.exports.progress import ExportError
from ot62443_desktop.storage.errors import StoreError
from ot62443_desktop.storage.fsutil import new_temp, replace_with_temp
from ot62443_desktop.storage.targets import check_output_target


class InMemory:
    """A target whose document is kept in memory (`data`), never written to a file."""

    def __init__(self, name: str) -> None:
        self.name, self.data = name, b""

    def __str__(self) -> str:
        return self.name


Target = Path | InMemory


def as_target(path: Path | str | InMemory) -> Target:
    return path if isinstance(path, InMemory) else Path(path)


def check_target(path: Target, project_path: Path | None = None) -> None:
    """Refuse (ExportError) a target in a missing folder, a folder, the project (when known), any
    project's journal or lock, or the backups folder."""
    if isinstance(path, InMemory):
        return
    if not path.parent.is_dir():
        raise ExportError(f"{path.parent}: no such folder; {path.name} was not written")
    try:
        check_output_target(path, project_path)
    except StoreError as exc:
        raise ExportError(str(exc)) from None


@contextlib.contextmanager
def replacing(path: Target, what: str, seal: Callable[[bytes], bytes] | None = None) -> Iterator[BinaryIO]:
    """A new file to write `what` (e.g. "the register") into; it becomes `path` when the block ends.

    With `seal`, what the block writes stays in memory and `seal(content)` (encrypted) is written instead;
    an InMemory `path` keeps it (sealed or not) and nothing is written.
    """
    if seal is not None or isinstance(path, InMemory):
        with io.BytesIO() as content:
            yield content
            sealed = content.getvalue() if seal is None else _sealed(seal, content.getvalue(), path, what)
        if isinstance(path, InMemory):
            path.data = sealed
            return
        with replacing(path, what) as out:
            out.write(sealed)
        return
    try:
        fd, tmp = new_temp(path)
    except OSError as exc:
        raise _cannot(path, what, exc) from None
    try:
        with os.fdopen(fd, "wb", closefd=False) as f:
            yield f
    except BaseException as exc:
        os.close(fd)
        with contextlib.suppress(OSError):
            tmp.unlink()
        if isinstance(exc, OSError):
            raise _cannot(path, what, exc) from None
        raise
    try:
        replace_with_temp(fd, tmp, path)
    except OSError as exc:  # Windows refuses to replace a file another program holds open
        raise _cannot(path, what, exc, hint=" (is it open in another program?)") from None


def _sealed(seal: Callable[[bytes], bytes], content: bytes, path: Target, what: str) -> bytes:
    try:
        return seal(content)
    except ExportError:
        raise
    except Exception as exc:  # the encryption library failed on our own document: say so, in one line
        raise ExportError(f"{path}: cannot encrypt {what} ({type(exc).__name__}: {exc}); "
                          "nothing was written") from None


def write_whole(path: Path, data: Callable[[], bytes], what: str, project_path: Path | None = None) -> None:
    """Check `path` as a target, make the file's bytes, then write them there whole or not at all."""
    path = Path(path)
    check_target(path, project_path)
    content = data()
    with replacing(path, what) as out:
        out.write(content)


def _cannot(path: Path, what: str, exc: OSError, hint: str = "") -> ExportError:
    hint = hint if isinstance(exc, PermissionError) else ""
    reason = exc.strerror or str(exc) or type(exc).__name__  # not exc.filename: that is the temporary file
    return ExportError(f"{path}: cannot write {what} ({reason}){hint}")
