"""The demo's findings, notes and countermeasures (resources/demo/findings.toml) are written per
requirement, and can only be read where they fit.

These tests read the file on their own: `listed` and `pattern` say, independently of the demo's
code, which texts a requirement may carry and what one reads like in a scope with given assets.
tests/test_demo.py holds every text the demo writes against them.
"""

from __future__ import annotations

import re
import string
import tomllib
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest

from ot62443_desktop.catalogues import builtin_catalogues
from ot62443_desktop.demo_texts import Texts
from ot62443_desktop.domain.catalogue import Requirement, Scale
from ot62443_desktop.domain.model import Asset

FINDINGS = Path(__file__).parents[1] / "resources" / "demo" / "findings.toml"


def read_texts() -> dict[str, Any]:
    return tomllib.loads(FINDINGS.read_text("utf-8"))


@pytest.fixture(scope="module")
def texts() -> dict[str, Any]:
    return read_texts()


def family_of(requirement: Requirement) -> str:
    return requirement.parent or requirement.group or requirement.id


def listed(texts: Mapping[str, Any], kind: str, requirement: Requirement) -> list[str | dict[str, Any]]:
    """The texts of `kind` for `requirement`: its own, else its family's, else its FR's or element's."""
    for key in (requirement.id, family_of(requirement), requirement.section):
        if kind in texts["text"].get(key, {}):
            return list(texts["text"][key][kind])
    return []


def pattern(texts: Mapping[str, Any], entry: str | dict[str, Any], word: str,
            assets: Sequence[Asset]) -> re.Pattern[str]:
    """What `entry` reads like when written in a scope called `word` with `assets`; never matches where
    the scope lacks an asset the entry names or has one its `unless` excludes."""
    text = entry if isinstance(entry, str) else entry["text"]
    types = {asset.type for asset in assets}
    if not isinstance(entry, str) and any(types & set(texts["roles"][role]) for role in entry["unless"]):
        return re.compile("(?!)")
    regex = ""
    for literal, field, _spec, _conversion in string.Formatter().parse(text):
        regex += re.escape(literal)
        if field == "scope":
            regex += re.escape(word)
        elif field:
            names = [asset.name for asset in assets if asset.type in texts["roles"][field]]
            regex += f"(?:{'|'.join(map(re.escape, names))})" if names else "(?!)"
    return re.compile(regex)


def reads_as(texts: Mapping[str, Any], kind: str, requirement: Requirement, text: str, word: str,
             assets: Sequence[Asset]) -> bool:
    """Whether `text` is one of `requirement`'s texts of `kind`, as written in that scope."""
    return any(pattern(texts, entry, word, assets).fullmatch(text) for entry in listed(texts, kind, requirement))


def test_a_finding_of_one_requirement_does_not_read_as_another_s(texts: dict[str, Any]) -> None:
    """Today's complaint: a shared-account finding under SR 1.8 (PKI certificates)."""
    catalogues = builtin_catalogues()
    shared_account = "Role accounts are shared by everyone who holds the role; no named logons."
    hmi = [Asset("HMI-02", "Operator workstation")]
    assert reads_as(texts, "gap", catalogues.requirement("SR 1.1 RE 1"), shared_account, "zone", hmi)
    assert not reads_as(texts, "gap", catalogues.requirement("SR 1.8"), shared_account, "zone", hmi)


def test_a_text_names_only_an_asset_of_its_scope_with_the_right_role(texts: dict[str, Any]) -> None:
    sr_1_1 = builtin_catalogues().requirement("SR 1.1 RE 1")
    finding = "Operators share the OPERATOR account on HMI-02; the shift log is the only record of who was at the desk."
    assert reads_as(texts, "gap", sr_1_1, finding, "zone", [Asset("HMI-02", "Operator workstation")])
    assert not reads_as(texts, "gap", sr_1_1, finding, "zone", [Asset("HMI-02", "PLC")])
    assert not reads_as(texts, "gap", sr_1_1, finding, "zone", [Asset("HMI-03", "Operator workstation")])


def test_a_reason_for_not_applicable_holds_only_where_the_scope_has_nothing_it_excludes(
        texts: dict[str, Any]) -> None:
    sr_1_6 = builtin_catalogues().requirement("SR 1.6")
    reason = "No wireless equipment in this zone; none found on the walk-down."
    assert reads_as(texts, "na", sr_1_6, reason, "zone", [Asset("PLC-1", "PLC")])
    assert not reads_as(texts, "na", sr_1_6, reason, "zone", [Asset("PLC-1", "PLC"), Asset("RTR-1", "Router")])


def test_every_requirement_has_its_own_findings_and_notes_and_every_family_a_countermeasure(
        texts: dict[str, Any]) -> None:
    catalogues = builtin_catalogues()
    requirements = [*catalogues.requirements(Scale.SECURITY_LEVEL), *catalogues.requirements(Scale.MATURITY)]
    for requirement in requirements:
        own = texts["text"].get(requirement.id, {})
        assert own.get("gap") and own.get("met"), requirement.id
        if requirement.level is not None:
            assert listed(texts, "countermeasure", requirement), requirement.id
        assert listed(texts, "accepted", requirement) and listed(texts, "owners", requirement), requirement.id
    families = {family_of(r) for r in requirements}
    assert len([f for f in families if f.startswith("SR")]) == 51 and len(families) == 51 + 16
    known = {r.id for r in requirements} | families | {r.section for r in requirements}
    assert set(texts["text"]) <= known, sorted(set(texts["text"]) - known)


def test_a_text_naming_an_unknown_role_is_refused(texts: dict[str, Any]) -> None:
    broken = {**texts, "text": {"SR 1.1": {"gap": ["{plcc} accepts anything."]}}}
    with pytest.raises(ValueError, match=r"unknown roles \['plcc'\]"):
        Texts(broken)
