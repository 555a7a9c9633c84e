"""Reads catalogue TOML into frozen dataclasses, refusing anything invalid as a whole."""

from __future__ import annotations

import os
import stat
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from ot62443_desktop.domain.catalogue import (
    FR_IDS,
    Catalogue,
    Group,
    Requirement,
    RequirementText,
    Scale,
    Section,
    Titles,
)
from ot62443_desktop.domain.language import Language
from ot62443_desktop.domain.text import elide

_TEXT_FIELDS = ("summary", "guidance", "remediation")
_READABLE_KEYS = {"title", *_TEXT_FIELDS, "evidence"}  # what a translation may give
_COMMON_KEYS = {"id", *_READABLE_KEYS}
#: The languages a catalogue adds to its English, each as a sub-table: [requirement.fr].
TRANSLATED = tuple(language for language in Language if language is not Language.EN)
_REQUIREMENT_KEYS = {
    Scale.SECURITY_LEVEL: _COMMON_KEYS | {"section", "level", "parent"} | set(TRANSLATED),
    Scale.MATURITY: _COMMON_KEYS | {"group", "maturity"} | set(TRANSLATED),
}
_MATURITY_LEVELS = 4
_SHOWN_CHARS = 60
_ID_FIELDS = {"id", "code", "section", "group", "parent"}  # ids: keys in projects, cells in registers
_ID_CHARS = 60
#: The most characters of a title and of a long text, and of each line of a list and lines in one: ten times the
#: built-in catalogues' longest. Past them a field holds a pasted document, not a catalogue's text, and the PDF plan
#: would take minutes to set it (reportlab breaks a paragraph again for every page it is split over).
_TEXT_CHARS = {"title": 300, "summary": 20_000, "guidance": 20_000, "remediation": 20_000}
_LINE_CHARS, _LINES = 2_000, 100
_REQUIREMENTS = 5_000  # a catalogue's most (the built-in ones have 107 and 87); 50,000 made a PDF plan take 84 s
_MAX_FILE_BYTES = 16 * 2**20  # the built-in catalogues take well under 1 MB
_READ_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)  # a pipe: opened, not waited on


def _short(value: Any) -> str:
    """A value as quoted in an error message: its repr, cut short so the message stays one line."""
    return elide(repr(value), _SHOWN_CHARS)


def _names(keys: set[str]) -> str:
    """Unknown keys as listed in an error message: plain when printable and short, else quoted."""
    return ", ".join(k if k.isprintable() and len(k) <= _SHOWN_CHARS else _short(k) for k in sorted(keys))


class CatalogueError(ValueError):
    """An invalid catalogue: names the file, the requirement (or table) and what is wrong."""

    def __init__(self, source: str, where: str | None, reason: str) -> None:
        self.source, self.where, self.reason = source, where, reason
        super().__init__(f"{source}: {where}: {reason}" if where else f"{source}: {reason}")

    def __reduce__(self) -> tuple[type[CatalogueError], tuple[str, str | None, str]]:
        """Pickle by its own arguments, so it crosses from an import job's process whole."""
        return type(self), (self.source, self.where, self.reason)


def is_catalogue_id(text: str) -> bool:
    """Whether `text` may be a catalogue's id, as the loader reads one (a project names catalogues by it)."""
    return bool(text) and text == text.strip() and text.isprintable() and len(text) <= _ID_CHARS


def missing_translations(catalogue: Catalogue, language: Language) -> tuple[str, ...]:
    """Every title and text the catalogue has in English but not in `language`, one per line."""
    missing = [] if language in catalogue.translations else ["[catalogue]: title"]
    missing += [f"section {s.id}: title" for s in catalogue.sections if language not in s.translations]
    missing += [f"group {g.id}: title" for g in catalogue.groups if language not in g.translations]
    for requirement in catalogue:
        text = requirement.translations.get(language, RequirementText())
        missing += [f"{requirement.id}: {key}" for key in ("title", *_TEXT_FIELDS, "evidence", "maturity")
                    if getattr(requirement, key) and not getattr(text, key)]
    return tuple(missing)


