"""The built-in catalogues, found inside the installed package and loaded once."""

from __future__ import annotations

import contextlib
import hashlib
import json
from functools import cache
from importlib.resources import as_file, files
from pathlib import Path

from ot62443_desktop.domain.catalogue import Catalogue, CatalogueSet
from ot62443_desktop.domain.catalogue_loader import (
    TRANSLATED,
    catalogue_from_document,
    load_catalogue_file,
    read_toml,
    require_translations,
)
from ot62443_desktop.domain.language import Language
from ot62443_desktop.paths import data_dir

BUILTIN_FILES = ("iec62443-3-3.toml", "iec62443-2-1.toml")


def builtin_catalogue_dir() -> Path:
    with as_file(files("ot62443_desktop.requirements_catalog")) as folder:
        return Path(folder)


@cache
def builtin_catalogues(language: Language = Language.EN) -> CatalogueSet:
    """IEC 62443-3-3 and IEC 62443-2-1 as a reader of `language` reads them; validated (complete
    in every language) and shared read-only by the whole program."""
    if language is not Language.EN:
        return builtin_catalogues().in_language(language)
    folder = builtin_catalogue_dir()
    return CatalogueSet(_complete(_load_cached(folder / name)) for name in BUILTIN_FILES)


def _complete(catalogue: Catalogue) -> Catalogue:
    """A built-in catalogue must read in full in every language (a user's own may not)."""
    for language in TRANSLATED:
        require_translations(catalogue, language)
    return catalogue


def _load_cached(path: Path) -> Catalogue:
    """Parse a built-in catalogue, keeping its parsed document as JSON in the cache folder.

    TOML parsing is the larger part of start-up; JSON of the same document loads ~20x faster.
    The cache is keyed by the file's content hash and still goes through full validation.
    """
    data = path.read_bytes()
    cache_file = data_dir() / "cache" / f"{path.stem}-{hashlib.sha256(data).hexdigest()[:20]}.json"
    try:
        doc = json.loads(cache_file.read_bytes())
    except (OSError, ValueError):
        doc = read_toml(data, source=str(path))
        with contextlib.suppress(OSError):
            cache_file.parent.mkdir(parents=True, exist_ok=True)
            tmp = cache_file.with_suffix(".tmp")
            tmp.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
            tmp.replace(cache_file)
    return catalogue_from_document(doc, source=str(path))


def load_user_catalogue(path: Path) -> Catalogue:
    """A catalogue of the user's own, validated like the built-in ones."""
    return load_catalogue_file(path)
