"""The model's refusals in the GUI's language. The domain refuses a value in English (the CLI's and the log's
words) and names the rule it applied; the GUI says that rule in its own language. Each rule has its GUI text,
each GUI text answers a refusal the domain really makes, and a French dialog says it in French."""

from __future__ import annotations

import ast
import pickle
import re
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

import ot62443_desktop.domain.model as model
from ot62443_desktop.domain.model import (
    MAX_LAYERS,
    SITE_SCOPE,
    Answer,
    Asset,
    ItemState,
    ModelError,
    ProjectInfo,
    RemediationItem,
    Rule,
    ScopeKind,
    Status,
    Zone,
)
from ot62443_desktop.ui.model_messages import model_message, rule_texts
from ot62443_desktop.ui.project_dialog import ProjectDialog
from ot62443_desktop.ui.zone_dialog import ZoneDialog
from tests.ui import test_french_gui
from tests.ui.test_translations import messages, update
from tests.ui.test_zones_and_details import press_ok

compiled, french = test_french_gui.compiled, test_french_gui.french

ONE = Zone.uniform(1)
CONDUIT = ScopeKind.CONDUIT

#: For each rule, a value the domain refuses under it.
REFUSED: dict[Rule, Callable[[], object]] = {
    Rule.CLIENT_EMPTY: lambda: ProjectInfo(" ", "North"),
    Rule.SITE_EMPTY: lambda: ProjectInfo("ACME", ""),
    Rule.TARGET_ML: lambda: ProjectInfo("ACME", "North", target_ml=5),
    Rule.DATES: lambda: ProjectInfo("ACME", "North", start_date=date(2026, 3, 2), end_date=date(2026, 3, 1)),
    Rule.LAYERS: lambda: ProjectInfo("ACME", "North", layers=("Field", " ")),
    Rule.LAYER_TWICE: lambda: ProjectInfo("ACME", "North", layers=("Field", "Field")),
    Rule.ASSET_NAME: lambda: Asset(" "),
    Rule.ASSET_FIELDS: lambda: Asset.from_line("PLC-1; PLC; Vendor; 2.1; spare; extra"),
    Rule.ZONE_ID_RESERVED: lambda: Zone(SITE_SCOPE, "Site", ONE),
    Rule.ZONE_ID: lambda: Zone("Zone 1!", "Cell", ONE),
    Rule.ZONE_NAME: lambda: Zone("Z1", " ", ONE),
    Rule.SL_T: lambda: Zone("Z1", "Cell", (5, 1, 1, 1, 1, 1, 1)),
    Rule.LEVEL: lambda: Zone("Z1", "Cell", ONE, level=MAX_LAYERS),
    Rule.CONNECTS_ZONE: lambda: Zone("Z1", "Cell", ONE, connects=("Z2",)),
    Rule.CONNECTS_ITSELF: lambda: Zone("C1", "Link", ONE, kind=CONDUIT, connects=("Z1", "C1")),
    Rule.CONNECTS_TWICE: lambda: Zone("C1", "Link", ONE, kind=CONDUIT, connects=("Z1", "Z1")),
    Rule.CONNECTS_ID: lambda: Zone("C1", "Link", ONE, kind=CONDUIT, connects=("Z1", "not an id")),
    Rule.MATURITY: lambda: Answer(SITE_SCOPE, "ORG 1.1", Status.PARTIAL, ml=7),
    Rule.JUSTIFICATION: lambda: RemediationItem("Z1", "SR 1.1", state=ItemState.RISK_ACCEPTED),
}


def refusal(rule: Rule) -> ModelError:
    with pytest.raises(ModelError) as caught:
        REFUSED[rule]()
    return caught.value


def test_every_refusal_of_the_domain_names_its_rule() -> None:
    """A ModelError raised without a rule would reach a French GUI in English."""
    calls = [node for node in ast.walk(ast.parse(Path(model.__file__).read_text(encoding="utf-8")))
             if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "ModelError"]
    assert calls and all(len(c.args) >= 2 and ast.unparse(c.args[1]).startswith("Rule.") for c in calls)


def test_the_gui_says_every_rule_and_only_the_domains_rules() -> None:
    assert set(rule_texts()) == set(Rule) == set(REFUSED)


