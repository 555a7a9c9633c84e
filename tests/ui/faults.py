"""A disk that fills up on demand, under the real store: the journal's writes fail half-way."""

from __future__ import annotations

import errno
import os

import pytest

from ot62443_desktop.storage import journal


class FullDisk:
    """While `full`, every journal write stores half its bytes and then fails with ENOSPC.

    `spare` lets that many writes through first (a disk that fills during a sequence).
    `writes` counts the journal writes that succeeded.
    """

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.full = False
        self.spare = 0
        self.writes = 0
        real = journal.write_all

        def write_all(fd: int, data: bytes) -> None:
            if self.full:
                if self.spare <= 0:
                    os.write(fd, data[: len(data) // 2])
                    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
                self.spare -= 1
            real(fd, data)
            self.writes += 1

        monkeypatch.setattr(journal, "write_all", write_all)

    def fill(self, *, spare: int = 0) -> None:
        self.full, self.spare = True, spare

    def free(self) -> None:
        self.full = False
