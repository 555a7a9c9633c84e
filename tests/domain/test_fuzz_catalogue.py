"""Fuzzing the catalogue validator: any TOML gives a catalogue or one CatalogueError naming the file.

Three sources: any TOML document, any bytes, and a valid catalogue with one part replaced,
removed or added (so that generated input reaches the checks behind the first ones).
"""

from __future__ import annotations

import json
import math
import tomllib
from collections.abc import Iterator
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ot62443_desktop.domain.catalogue import Catalogue
from ot62443_desktop.domain.catalogue_loader import CatalogueError, load_catalogue_file, parse_catalogue

EXAMPLES = 400  # per test: enough to find each bug fixed here, in a few seconds each
FUZZ = settings(max_examples=EXAMPLES, deadline=None)
SOURCE = "fuzz.toml"

SL_CATALOGUE: dict[str, Any] = {
    "catalogue": {"id": "mini", "title": "Mini", "scale": "security_level"},
    "section": [{"id": "FR 1", "code": "IAC", "title": "Identification"}],
    "requirement": [
        {"id": "SR 1.1", "title": "Users", "section": "FR 1", "level": 1, "summary": "Identify people.",
         "guidance": "g", "remediation": "r", "evidence": ["a list"]},
        {"id": "SR 1.1 RE 1", "parent": "SR 1.1", "title": "Unique", "section": "FR 1", "level": 2,
         "summary": "One account each."},
    ],
}
ML_CATALOGUE: dict[str, Any] = {
    "catalogue": {"id": "prog", "title": "Program", "scale": "maturity"},
    "section": [{"id": "ORG", "title": "Organization"}],
    "group": [{"id": "ORG 1", "section": "ORG", "title": "Policies"}],
    "requirement": [{"id": "ORG 1.1", "title": "ISMS", "group": "ORG 1", "summary": "Run it.",
                     "maturity": ["ad hoc", "managed", "defined", "improving"]}],
}


# -- a TOML writer for the generated documents (inline tables and arrays are enough) --------

def toml_string(text: str) -> str:
    """A TOML basic string: JSON's escapes are TOML's, except that DEL must be escaped too."""
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return "nan" if math.isnan(value) else ("inf" if value > 0 else "-inf") if math.isinf(value) else repr(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return toml_string(value)
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(map(toml_value, value)) + "]"
    return "{" + ", ".join(f"{toml_string(k)} = {toml_value(v)}" for k, v in value.items()) + "}"


def to_toml(doc: dict[str, Any]) -> str:
    return "".join(f"{toml_string(k)} = {toml_value(v)}\n" for k, v in doc.items())


# -- generated TOML values -------------------------------------------------------------------

keys = st.sampled_from(["catalogue", "section", "group", "requirement", "id", "title", "scale", "code",
                        "level", "parent", "summary", "guidance", "remediation", "evidence", "maturity",
                        "security_level", "FR 1", "SR 1.1"]) | st.text(max_size=6)
scalars = (st.booleans() | st.integers() | st.integers(-(10**30), 10**30)
           | st.floats() | st.text(max_size=12) | st.sampled_from(["security_level", "maturity", "FR 1", "SR 1.1"])
           | st.dates() | st.times() | st.datetimes() | st.datetimes(timezones=st.just(UTC)))
toml_values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=5),
    max_leaves=12,
)
documents = st.dictionaries(keys, toml_values, max_size=5)


