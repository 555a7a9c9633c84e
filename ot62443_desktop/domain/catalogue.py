"""Catalogue model: standards as frozen data, loaded once and shared read-only."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum

from ot62443_desktop.domain.language import Language


class Scale(StrEnum):
    """How a catalogue's requirements are rated."""

    SECURITY_LEVEL = "security_level"  # IEC 62443-3-3: SL 1-4 per foundational requirement
    MATURITY = "maturity"  # IEC 62443-2-1: maturity ML 1-4 against a target


FR_IDS: tuple[str, ...] = tuple(f"FR {n}" for n in range(1, 8))
MATURITY_NAMES: tuple[str, ...] = ("Initial", "Managed", "Defined (practised)", "Improving")


#: Titles in other languages than the catalogue's own English (absent: not translated).
Titles = Mapping[Language, str]


@dataclass(frozen=True)
class Section:
    """A top-level division: a foundational requirement (FR) or a security program element (SPE)."""

    id: str
    code: str
    title: str
    translations: Titles = field(default_factory=dict, compare=False)

    def in_language(self, language: Language) -> Section:
        return replace(self, title=self.translations.get(language) or self.title)


@dataclass(frozen=True)
class Group:
    """A group of 2-1 requirements inside a security program element."""

    id: str
    section: str
    title: str
    translations: Titles = field(default_factory=dict, compare=False)

    def in_language(self, language: Language) -> Group:
        return replace(self, title=self.translations.get(language) or self.title)


@dataclass(frozen=True)
class RequirementText:
    """What a reader reads of a requirement, in one language; empty where not translated."""

    title: str = ""
    summary: str = ""
    guidance: str = ""
    remediation: str = ""
    evidence: tuple[str, ...] = ()
    maturity: tuple[str, ...] = ()


@dataclass(frozen=True)
class Requirement:
    """One assessable requirement (an SR, an RE or a 2-1 requirement)."""

    catalogue: str
    id: str
    title: str
    section: str  # FR id (security-level scale) or element id (maturity scale)
    summary: str
    level: int | None = None  # lowest SL that selects it (security-level scale only)
    parent: str | None = None  # the SR of an RE
    group: str | None = None  # 2-1 group
    guidance: str = ""
    remediation: str = ""
    evidence: tuple[str, ...] = ()
    maturity: tuple[str, ...] = ()  # ML1..ML4 descriptions (maturity scale only)
    translations: Mapping[Language, RequirementText] = field(default_factory=dict, compare=False)

    def in_language(self, language: Language) -> Requirement:
        """The same requirement read in `language`; a field not translated stays English."""
        text = self.translations.get(language)
        if text is None:
            return self
        return replace(
            self, title=text.title or self.title, summary=text.summary or self.summary,
            guidance=text.guidance or self.guidance, remediation=text.remediation or self.remediation,
            evidence=text.evidence or self.evidence, maturity=text.maturity or self.maturity,
        )

    @property
    def is_enhancement(self) -> bool:
        return self.parent is not None

    @property
    def fr_index(self) -> int:
        """0-based index of the FR in an SL vector (security-level scale only)."""
        return FR_IDS.index(self.section)


@dataclass(frozen=True)
class Catalogue:
    """One standard: its sections, groups and requirements in document order."""

    id: str
    title: str
    scale: Scale
    sections: tuple[Section, ...]
    groups: tuple[Group, ...]
    requirements: tuple[Requirement, ...]
    source: str = ""
    translations: Titles = field(default_factory=dict, compare=False)
    _index: dict[str, Requirement] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_index", {r.id: r for r in self.requirements})

    def __iter__(self) -> Iterator[Requirement]:
        return iter(self.requirements)

    def __len__(self) -> int:
        return len(self.requirements)

    @property
    def short_title(self) -> str:
        """The standard's short name ("IEC 62443-3-3" from "IEC 62443-3-3:2013 System ..."), else its id."""
        return self.title.split(":", 1)[0].strip()[:40] or self.id

    def __contains__(self, requirement_id: object) -> bool:
        return requirement_id in self._index

    def get(self, requirement_id: str) -> Requirement | None:
        return self._index.get(requirement_id)

    def section(self, section_id: str) -> Section:
        return next(s for s in self.sections if s.id == section_id)

    def in_language(self, language: Language) -> Catalogue:
        """The catalogue as a reader of `language` reads it: same ids, same order, translated text."""
        return replace(
            self, title=self.translations.get(language) or self.title,
            sections=tuple(s.in_language(language) for s in self.sections),
            groups=tuple(g.in_language(language) for g in self.groups),
            requirements=tuple(r.in_language(language) for r in self.requirements),
        )


class CatalogueSet:
    """The catalogues in use, with one id space: a requirement id names one requirement."""

    def __init__(self, catalogues: Iterable[Catalogue]) -> None:
        self.catalogues: tuple[Catalogue, ...] = tuple(catalogues)
        self._index: dict[str, Requirement] = {}
        for catalogue in self.catalogues:
            for requirement in catalogue:
                if requirement.id in self._index:
                    other = self._index[requirement.id].catalogue
                    raise ValueError(
                        f"{catalogue.source or catalogue.id}: requirement {requirement.id!r} "
                        f"is already defined by catalogue {other!r}"
                    )
                self._index[requirement.id] = requirement

    def __iter__(self) -> Iterator[Catalogue]:
        return iter(self.catalogues)

    def __contains__(self, requirement_id: object) -> bool:
        return requirement_id in self._index

    def requirement(self, requirement_id: str) -> Requirement:
        """The requirement of that id; KeyError with a readable message otherwise."""
        try:
            return self._index[requirement_id]
        except KeyError:
            raise KeyError(f"unknown requirement {requirement_id!r}") from None

    def catalogue(self, catalogue_id: str) -> Catalogue:
        return next(c for c in self.catalogues if c.id == catalogue_id)

    def in_language(self, language: Language) -> CatalogueSet:
        return CatalogueSet(c.in_language(language) for c in self.catalogues)

    def by_scale(self, scale: Scale) -> tuple[Catalogue, ...]:
        return tuple(c for c in self.catalogues if c.scale is scale)

    def requirements(self, scale: Scale) -> Iterator[Requirement]:
        for catalogue in self.by_scale(scale):
            yield from catalogue
