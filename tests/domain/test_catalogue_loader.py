"""The catalogue validator: every invalid case refused with file, id and reason; never half."""

from __future__ import annotations

import json
import string
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ot62443_desktop.domain.catalogue import Scale
from ot62443_desktop.domain.catalogue_loader import CatalogueError, load_catalogue_file, parse_catalogue

VALID = """
[catalogue]
id = "mini"
title = "Mini catalogue"
scale = "security_level"

[[section]]
id = "FR 1"
code = "IAC"
title = "Identification and authentication control"

[[requirement]]
id = "SR 1.1"
title = "Human user identification"
section = "FR 1"
level = 1
summary = "Every person is identified."

[[requirement]]
id = "SR 1.1 RE 1"
parent = "SR 1.1"
title = "Unique identification"
section = "FR 1"
level = 2
summary = "Each person has a unique account."
"""


def parse(text: str) -> Any:
    return parse_catalogue(text.encode(), source="mini.toml")


def test_valid_catalogue_loads_into_frozen_requirements() -> None:
    catalogue = parse(VALID)
    assert catalogue.scale is Scale.SECURITY_LEVEL
    assert [r.id for r in catalogue] == ["SR 1.1", "SR 1.1 RE 1"]
    re1 = catalogue.get("SR 1.1 RE 1")
    assert re1 is not None and re1.parent == "SR 1.1" and re1.level == 2 and re1.is_enhancement
    with pytest.raises(AttributeError):
        re1.level = 3  # type: ignore[misc]


@pytest.mark.parametrize(
    ("edit", "where", "reason"),
    [
        (lambda t: t + 'x = [', None, "not valid TOML"),
        (lambda t: t.replace('id = "SR 1.1 RE 1"', 'id = "SR 1.1"'), "requirement 'SR 1.1'", "duplicate id"),
        (lambda t: t.replace('parent = "SR 1.1"', 'parent = "SR 9.9"'), "requirement 'SR 1.1 RE 1'",
         "unknown parent 'SR 9.9'"),
        (lambda t: t.replace("level = 2", "level = 5"), "requirement 'SR 1.1 RE 1'", "level 5 out of range"),
        (lambda t: t.replace("level = 1", "level = 0"), "requirement 'SR 1.1'", "level 0 out of range"),
        (lambda t: t.replace("level = 2", 'level = "2"'), "requirement 'SR 1.1 RE 1'", "out of range"),
        (lambda t: t.replace('title = "Human user identification"\n', ""), "requirement 'SR 1.1'",
         "missing field 'title'"),
        (lambda t: t.replace('summary = "Every person is identified."', 'summary = "  "'),
         "requirement 'SR 1.1'", "field 'summary' is empty"),
        (lambda t: t.replace('section = "FR 1"\nlevel = 1', 'section = "FR 8"\nlevel = 1'),
         "requirement 'SR 1.1'", "unknown foundational requirement 'FR 8'"),
        (lambda t: t.replace('[[section]]\nid = "FR 1"', '[[section]]\nid = "FR 9"'), "section 'FR 9'",
         "unknown foundational requirement"),
        (lambda t: t.replace("level = 2", "level = 2\nlevle = 3"), "requirement 'SR 1.1 RE 1'",
         "unknown field(s): levle"),
        (lambda t: t.replace('scale = "security_level"', 'scale = "stars"'), "[catalogue]", "unknown scale"),
        (lambda t: t.replace('title = "Mini catalogue"\n', ""), "[catalogue]", "missing field 'title'"),
        (lambda t: t.replace("level = 2", "level = 2\nevidence = [1]"), "requirement 'SR 1.1 RE 1'",
         "must be a list of text"),
    ],
)
def test_invalid_catalogue_is_refused_naming_file_id_and_reason(edit: Any, where: str | None, reason: str) -> None:
    with pytest.raises(CatalogueError) as caught:
        parse(edit(VALID))
    assert caught.value.source == "mini.toml"
    assert caught.value.where == where
    assert reason in caught.value.reason
    assert str(caught.value).startswith("mini.toml: ")


def test_enhancement_below_its_parents_level_is_refused() -> None:
    text = VALID.replace("level = 1", "level = 3")
    with pytest.raises(CatalogueError, match="level 2 is below its parent's level 3"):
        parse(text)


