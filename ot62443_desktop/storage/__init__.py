"""The project store: one TinyDB JSON file, a journal while open, never a lost answer."""

from ot62443_desktop.storage.errors import (
    NewerSchemaError,
    NotAProjectError,
    ProjectDamagedError,
    ProjectExistsError,
    ReadOnlyError,
    SaveError,
    StoreError,
)
from ot62443_desktop.storage.store import ProjectStore

__all__ = [
    "NewerSchemaError",
    "NotAProjectError",
    "ProjectDamagedError",
    "ProjectExistsError",
    "ProjectStore",
    "ReadOnlyError",
    "SaveError",
    "StoreError",
]
