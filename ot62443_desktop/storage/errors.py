"""Store errors: each message says what happened, to which file, and what the user can do."""

from __future__ import annotations

from typing import Any


class StoreError(Exception):
    """Base of everything the store refuses; the project on disk is left as it was.

    Pickled as class, message and attributes, never by calling `__init__` again, so a
    subclass with other arguments crosses a process boundary (the GUI's export child).
    """

    def __reduce__(self) -> tuple[Any, ...]:
        return rebuild_error, (type(self), self.args, self.__dict__)


def rebuild_error(cls: type[BaseException], args: tuple[Any, ...], state: dict[str, Any]) -> BaseException:
    """An error of `cls` with these args and attributes, made without calling its `__init__` again."""
    error = cls.__new__(cls, *args)
    error.args = args
    error.__dict__.update(state)
    return error


class ProjectDamagedError(StoreError):
    """The file cannot be read as a project; `recoverable` tells whether a backup can help."""

    def __init__(self, message: str, *, recoverable: bool) -> None:
        super().__init__(message)
        self.recoverable = recoverable


class NotAProjectError(StoreError):
    pass


class NewerSchemaError(StoreError):
    def __init__(self, path: str, version: int, supported: int) -> None:
        super().__init__(
            f"{path}: written by a newer version of OT 62443 Workbook (project schema "
            f"{version if version < 10**6 else 'beyond any release'}; "
            f"this program reads up to schema {supported}); please update the program"
        )
        self.version = version


class ProjectExistsError(StoreError):
    pass


class ReadOnlyError(StoreError):
    pass


class PassphraseNeededError(StoreError):
    """The project is encrypted and no passphrase was given: ask the user for one and open again."""


class WrongPassphraseError(StoreError):
    """The passphrase does not open this encrypted project; nothing was read or changed."""


class SaveError(StoreError):
    """A change that could not be made durable; it was not applied (the message says why)."""


def describe_os_error(exc: OSError) -> str:
    """An OSError as people read it: its reason and the file, never "None: ..." or an errno tuple."""
    reason = exc.strerror or str(exc) or type(exc).__name__
    return f"{exc.filename}: {reason}" if exc.filename else reason
