"""Every text the documents show has its French, and the French table holds nothing else.

The texts are found the way a translator's tool would: string literals passed to tr(...),
tr.n(...) and N_(...) in the exports' source, and the domain's English texts that the documents
show through tr(...) (the Purdue levels).
"""

from __future__ import annotations

import ast
import string
from collections.abc import Iterator
from pathlib import Path

import pytest

import ot62443_desktop.exports as exports
from ot62443_desktop.domain.model import PURDUE_LEVELS
from ot62443_desktop.exports.french import FRENCH

SOURCES = sorted(Path(exports.__file__).parent.rglob("*.py"))


def marked_texts(path: Path) -> Iterator[tuple[int, str]]:
    """(line, text) of every literal handed to tr, tr.n or N_ in one source file."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
        owner = func.value if isinstance(func, ast.Attribute) else None
        if name == "n" and isinstance(owner, ast.Name | ast.Attribute) and ast.unparse(owner).endswith("tr"):
            literals = node.args[:2]
        elif name in ("tr", "N_"):
            literals = node.args[:1]
        else:
            continue
        for arg in literals:
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                yield node.lineno, arg.value


#: English texts defined outside the exports that the documents translate, and where.
DOMAIN_TEXTS = {text: "domain/model.py PURDUE_LEVELS" for text in PURDUE_LEVELS}


def all_marked() -> dict[str, str]:
    found: dict[str, str] = {}
    for path in SOURCES:
        for line, text in marked_texts(path):
            found.setdefault(text, f"{path.name}:{line}")
    return found | {text: where for text, where in DOMAIN_TEXTS.items() if text not in found}


def fields(text: str) -> set[str]:
    return {name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name is not None}


def test_every_marked_text_has_french() -> None:
    missing = {text: where for text, where in all_marked().items() if text not in FRENCH}
    assert not missing, "\n".join(f"{where}: {text!r}" for text, where in missing.items())


def test_the_french_table_holds_no_text_the_code_no_longer_shows() -> None:
    stale = set(FRENCH) - set(all_marked())
    assert not stale, sorted(stale)


@pytest.mark.parametrize("english", sorted(FRENCH))
def test_a_translation_keeps_the_placeholders_and_markup(english: str) -> None:
    french = FRENCH[english]
    assert fields(french) == fields(english)
    for tag in ("<b>", "</b>", "**", "\n"):
        assert french.count(tag) == english.count(tag), tag
    assert french.strip()  # the same word in both languages ("Zone", "Version") is fine; empty is not


def test_texts_are_not_built_from_pieces_the_table_cannot_see() -> None:
    """tr(f"...") or tr("a" + b) would look up a text no table has."""
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name | ast.Attribute):
                name = node.func.id if isinstance(node.func, ast.Name) else node.func.attr
                if name in ("tr", "N_") and node.args:
                    assert not isinstance(node.args[0], ast.JoinedStr | ast.BinOp), f"{path.name}:{node.lineno}"
