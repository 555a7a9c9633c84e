"""French text in a catalogue: read as [<table>.fr] sub-tables, checked like the English, reported when missing."""

from __future__ import annotations

import pytest

from ot62443_desktop.domain.catalogue import Catalogue
from ot62443_desktop.domain.catalogue_loader import (
    CatalogueError,
    missing_translations,
    parse_catalogue,
    require_translations,
)
from ot62443_desktop.domain.language import Language

BILINGUAL = """
[catalogue]
id = "mini-21"
title = "Mini program"
scale = "maturity"
[catalogue.fr]
title = "Mini programme"

[[section]]
id = "ORG"
title = "Organizational security measures"
[section.fr]
title = "Mesures de sécurité organisationnelles"

[[group]]
id = "ORG 1"
section = "ORG"
title = "Security related organization and policies"
[group.fr]
title = "Organisation et politiques de sécurité"

[[requirement]]
id = "ORG 1.1"
title = "Security management system"
group = "ORG 1"
summary = "There is a management system."
guidance = "- Ask for the policy."
evidence = ["Signed policy", "Review minutes"]
maturity = ["ad hoc", "written", "followed", "measured"]
[requirement.fr]
title = "Système de management de la sécurité"
summary = "Un système de management existe."
evidence = ["Politique signée", "Comptes rendus de revue"]
maturity = ["ponctuel", "écrit", "appliqué", "mesuré"]
"""


def parse(text: str) -> Catalogue:
    return parse_catalogue(text.encode(), source="mini.toml")


def test_a_catalogue_reads_in_french_with_the_same_ids_and_order() -> None:
    french = parse(BILINGUAL).in_language(Language.FR)
    requirement = french.get("ORG 1.1")
    assert requirement is not None
    assert (french.title, french.sections[0].title, french.groups[0].title) == (
        "Mini programme", "Mesures de sécurité organisationnelles", "Organisation et politiques de sécurité")
    assert requirement.title == "Système de management de la sécurité"
    assert requirement.evidence == ("Politique signée", "Comptes rendus de revue")
    assert requirement.maturity[3] == "mesuré"


def test_a_field_not_translated_stays_english_and_is_reported() -> None:
    catalogue = parse(BILINGUAL)
    assert catalogue.in_language(Language.FR).get("ORG 1.1").guidance == "- Ask for the policy."  # type: ignore[union-attr]
    assert missing_translations(catalogue, Language.FR) == ("ORG 1.1: guidance",)
    with pytest.raises(CatalogueError, match=r"mini.toml: no Français text for ORG 1.1: guidance"):
        require_translations(catalogue, Language.FR)


def test_an_english_only_catalogue_is_valid_and_lists_everything_untranslated() -> None:
    catalogue = parse(_without_french(BILINGUAL))
    missing = missing_translations(catalogue, Language.FR)
    assert missing[:3] == ("[catalogue]: title", "section ORG: title", "group ORG 1: title")
    assert "ORG 1.1: maturity" in missing
    assert catalogue.in_language(Language.FR) == catalogue


def _without_french(text: str) -> str:
    """Drop every [x.fr] table and the lines that belong to it."""
    kept, skipping = [], False
    for line in text.splitlines():
        if line.startswith("["):
            skipping = line.endswith(".fr]")
        if not skipping:
            kept.append(line)
    return "\n".join(kept)


@pytest.mark.parametrize(("spoil", "reason"), [
    (("[requirement.fr]", "[requirement.fr]\nlevel = 2"), r"requirement 'ORG 1.1' \[fr\]: unknown field\(s\): level"),
    (('evidence = ["Politique signée", "Comptes rendus de revue"]', 'evidence = ["Politique signée"]'),
     r"requirement 'ORG 1.1' \[fr\]: 'evidence' has 1 lines, the English has 2"),
    (('maturity = ["ponctuel", "écrit", "appliqué", "mesuré"]', 'maturity = ["ponctuel"]'),
     r"'maturity' has 1 lines, the English has 4"),
    (('title = "Système de management de la sécurité"', "title = 7"), r"\[fr\]: field 'title' must be text"),
    (("[section.fr]\ntitle = \"Mesures de sécurité organisationnelles\"", "fr = 3"),
     r"section 'ORG' \[fr\]: must be a table of translated fields, not int"),
    (("[catalogue.fr]\ntitle = \"Mini programme\"", "[catalogue.fr]\ntitle = \" \""),
     r"\[catalogue\] \[fr\]: field 'title' is empty"),
])
def test_a_bad_translation_is_refused_naming_where(spoil: tuple[str, str], reason: str) -> None:
    old, new = spoil
    assert old in BILINGUAL
    with pytest.raises(CatalogueError, match=reason):
        parse(BILINGUAL.replace(old, new, 1))


def test_a_security_level_catalogue_has_no_maturity_to_translate() -> None:
    text = """
[catalogue]
id = "mini"
title = "Mini"
scale = "security_level"
[[section]]
id = "FR 1"
title = "IAC"
[[requirement]]
id = "SR 1.1"
title = "Human user identification"
section = "FR 1"
level = 1
summary = "Every person is identified."
[requirement.fr]
maturity = ["a", "b", "c", "d"]
"""
    with pytest.raises(CatalogueError, match=r"\[fr\]: unknown field\(s\): maturity"):
        parse(text)
