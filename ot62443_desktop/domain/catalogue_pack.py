"""A validated catalogue as plain nested lists of text and numbers, and back: the start-up cache's form.

Parsing and validating the built-in catalogues' TOML (1.2 MB, English and French) took most of the
time a project needs to open; their validated form, written once as JSON of these lists, reads in a
fraction of it. The requirements' translations are packed apart from the rest and read when first
asked for: a window in English never reads the French. The lists hold plain data only, so reading
them back runs nothing, and every value's type is checked: a damaged or foreign cache gives
ValueError, never a catalogue with a value of the wrong kind (the caller then reads the TOML again).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

from ot62443_desktop.domain.catalogue import (
    Catalogue,
    Group,
    Requirement,
    RequirementText,
    Scale,
    Section,
    Titles,
)
from ot62443_desktop.domain.language import Language

#: Changes whenever the lists below change shape, so an older cache is never read as this one.
PACK_FORMAT = 2

Texts = dict[str, dict[Language, RequirementText]]  # requirement id -> its translations


def pack(catalogue: Catalogue) -> tuple[list[Any], dict[str, Any]]:
    """`catalogue` as nested lists (JSON-ready), and its requirements' translations by requirement id."""
    head = [
        catalogue.id, catalogue.title, catalogue.scale.value, catalogue.source, _titles_out(catalogue.translations),
        [[s.id, s.code, s.title, _titles_out(s.translations)] for s in catalogue.sections],
        [[g.id, g.section, g.title, _titles_out(g.translations)] for g in catalogue.groups],
        [[r.id, r.title, r.section, r.summary, r.level, r.parent, r.group, r.guidance, r.remediation,
          list(r.evidence), list(r.maturity)] for r in catalogue.requirements],
    ]
    texts = {r.id: {language.value: [t.title, t.summary, t.guidance, t.remediation, list(t.evidence),
                                     list(t.maturity)] for language, t in r.translations.items()}
             for r in catalogue.requirements}
    return head, texts


def unpack(data: Any, texts: Callable[[], Texts]) -> Catalogue:
    """The catalogue `pack` made `data` from; its requirements' translations come from `texts`, called
    once, when one is first asked for. ValueError if anything in `data` is not of the kind packed."""
    cat_id, title, scale, source, titles, sections, groups, requirements = _items(data, 8)
    cat_id, deferred = _text(cat_id), _Deferred(texts)
    return Catalogue(
        cat_id, _text(title), Scale(_text(scale)),
        tuple(Section(_text(a), _text(b), _text(c), _titles_in(d)) for a, b, c, d in _rows(sections, 4)),
        tuple(Group(_text(a), _text(b), _text(c), _titles_in(d)) for a, b, c, d in _rows(groups, 4)),
        tuple(_requirement_in(cat_id, row, deferred) for row in _rows(requirements, 11)),
        source=_text(source), translations=_titles_in(titles),
    )


def unpack_texts(data: Any) -> Texts:
    """The translations `pack` gave beside a catalogue; ValueError if any value is not of the kind packed."""
    return {_text(rid): {Language(key): _requirement_text(value) for key, value in _mapping(texts).items()}
            for rid, texts in _mapping(data).items()}


class _Deferred:
    """A catalogue's translations, read once, when the first of them is asked for."""

    def __init__(self, read: Callable[[], Texts]) -> None:
        self._read: Callable[[], Texts] | None = read
        self._texts: Texts = {}

    def of(self, requirement_id: str) -> dict[Language, RequirementText]:
        if self._read is not None:
            self._texts, self._read = self._read(), None
        return self._texts.get(requirement_id, {})


class DeferredTexts(Mapping[Language, RequirementText]):
    """One requirement's translations, as a read-only mapping that reads them when first used."""

    __slots__ = ("_deferred", "_id")

    def __init__(self, deferred: _Deferred, requirement_id: str) -> None:
        self._deferred, self._id = deferred, requirement_id

    def __getitem__(self, language: Language) -> RequirementText:
        return self._deferred.of(self._id)[language]

    def __iter__(self) -> Iterator[Language]:
        return iter(self._deferred.of(self._id))

    def __len__(self) -> int:
        return len(self._deferred.of(self._id))

    def __repr__(self) -> str:
        return repr(self._deferred.of(self._id))

    def __reduce__(self) -> tuple[type[dict[Language, RequirementText]], tuple[dict[Language, RequirementText]]]:
        """Pickled (to another process) as the plain dict it stands for."""
        return dict, (dict(self._deferred.of(self._id)),)


def _requirement_in(cat_id: str, row: list[Any], deferred: _Deferred) -> Requirement:
    rid, title, section, summary, level, parent, group, guidance, remediation, evidence, maturity = row
    if level is not None and type(level) is not int:
        raise ValueError("a level must be a whole number")
    rid = _text(rid)
    return Requirement(
        cat_id, rid, _text(title), _text(section), _text(summary), level, _optional(parent), _optional(group),
        _text(guidance), _text(remediation), _lines(evidence), _lines(maturity), DeferredTexts(deferred, rid),
    )


def _requirement_text(value: Any) -> RequirementText:
    title, summary, guidance, remediation, evidence, maturity = _items(value, 6)
    return RequirementText(_text(title), _text(summary), _text(guidance), _text(remediation), _lines(evidence),
                           _lines(maturity))


def _titles_out(titles: Titles) -> dict[str, str]:
    return {language.value: title for language, title in titles.items()}


def _titles_in(value: Any) -> dict[Language, str]:
    return {Language(key): _text(title) for key, title in _mapping(value).items()}


def _items(value: Any, count: int) -> list[Any]:
    if type(value) is not list or len(value) != count:
        raise ValueError(f"expected a list of {count} items")
    return value


def _rows(value: Any, count: int) -> list[list[Any]]:
    if type(value) is not list:
        raise ValueError("expected a list of rows")
    return [_items(row, count) for row in value]


def _mapping(value: Any) -> Mapping[str, Any]:
    if type(value) is not dict:
        raise ValueError("expected an object")
    return value


def _text(value: Any) -> str:
    if type(value) is not str:
        raise ValueError("expected text")
    return value


def _optional(value: Any) -> str | None:
    return None if value is None else _text(value)


def _lines(value: Any) -> tuple[str, ...]:
    if type(value) is not list or not all(type(line) is str for line in value):
        raise ValueError("expected a list of text")
    return tuple(value)
