"""Store errors: each message says what happened, to which file, and what the user can do."""

from __future__ import annotations


class StoreError(Exception):
    """Base of everything the store refuses; the project on disk is left as it was."""


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
            f"{path}: written by a newer version of OT 62443 Workbook (project schema {version}; "
            f"this program reads up to schema {supported}); please update the program"
        )
        self.version = version


class ProjectExistsError(StoreError):
    pass


class ReadOnlyError(StoreError):
    pass


class SaveError(StoreError):
    """A change that could not be made durable; it was not applied (the message says why)."""


def describe_os_error(exc: OSError) -> str:
    """An OSError as people read it: its reason and the file, never "None: ..." or an errno tuple."""
    reason = exc.strerror or str(exc) or type(exc).__name__
    return f"{exc.filename}: {reason}" if exc.filename else reason
