"""The exports' words in the report language.

The documents are written in English in the code, each text marked: `tr("...")` where it is
shown, `N_("...")` where a label is defined for later. french.py gives the French of every
marked text; tests/exports/test_wording.py checks that none is missing and none is stale.
"""

from __future__ import annotations

from ot62443_desktop.domain.language import Language, Translator
from ot62443_desktop.exports.french import FRENCH

__all__ = ["N_", "Translator", "translator"]


def N_(text: str) -> str:  # noqa: N802 - the gettext convention, so readers know it at once
    """Marks a text to translate where it is defined; it is translated where it is shown."""
    return text


def translator(language: Language) -> Translator:
    """The words of a document in `language`."""
    return Translator(language, FRENCH)
