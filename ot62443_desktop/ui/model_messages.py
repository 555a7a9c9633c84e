"""The model's refusals in the GUI's language.

The domain refuses a value in English (the words of the CLI and the log) and names the rule it applied,
with the values it quotes (ModelError.rule, .values). The forms say that rule in their reader's words
here, so a check is made once, by the domain, and a French dialog still explains it in French.
tests/ui/test_model_messages.py holds every rule to a text and every text to a refusal the domain makes.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ot62443_desktop.domain.model import ModelError, Rule
from ot62443_desktop.ui.i18n import fill

translate = QCoreApplication.translate


def rule_texts() -> dict[Rule, str]:
    """Each rule said to the person; %1, %2... are the error's values in order."""
    return {
        Rule.CLIENT_EMPTY: translate("ModelMessages", "The client must not be empty."),
        Rule.SITE_EMPTY: translate("ModelMessages", "The site must not be empty."),
        Rule.TARGET_ML: translate("ModelMessages", "The target maturity must be 1 to 4, not %1."),
        Rule.DATES: translate("ModelMessages", "The assessment end date is before its start date."),
        Rule.LAYERS: translate("ModelMessages", "A project has at most %1 layers, each with a name."),
        Rule.LAYER_TWICE: translate("ModelMessages", "Two layers have the same name."),
        Rule.ASSET_NAME: translate("ModelMessages", "An asset needs a name."),
        Rule.ASSET_FIELDS: translate("ModelMessages", "An asset line has at most 5 fields (name; type; vendor/model; "
                                                      "firmware; notes): “%1”."),
        Rule.ZONE_ID_RESERVED: translate("ModelMessages", "The id “%1” is reserved for the site program; choose "
                                                          "another."),
        Rule.ZONE_ID: translate("ModelMessages", "Zone id “%1” must be 1-40 letters, digits, '.', '_' or '-', "
                                                 "starting with a letter or digit."),
        Rule.ZONE_NAME: translate("ModelMessages", "Zone %1: the name must not be empty."),
        Rule.SL_T: translate("ModelMessages", "Zone %1: the SL-T must be 7 levels of 0 to 4, not %2."),
        Rule.LEVEL: translate("ModelMessages", "Zone %1: the layer must be 0 to %2, not %3."),
        Rule.CONNECTS_ZONE: translate("ModelMessages", "Zone %1: only a conduit connects zones."),
        Rule.CONNECTS_ITSELF: translate("ModelMessages", "Conduit %1 cannot connect itself."),
        Rule.CONNECTS_TWICE: translate("ModelMessages", "Conduit %1 names a zone twice among those it connects."),
        Rule.CONNECTS_ID: translate("ModelMessages", "Conduit %1: “%2” is not a zone id."),
        Rule.MATURITY: translate("ModelMessages", "The achieved maturity must be 0 to 4, not %1."),
        Rule.JUSTIFICATION: translate("ModelMessages", "An accepted risk needs a justification."),
    }


def model_message(error: ModelError) -> str:
    """What the person is told of a refusal: its rule in the GUI's words, or (a refusal the GUI worded
    itself) its message as it is."""
    if error.rule is None:
        return str(error)
    return fill(rule_texts()[error.rule], *error.values)
