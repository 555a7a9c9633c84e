"""The French translation of the GUI is complete and current, and says what the source says.

pyside6-lupdate is run on today's sources into a copy of the committed .ts: a string added to
the GUI and not translated, or still marked unfinished, fails here (the fix is to run
packaging/update_translations.py and translate what it lists).
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
NBSP = "\u00a0"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("update_translations", ROOT / "packaging" / "update_translations.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


update = _script()
Key = tuple[str, str, str]  # context, source, disambiguation


def messages(ts: Path) -> dict[Key, ET.Element]:
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        for message in context.iter("message"):
            key = (context.findtext("name") or "", message.findtext("source") or "", message.findtext("comment") or "")
            found[key] = message
    return found


def forms(message: ET.Element) -> list[str]:
    """The translation, or each of its plural forms."""
    translation = message.find("translation")
    assert translation is not None
    plural = translation.findall("numerusform")
    return [f.text or "" for f in plural] if plural else [translation.text or ""]


@pytest.fixture(scope="module")
def committed() -> dict[Key, ET.Element]:
    return messages(update.ts_file("fr"))


def lupdated(language: str, folder: Path) -> dict[Key, ET.Element]:
    """The committed .ts of `language` merged with what lupdate finds in the sources today."""
    copy = folder / update.ts_file(language).name
    shutil.copy2(update.ts_file(language), copy)
    update.run_lupdate(copy, language)
    return messages(copy)


@pytest.fixture(scope="module", params=list(update.LANGUAGES))
def language(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def test_every_string_of_the_sources_has_a_finished_translation(language: str, tmp_path: Path) -> None:
    """French: every string; English: the plural forms of every "%n" string."""
    fresh = lupdated(language, tmp_path)
    assert len(fresh) > (250 if language == "fr" else 6)  # lupdate saw the GUI (a broken run finds nothing)
    untranslated = [key[1] for key, message in fresh.items()
                    if message.find("translation").get("type") in {"unfinished", "vanished", "obsolete"}  # type: ignore[union-attr]
                    or not all(form.strip() for form in forms(message))]
    assert untranslated == [], "run packaging/update_translations.py and translate these"
    committed = messages(update.ts_file(language))
    assert sorted(set(fresh) - set(committed)) == [], "new strings: run packaging/update_translations.py"
    assert sorted(set(committed) - set(fresh)) == [], "strings no longer in the sources: run the script"
    if language == "en":
        assert all(message.get("numerus") == "yes" for message in committed.values())


def test_plural_strings_have_both_french_forms(committed: dict[Key, ET.Element]) -> None:
    """French has two forms (1 écart, 2 écarts; 0 takes the singular); lrelease picks them by the file's language."""
    root = ET.parse(update.ts_file("fr")).getroot()
    assert (root.get("language"), root.get("sourcelanguage")) == ("fr", "en")
    plural = {key: forms(m) for key, m in committed.items() if m.get("numerus") == "yes"}
    assert len(plural) >= 6
    assert {key[1]: len(f) for key, f in plural.items() if len(f) != 2} == {}


def _placeholders(text: str) -> Counter[str]:
    return Counter(re.findall(r"%(?:[1-9]|n)", text))


def test_placeholders_match_between_source_and_translation(language: str) -> None:
    wrong = [(key[1], form) for key, message in messages(update.ts_file(language)).items()
             for form in forms(message) if _placeholders(form) != _placeholders(key[1])]
    assert wrong == []


def _mnemonics(text: str) -> int:
    return len(re.findall(r"&(?!&)", text.replace("&&", "")))


def test_keyboard_mnemonics_survive_translation(committed: dict[Key, ET.Element]) -> None:
    """A menu entry or field label keeps its Alt+letter; '&&' (a literal ampersand) stays literal."""
    wrong = [(key[1], form) for key, message in committed.items() for form in forms(message)
             if _mnemonics(form) != _mnemonics(key[1]) or form.count("&&") != key[1].count("&&")]
    assert wrong == []


def test_french_typography_puts_a_no_break_space_before_high_punctuation(committed: dict[Key, ET.Element]) -> None:
    """As docs/glossary-fr.md asks: "Statut : …", never "Statut: …" nor a line that starts with a colon."""
    wrong = [form for message in committed.values() for form in forms(message)
             if re.search(r"(?<=\S)[:;?!](?=\s|$)|[ ][:;?!]", form.replace("http:", ""))]
    assert wrong == []


GLOSSARY = {  # (context, English) -> the French of docs/glossary-fr.md, which the catalogues and exports use too
    ("Labels", "Not assessed"): "Non évalué",
    ("Labels", "Implemented"): "Mis en œuvre",
    ("Labels", "Partial"): "Partiel",
    ("Labels", "Not implemented"): "Non mis en œuvre",
    ("Labels", "Not applicable"): "Non applicable",
    ("Labels", "Compensated"): "Compensé",
    ("Labels", "Compensating countermeasure"): "Contre-mesure compensatoire",
    ("Labels", "Open"): "Ouvert",
    ("Labels", "In progress"): "En cours",
    ("Labels", "Done"): "Terminé",
    ("Labels", "Risk accepted"): "Risque accepté",
    ("Labels", "Finding"): "Constat",
    ("Labels", "Owner"): "Responsable",
    ("Labels", "Initial"): "Initial",
    ("Labels", "Managed"): "Géré",
    ("Labels", "Defined (practised)"): "Défini (pratiqué)",
    ("Labels", "Improving"): "En amélioration",
    ("GapsModel", "Due"): "Échéance",
    ("ProjectView", "Remediation plan"): "Plan de remédiation",
    ("RequirementPage", "Evidence"): "Éléments de preuve",
}
# the glossary chose écart, mis en œuvre, cible, responsable, échéance, éléments de preuve
NOT_OUR_WORDS = ("lacune", "implémenté", "niveau de sécurité visé", "propriétaire de l'action", "date d'échéance",
                 "preuves")


def test_the_gui_uses_the_glossary_words(committed: dict[Key, ET.Element]) -> None:
    assert {key: forms(committed[(*key, "")])[0] for key in GLOSSARY} == GLOSSARY
    every = " ".join(form.lower() for message in committed.values() for form in forms(message))
    assert [word for word in NOT_OUR_WORDS if word in every] == []
    assert "écart" in every and "gap" not in every
