"""What the demo's assessors write: findings, notes and countermeasures that fit their requirement.

A 62443 reader notices at once a finding about a shared Windows account under SR 1.8 (PKI
certificates), or "HMI-02" in a zone of PLCs. So each text is listed under its requirement (or
its family, FR or element: the most specific that has texts of that kind) and may name an asset
of the scope by role, which also keeps it out of scopes without such an asset
(resources/demo/findings.toml says how).
"""

from __future__ import annotations

import random
import string
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property
from importlib.resources import files
from typing import Any

from ot62443_desktop.domain.catalogue import Requirement
from ot62443_desktop.domain.model import Asset

SCOPE_WORD = "scope"  # the placeholder for "zone", "conduit" or "site"


class Kind(StrEnum):
    GAP = "gap"
    MET = "met"
    NOT_APPLICABLE = "na"
    COUNTERMEASURE = "countermeasure"
    ACCEPTED = "accepted"


@dataclass(frozen=True)
class Cast:
    """What a text may name in one scope: its assets' names per role, and what the scope is called."""

    word: str
    names: Mapping[str, tuple[str, ...]]

    @cached_property
    def roles(self) -> frozenset[str]:
        return frozenset(self.names)


@dataclass(frozen=True)
class Template:
    text: str
    roles: frozenset[str]
    unless: frozenset[str] = frozenset()

    def fits(self, cast: Cast) -> bool:
        return self.roles <= cast.roles and not self.unless & cast.roles

    def fill(self, cast: Cast, rng: random.Random) -> str:
        values = {role: rng.choice(cast.names[role]) for role in sorted(self.roles)}
        return self.text.format_map({SCOPE_WORD: cast.word, **values})


def load_texts() -> dict[str, Any]:
    return tomllib.loads(files("ot62443_desktop.resources").joinpath("demo/findings.toml").read_text("utf-8"))


def family_keys(requirement: Requirement) -> tuple[str, ...]:
    """Where texts for `requirement` are looked for, most specific first."""
    family = requirement.parent or requirement.group
    return tuple(key for key in (requirement.id, family, requirement.section) if key)


class Texts:
    """The demo's texts, chosen per requirement and scope."""

    def __init__(self, data: Mapping[str, Any]) -> None:
        self._role_types = {role: frozenset(types) for role, types in data["roles"].items()}
        self._table = {key: {Kind(kind): tuple(self._template(entry) for entry in entries)
                             for kind, entries in kinds.items() if kind != "owners"}
                       for key, kinds in data["text"].items()}
        self._owners = {key: tuple(kinds["owners"]) for key, kinds in data["text"].items() if "owners" in kinds}
        self._fitting: dict[tuple[frozenset[str], str, Kind], tuple[Template, ...]] = {}

    def _template(self, entry: str | Mapping[str, Any]) -> Template:
        text, unless = (entry, ()) if isinstance(entry, str) else (entry["text"], entry["unless"])
        roles = {field for _literal, field, _spec, _conv in string.Formatter().parse(text) if field}
        unknown = (roles - {SCOPE_WORD} | set(unless)) - self._role_types.keys()
        if unknown:
            raise ValueError(f"demo text names unknown roles {sorted(unknown)}: {text!r}")
        return Template(text, frozenset(roles - {SCOPE_WORD}), frozenset(unless))

    def cast(self, word: str, assets: Iterable[Asset]) -> Cast:
        names: dict[str, list[str]] = {}
        for asset in assets:
            for role, types in self._role_types.items():
                if asset.type in types:
                    names.setdefault(role, []).append(asset.name)
        return Cast(word, {role: tuple(found) for role, found in names.items()})

    def pick(self, kind: Kind, requirement: Requirement, cast: Cast, rng: random.Random,
             other_than: Template | None = None) -> Template | None:
        """A text of `kind` that fits `requirement` in `cast`'s scope (not `other_than`), or None."""
        fitting = [t for t in self._fitting_templates(kind, requirement, cast) if t is not other_than]
        return rng.choice(fitting) if fitting else None

    def owners(self, requirement: Requirement) -> tuple[str, ...]:
        return next((self._owners[key] for key in family_keys(requirement) if key in self._owners), ())

    def _fitting_templates(self, kind: Kind, requirement: Requirement, cast: Cast) -> tuple[Template, ...]:
        key = (cast.roles, requirement.id, kind)  # scopes with the same roles share the choice
        if key not in self._fitting:
            listed = next((self._table[k][kind] for k in family_keys(requirement)
                           if kind in self._table.get(k, {})), ())
            self._fitting[key] = tuple(t for t in listed if t.fits(cast))
        return self._fitting[key]
