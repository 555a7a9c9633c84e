"""The project store: one TinyDB JSON file, a journal while open, never a lost answer."""

from ot62443_desktop.storage.errors import (
    NewerSchemaError,
    NotAProjectError,
    PassphraseNeededError,
    ProjectDamagedError,
    ProjectExistsError,
    ReadOnlyError,
    SaveError,
    StoreError,
    WrongPassphraseError,
)
from ot62443_desktop.storage.keys import is_encrypted
from ot62443_desktop.storage.store import ProjectStore

__all__ = [
    "NewerSchemaError",
    "NotAProjectError",
    "PassphraseNeededError",
    "ProjectDamagedError",
    "ProjectExistsError",
    "ProjectStore",
    "ReadOnlyError",
    "SaveError",
    "StoreError",
    "WrongPassphraseError",
    "is_encrypted",
]
