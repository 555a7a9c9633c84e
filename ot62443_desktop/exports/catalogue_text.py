"""Which catalogues an export's figures come from, and which ones the project names that the computer
making the export did not have (their answers stay in the project file but are in no figure here)."""

from __future__ import annotations

from ot62443_desktop.domain.catalogue import CatalogueSet
from ot62443_desktop.domain.model import ProjectInfo
from ot62443_desktop.exports.wording import Translator


def catalogues_used(catalogues: CatalogueSet) -> str:
    """The catalogues assessed against, by short name, the built-in ones first."""
    return ", ".join(c.short_title for c in catalogues)


def missing_catalogues(info: ProjectInfo, catalogues: CatalogueSet) -> tuple[str, ...]:
    """The ids of the catalogues the project names that are not among `catalogues`."""
    have = {c.id for c in catalogues}
    return tuple(name for name in info.catalogues if name not in have)


def missing_note(info: ProjectInfo, catalogues: CatalogueSet, tr: Translator) -> str:
    """What a reader must know of the missing catalogues, or "" when none is missing."""
    missing = missing_catalogues(info, catalogues)
    if not missing:
        return ""
    return tr.n("{names}: named by the project but not on the computer that made this document; the answers "
                "recorded against it are in no figure here",
                "{names}: named by the project but not on the computer that made this document; the answers "
                "recorded against them are in no figure here", len(missing), names=", ".join(missing))