def require_translations(catalogue: Catalogue, language: Language) -> Catalogue:
    """The catalogue if it is complete in `language` (as the built-in ones must be); else why not."""
    missing = missing_translations(catalogue, language)
    if missing:
        more = f" and {len(missing) - 3} more" if len(missing) > 3 else ""
        raise CatalogueError(catalogue.source, None,
                             f"no {language.native_name} text for {', '.join(missing[:3])}{more}")
    return catalogue


def load_catalogue_file(path: Path) -> Catalogue:
    """Load and validate one catalogue file."""
    return parse_catalogue(read_catalogue_file(path), source=str(path))


def read_catalogue_file(path: Path) -> bytes:
    """The bytes of a catalogue file, or CatalogueError if it cannot be read, is not a file or is too large to be
    one. A pipe is refused without waiting for a writer: one in the imported catalogues' folder held every list
    of them, and every project naming one, for ever; a device like /dev/zero would never end."""
    try:
        fd = os.open(path, _READ_FLAGS)
        found = os.fstat(fd)
        if not stat.S_ISREG(found.st_mode):
            os.close(fd)
            raise CatalogueError(str(path), None, "not a regular file (a folder, pipe or device)")
        with open(fd, "rb") as file:
            data = file.read(min(found.st_size, _MAX_FILE_BYTES) + 1)  # read(n) makes room for n bytes: not 16 MB
            if len(data) > found.st_size:  # it grew since
                data += file.read(_MAX_FILE_BYTES + 1 - len(data))
    except OSError as exc:
        raise CatalogueError(str(path), None, f"cannot read file ({exc.strerror or exc})") from None
    if len(data) > _MAX_FILE_BYTES:
        raise CatalogueError(str(path), None, f"larger than {_MAX_FILE_BYTES // 2**20} MB: not a catalogue")
    return data


def parse_catalogue(data: bytes, *, source: str) -> Catalogue:
    """Validate catalogue TOML; returns the catalogue or raises CatalogueError, never half."""
    return catalogue_from_document(read_toml(data, source=source), source=source)


def read_toml(data: bytes, *, source: str) -> dict[str, Any]:
    import tomllib  # not at start-up: the built-in catalogues are then read from their cache

    try:
        return tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise CatalogueError(source, None, f"not UTF-8 text (byte {exc.start})") from None
    except tomllib.TOMLDecodeError as exc:
        raise CatalogueError(source, None, f"not valid TOML: {exc}") from None
    except RecursionError:
        raise CatalogueError(source, None, "not valid TOML: arrays or tables nested too deeply") from None
    except ValueError as exc:  # an integer of more digits than Python converts
        raise CatalogueError(source, None, f"not valid TOML: {exc}") from None


def catalogue_from_document(doc: Mapping[str, Any], *, source: str) -> Catalogue:
    """Validate an already parsed catalogue document (TOML tables as dicts)."""
    return _Validator(source).catalogue(doc)


