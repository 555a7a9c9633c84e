"""Help > About names every library the program runs on, and what those need in turn: a package added to
pyproject's dependencies (as the encryption's were) must not ship without its licence named."""

from __future__ import annotations

import tomllib
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement

from ot62443_desktop.ui.about import COMPONENTS

ROOT = Path(__file__).resolve().parents[2]


def _needed(requirement: str) -> str | None:
    """The distribution a requirement names, if it applies here (no extra, a marker true on this machine)."""
    parsed = Requirement(requirement)
    applies = parsed.marker is None or parsed.marker.evaluate({"extra": ""})
    return parsed.name.lower().replace("_", "-") if applies else None


def _runtime_closure() -> set[str]:
    wanted = [_needed(r) for r in tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]]
    found: set[str] = set()
    while wanted:
        name = wanted.pop()
        if name is None or name in found:
            continue
        found.add(name)
        wanted += [_needed(r) for r in metadata.requires(name) or []]
    return found


def test_about_names_every_runtime_library_and_what_it_needs() -> None:
    named = {c.distribution.lower() for c in COMPONENTS if c.distribution}
    assert _runtime_closure() - named == set()
