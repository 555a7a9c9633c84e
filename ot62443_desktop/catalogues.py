"""The built-in catalogues, found inside the installed package and loaded once.

Their TOML is parsed and validated once per version of the files: the validated catalogues are
kept in the data folder's cache (domain/catalogue_pack.py) and later starts read that instead.
The cache is JSON of plain lists, so reading it runs nothing. It is named by the catalogue
files' place and a checksum of their bytes (not their size and time, as Python names its
bytecode: a file edited within the clock's tick, or copied keeping its time, was then read as
its former text; reading them costs under a millisecond), the program's version, and the size
and time of the code that reads them (a checkout keeps its version from commit to commit). Its
first line holds a checksum of each part that follows (the catalogues, then their
translations, read when first needed), and every value is type-checked on the way in. A
cache that fails any of this, or is reached through a link, is ignored and written anew.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import stat
import sys
import zlib
from pathlib import Path

from ot62443_desktop import __version__
from ot62443_desktop.domain.catalogue import Catalogue, CatalogueSet
from ot62443_desktop.domain.catalogue_loader import (
    TRANSLATED,
    load_catalogue_file,
    parse_catalogue,
    read_catalogue_file,
    require_translations,
)
from ot62443_desktop.domain.catalogue_pack import PACK_FORMAT, Texts, pack, unpack, unpack_texts
from ot62443_desktop.domain.language import Language
from ot62443_desktop.paths import data_dir, package_folder

BUILTIN_FILES = ("iec62443-3-3.toml", "iec62443-2-1.toml")
#: The code that reads, checks and packs the catalogues: what the cache keeps is what it made of the files.
CODE_FILES = tuple(Path(file) for code in (Catalogue, parse_catalogue, pack)
                   if (file := getattr(sys.modules[code.__module__], "__file__", None)))
CACHE_PREFIX = "catalogues-"
_NEW_CACHE = ".new-"  # a cache being written; one whose writer was killed is left behind
#: Caches this replaces: of other versions of the files, the per-file JSON documents earlier versions kept,
#: and caches left half-written (one another start is writing then fails to take its name: no harm done).
_OLD_CACHES = (f"{CACHE_PREFIX}*.json", *(f"{Path(name).stem}-*.json" for name in BUILTIN_FILES),
               f"{_NEW_CACHE}*.json")
_CACHE_BYTES = 16 * 2**20  # far above the built-in catalogues' ~1.2 MB: a larger file is no cache of ours
_READ_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)  # no link; a FIFO never waits


def builtin_catalogue_dir() -> Path:
    return package_folder("ot62443_desktop.requirements_catalog")


@functools.cache
def builtin_catalogues(language: Language = Language.EN) -> CatalogueSet:
    """IEC 62443-3-3 and IEC 62443-2-1 as a reader of `language` reads them; validated (complete
    in every language) and shared read-only by the whole program."""
    if language is not Language.EN:
        return builtin_catalogues().in_language(language)
    paths = [builtin_catalogue_dir() / name for name in BUILTIN_FILES]
    contents = [read_catalogue_file(path) for path in paths]
    cache_file = _cache_file(paths, contents)
    cached = _read_cache(cache_file, paths)
    if cached is not None:
        return CatalogueSet(cached)
    catalogues = _parsed(paths, contents)
    _write_cache(cache_file, catalogues)
    return CatalogueSet(catalogues)


def _parsed(paths: list[Path], contents: list[bytes]) -> list[Catalogue]:
    """The catalogues validated from the very bytes their cache is named by."""
    return [_complete(parse_catalogue(data, source=str(path))) for path, data in zip(paths, contents, strict=True)]


def _complete(catalogue: Catalogue) -> Catalogue:
    """A built-in catalogue must read in full in every language (a user's own may not)."""
    for language in TRANSLATED:
        require_translations(catalogue, language)
    return catalogue


def cache_dir() -> Path:
    return data_dir() / "cache"


def _cache_file(paths: list[Path], contents: list[bytes]) -> Path:
    """The cache of the catalogue files that hold `contents`, named by their place, length and CRC-32,
    the program's version and the packed form's, and the code that reads them as Python knows it (size
    and time: a checkout keeps its version from commit to commit, so a change to how catalogues are
    read kept the cache of the code before). A change to any of them gets a new cache."""
    stamps = [(str(path), len(data), zlib.crc32(data)) for path, data in zip(paths, contents, strict=True)]
    key = hashlib.sha256(repr((PACK_FORMAT, __version__, stamps, _code_stamps())).encode()).hexdigest()[:24]
    return cache_dir() / f"{CACHE_PREFIX}{key}.json"


def _code_stamps() -> list[tuple[str, int, int]]:
    """Size and time of each module whose code shapes the catalogues kept (none in a bundle without sources)."""
    stamps = []
    for path in CODE_FILES:
        with contextlib.suppress(OSError):
            found = path.stat()
            stamps.append((path.name, found.st_size, found.st_mtime_ns))
    return stamps


def _usable(folder: Path) -> bool:
    """Never a cache through a planted link (the folder, or the data folder it sits in)."""
    return not any(p.is_symlink() for p in (folder.parent, folder))


def _read_cache(path: Path, sources: list[Path]) -> list[Catalogue] | None:
    """The catalogues kept in `path`; None if there are none, or the file is not whole or not ours.
    Their translations are checked and read when first asked for (from the TOML, should they fail)."""
    if not _usable(path.parent):
        return None
    try:
        fd = os.open(path, _READ_FLAGS)
    except OSError:
        return None
    with open(fd, "rb") as file:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        data = file.read(_CACHE_BYTES + 1)
    checks, heads, texts = (data.split(b"\n", 2) + [b"", b""])[:3]
    if len(data) > _CACHE_BYTES or not _whole(heads, checks[:8]):
        return None
    kept = _KeptTexts(texts, checks[9:], sources)
    try:
        found = json.loads(heads)
        if not isinstance(found, list) or len(found) != len(sources):
            return None
        return [unpack(head, functools.partial(kept.of, n)) for n, head in enumerate(found)]
    except (ValueError, TypeError, RecursionError):  # not the lists pack() writes: read the TOML again
        return None


def _check(body: bytes) -> bytes:
    """What the first line holds for each part: a CRC-32, which finds a part damaged or cut short (it is
    no seal: whoever can write the data folder can write a matching one, and the type checks still hold)."""
    return b"%08x" % zlib.crc32(body)


def _whole(body: bytes, check: bytes) -> bool:
    return check == _check(body)


class _KeptTexts:
    """The translations kept beside the catalogues, checked and read when the first is asked for; if
    they are not whole or not ours, they are read from the TOML and the cache is written anew."""

    def __init__(self, body: bytes, check: bytes, sources: list[Path]) -> None:
        self.body, self.check, self.sources = body, check, sources
        self.read: list[Texts] | None = None

    def of(self, n: int) -> Texts:
        if self.read is None:
            self.read = self._unpacked() or self._from_toml()
        return self.read[n]

    def _from_toml(self) -> list[Texts]:
        """Kept as the cache of the files as they are now (they may have changed since the start)."""
        contents = [read_catalogue_file(path) for path in self.sources]
        catalogues = _parsed(self.sources, contents)
        _write_cache(_cache_file(self.sources, contents), catalogues)
        return [{r.id: dict(r.translations) for r in catalogue} for catalogue in catalogues]

    def _unpacked(self) -> list[Texts] | None:
        try:
            found = json.loads(self.body) if _whole(self.body, self.check) else None
            if isinstance(found, list) and len(found) == len(self.sources):
                return [unpack_texts(item) for item in found]
        except (ValueError, TypeError, RecursionError):
            pass
        return None


def _write_cache(path: Path, catalogues: list[Catalogue]) -> None:
    """Keep the validated catalogues for the next start, written whole or not at all, into a new file
    of its own that then replaces the name (a link planted there is replaced, never followed). Caches
    of other versions of the files are removed. A cache that cannot be written is simply not kept."""
    import tempfile  # only when the catalogue files are new to this data folder

    packed = [pack(c) for c in catalogues]
    heads, texts = ([json.dumps([p[n] for p in packed], ensure_ascii=False, separators=(",", ":")).encode()
                     for n in (0, 1)])
    checks = _check(heads) + b" " + _check(texts)
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        if not _usable(path.parent):
            return
        for old in (p for pattern in _OLD_CACHES for p in path.parent.glob(pattern)):
            old.unlink()
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=_NEW_CACHE, suffix=".json")
        try:
            with open(fd, "wb") as file:
                file.write(b"\n".join([checks, heads, texts]))
            os.replace(temp, path)
        except OSError:
            os.unlink(temp)
            raise


def load_user_catalogue(path: Path) -> Catalogue:
    """A catalogue of the user's own, validated like the built-in ones."""
    return load_catalogue_file(path)
