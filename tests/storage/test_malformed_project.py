"""Project files of the wrong shape: one StoreError naming the file and the record, nothing written."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from ot62443_desktop.domain.language import Language
from ot62443_desktop.domain.model import (
    Answer,
    Asset,
    Effort,
    Evidence,
    ItemState,
    Priority,
    ProjectInfo,
    RemediationItem,
    Status,
    Zone,
)
from ot62443_desktop.storage import ProjectStore, StoreError, codec

Raw = dict[str, Any]

INFO = ProjectInfo("ACME Water", "North works", assessors=("Ann",), start_date=date(2024, 3, 1),
                   end_date=date(2024, 3, 8), scope_note="all of it", target_ml=3,
                   report_language=Language.FR)
ZONE = Zone("Z1", "Control", (1, 2, 3, 2, 1, 0, 4), description="PLCs", assets=(Asset("S7", "PLC"),),
            assess_program=True)
ANSWER = Answer("Z1", "SR 1.1", Status.PARTIAL, ml=2, notes="n", finding="f", countermeasure="c",
                evidence=(Evidence("docs/a.pdf", "ab" * 32, "policy", date(2024, 3, 2)),),
                answered_by="Ann", answered_at=datetime(2024, 3, 2, 10, 30))
ITEM = RemediationItem("Z1", "SR 1.1", action="Do it", priority=Priority.P2, owner="Bob",
                       due_date=date(2024, 9, 1), effort=Effort.M, state=ItemState.IN_PROGRESS,
                       justification="why")

# Where each record lives in the raw document, and how the error names it.
RECORDS: dict[str, tuple[Callable[[Raw], dict[str, Any]], str]] = {
    "info": (lambda raw: raw["meta"]["1"]["info"], "the project info"),
    "zone": (lambda raw: raw["zones"]["1"], "zone #1"),
    "answer": (lambda raw: raw["answers:Z1"]["1"], "answer #1 of 'Z1'"),
    "item": (lambda raw: raw["remediation:Z1"]["1"], "remediation item #1 of 'Z1'"),
    "evidence": (lambda raw: raw["answers:Z1"]["1"]["evidence"][0], "answer #1 of 'Z1': evidence #1"),
}
# The fields the program itself writes as null when they are empty.
NULLABLE = {("info", "start_date"), ("info", "end_date"), ("item", "action"), ("item", "priority"),
            ("item", "due_date"), ("item", "effort"), ("evidence", "added"), ("info", "report_language"),
            ("zone", "level"), ("zone", "position")}
INT_FIELDS = {("info", "target_ml"), ("answer", "ml"), ("zone", "level")}
ENUM_FIELDS = {("info", "report_language"), ("zone", "kind"), ("zone", "criticality"), ("answer", "status"),
               ("item", "priority"), ("item", "effort"), ("item", "state")}
DATE_FIELDS = {("info", "start_date"), ("info", "end_date"), ("item", "due_date"), ("evidence", "added"),
               ("answer", "at")}


def full_project_raw(path: Path) -> Raw:
    """A project with every field of every record filled in, as the raw JSON document."""
    with ProjectStore.create(path, INFO) as store:
        store.add_zone(ZONE)
        store.set_answer(ANSWER)
        store.set_remediation(ITEM)
    raw: Raw = json.loads(path.read_bytes())
    return raw


def written_docs() -> dict[str, dict[str, Any]]:
    """Each record as the program writes it: every field the tests below spoil in turn."""
    answer = codec.answer_to_doc(ANSWER)
    return {"info": codec.info_to_doc(INFO), "zone": codec.zone_to_doc(ZONE), "answer": answer,
            "item": codec.item_to_doc(ITEM), "evidence": answer["evidence"][0]}


def bad_values(record: str, field: str, valid: Any) -> Iterator[Any]:
    """Null (where the program never writes it), nesting, and a value of the wrong type."""
    if (record, field) not in NULLABLE:
        yield None
    yield [[1, [2]]]
    yield {"nested": {"deeper": [1]}}
    yield 7 if isinstance(valid, str) else "7"
    if (record, field) in INT_FIELDS:
        yield True
        yield 2.0
    if (record, field) in ENUM_FIELDS:
        yield "Not-A-Member"
    if (record, field) in DATE_FIELDS:
        yield "2024-13-45"
        yield "9999-12-31"  # due dates computed from it would pass the last year Python knows
        yield "0001-01-01"
    if field == "sl_t":
        yield [1, 2, 3]
        yield [True] * 7
        yield [1.0] * 7


CASES = [
    pytest.param(record, field, bad, id=f"{record}.{field}={json.dumps(bad)}")
    for record, doc in written_docs().items()
    for field, valid in doc.items()
    for bad in bad_values(record, field, valid)
]


def everything_written(folder: Path, data_dir: Path) -> dict[str, bytes]:
    files = [*folder.rglob("*"), *data_dir.rglob("*")]
    return {str(p): p.read_bytes() for p in files if p.is_file()}


def assert_refused(path: Path, data_dir: Path, *, naming: str) -> StoreError:
    """Opening `path` raises one StoreError line naming the file; not a byte written anywhere."""
    before = everything_written(path.parent, data_dir)
    with pytest.raises(StoreError) as caught:
        ProjectStore.open(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ") and "\n" not in message
    assert naming in message, message
    assert "Traceback" not in message and "None:" not in message
    assert everything_written(path.parent, data_dir) == before
    return caught.value


@pytest.mark.parametrize(("record", "field", "bad"), CASES)
def test_a_field_of_the_wrong_type_is_refused_naming_record_and_field(
        project_path: Path, data_dir: Path, record: str, field: str, bad: Any) -> None:
    raw = full_project_raw(project_path)
    locate, where = RECORDS[record]
    if field == "sl_t" and isinstance(bad, list) and len(bad) == 3:
        naming = "SL-T must be 7 levels"  # the right type, the wrong count: the model's own rule
    else:
        naming = f"{where}: {field}"
    locate(raw)[field] = bad
    project_path.write_text(json.dumps(raw))
    assert_refused(project_path, data_dir, naming=naming)


@pytest.mark.parametrize(("record", "field"), sorted(NULLABLE))
def test_null_is_read_where_the_program_writes_it(project_path: Path, record: str, field: str) -> None:
    raw = full_project_raw(project_path)
    RECORDS[record][0](raw)[field] = None
    project_path.write_text(json.dumps(raw))
    with ProjectStore.open(project_path) as store:
        assert len(store.answers()) == 1 and store.zone("Z1") == ZONE


@pytest.mark.parametrize("record", sorted(RECORDS))
def test_a_record_that_is_not_an_object_is_refused(project_path: Path, data_dir: Path, record: str) -> None:
    raw = full_project_raw(project_path)
    if record == "evidence":
        raw["answers:Z1"]["1"]["evidence"] = ["docs/a.pdf"]
        naming = "evidence #1: the entry must be an object"
    elif record == "info":
        raw["meta"]["1"]["info"] = ["ACME"]
        naming = "the project info is missing or not an object"
    else:
        table = {"zone": "zones", "answer": "answers:Z1", "item": "remediation:Z1"}[record]
        raw[table]["1"] = [[["deep"]]]
        naming = f"record #1 of table '{table}' is not an object"
    project_path.write_text(json.dumps(raw))
    assert_refused(project_path, data_dir, naming=naming)


@pytest.mark.parametrize(
    ("edit", "naming"),
    [
        *[(("schema_version", v), f"schema version must be a whole number of at least 1, not {shown}")
          for v, shown in [(0, "0"), (-1, "-1"), ("1", "'1'"), (True, "true"), (1.5, "1.5"), (None, "null"),
                           ([1], "a list")]],
        *[(("generation", v), f"generation must be a whole number of at least 0, not {shown}")
          for v, shown in [("x", "'x'"), (-1, "-1"), (None, "null"), (False, "false"), (2.5, "2.5")]],
    ],
)
def test_meta_fields_of_the_wrong_type_are_refused(
        project_path: Path, data_dir: Path, edit: tuple[str, Any], naming: str) -> None:
    raw = full_project_raw(project_path)
    raw["meta"]["1"][edit[0]] = edit[1]
    project_path.write_text(json.dumps(raw))
    assert_refused(project_path, data_dir, naming=naming)


@pytest.mark.parametrize(
    ("damage", "naming"),
    [
        (lambda raw: raw.update(zones=[]), "table 'zones' is not an object"),
        (lambda raw: raw["meta"]["1"].pop("generation"), "the generation is missing"),
        (lambda raw: raw["meta"]["1"].pop("project_id"), "the project's meta data: project_id is missing"),
        (lambda raw: raw["meta"]["1"].update(project_id=["x"]), "project_id must be 32 hexadecimal digits, not a list"),
        (lambda raw: raw.update(zones={"one": raw["zones"]["1"]}), "record id that is not a number: 'one'"),
        (lambda raw: raw.update(zones={"²": raw["zones"]["1"]}), "record id that is not a number"),
        (lambda raw: raw.update(meta=[1]), "not an OT 62443 Workbook project"),
        (lambda raw: raw["zones"].update({"2": dict(raw["zones"]["1"])}),
         "zone #2: zone id 'Z1' is used by another zone too"),
        (lambda raw: raw["answers:Z1"].update({"2": dict(raw["answers:Z1"]["1"])}),
         "answer #2 of 'Z1': requirement 'SR 1.1' has another record"),
        (lambda raw: raw.update({"answers:Z9": raw.pop("answers:Z1")}), "table 'answers:Z9': it belongs to no zone"),
        (lambda raw: raw["zones"]["1"].update(name="\ud800"), "holds text that is not valid Unicode"),
        (lambda raw: raw["meta"]["1"].update(extra={"k\udfff": 1}), "holds text that is not valid Unicode"),
        (lambda raw: raw["answers:Z1"]["1"].update(at="2024-03-02T10:30:00+02:00"), "at must be a local date"),
        (lambda raw: raw["zones"]["1"].update(name="x" * 100_000, id="bad id\n" * 1000), "zone #1: zone id"),
    ],
)
def test_inconsistent_tables_are_refused(
        project_path: Path, data_dir: Path, damage: Callable[[Raw], None], naming: str) -> None:
    raw = full_project_raw(project_path)
    damage(raw)
    project_path.write_text(json.dumps(raw))
    error = assert_refused(project_path, data_dir, naming=naming)
    assert len(str(error)) < 1000


@pytest.mark.parametrize(
    ("text", "naming"),
    [
        ('{"meta": {"1": {"schema_version": 1, "info": ' + "[" * 100_000 + "]" * 100_000 + "}}}",
         "nested too deeply"),
        ('{"meta": {"1": {"schema_version": 1, "deep": ' + '{"a":' * 5000 + "1" + "}" * 5000 + "}}}",
         "nested too deeply"),
        ('{"meta": {"1": {"schema_version": 1, "generation": 0, "info": {}, "deep": ' + "[" * 900 + "]" * 900 + "}}}",
         "record #1 of table 'meta' is nested too deeply"),
        ('{"meta": {"1": {"schema_version": 1, "generation": 0, "info": {}, "deep": ' + "[" * 33 + "]" * 33 + "}}}",
         "nested too deeply"),
        ('{"meta": {"1": {"schema_version": 1, "generation": ' + "9" * 5000 + "}}}", "damaged"),
        ('{"meta": {"1": {"schema_version": 1, "generation": NaN, "info": {}}}}', "not nan"),
        ('{"meta": {"1": {"schema_version": Infinity}}}', "not inf"),
        ('{"meta": {"1": {"schema_version": 1e400}}}', "not inf"),
        ("[1, 2, 3]", "not an OT 62443 Workbook project"),
        ('"just a string"', "not an OT 62443 Workbook project"),
        ('{"meta": {"1": {"schema_version": 1, "info": {"client": "A", "site": "\xff"}}}}', "not UTF-8"),
    ],
)
def test_hostile_json_is_refused(project_path: Path, data_dir: Path, text: str, naming: str) -> None:
    project_path.write_bytes(text.encode("utf-8") if "\xff" not in text else text.encode("latin-1"))
    assert_refused(project_path, data_dir, naming=naming)


def test_duplicate_keys_and_deep_extra_fields_open_and_save(project_path: Path) -> None:
    """Harmless oddities are accepted; what opens also saves and opens again."""
    raw = full_project_raw(project_path)
    raw["zones"]["1"]["extra"] = json.loads("[" * 30 + "]" * 30)
    text = json.dumps(raw).replace('"name": "Control"', '"name": "Ignored", "name": "Control"')
    project_path.write_text(text)
    with ProjectStore.open(project_path) as store:
        assert store.zone("Z1").name == "Control"
        store.set_answer(Answer("Z1", "SR 1.2", Status.IMPLEMENTED))
    with ProjectStore.open(project_path) as store:
        assert len(store.answers()) == 2


def test_an_empty_table_of_no_zone_opens(project_path: Path) -> None:
    """It holds nothing; a rolled-back batch can leave one behind, and refusing it would lock the project."""
    raw = full_project_raw(project_path)
    raw["answers:GONE"] = {}
    project_path.write_text(json.dumps(raw))
    with ProjectStore.open(project_path) as store:
        store.set_answer(Answer("site", "ORG 1.1", Status.IMPLEMENTED))
    with ProjectStore.open(project_path) as store:
        assert len(store.answers()) == 2