class _Validator:
    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, where: str | None, reason: str) -> CatalogueError:
        return CatalogueError(self.source, where, reason)

    def text(self, table: Mapping[str, Any], key: str, where: str, *, required: bool) -> str:
        value = table.get(key)
        if value is None:
            if required:
                raise self.fail(where, f"missing field '{key}'")
            return ""
        if not isinstance(value, str):
            raise self.fail(where, f"field '{key}' must be text, not {type(value).__name__}")
        if required and not value.strip():
            raise self.fail(where, f"field '{key}' is empty")
        if key in _ID_FIELDS and not (value.isprintable() and len(value) <= _ID_CHARS):
            raise self.fail(where, f"field '{key}' must be one line of at most {_ID_CHARS} printable characters")
        value = value.strip()
        if len(value) > (limit := _TEXT_CHARS.get(key, len(value))):
            raise self.fail(where, f"field '{key}' has {len(value):,} characters, at most {limit:,}")
        return value

    def texts(self, table: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(where, f"field '{key}' must be a list of text")
        if len(value) > _LINES:
            raise self.fail(where, f"field '{key}' has {len(value):,} lines, at most {_LINES}")
        lines = tuple(v.strip() for v in value)
        if longest := max((line for line in lines if len(line) > _LINE_CHARS), key=len, default=""):
            raise self.fail(where, f"field '{key}': a line has {len(longest):,} characters, at most {_LINE_CHARS:,}")
        return lines

    def tables(self, doc: Mapping[str, Any], key: str) -> list[Mapping[str, Any]]:
        value = doc.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise self.fail(None, f"'{key}' must be an array of tables ([[{key}]])")
        return value

    def catalogue(self, doc: Mapping[str, Any]) -> Catalogue:
        head = doc.get("catalogue")
        if not isinstance(head, dict):
            raise self.fail(None, "missing [catalogue] table")
        cat_id = self.text(head, "id", "[catalogue]", required=True)
        title = self.text(head, "title", "[catalogue]", required=True)
        scale_name = self.text(head, "scale", "[catalogue]", required=True)
        if scale_name not in Scale._value2member_map_:
            allowed = ", ".join(s.value for s in Scale)
            raise self.fail("[catalogue]", f"unknown scale {_short(scale_name)} (use {allowed})")
        scale = Scale(scale_name)
        unknown = set(doc) - {"catalogue", "section", "group", "requirement"}
        if unknown:
            raise self.fail(None, f"unknown top-level key(s): {_names(unknown)}")
        sections = self.sections(doc, scale)
        groups = self.groups(doc, scale, {s.id for s in sections})
        requirements = self.requirements(doc, cat_id, scale, sections, groups)
        if not requirements:
            raise self.fail(None, "the catalogue has no [[requirement]]")
        return Catalogue(cat_id, title, scale, sections, groups, requirements, source=self.source,
                         translations=self.titles(head, "[catalogue]"))

    def translation(self, table: Mapping[str, Any], language: Language, where: str,
                    allowed: set[str]) -> tuple[Mapping[str, Any], str] | None:
        """The [<table>.<language>] sub-table, checked for unknown keys; None when absent."""
        sub = table.get(language.value)
        if sub is None:
            return None
        where = f"{where} [{language.value}]"
        if not isinstance(sub, dict):
            raise self.fail(where, f"must be a table of translated fields, not {type(sub).__name__}")
        unknown = set(sub) - allowed
        if unknown:
            raise self.fail(where, f"unknown field(s): {_names(unknown)}")
        return sub, where

    def titles(self, table: Mapping[str, Any], where: str) -> Titles:
        titles: dict[Language, str] = {}
        for language in TRANSLATED:
            found = self.translation(table, language, where, {"title"})
            if found:
                titles[language] = self.text(found[0], "title", found[1], required=True)
        return titles

    def requirement_texts(self, table: Mapping[str, Any], where: str,
                          english: Requirement) -> dict[Language, RequirementText]:
        """A requirement's translations; a translated list has as many lines as the English one."""
        allowed = _READABLE_KEYS | ({"maturity"} if english.maturity else set())
        texts: dict[Language, RequirementText] = {}
        for language in TRANSLATED:
            found = self.translation(table, language, where, allowed)
            if not found:
                continue
            sub, at = found
            lists = {key: self.texts(sub, key, at) for key in ("evidence", "maturity")}
            for key, lines in lists.items():
                if lines and len(lines) != len(getattr(english, key)):
                    raise self.fail(at, f"'{key}' has {len(lines)} lines, the English has "
                                        f"{len(getattr(english, key))}")
            title, summary, guidance, remediation = (self.text(sub, key, at, required=False)
                                                     for key in ("title", *_TEXT_FIELDS))
            texts[language] = RequirementText(title, summary, guidance, remediation,
                                              lists["evidence"], lists["maturity"])
        return texts

    def sections(self, doc: Mapping[str, Any], scale: Scale) -> tuple[Section, ...]:
        sections: dict[str, Section] = {}
        for n, table in enumerate(self.tables(doc, "section"), 1):
            where = f"section #{n}"
            sid = self.text(table, "id", where, required=True)
            where = f"section {_short(sid)}"
            if sid in sections:
                raise self.fail(where, "duplicate section id")
            if scale is Scale.SECURITY_LEVEL and sid not in FR_IDS:
                raise self.fail(where, f"unknown foundational requirement (use {FR_IDS[0]}..{FR_IDS[-1]})")
            code = self.text(table, "code", where, required=False) or sid
            sections[sid] = Section(sid, code, self.text(table, "title", where, required=True),
                                    self.titles(table, where))
        if not sections:
            raise self.fail(None, "the catalogue has no [[section]]")
        return tuple(sections.values())

    def groups(self, doc: Mapping[str, Any], scale: Scale, section_ids: set[str]) -> tuple[Group, ...]:
        tables = self.tables(doc, "group")
        if tables and scale is not Scale.MATURITY:
            raise self.fail(None, "[[group]] tables belong to maturity catalogues only")
        groups: dict[str, Group] = {}
        for n, table in enumerate(tables, 1):
            gid = self.text(table, "id", f"group #{n}", required=True)
            where = f"group {_short(gid)}"
            if gid in groups:
                raise self.fail(where, "duplicate group id")
            section = self.text(table, "section", where, required=True)
            if section not in section_ids:
                raise self.fail(where, f"unknown element {_short(section)}")
            groups[gid] = Group(gid, section, self.text(table, "title", where, required=True),
                                self.titles(table, where))
        return tuple(groups.values())

    def requirements(
        self,
        doc: Mapping[str, Any],
        cat_id: str,
        scale: Scale,
        sections: tuple[Section, ...],
        groups: tuple[Group, ...],
    ) -> tuple[Requirement, ...]:
        tables = self.tables(doc, "requirement")
        if len(tables) > _REQUIREMENTS:
            raise self.fail(None, f"the catalogue has {len(tables):,} requirements, at most {_REQUIREMENTS:,}")
        section_ids = {s.id for s in sections}
        group_section = {g.id: g.section for g in groups}
        parsed: dict[str, Requirement] = {}
        for n, table in enumerate(tables, 1):
            rid = self.text(table, "id", f"requirement #{n}", required=True)
            where = f"requirement {_short(rid)}"
            if rid in parsed:
                raise self.fail(where, "duplicate id")
            unknown = set(table) - _REQUIREMENT_KEYS[scale]
            if unknown:
                raise self.fail(where, f"unknown field(s): {_names(unknown)}")
            title = self.text(table, "title", where, required=True)
            summary, guidance, remediation = (self.text(table, k, where, required=(k == "summary"))
                                              for k in _TEXT_FIELDS)
            evidence = self.texts(table, "evidence", where)
            if scale is Scale.SECURITY_LEVEL:
                section = self.text(table, "section", where, required=True)
                if section not in section_ids:
                    raise self.fail(where, f"unknown foundational requirement {_short(section)}")
                parsed[rid] = Requirement(
                    cat_id, rid, title, section, level=self.level(table, where),
                    parent=self.text(table, "parent", where, required=False) or None,
                    summary=summary, guidance=guidance, remediation=remediation, evidence=evidence,
                )
            else:
                group = self.text(table, "group", where, required=True)
                if group not in group_section:
                    raise self.fail(where, f"unknown group {_short(group)}")
                maturity = self.texts(table, "maturity", where)
                if maturity and len(maturity) != _MATURITY_LEVELS:
                    raise self.fail(where, f"'maturity' needs {_MATURITY_LEVELS} lines (ML1..ML4), not {len(maturity)}")
                parsed[rid] = Requirement(
                    cat_id, rid, title, group_section[group], group=group,
                    summary=summary, guidance=guidance, remediation=remediation, evidence=evidence,
                    maturity=maturity,
                )
            parsed[rid] = replace(parsed[rid], translations=self.requirement_texts(table, where, parsed[rid]))
        for requirement in parsed.values():
            self.check_parent(requirement, parsed)
        return tuple(parsed.values())

    def level(self, table: Mapping[str, Any], where: str) -> int:
        level = table.get("level")
        if level is None:
            raise self.fail(where, "missing field 'level'")
        if isinstance(level, bool) or not isinstance(level, int) or not 1 <= level <= 4:
            raise self.fail(where, f"level {_short(level)} out of range (1-4)")
        return level

    def check_parent(self, requirement: Requirement, parsed: Mapping[str, Requirement]) -> None:
        if requirement.parent is None:
            return
        where = f"requirement {_short(requirement.id)}"
        parent = parsed.get(requirement.parent)
        if parent is None:
            raise self.fail(where, f"unknown parent {_short(requirement.parent)}")
        if parent.parent is not None:
            raise self.fail(where, f"parent {_short(parent.id)} is itself an enhancement")
        if parent.section != requirement.section:
            raise self.fail(where, f"in {requirement.section} but its parent is in {parent.section}")
        if (requirement.level or 0) < (parent.level or 0):
            raise self.fail(where, f"level {requirement.level} is below its parent's level {parent.level}")
