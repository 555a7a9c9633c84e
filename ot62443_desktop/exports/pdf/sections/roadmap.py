"""Section 2, the roadmap: open work by priority and due window, then the accepted risks."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm  # type: ignore[import-untyped]
from reportlab.platypus import CondPageBreak, PageBreak  # type: ignore[import-untyped]

from ot62443_desktop.domain.model import Priority
from ot62443_desktop.exports.pdf.composer import Composer, owner_run, plural
from ot62443_desktop.exports.pdf.content import RoadmapBucket
from ot62443_desktop.exports.pdf.fonts import BOLD
from ot62443_desktop.exports.pdf.markup import para
from ot62443_desktop.exports.pdf.tables import Grid, table
from ot62443_desktop.exports.pdf.textlayout import keep, run
from ot62443_desktop.exports.pdf.theme import ACCENT_HEX, BAND, priority_colour

PRIORITY_MEANING = {
    Priority.P1: "Urgent: basic protections missing where the consequences are highest.",
    Priority.P2: "High: close within the next budget cycle.",
    Priority.P3: "Medium: plan into normal maintenance and upgrade work.",
    Priority.P4: "Low: improve when systems are next changed.",
}


def roadmap(k: Composer) -> list[Any]:
    """The whole of section 2."""
    s, r = k.s, k.content.roadmap
    story: list[Any] = [PageBreak(), k.heading("2 Roadmap", s.h1, "sec-roadmap", 0, toc=True), para(
        "Open and in-progress gaps grouped by priority and by due window, counted from "
        f"{k.facts.reference_date.isoformat()}. Gaps that share a requirement, action, owner and due date "
        "form one action with the scopes it covers. The recommended action itself is in each zone's section "
        "and in Appendix B.", s.body)]
    if not r.buckets:
        story.append(para("There is no open gap.", s.body))
    for bucket in r.buckets:
        story += bucket_table(k, bucket)
    story += [CondPageBreak(40 * mm),
              k.heading(f"Accepted risks ({len(r.accepted)})", s.h2, "rm-accepted", 1, toc=True)]
    if r.accepted:
        story.append(para("Gaps the asset owner decided not to close, with the justification recorded. They "
                          "stay listed here so that the decision can be reviewed.", s.body))
        rows = [[k.t(g.scope_id), k.t(run(keep(g.requirement.id), BOLD), f" {g.requirement.title}"),
                 k.t(owner_run(g.item.owner)), k.t(g.item.justification)] for g in r.accepted]
        story.append(Grid(["Scope", "Requirement", "Owner", "Justification"], rows,
                          k.cols(0.14, 0.3, 0.16, 0.4), k.texts))
    else:
        story.append(para("No risk has been accepted.", s.body))
    if r.done:
        story.append(para(f"{r.done} gaps are marked done; they stay listed in their zone's section until "
                          "they are re-assessed.", s.body))
    return story


def bucket_table(k: Composer, bucket: RoadmapBucket) -> list[Any]:
    """One priority: its heading, what it means, and its actions by due window."""
    actions = sum(len(w.rows) for w in bucket.windows)
    story: list[Any] = [CondPageBreak(45 * mm), k.heading(
        f"{bucket.priority.value}: {plural(bucket.gap_count, 'gap')} in {plural(actions, 'action')}", k.s.h2,
        f"rm-{bucket.priority.value}", 1, toc=True), para(PRIORITY_MEANING[bucket.priority], k.s.muted)]
    rows: list[list[Any]] = [["Requirement and action", "Scopes", "Owner", "Due"]]
    commands: list[tuple[Any, ...]] = [("LINEABOVE", (0, 0), (-1, 0), 3, priority_colour(bucket.priority))]
    for window in bucket.windows:
        until = f" (until {window.until.isoformat()})" if window.until else ""
        commands += [("SPAN", (0, len(rows)), (-1, len(rows))),
                     ("BACKGROUND", (0, len(rows)), (-1, len(rows)), BAND),
                     ("FONTNAME", (0, len(rows)), (-1, len(rows)), BOLD)]
        rows.append([f"{window.label}{until}: {plural(window.gap_count, 'gap')}", "", "", ""])
        for row in window.rows:
            title = [run(keep(row.requirement.id), BOLD), run(f" {row.requirement.title}")]
            if row.action is not None:
                title.append(run("  assessor's action", colour=ACCENT_HEX))
            scopes = ", ".join(sc.scope_id + (" (in progress)" if sc.in_progress else "") for sc in row.scopes)
            rows.append([k.t(*title), k.t(scopes), k.t(owner_run(row.owner)), k.t(row.due.isoformat())])
    story.append(table(rows, k.cols(0.36, 0.36, 0.17, 0.11), commands))
    return story
