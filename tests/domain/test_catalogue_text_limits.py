"""How long a catalogue's texts may be. A catalogue of one's own with a title of a megabyte and a summary of five
(a document pasted into one field, or a hostile file) was accepted, and the PDF plan then took minutes (reportlab
breaks a paragraph again for every page it is split over: 0.8 MB of text 5 s, 2.9 MB 54 s, 6 MB over 5 minutes).
Texts are refused past generous limits (the built-in catalogues' longest are a tenth of them), naming the field."""

from __future__ import annotations

import re

import pytest

from ot62443_desktop.domain.catalogue import Catalogue
from ot62443_desktop.domain.catalogue_loader import CatalogueError, parse_catalogue
from tests.domain.test_catalogue_loader import VALID

WORDS = "pump station operator account login remote access jump host audit log review "
SR_1_1 = 'id = "SR 1.1"'


def text(length: int) -> str:
    return (WORDS * (length // len(WORDS) + 1))[:length - 1] + "."


def parse(source: str) -> Catalogue:
    return parse_catalogue(source.encode(), source="mine.toml")


def added(source: str, after: str, key: str, value: str) -> str:
    """`source` with `key = value` on the line after the first `after`."""
    assert after in source
    return source.replace(after, f"{after}\n{key} = {value}", 1)


def retitled(source: str, table: str, title: str) -> str:
    """`source` with the title of the table whose first line is `table` replaced by `title`."""
    at = source.index("\ntitle = ", source.index(table)) + 1
    return source[:at] + f'title = "{title}"' + source[source.index("\n", at):]


@pytest.mark.parametrize("key", ["summary", "guidance", "remediation"])
def test_a_text_past_20000_characters_is_refused_naming_the_requirement_and_the_field(key: str) -> None:
    source = VALID.replace('summary = "Every person is identified."\n', "", 1) if key == "summary" else VALID
    assert getattr(parse(added(source, SR_1_1, key, f'"{text(20_000)}"')).get("SR 1.1"), key) == text(20_000)
    with pytest.raises(CatalogueError, match=re.escape(
            f"mine.toml: requirement 'SR 1.1': field '{key}' has 20,001 characters, at most 20,000")):
        parse(added(source, SR_1_1, key, f'"{text(20_001)}"'))


@pytest.mark.parametrize(("table", "where"), [
    ('[catalogue]\nid = "mini"', "[catalogue]"),
    ('[[section]]\nid = "FR 1"', "section 'FR 1'"),
    (SR_1_1, "requirement 'SR 1.1'"),
])
def test_a_title_past_300_characters_is_refused(table: str, where: str) -> None:
    assert parse(retitled(VALID, table, text(300)))
    with pytest.raises(CatalogueError, match=re.escape(f"{where}: field 'title' has 301 characters, at most 300")):
        parse(retitled(VALID, table, text(301)))


def test_a_french_title_past_300_characters_is_refused() -> None:
    french = VALID.replace('summary = "Every person is identified."',
                           f'summary = "Every person is identified."\n[requirement.fr]\ntitle = "{text(301)}"', 1)
    with pytest.raises(CatalogueError, match=re.escape("requirement 'SR 1.1' [fr]: field 'title' has 301 characters")):
        parse(french)


def test_evidence_lines_past_their_limits_are_refused() -> None:
    assert parse(added(VALID, SR_1_1, "evidence", "[" + ", ".join([f'"{text(2000)}"'] * 100) + "]"))
    with pytest.raises(CatalogueError, match=re.escape("field 'evidence': a line has 2,001 characters, at most 2,000")):
        parse(added(VALID, SR_1_1, "evidence", f'["{text(2001)}"]'))
    with pytest.raises(CatalogueError, match=re.escape("field 'evidence' has 101 lines, at most 100")):
        parse(added(VALID, SR_1_1, "evidence", "[" + ", ".join(['"a check"'] * 101) + "]"))


def test_a_catalogue_of_more_than_5000_requirements_is_refused() -> None:
    """50,000 requirements (9 MB) were imported; every project using them then took 2 s more to open, 4.5 s in the
    GUI, and its PDF plan 84 s, most of it breaking one paragraph of 48,000 ids not yet assessed over 55 pages."""
    def catalogue(count: int) -> str:
        return VALID + "".join(f'[[requirement]]\nid = "X {n}"\ntitle = "Check {n}"\nsection = "FR 1"\nlevel = 1\n'
                               f'summary = "Check {n}."\n' for n in range(count - 2))
    assert len(parse(catalogue(5000))) == 5000
    with pytest.raises(CatalogueError, match=re.escape("mine.toml: the catalogue has 5,001 requirements, at most "
                                                       "5,000")):
        parse(catalogue(5001))
