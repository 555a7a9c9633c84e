"""The user's own catalogues (File > Import catalogue, `catalog import`): checked, kept in the data
folder, and added to the assessments that name them.

A catalogue is checked by the loader the built-in ones pass (catalogues.load_user_catalogue),
and must also fit beside them and beside the catalogues already imported: one id space for
catalogues and requirements, as a CatalogueSet demands. What is kept is a copy of the very
bytes that were checked, written whole or not at all. Missing French text is allowed (the
English shows instead) and reported. No Qt here: the dialog is ui/import_catalogue.py.

A project names the imported catalogues it is assessed against by id (ProjectInfo.catalogues);
`for_project` finds them here. One this computer does not have is reported missing: the
project opens without it, and the answers recorded against it stay in the file untouched.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

from ot62443_desktop.catalogues import builtin_catalogues, load_user_catalogue
from ot62443_desktop.domain.catalogue import Catalogue, CatalogueSet
from ot62443_desktop.domain.catalogue_loader import (
    TRANSLATED,
    CatalogueError,
    missing_translations,
    parse_catalogue,
    read_catalogue_file,
)
from ot62443_desktop.domain.language import Language
from ot62443_desktop.paths import data_dir
from ot62443_desktop.storage.fsutil import new_temp, replace_with_temp, write_all


def folder() -> Path:
    """Where imported catalogues are kept: beside the settings and backups, one file per catalogue."""
    return data_dir() / "catalogues"


@dataclass(frozen=True)
class Kept:
    """An imported catalogue as found in the folder: the catalogue, or why it no longer loads."""

    path: Path
    catalogue: Catalogue | None
    problem: str = ""

    def missing(self, language: Language) -> tuple[str, ...]:
        return missing_translations(self.catalogue, language) if self.catalogue else ()


def kept() -> list[Kept]:
    """Every catalogue in the folder, sorted by file name (an unreadable one says why)."""
    found = []
    for path in sorted(folder().glob("*.toml")) if folder().is_dir() else []:
        try:
            found.append(Kept(path, load_user_catalogue(path)))
        except CatalogueError as exc:
            found.append(Kept(path, None, str(exc)))
    return found


def file_name(catalogue_id: str) -> str:
    """A file name for a catalogue id, safe on every system; distinct ids get distinct names."""
    slug = re.sub(r"[^A-Za-z0-9._-]+", "_", catalogue_id).strip("._")[:40] or "catalogue"
    return f"{slug}-{hashlib.sha256(catalogue_id.encode()).hexdigest()[:8]}.toml"


def check(source: Path) -> tuple[Catalogue, bytes]:
    """The catalogue in `source` and the bytes it was read from, if valid and free to sit beside the
    built-in and imported catalogues; else CatalogueError naming the file and what is wrong."""
    data = read_catalogue_file(source)  # read once: what is kept is what was checked
    catalogue = parse_catalogue(data, source=str(source))
    others = [k.catalogue for k in kept() if k.catalogue is not None and k.catalogue.id != catalogue.id]
    builtin = builtin_catalogues()
    if catalogue.id in {c.id for c in builtin}:
        raise CatalogueError(str(source), "[catalogue]",
                             f"id {catalogue.id!r} is a built-in catalogue's; give yours an id of its own")
    try:
        CatalogueSet((*builtin, *others, catalogue))
    except ValueError as exc:
        raise CatalogueError(str(source), None, str(exc).removeprefix(f"{catalogue.source}: ")) from None
    return catalogue, data


def lacking(catalogue: Catalogue) -> tuple[str, ...]:
    """The requirements of the imported catalogue `catalogue` would replace (the one of its id) that it lacks: the
    answers projects recorded against them stay in their files, but once it is replaced they count in no figure
    or export, so whoever replaces it must be told."""
    before = next((k.catalogue for k in kept() if k.catalogue is not None and k.catalogue.id == catalogue.id), None)
    return tuple(r.id for r in before if r.id not in catalogue) if before is not None else ()


def keep(catalogue: Catalogue, data: bytes) -> Path:
    """Write the checked bytes into the folder (replacing an import of the same id, and any other file there that
    holds that catalogue: a copy put in by hand was otherwise used instead of the import); returns the file."""
    target = folder() / file_name(catalogue.id)
    others = [k.path for k in kept() if k.path != target and k.catalogue is not None and k.catalogue.id == catalogue.id]
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = new_temp(target)
    try:
        write_all(fd, data)
    except BaseException:
        os.close(fd)
        tmp.unlink(missing_ok=True)
        raise
    replace_with_temp(fd, tmp, target)
    for other in others:
        with contextlib.suppress(OSError):
            other.unlink()
    return target


def missing_text(catalogue: Catalogue) -> dict[Language, tuple[str, ...]]:
    """Per language other than English, the titles and texts the catalogue lacks (shown in English)."""
    return {language: missing for language in TRANSLATED if (missing := missing_translations(catalogue, language))}


@dataclass(frozen=True)
class ProjectCatalogues:
    """The catalogues an assessment is scored against, and the ones it names that cannot be used here."""

    catalogues: CatalogueSet
    missing: tuple[str, ...]  # ids the project names that this computer has not imported (or cannot use)


def for_project(names: tuple[str, ...], standard: CatalogueSet, language: Language = Language.EN) -> ProjectCatalogues:
    """`standard` (the built-in catalogues as the caller reads them) and, in the order the project names
    them, the imported catalogues `names` read in `language`. A name already in `standard` is used from
    there; one not imported here, or whose requirement ids now clash with those before it, is missing."""
    have = {c.id for c in standard}
    wanted = [name for name in dict.fromkeys(names) if name not in have]
    imported = {k.catalogue.id: k.catalogue for k in kept() if k.catalogue is not None} if wanted else {}
    chosen, missing = list(standard), []
    for name in wanted:
        catalogue = imported.get(name)
        if catalogue is None:
            missing.append(name)
            continue
        try:
            CatalogueSet((*chosen, catalogue))
        except ValueError:
            missing.append(name)
            continue
        chosen.append(catalogue.in_language(language))
    return ProjectCatalogues(CatalogueSet(chosen), tuple(missing))
