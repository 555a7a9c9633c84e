"""Closed, new and persisting gaps as both documents show them (SPEC 12.3).

domain/progress.py decides which gap is which; this module names the three kinds once, gives
them their words and colours, and walks a Progress in one order, so the plan's counts and the
register's Changes sheet list the same gaps.
"""

from __future__ import annotations

from collections.abc import Iterator
from enum import StrEnum

from ot62443_desktop.domain.catalogue import Requirement
from ot62443_desktop.domain.progress import GapChange, Progress, ScopeProgress
from ot62443_desktop.exports.wording import N_


class Change(StrEnum):
    """What became of a gap between the previous assessment and this one."""

    CLOSED = "closed"
    NEW = "new"
    PERSISTING = "persisting"


#: One gap's change, as a register row names it.
CHANGE_LABELS: dict[Change, str] = {
    Change.CLOSED: N_("Closed"),
    Change.NEW: N_("New"),
    Change.PERSISTING: N_("Persisting"),
}
#: Gaps of one kind, as a heading over their count.
CHANGE_HEADINGS: dict[Change, str] = {
    Change.CLOSED: N_("Closed gaps"),
    Change.NEW: N_("New gaps"),
    Change.PERSISTING: N_("Persisting gaps"),
}
#: (background, text) as hex: closed green, new red, persisting amber, in both documents.
CHANGE_HEX: dict[Change, tuple[str, str]] = {
    Change.CLOSED: ("#C6EFCE", "#006100"),
    Change.NEW: ("#FFC7CE", "#9C0006"),
    Change.PERSISTING: ("#FFEB9C", "#9C5700"),
}


def scope_changes(scope: ScopeProgress) -> Iterator[tuple[Change, GapChange]]:
    """A scope's changed and persisting gaps: closed, then new, then persisting."""
    for change in scope.closed:
        yield Change.CLOSED, change
    for change in scope.new:
        yield Change.NEW, change
    for change in scope.persisting:
        yield Change.PERSISTING, change


def all_changes(progress: Progress) -> Iterator[tuple[Change, ScopeProgress, GapChange]]:
    """Every scope's changes: the zones (now, then removed), then the site."""
    for scope in (*progress.zones, progress.site):
        for kind, change in scope_changes(scope):
            yield kind, scope, change


def requirement_of(change: GapChange) -> Requirement:
    """The requirement of a changed gap, from whichever assessment has the gap."""
    gap = change.now if change.now is not None else change.then
    if gap is None:
        raise ValueError(f"{change.scope_id} {change.requirement_id}: a change without a gap on either side")
    return gap.requirement
