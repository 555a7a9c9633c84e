"""The built-in catalogues' start-up cache: what it gives is what the TOML gives, in every language,
and a cache that is damaged, forged, linked or not a file is never what the program reads."""

from __future__ import annotations

import dataclasses
import json
import os
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from ot62443_desktop.catalogues import BUILTIN_FILES, builtin_catalogue_dir, builtin_catalogues
from ot62443_desktop.domain.catalogue import CatalogueSet
from ot62443_desktop.domain.catalogue_loader import load_catalogue_file
from ot62443_desktop.domain.language import Language


@pytest.fixture(autouse=True)
def fresh() -> Iterator[None]:
    """Each test loads the catalogues anew (they are loaded once per process), and leaves them so."""
    builtin_catalogues.cache_clear()
    yield
    builtin_catalogues.cache_clear()


@pytest.fixture(scope="module")
def from_toml() -> CatalogueSet:
    return CatalogueSet(load_catalogue_file(builtin_catalogue_dir() / name) for name in BUILTIN_FILES)


def cache_files(data_dir: Path) -> list[Path]:
    return sorted((data_dir / "cache").glob("catalogues-*.json"))


def load_again() -> CatalogueSet:
    builtin_catalogues.cache_clear()
    return builtin_catalogues()


def readable(catalogues: CatalogueSet, language: Language) -> list[tuple[object, ...]]:
    """Everything a reader of `language` reads of the catalogues, field by field."""
    read = catalogues.in_language(language)
    return [(c.id, c.title, c.scale, c.source, [(s.id, s.code, s.title) for s in c.sections],
             [(g.id, g.section, g.title) for g in c.groups],
             [(r.id, r.title, r.section, r.summary, r.level, r.parent, r.group, r.guidance, r.remediation,
               r.evidence, r.maturity) for r in c]) for c in read]


def same_as_toml(catalogues: CatalogueSet, from_toml: CatalogueSet) -> bool:
    return all(readable(catalogues, language) == readable(from_toml, language) for language in Language)


def rewrite(path: Path, part: int, change: bytes) -> None:
    """Replace part 1 (the catalogues) or 2 (their translations) of a cache file, with a checksum that fits."""
    lines = path.read_bytes().split(b"\n", 2)
    lines[part] = change
    checks = lines[0].split(b" ")
    checks[part - 1] = b"%08x" % zlib.crc32(change)
    lines[0] = b" ".join(checks)
    path.write_bytes(b"\n".join(lines))


def test_the_second_start_reads_the_cache_and_reads_exactly_what_the_toml_says(
        data_dir: Path, from_toml: CatalogueSet) -> None:
    first = builtin_catalogues()
    assert len(cache_files(data_dir)) == 1
    assert same_as_toml(first, from_toml)
    again = load_again()
    assert same_as_toml(again, from_toml)
    assert again.requirement("SR 1.1").translations[Language.FR].title == \
        from_toml.requirement("SR 1.1").translations[Language.FR].title
    assert builtin_catalogues(Language.FR).requirement("SR 1.1") == from_toml.in_language(Language.FR).requirement(
        "SR 1.1")


def test_translations_read_from_the_cache_cross_to_another_process_as_plain_data(data_dir: Path) -> None:
    import pickle

    builtin_catalogues()
    requirement = load_again().requirement("ORG 1.1")
    copy = pickle.loads(pickle.dumps(requirement))
    assert copy == requirement and copy.translations == dict(requirement.translations)
    assert copy.in_language(Language.FR).title == requirement.in_language(Language.FR).title