@pytest.mark.parametrize("rule", list(Rule))
def test_each_gui_text_answers_a_refusal_the_domain_makes(rule: Rule) -> None:
    error = refusal(rule)
    assert error.rule is rule
    text = model_message(error)
    assert not re.search(r"%\d", text), text  # every placeholder filled, with what the domain quoted
    assert all(str(value) in text for value in error.values), (text, error.values)
    assert len(set(re.findall(r"%(\d)", rule_texts()[rule]))) == len(error.values)


def test_a_refusal_from_a_background_job_keeps_its_rule() -> None:
    error = refusal(Rule.CONNECTS_ID)
    again = pickle.loads(pickle.dumps(error))
    assert (type(again), str(again), again.rule, again.values) == (ModelError, str(error), Rule.CONNECTS_ID,
                                                                   ("C1", "not an id"))


def test_a_refusal_made_by_the_gui_itself_is_shown_as_it_was_worded() -> None:
    assert model_message(ModelError("Asset row 3 has no name.")) == "Asset row 3 has no name."


@pytest.mark.parametrize("rule", list(Rule))
def test_in_french_each_refusal_is_said_in_french(french: None, rule: Rule) -> None:
    english = {source for context, source, _ in messages(update.ts_file("fr")) if context == "ModelMessages"}
    template = rule_texts()[rule]
    assert template and template not in english
    assert "\u00a0:" in template or ":" not in template  # French punctuation


# -- the dialogs, as the person fills them in ---------------------------------------------------------


@pytest.fixture
def zone_dialog(qtbot: QtBot) -> Iterator[ZoneDialog]:
    dialog = ZoneDialog({"Z1"})
    qtbot.addWidget(dialog)
    yield dialog


@pytest.mark.parametrize(("zone_id", "name", "said"), [
    ("Zone 1!", "Cellule", "L'id de zone «\u00a0Zone 1!\u00a0» doit compter de 1 à 40 caractères (lettres, chiffres, "
                           "point, tiret bas ou tiret) et commencer par une lettre ou un chiffre."),
    ("site", "Cellule", "L'id «\u00a0site\u00a0» est réservé au programme du site\u00a0; choisissez-en un autre."),
    ("Z2", "", "Zone Z2\u00a0: le nom ne peut pas être vide."),
])
def test_a_french_zone_dialog_says_why_in_french(french: None, qtbot: QtBot, zone_dialog: ZoneDialog,
                                                 zone_id: str, name: str, said: str) -> None:
    qtbot.keyClicks(zone_dialog.id_edit, zone_id)
    qtbot.keyClicks(zone_dialog.name_edit, name)
    press_ok(qtbot, zone_dialog)
    assert zone_dialog.result_zone is None and zone_dialog.error.isVisibleTo(zone_dialog)
    assert zone_dialog.error.text() == said
    with pytest.raises(ModelError) as caught:  # the domain refuses the same zone, under the rule said
        Zone(zone_id, name, ONE)
    assert model_message(caught.value) == said


def test_a_french_project_dialog_says_why_in_french(french: None, qtbot: QtBot) -> None:
    dialog = ProjectDialog()
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.site, "Usine nord")
    press_ok(qtbot, dialog)
    assert dialog.result_info is None and dialog.error.text() == "Le client ne peut pas être vide."
    qtbot.keyClicks(dialog.client, "ACME")
    dialog.end.enabled.setChecked(True)
    dialog.end.edit.setDate(dialog.start.edit.date().addDays(-3))
    press_ok(qtbot, dialog)
    assert dialog.result_info is None
    assert dialog.error.text() == "La date de fin de l'évaluation est antérieure à sa date de début."


def test_an_english_dialog_says_it_in_english(qtbot: QtBot, zone_dialog: ZoneDialog) -> None:
    qtbot.keyClicks(zone_dialog.id_edit, "Zone 1!")
    qtbot.keyClicks(zone_dialog.name_edit, "Cell")
    press_ok(qtbot, zone_dialog)
    assert zone_dialog.error.text().startswith("Zone id “Zone 1!” must be 1-40 letters")
