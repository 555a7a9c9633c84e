"""Project schema versions and the upgrade functions between them.

An upgrade takes the raw TinyDB document of version N and returns version N + 1. Add one
function per schema change, register it in UPGRADES, and bump SCHEMA_VERSION.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

SCHEMA_VERSION = 1

Raw = dict[str, Any]
UPGRADES: dict[int, Callable[[Raw], Raw]] = {}


def upgrade(raw: Raw, version: int) -> Raw:
    """Apply the registered upgrades from `version` to SCHEMA_VERSION, one version at a time."""
    for step in range(version, SCHEMA_VERSION):
        try:
            raw = UPGRADES[step](raw)
        except KeyError:
            raise RuntimeError(f"no upgrade registered from project schema {step}") from None
    raw["meta"]["1"]["schema_version"] = SCHEMA_VERSION
    return raw
