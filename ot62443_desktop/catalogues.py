"""The built-in catalogues, found inside the installed package and loaded once."""

from __future__ import annotations

from functools import cache
from importlib.resources import as_file, files
from pathlib import Path

from ot62443_desktop.domain.catalogue import Catalogue, CatalogueSet
from ot62443_desktop.domain.catalogue_loader import load_catalogue_file

BUILTIN_FILES = ("iec62443-3-3.toml", "iec62443-2-1.toml")


def builtin_catalogue_dir() -> Path:
    with as_file(files("ot62443_desktop.requirements_catalog")) as folder:
        return Path(folder)


@cache
def builtin_catalogues() -> CatalogueSet:
    """IEC 62443-3-3 and IEC 62443-2-1, validated; shared read-only by the whole program."""
    folder = builtin_catalogue_dir()
    return CatalogueSet(load_catalogue_file(folder / name) for name in BUILTIN_FILES)


def load_user_catalogue(path: Path) -> Catalogue:
    """A catalogue of the user's own, validated like the built-in ones."""
    return load_catalogue_file(path)