def test_maturity_catalogue_needs_known_group_and_four_maturity_lines() -> None:
    text = """
[catalogue]
id = "prog"
title = "Program"
scale = "maturity"
[[section]]
id = "ORG"
title = "Organization"
[[group]]
id = "ORG 1"
section = "ORG"
title = "Policies"
[[requirement]]
id = "ORG 1.1"
title = "ISMS"
group = "ORG 1"
summary = "Run a management system."
maturity = ["a", "b", "c", "d"]
"""
    catalogue = parse_catalogue(text.encode(), source="prog.toml")
    assert catalogue.get("ORG 1.1") is not None and catalogue.requirements[0].section == "ORG"
    with pytest.raises(CatalogueError, match="requirement 'ORG 1.1': unknown group 'ORG 2'"):
        parse_catalogue(text.replace('group = "ORG 1"', 'group = "ORG 2"').encode(), source="prog.toml")
    with pytest.raises(CatalogueError, match="needs 4 lines"):
        parse_catalogue(text.replace('"c", "d"', '"c"').encode(), source="prog.toml")
    with pytest.raises(CatalogueError, match="group 'ORG 1': unknown element 'XYZ'"):
        parse_catalogue(text.replace('section = "ORG"', 'section = "XYZ"').encode(), source="prog.toml")


def test_unreadable_and_non_utf8_files_are_refused(tmp_path: Path) -> None:
    with pytest.raises(CatalogueError, match="cannot read file"):
        load_catalogue_file(tmp_path / "missing.toml")
    bad = tmp_path / "latin1.toml"
    bad.write_bytes("title = 'caf\xe9'".encode("latin-1"))
    with pytest.raises(CatalogueError, match="not UTF-8"):
        load_catalogue_file(bad)


# -- property tests: generated catalogues ------------------------------------------------

def toml_value(value: Any) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(map(toml_value, value)) + "]"
    return json.dumps(value, ensure_ascii=False)


def to_toml(doc: dict[str, Any]) -> str:
    lines = ["[catalogue]"] + [f"{k} = {toml_value(v)}" for k, v in doc["catalogue"].items()]
    for table in ("section", "requirement"):
        for item in doc[table]:
            lines.append(f"[[{table}]]")
            lines += [f"{k} = {toml_value(v)}" for k, v in item.items()]
    return "\n".join(lines) + "\n"


ids = st.text(string.ascii_uppercase + string.digits + " .", min_size=1, max_size=12)
ids = ids.map(str.strip).filter(bool)
texts = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40)
texts = texts.filter(lambda s: s.strip() != "")


@st.composite
def catalogues(draw: st.DrawFn) -> dict[str, Any]:
    all_frs = [f"FR {n}" for n in range(1, 8)]
    frs = draw(st.lists(st.sampled_from(all_frs), min_size=1, max_size=7, unique=True))
    srs = draw(st.lists(ids, min_size=1, max_size=8, unique=True))
    requirements = []
    for sr in srs:
        fr, level = draw(st.sampled_from(frs)), draw(st.integers(1, 4))
        requirements.append({"id": sr, "title": draw(texts), "section": fr, "level": level,
                             "summary": draw(texts)})
        for n in range(draw(st.integers(0, 2))):
            requirements.append({"id": f"{sr} RE {n + 1}", "parent": sr, "title": draw(texts), "section": fr,
                                 "level": draw(st.integers(level, 4)), "summary": draw(texts)})
    unique = {r["id"]: r for r in requirements}
    return {"catalogue": {"id": "gen", "title": "Generated", "scale": "security_level"},
            "section": [{"id": fr, "title": f"Title of {fr}"} for fr in frs],
            "requirement": list(unique.values())}


@settings(max_examples=60, deadline=None)
@given(catalogues())
def test_generated_valid_catalogues_load_completely(doc: dict[str, Any]) -> None:
    catalogue = parse(to_toml(doc))
    assert [r.id for r in catalogue] == [r["id"] for r in doc["requirement"]]
    assert all(r.summary == next(d for d in doc["requirement"] if d["id"] == r.id)["summary"].strip()
               for r in catalogue)


@settings(max_examples=60, deadline=None)
@given(catalogues(), st.data())
def test_any_single_defect_is_refused_and_names_the_requirement(doc: dict[str, Any], data: st.DataObject) -> None:
    victim = data.draw(st.sampled_from(doc["requirement"]))
    defect = data.draw(st.sampled_from(["duplicate", "level", "parent", "title", "section"]))
    if defect == "duplicate":
        doc["requirement"].append(dict(victim))
    elif defect == "level":
        victim["level"] = data.draw(st.sampled_from([0, 5, -1, 17]))
    elif defect == "parent":
        victim["parent"] = victim["id"] + " missing"
    elif defect == "title":
        del victim["title"]
    else:
        victim["section"] = "FR 0"
    with pytest.raises(CatalogueError) as caught:
        parse(to_toml(doc))
    assert caught.value.where == f"requirement {victim['id']!r}"
