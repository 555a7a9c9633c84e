"""Section 2, the roadmap: open work by priority and due window, then the accepted risks."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm  # type: ignore[import-untyped]
from reportlab.platypus import CondPageBreak, PageBreak  # type: ignore[import-untyped]

from ot62443_desktop.domain.model import Priority
from ot62443_desktop.exports.pdf.composer import Composer
from ot62443_desktop.exports.pdf.content import RoadmapBucket
from ot62443_desktop.exports.pdf.fonts import BOLD
from ot62443_desktop.exports.pdf.markup import para
from ot62443_desktop.exports.pdf.tables import Grid, table
from ot62443_desktop.exports.pdf.textlayout import keep, run
from ot62443_desktop.exports.pdf.theme import ACCENT_HEX, BAND, priority_colour
from ot62443_desktop.exports.wording import N_

PRIORITY_MEANING = {
    Priority.P1: N_("Urgent: basic protections missing where the consequences are highest."),
    Priority.P2: N_("High: close within the next budget cycle."),
    Priority.P3: N_("Medium: plan into normal maintenance and upgrade work."),
    Priority.P4: N_("Low: improve when systems are next changed."),
}


def roadmap(k: Composer) -> list[Any]:
    """The whole of section 2."""
    s, r, tr = k.s, k.content.roadmap, k.tr
    story: list[Any] = [PageBreak(), k.heading(tr("2 Roadmap"), s.h1, "sec-roadmap", 0, toc=True), para(tr(
        "Open and in-progress gaps grouped by priority and by due window, counted from {date}. Gaps that share "
        "a requirement, action, owner and due date form one action with the scopes it covers. The recommended "
        "action itself is in each zone's section and in Appendix B.", date=tr.date(k.facts.reference_date)),
        s.body)]
    if not r.buckets:
        story.append(para(tr("There is no open gap."), s.body))
    for bucket in r.buckets:
        story += bucket_table(k, bucket)
    story += [CondPageBreak(40 * mm),
              k.heading(tr("Accepted risks ({count})", count=len(r.accepted)), s.h2, "rm-accepted", 1, toc=True)]
    if r.accepted:
        story.append(para(tr("Gaps the asset owner decided not to close, with the justification recorded. They "
                             "stay listed here so that the decision can be reviewed."), s.body))
        rows = [[k.t(g.scope_id), k.t(run(keep(g.requirement.id), BOLD), f" {g.requirement.title}"),
                 k.t(k.owner_run(g.item.owner)), k.t(g.item.justification)] for g in r.accepted]
        story.append(Grid([tr("Scope"), tr("Requirement"), tr("Owner"), tr("Justification")], rows,
                          k.cols(0.14, 0.3, 0.16, 0.4), k.texts))
    else:
        story.append(para(tr("No risk has been accepted."), s.body))
    if r.done:
        story.append(para(tr.n("{n} gap is marked done; it stays listed in its zone's section until it is "
                               "re-assessed.",
                               "{n} gaps are marked done; they stay listed in their zone's section until they "
                               "are re-assessed.", r.done), s.body))
    return story


def bucket_table(k: Composer, bucket: RoadmapBucket) -> list[Any]:
    """One priority: its heading, what it means, and its actions by due window."""
    tr = k.tr
    actions = sum(len(w.rows) for w in bucket.windows)
    heading = tr("{priority}: {gaps} in {actions}", priority=bucket.priority.value,
                 gaps=tr.n("{n} gap", "{n} gaps", bucket.gap_count), actions=tr.n("{n} action", "{n} actions", actions))
    story: list[Any] = [CondPageBreak(45 * mm), k.heading(heading, k.s.h2, f"rm-{bucket.priority.value}", 1, toc=True),
                        para(tr(PRIORITY_MEANING[bucket.priority]), k.s.muted)]
    rows: list[list[Any]] = [[tr("Requirement and action"), tr("Scopes"), tr("Owner"), tr("Due")]]
    commands: list[tuple[Any, ...]] = [("LINEABOVE", (0, 0), (-1, 0), 3, priority_colour(bucket.priority))]
    for window in bucket.windows:
        gaps = tr.n("{n} gap", "{n} gaps", window.gap_count)
        label = (tr("{window} (until {date}): {gaps}", window=tr(window.label), date=tr.date(window.until), gaps=gaps)
                 if window.until else tr("{window}: {gaps}", window=tr(window.label), gaps=gaps))
        commands += [("SPAN", (0, len(rows)), (-1, len(rows))),
                     ("BACKGROUND", (0, len(rows)), (-1, len(rows)), BAND),
                     ("FONTNAME", (0, len(rows)), (-1, len(rows)), BOLD)]
        rows.append([label, "", "", ""])
        in_progress = tr("{scope} (in progress)")
        for row in window.rows:
            title = [run(keep(row.requirement.id), BOLD), run(f" {row.requirement.title}")]
            if row.action is not None:
                title.append(run("  " + tr("assessor's action"), colour=ACCENT_HEX))
            scopes = ", ".join(in_progress.format(scope=sc.scope_id) if sc.in_progress else sc.scope_id
                               for sc in row.scopes)
            rows.append([k.t(*title), k.t(scopes), k.t(k.owner_run(row.owner)), k.t(tr.short_date(row.due))])
    story.append(table(rows, k.cols(0.36, 0.36, 0.17, 0.11), commands))
    return story
