"""The built-in catalogues read in full in French, in the same shape as the English and in the
glossary's words (docs/glossary-fr.md)."""

from __future__ import annotations

import re

import pytest

from ot62443_desktop.domain.catalogue import CatalogueSet, Requirement
from ot62443_desktop.domain.catalogue_loader import missing_translations
from ot62443_desktop.domain.language import Language

FR = Language.FR
_ENGLISH_WORDS = re.compile(r"\b(the|and|with|which|should|must|their|from|that|this|are|is|of)\b")


def pairs(catalogues: CatalogueSet) -> list[tuple[Requirement, Requirement]]:
    french = catalogues.in_language(FR)
    return [(english, french.requirement(english.id)) for c in catalogues for english in c]


def texts(requirement: Requirement) -> list[str]:
    return [requirement.title, requirement.summary, requirement.guidance, requirement.remediation,
            *requirement.evidence, *requirement.maturity]


def test_every_field_of_every_builtin_requirement_has_french(catalogues: CatalogueSet) -> None:
    for catalogue in catalogues:
        assert missing_translations(catalogue, FR) == ()


def test_the_french_keeps_the_shape_of_the_english(catalogues: CatalogueSet) -> None:
    def shape(text: str) -> tuple[int, int, int]:
        lines = text.splitlines()
        return (sum(line.lstrip().startswith("- ") for line in lines),
                sum(bool(re.match(r"\s*\d+\.\s", line)) for line in lines), text.count("**"))

    for english, french in pairs(catalogues):
        for field in ("summary", "guidance", "remediation"):
            assert shape(getattr(french, field)) == shape(getattr(english, field)), (english.id, field)
        assert (len(french.evidence), len(french.maturity)) == (len(english.evidence), len(english.maturity))


def test_no_english_sentence_is_left_in_the_french(catalogues: CatalogueSet) -> None:
    for _english, french in pairs(catalogues):
        words = _ENGLISH_WORDS.findall(" ".join(texts(french)).lower())
        assert len(words) <= 3, (french.id, words)


def test_french_punctuation_never_starts_a_line(catalogues: CatalogueSet) -> None:
    """A non-breaking space before : ; ? ! and inside « », so a wrapped line never begins with one."""
    for _english, french in pairs(catalogues):
        for text in texts(french):
            assert not re.search(r"[ \t][:;?!»]|«[ \t]", text), (french.id, text[:80])


@pytest.mark.parametrize(("english", "french"), [
    ("**Compensating countermeasure:**", "**Contre-mesure compensatoire\u00a0:**"),
    ("**By level:**", "**Par niveau\u00a0:**"),
])
def test_lead_ins_are_the_glossary_s_words(catalogues: CatalogueSet, english: str, french: str) -> None:
    counted = [(e.id, e.remediation.count(english) + e.guidance.count(english),
                f.remediation.count(french) + f.guidance.count(french)) for e, f in pairs(catalogues)]
    assert sum(n for _id, n, _m in counted) > 10
    assert [(i, n) for i, n, _m in counted] == [(i, m) for i, _n, m in counted]


def test_section_titles_and_key_terms_follow_the_glossary(catalogues: CatalogueSet) -> None:
    french = catalogues.in_language(FR)
    frs = {s.id: s.title for s in french.catalogue("iec62443-3-3").sections}
    assert frs["FR 1"] == "Contrôle d'identification et d'authentification"
    assert frs["FR 7"] == "Disponibilité des ressources"
    everything = " ".join(t for c in french for r in c for t in texts(r))
    for term in ("niveau de sécurité cible", "poste d'ingénierie", "automate", "pare-feu", "journalisation",
                 "correctifs", "sauvegarde", "écart", "chef de quart", "propriétaire d'actifs"):
        assert term in everything, term
    for avoided in ("implémenté", "firewall", "niveau de sécurité visé", "patchs"):
        assert avoided not in everything.lower(), avoided
