"""Which key opens a project file: the passphrase (or a session's key) a caller gives, checked
against the file's header, with one clear error naming the file (see sealed)."""

from __future__ import annotations

import os
from pathlib import Path

from ot62443_desktop.storage.errors import PassphraseNeededError, StoreError, WrongPassphraseError
from ot62443_desktop.storage.fsutil import open_regular
from ot62443_desktop.storage.projectfile import damaged_error
from ot62443_desktop.storage.sealed import (
    MAGIC,
    Key,
    NewerFormatError,
    SealError,
    WrongKeyError,
    derive,
    is_sealed,
    key_for,
    read_header,
    unseal_document,
)

Secret = str | Key  # a passphrase, or the key a session derived from one


def is_encrypted(path: str | Path) -> bool:
    """Whether the file at `path` is an encrypted project (False if it cannot be read: opening says why)."""
    try:
        fd = open_regular(Path(path))
    except OSError:
        return False
    try:
        return is_sealed(os.read(fd, len(MAGIC)))
    except OSError:
        return False
    finally:
        os.close(fd)


def new_key(secret: Secret | None) -> Key | None:
    """The key a new file is sealed with: a passphrase gets a fresh salt; a key is kept (same passphrase).
    An empty passphrase is refused: it protects nothing, and no prompt gives it back to open the file."""
    if secret == "":
        raise StoreError("an empty passphrase protects nothing; choose one (four or more random words); "
                         "nothing was changed")
    return derive(secret) if isinstance(secret, str) else secret


class Unlocker:
    """Opens the bytes of one file, deriving the key at most once: a reader may read the file
    again while a writer compacts it, and the salt stays the same then."""

    def __init__(self, secret: Secret | None) -> None:
        self.secret = secret
        self.key: Key | None = None

    def open(self, path: Path, data: bytes) -> tuple[bytes, Key | None]:
        """The project document in `data` and the key that opened it (None: a plain file)."""
        if not is_sealed(data):
            return data, None
        if self.secret is None:
            raise PassphraseNeededError(f"{path}: the project is encrypted; it opens only with its passphrase")
        try:
            header = read_header(data)
            if self.key is None or not self.key.fits(header):
                self.key = key_for(header, self.secret)
            return unseal_document(data, self.key), self.key
        except WrongKeyError as exc:
            raise WrongPassphraseError(f"{path}: {exc}; nothing was read or changed") from None
        except NewerFormatError as exc:
            raise StoreError(f"{path}: {exc}") from None
        except SealError as exc:
            raise damaged_error(path, str(exc)) from None