def test_a_damaged_cache_is_not_read_and_is_written_anew(data_dir: Path, from_toml: CatalogueSet) -> None:
    builtin_catalogues()
    [path] = cache_files(data_dir)
    good = path.read_bytes()
    path.write_bytes(good.replace(b"Identification", b"Identifikation", 1))  # one word changed, checksum not
    assert same_as_toml(load_again(), from_toml)
    assert path.read_bytes() == good
    path.write_bytes(good[: len(good) // 4])  # cut short
    assert same_as_toml(load_again(), from_toml)
    assert path.read_bytes() == good


@pytest.mark.parametrize("forged", [
    b'[["iec62443-3-3", 7]]',  # a title of the wrong kind
    b"[1, 2]",
    b'{"catalogue": []}',
    b"[" * 100_000,  # nested beyond what the parser follows
])
def test_a_cache_with_a_fitting_checksum_but_not_our_lists_is_not_read(
        data_dir: Path, from_toml: CatalogueSet, forged: bytes) -> None:
    builtin_catalogues()
    [path] = cache_files(data_dir)
    rewrite(path, 1, forged)
    assert same_as_toml(load_again(), from_toml)


def test_translations_damaged_in_the_cache_are_read_from_the_toml_and_the_cache_mended(
        data_dir: Path, from_toml: CatalogueSet) -> None:
    builtin_catalogues()
    [path] = cache_files(data_dir)
    good = path.read_bytes()
    rewrite(path, 2, json.dumps([{"SR 1.1": {"fr": ["x", "y"]}}, {}]).encode())
    assert same_as_toml(load_again(), from_toml)
    assert path.read_bytes() == good
    path.write_bytes(good[:-1000])  # the translations cut short
    assert same_as_toml(load_again(), from_toml)
    assert path.read_bytes() == good


def test_a_link_planted_at_the_cache_name_is_neither_read_nor_written_through(
        data_dir: Path, tmp_path: Path, from_toml: CatalogueSet) -> None:
    builtin_catalogues()
    [path] = cache_files(data_dir)
    elsewhere = tmp_path / "elsewhere.json"
    elsewhere.write_bytes(path.read_bytes().replace(b"Identification", b"Identifikation"))
    path.unlink()
    path.symlink_to(elsewhere)
    assert same_as_toml(load_again(), from_toml)
    assert not path.is_symlink()  # replaced by a cache of its own
    assert b"Identifikation" in elsewhere.read_bytes()  # and the file it pointed to left alone


def test_a_linked_cache_folder_is_not_used(data_dir: Path, tmp_path: Path, from_toml: CatalogueSet) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (data_dir / "cache").symlink_to(elsewhere)
    assert same_as_toml(builtin_catalogues(), from_toml)
    assert list(elsewhere.iterdir()) == []


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are a POSIX thing")
def test_a_fifo_at_the_cache_name_does_not_hold_the_start(data_dir: Path, from_toml: CatalogueSet) -> None:
    builtin_catalogues()
    [path] = cache_files(data_dir)
    path.unlink()
    os.mkfifo(path)
    assert same_as_toml(load_again(), from_toml)  # no writer ever comes: it must not wait for one
    assert path.is_file()


def test_caches_of_other_versions_of_the_files_are_removed(data_dir: Path) -> None:
    old = [data_dir / "cache" / name for name in ("catalogues-0123456789abcdef01234567.json",
                                                  "iec62443-3-3-0123456789abcdef0123.json")]
    old[0].parent.mkdir(parents=True)
    for path in old:
        path.write_text("[]")
    builtin_catalogues()
    assert [p.exists() for p in old] == [False, False]
    assert len(cache_files(data_dir)) == 1


@pytest.fixture
def own_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the built-in catalogue files that the program reads instead (as a developer's checkout)."""
    from ot62443_desktop import catalogues

    folder = tmp_path / "catalog"
    folder.mkdir()
    for name in BUILTIN_FILES:
        (folder / name).write_bytes((builtin_catalogue_dir() / name).read_bytes())
    monkeypatch.setattr(catalogues, "builtin_catalogue_dir", lambda: folder)
    return folder


def edit_keeping_size_and_time(path: Path, old: str, new: str) -> None:
    """Change a text to one of the same length, leaving the file's size and time as they were: a second
    edit within the file system's clock tick (2 s on FAT), or a copy that keeps times (cp -p, unzip, rsync -t)."""
    assert len(old.encode()) == len(new.encode())
    before = path.stat()
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size


TITLE, EDITED = "Human user identification and authentication", "Human user identification and authenticatioN"


def test_a_catalogue_file_edited_within_the_same_size_and_time_is_read_anew(own_files: Path) -> None:
    assert builtin_catalogues().requirement("SR 1.1").title == TITLE
    edit_keeping_size_and_time(own_files / "iec62443-3-3.toml", f'title = "{TITLE}"', f'title = "{EDITED}"')
    assert load_again().requirement("SR 1.1").title == EDITED


def test_translations_mended_from_edited_files_are_never_kept_as_the_cache_of_the_files_before(
        own_files: Path, data_dir: Path) -> None:
    """The cache's French part is damaged and the files change before French is first read: what is then read
    from the files is kept as their cache, never under the name of the files as they were at start-up."""
    builtin_catalogues()
    [path] = cache_files(data_dir)
    rewrite(path, 2, b"[]")
    catalogues = load_again()
    toml = own_files / "iec62443-3-3.toml"
    edit_keeping_size_and_time(toml, f'title = "{TITLE}"', f'title = "{EDITED}"')
    assert catalogues.requirement("SR 1.1").translations[Language.FR].title  # read now, from the edited files
    edit_keeping_size_and_time(toml, f'title = "{EDITED}"', f'title = "{TITLE}"')  # the edit undone
    assert load_again().requirement("SR 1.1").title == TITLE


def test_a_cache_whose_writer_was_killed_before_it_took_its_name_is_removed(data_dir: Path) -> None:
    """A start killed while writing the cache leaves its temporary file (1.2 MB); the next write removes it."""
    left = data_dir / "cache" / ".new-k1ll3d.json"
    left.parent.mkdir(parents=True)
    left.write_bytes(b"[")
    builtin_catalogues()
    assert not left.exists() and len(cache_files(data_dir)) == 1


def test_a_cache_made_by_other_code_of_the_same_version_is_not_read(
        own_files: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A developer's checkout keeps its version number from commit to commit: after a change to how the catalogues
    are read (here: titles read in capitals), the cache of the code before still gave the old reading."""
    from ot62443_desktop import catalogues
    from ot62443_desktop.domain import catalogue_loader

    loader = tmp_path / "catalogue_loader.py"
    loader.write_text("# the code as it was\n", encoding="utf-8")
    monkeypatch.setattr(catalogues, "CODE_FILES", (loader,), raising=False)
    assert builtin_catalogues().requirement("SR 1.1").title == TITLE

    def in_capitals(data: bytes, *, source: str) -> object:
        read = catalogue_loader.parse_catalogue(data, source=source)
        return dataclasses.replace(read, requirements=tuple(dataclasses.replace(r, title=r.title.upper())
                                                            for r in read.requirements))
    monkeypatch.setattr(catalogues, "parse_catalogue", in_capitals)
    loader.write_text("# the code as it is now, changed\n", encoding="utf-8")
    assert load_again().requirement("SR 1.1").title == TITLE.upper()


@pytest.mark.parametrize("fails", ["tempfile.mkstemp", "os.replace"])
def test_a_cache_that_cannot_be_written_is_not_kept_and_nothing_is_left_behind(
        data_dir: Path, from_toml: CatalogueSet, monkeypatch: pytest.MonkeyPatch, fails: str) -> None:
    """A full disk or a folder one may not write: the catalogues are read from the TOML, and no half cache stays."""
    def full(*_args: object, **_kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    module, name = fails.split(".")
    with monkeypatch.context() as patch:
        patch.setattr(__import__(module), name, full)
        assert same_as_toml(builtin_catalogues(), from_toml)
    assert [p.name for p in (data_dir / "cache").iterdir()] == []
    assert same_as_toml(load_again(), from_toml) and len(cache_files(data_dir)) == 1