def node_paths(value: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """The path of every value in a document (not the document itself)."""
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, child in items:
        yield (*prefix, key)
        yield from node_paths(child, (*prefix, key))


SPOILABLE = [(name, path) for name, doc in (("sl", SL_CATALOGUE), ("ml", ML_CATALOGUE))
             for path in node_paths(doc)]


def parse_or_refuse(data: bytes) -> Catalogue | None:
    """The catalogue, or None after checking the CatalogueError names the file in one line."""
    try:
        catalogue = parse_catalogue(data, source=SOURCE)
    except CatalogueError as exc:
        message = str(exc)
        assert message.startswith(f"{SOURCE}: ") and "\n" not in message and len(message) < 600, message
        return None
    assert catalogue.requirements and all(isinstance(r.title, str) and r.title for r in catalogue)
    return catalogue


def test_the_writer_round_trips_and_the_spoiled_documents_start_valid() -> None:
    for doc in (SL_CATALOGUE, ML_CATALOGUE):
        assert tomllib.loads(to_toml(doc)) == doc
        assert parse_or_refuse(to_toml(doc).encode()) is not None


@FUZZ
@given(documents)
def test_any_toml_document_gives_a_catalogue_or_one_error(doc: dict[str, Any]) -> None:
    parse_or_refuse(to_toml(doc).encode())


@FUZZ
@given(st.binary(max_size=300) | st.text(max_size=300).map(str.encode))
def test_any_bytes_give_a_catalogue_or_one_error(data: bytes) -> None:
    parse_or_refuse(data)


@FUZZ
@given(st.sampled_from(SPOILABLE), st.sampled_from(["replace", "remove", "add"]), toml_values, keys)
def test_a_valid_catalogue_with_one_part_spoiled_gives_a_catalogue_or_one_error(
        spoil: tuple[str, tuple[Any, ...]], action: str, value: Any, key: str) -> None:
    name, path = spoil
    doc = json.loads(json.dumps(SL_CATALOGUE if name == "sl" else ML_CATALOGUE))
    *parents, last = path
    holder = doc
    for step in parents:
        holder = holder[step]
    if action == "replace":
        holder[last] = value
    elif action == "remove":
        del holder[last]
    elif isinstance(holder[last], dict):
        holder[last][key] = value
    elif isinstance(holder[last], list):
        holder[last].append(value)
    else:
        holder[last] = [holder[last], value]
    parse_or_refuse(to_toml(doc).encode())


@pytest.mark.parametrize(
    ("edit", "reason"),
    [
        (lambda doc: doc["catalogue"].pop("scale"), "[catalogue]: missing field 'scale'"),
        (lambda doc: doc["catalogue"].update(scale=["security_level"]), "field 'scale' must be text, not list"),
        (lambda doc: doc["catalogue"].update(scale="x" * 10_000), "unknown scale 'xxxx"),
        (lambda doc: doc.update(section={"id": "FR 1"}), "'section' must be an array of tables"),
        (lambda doc: doc["requirement"][0].update(level=1.0), "level 1.0 out of range"),
        (lambda doc: doc["requirement"][0].update(level=True), "level True out of range"),
        (lambda doc: doc["requirement"][0].update(title=date(2024, 1, 1)), "field 'title' must be text, not date"),
        (lambda doc: doc["requirement"][0].update({"bad\nkey": 1}), "unknown field(s): 'bad\\nkey'"),
        (lambda doc: doc["requirement"][0].update(id="SR\n" * 5000), "field 'id' must be one line"),
        (lambda doc: doc["requirement"][1].update(parent="P" * 61), "field 'parent' must be one line of at most 60"),
    ],
)
def test_wrong_types_are_refused_in_one_line(edit: Any, reason: str) -> None:
    doc = json.loads(json.dumps(SL_CATALOGUE))
    edit(doc)
    with pytest.raises(CatalogueError) as caught:
        parse_catalogue(to_toml(doc).encode(), source=SOURCE)
    assert reason in str(caught.value) and "\n" not in str(caught.value) and len(str(caught.value)) < 600


@pytest.mark.parametrize(
    "text",
    [
        "a = " + "[" * 5000 + "]" * 5000,
        "a = " + "{b = " * 5000 + "1" + "}" * 5000,
        "a = " + "9" * 5000,
        '[catalogue]\nid = "x"\ntitle = "\\ud800"\n',
    ],
    ids=["deep arrays", "deep inline tables", "huge integer", "escaped lone surrogate"],
)
def test_hostile_toml_is_refused_naming_the_file(tmp_path: Path, text: str) -> None:
    path = tmp_path / "hostile.toml"
    path.write_text(text)
    with pytest.raises(CatalogueError, match="not valid TOML") as caught:
        load_catalogue_file(path)
    assert str(caught.value).startswith(f"{path}: ") and len(str(caught.value)) < 600


def test_a_file_of_invalid_utf8_is_refused_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "latin.toml"
    path.write_bytes(to_toml(SL_CATALOGUE).replace("Users", "Utilisateurs \xe9").encode("latin-1"))
    with pytest.raises(CatalogueError, match=r"not UTF-8 text \(byte \d+\)") as caught:
        load_catalogue_file(path)
    assert str(caught.value).startswith(f"{path}: ")


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_file_that_never_ends_is_refused_not_read_forever() -> None:
    with pytest.raises(CatalogueError, match="/dev/zero: not a regular file"):
        load_catalogue_file(Path("/dev/zero"))
