"""The appendices: A the method, B the catalogue actions the gaps refer to, C every answer."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm  # type: ignore[import-untyped]
from reportlab.platypus import CondPageBreak, PageBreak  # type: ignore[import-untyped]

from ot62443_desktop.domain.model import SITE_SCOPE, Answer
from ot62443_desktop.exports.labels import STATUS_LABELS
from ot62443_desktop.exports.pdf.composer import Composer
from ot62443_desktop.exports.pdf.content import AnswerScope, evidence_text
from ot62443_desktop.exports.pdf.fonts import BOLD
from ot62443_desktop.exports.pdf.markup import markdown_paragraphs, para, text_markup
from ot62443_desktop.exports.pdf.tables import Grid, table
from ot62443_desktop.exports.pdf.textlayout import Run, keep, run
from ot62443_desktop.exports.pdf.theme import MUTED_HEX


def method(k: Composer) -> list[Any]:
    """Appendix A: how the figures of the plan are made."""
    s = k.s
    story: list[Any] = [PageBreak(), k.heading(k.tr("Appendix A Method"), s.h1, "sec-method", 0, toc=True)]
    for n, section in enumerate(k.content.method, start=1):
        story += [CondPageBreak(35 * mm), k.heading(f"A.{n} {section.title}", s.h2, f"method-{n}", 1)]
        for paragraph in section.paragraphs:
            story += markdown_paragraphs(paragraph, s.body, s.bullet)
        if section.table:
            head, *body = section.table
            longest = [max(len(row[i]) for row in section.table) for i in range(len(head))]
            weights = [min(max(n_chars, 12), 90) for n_chars in longest]
            widths = [k.width * w / sum(weights) for w in weights]
            story.append(table([list(head)] + [[k.t(cell) for cell in row] for row in body], widths, long=False))
    return story


def actions(k: Composer) -> list[Any]:
    """Appendix B: each catalogue action that gaps rely on, once, with the scopes it is for."""
    s, tr = k.s, k.tr
    story: list[Any] = [PageBreak(), k.heading(tr("Appendix B Recommended actions"), s.h1, "sec-actions", 0,
                                               toc=True), para(tr(
        "The catalogue's corrective action for every requirement that has at least one gap relying on it, "
        "printed once; the zone sections link here. Actions an assessor wrote for a particular scope are "
        "printed with that gap instead."), s.body)]
    if not k.content.actions:
        story.append(para(tr("No gap relies on a catalogue action."), s.body))
    for a in k.content.actions:
        story += [CondPageBreak(30 * mm),
                  k.heading(f"{a.requirement.id} {a.requirement.title}", s.h3, k.action_links[a.requirement.id], 1),
                  para(tr("<b>Gaps in:</b> {scopes}", scopes=", ".join(text_markup(sc) for sc in a.scopes)), s.muted)]
        story += markdown_paragraphs(a.requirement.remediation, s.body, s.bullet) or [
            para(tr("The catalogue gives no default action for this requirement."), s.muted)]
    return story


def answers_intro(k: Composer) -> list[Any]:
    """Appendix C's heading and introduction; the scopes follow, one by one."""
    s, tr = k.s, k.tr
    story: list[Any] = [PageBreak(), k.heading(tr("Appendix C Answers"), s.h1, "sec-answers", 0, toc=True), para(tr(
        "Every answer recorded in the project, per scope and in catalogue order, with its notes, finding, "
        "countermeasure, evidence references and who recorded it when."), s.body)]
    if not k.content.answers:
        story.append(para(tr("No answer has been recorded yet."), s.body))
    return story


def answers(k: Composer, n: int, scope: AnswerScope) -> list[Any]:
    """C.n: the answers of one scope."""
    tr = k.tr
    label = scope.scope_name if scope.scope_id == SITE_SCOPE else f"{scope.scope_id}  {scope.scope_name}"
    story: list[Any] = [CondPageBreak(40 * mm), k.heading(
        f"C.{n} {label} ({tr.n('{n} answer', '{n} answers', len(scope.rows))})", k.s.h2, f"ans-{n}", 1)]
    rows: list[list[Any]] = []
    for title, a in scope.rows:
        rows.append([
            k.t(run(keep(a.requirement_id), BOLD), f" {title}"),
            k.t(tr(STATUS_LABELS[a.status]) + (f", ML{a.ml}" if a.ml is not None else "")),
            answer_text(k, a),
        ])
    story.append(Grid([tr("Requirement"), tr("Status"), tr("Notes, finding, evidence; recorded by, on")], rows,
                      k.cols(0.32, 0.15, 0.53), k.texts))
    return story


def answer_text(k: Composer, a: Answer) -> Any:
    """Notes, then finding, countermeasure and evidence, each labelled; who recorded it when, in grey."""
    runs: list[Run] = []
    tr = k.tr
    if a.notes.strip():
        runs.append(run(a.notes.strip()))
    for label, text in ((tr("Finding: "), a.finding), (tr("Countermeasure: "), a.countermeasure),
                        *((tr("Evidence: "), evidence_text(e, tr)) for e in a.evidence)):
        if text.strip():
            runs += [run("\n" if runs else ""), run(label, BOLD), run(text.strip())]
    recorded = ", ".join(part for part in (
        a.answered_by.strip(), f"{tr.short_date(a.answered_at)} {a.answered_at:%H:%M}" if a.answered_at else "")
        if part)
    if recorded:
        runs += [run("\n" if runs else ""), run(recorded, colour=MUTED_HEX)]
    return k.t(*runs) if runs else ""
