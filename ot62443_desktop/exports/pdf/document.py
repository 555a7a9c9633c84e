"""The plan as a document: page templates, the cover and running header and footer, the
contents, bookmarks, progress, and the one layout pass.

The contents pages and "page x of y" are PDF form objects whose numbers are drawn when the
file is saved (the contents are sized in advance, one line per entry), so the story is laid
out once instead of in the second pass of reportlab's multiBuild.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib import colors  # type: ignore[import-untyped]
from reportlab.lib.pagesizes import A4, LETTER, landscape  # type: ignore[import-untyped]
from reportlab.lib.units import mm  # type: ignore[import-untyped]
from reportlab.pdfbase import pdfmetrics  # type: ignore[import-untyped]
from reportlab.pdfgen.canvas import Canvas  # type: ignore[import-untyped]
from reportlab.platypus import (  # type: ignore[import-untyped]
    BaseDocTemplate,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
)
from reportlab.platypus.doctemplate import LayoutError  # type: ignore[import-untyped]

from ot62443_desktop.domain.catalogue import CatalogueSet
from ot62443_desktop.domain.language import Language
from ot62443_desktop.domain.model import ProjectData
from ot62443_desktop.exports.output import Target, as_target, check_target, replacing
from ot62443_desktop.exports.pdf.composer import Composer
from ot62443_desktop.exports.pdf.content import PlanContent, build_plan
from ot62443_desktop.exports.pdf.flowables import Anchor, TocPage, draw_line
from ot62443_desktop.exports.pdf.fonts import BOLD, FONT
from ot62443_desktop.exports.pdf.markup import name, names
from ot62443_desktop.exports.pdf.reportlab_internals import binary_streams
from ot62443_desktop.exports.pdf.sections import appendices, executive, front, roadmap, zones
from ot62443_desktop.exports.pdf.textlayout import line_runs, runs_width
from ot62443_desktop.exports.pdf.theme import ACCENT, COVER_TINT, INK, LABEL_RED, MUTED, NAVY, RULE
from ot62443_desktop.exports.progress import ExportError, Hooks
from ot62443_desktop.exports.protect import check_password, encrypt_pdf

PAGE_SIZES: dict[str, tuple[float, float]] = {"A4": A4, "Letter": LETTER}


class PlanCanvas(Canvas):  # type: ignore[misc]
    """A canvas that lets the document draw its deferred forms (page count, contents) at save."""

    def __init__(self, *args: Any, before_save: Callable[[Any], None], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._before_save = before_save

    def save(self) -> None:
        self._before_save(self)
        with binary_streams():
            super().save()


class PlanDocument:
    """Builds the story from PlanContent and lays it out once."""

    def __init__(self, content: PlanContent, page_size: tuple[float, float], hooks: Hooks) -> None:
        self.content, self.facts = content, content.facts
        self.page_size, self.hooks = page_size, hooks
        self.toc_forms: list[tuple[str, list[tuple[float, float, str]]]] = []
        self.page_count = 0
        self.margin_x, self.margin_top, self.margin_bottom = 18 * mm, 22 * mm, 20 * mm
        self.width = page_size[0] - 2 * self.margin_x
        self.frame_height = page_size[1] - self.margin_top - self.margin_bottom
        self.wide_size = landscape(page_size)  # pages of the zones-and-conduits drawing, when it needs the width
        self.wide_frame = (self.wide_size[0] - 2 * self.margin_x,
                           self.wide_size[1] - self.margin_top - self.margin_bottom)
        self.wide_used = False
        self._progress = -1
        self.k = Composer(content, self.width, self.frame_height, self.wide_frame)

    def step(self, permille: int) -> None:
        """Progress in thousandths: 0-50 rows, 50-250 story, 250-990 layout, 1000 saved."""
        permille = min(1000, permille)
        if permille != self._progress:
            self._progress = permille
            self.hooks.step(permille, 1000)

    def story(self) -> list[Any]:
        c, k = self.content, self.k
        units = 6 + len(c.zones) + len(c.answers)
        done = 0

        def tick() -> None:
            nonlocal done
            done += 1
            self.step(50 + 200 * done // units)

        story: list[Any] = front.cover(k)
        story += [NextPageTemplate("body"), PageBreak()]
        story += front.document_control(k)
        story.append(PageBreak())
        toc_at = len(story)
        story += executive.executive(k)
        tick()
        story += roadmap.roadmap(k)
        tick()
        story += zones.zones(k)
        for n, zone in enumerate(c.zones, start=1):
            zone_story = zones.zone_section(k, n, zone)
            story += zone_story[1:] if n == 1 else zone_story  # the first zone follows the introduction
            tick()
        story += zones.program(k)
        tick()
        story += appendices.method(k)
        story += appendices.actions(k)
        tick()
        story += appendices.answers_intro(k)
        for n, scope in enumerate(c.answers, start=1):
            story += appendices.answers(k, n, scope)
            tick()
        story[toc_at:toc_at] = self.toc()
        return story

    def toc(self) -> list[Any]:
        """Contents pages sized in advance: one line per entry, so the page count is known now."""
        entries = self.k.outline.toc
        per_page = max(1, int(self.frame_height // TocPage.LINE))
        contents = self.k.tr("Contents")
        pages: list[Any] = [Anchor("contents", contents, self.k.outline)]
        start, n = 0, 0
        while start < len(entries) or n == 0:
            size = per_page - (TocPage.TITLE_LINES if n == 0 else 0)
            pages += [TocPage(entries[start:start + size], f"toc{n}", contents if n == 0 else None,
                              self.toc_forms), PageBreak()]
            start += size
            n += 1
        return pages

    # -- pages -------------------------------------------------------------------------------
    def templates(self, doc: Any) -> None:
        w, h = self.page_size
        frame = {"leftPadding": 0, "rightPadding": 0, "topPadding": 0, "bottomPadding": 0}
        body = Frame(self.margin_x, self.margin_bottom, self.width, self.frame_height, id="body", **frame)
        wide = Frame(self.margin_x, self.margin_bottom, *self.wide_frame, id="wide", **frame)
        cover_main = Frame(self.margin_x, 62 * mm, self.width, h - 62 * mm - 92 * mm, id="cover", **frame)
        cover_label = Frame(self.margin_x, 22 * mm, self.width, 36 * mm, id="label", **frame)
        doc.addPageTemplates([
            PageTemplate("cover", [cover_main, cover_label], onPage=self.draw_cover),
            PageTemplate("body", [body], onPage=self.draw_page),
            PageTemplate("wide", [wide], onPage=self.draw_wide_page, pagesize=self.wide_size),
        ])

    def draw_cover(self, canv: Any, doc: Any) -> None:
        w, h = self.page_size
        tr = self.k.tr
        self.page_count = max(self.page_count, canv.getPageNumber())
        canv.saveState()
        canv.setFillColor(NAVY)
        canv.rect(0, h - 78 * mm, w, 78 * mm, stroke=0, fill=1)
        canv.setFillColor(ACCENT)
        canv.rect(0, h - 80 * mm, w, 2 * mm, stroke=0, fill=1)
        canv.setFillColor(COVER_TINT)
        canv.setFont(BOLD, 9)
        canv.drawString(self.margin_x, h - 24 * mm, tr("IEC 62443 SECURITY ASSESSMENT"))
        canv.setFillColor(colors.white)
        canv.setFont(BOLD, 30)
        canv.drawString(self.margin_x, h - 42 * mm, tr("Remediation plan"))
        canv.setFont(FONT, 12)
        canv.drawString(self.margin_x, h - 52 * mm,
                        tr("Zones and conduits (IEC 62443-3-3) and security program (IEC 62443-2-1)"))
        canv.setFont(FONT, 9)
        canv.setFillColor(COVER_TINT)
        canv.drawString(self.margin_x, h - 66 * mm,
                        tr("Report date {date}", date=tr.date(self.facts.report_date)))
        draw_line(canv, w - self.margin_x, h - 12 * mm, self.facts.confidentiality, BOLD, 8,
                  colors.white, align="right", max_width=self.width)
        draw_line(canv, w / 2, 12 * mm, self.facts.confidentiality, BOLD, 8, LABEL_RED, align="center",
                  max_width=self.width)
        canv.restoreState()

    def draw_page(self, canv: Any, doc: Any, size: tuple[float, float] | None = None,
                  form: str = "page-frame") -> None:
        """The running header and footer of a body page (of a landscape page: `size` and its `form`)."""
        n = canv.getPageNumber()
        self.page_count = max(self.page_count, n)
        canv.saveState()
        canv.doForm(form)
        canv.setFont(FONT, 7.5)
        canv.setFillColor(MUTED)
        tr = self.k.tr
        text = tr("Page {page} of ", page=n)
        x = (size or self.page_size)[0] - self.margin_x - pdfmetrics.stringWidth(
            tr("Page {page} of ", page=99999) + "99999", FONT, 7.5)
        canv.drawString(x, 11 * mm, text)
        canv.translate(x + pdfmetrics.stringWidth(text, FONT, 7.5), 11 * mm)
        canv.doForm("page-count")
        canv.restoreState()

    def draw_wide_page(self, canv: Any, doc: Any) -> None:
        self.wide_used = True
        self.draw_page(canv, doc, self.wide_size, "page-frame-wide")

    def finish(self, canv: Any) -> None:
        """Draw the forms the pages refer to, now that page numbers and the page count are known."""
        canv.beginForm("page-count")
        canv.setFont(FONT, 7.5)
        canv.setFillColor(MUTED)
        canv.drawString(0, 0, str(self.page_count))
        canv.endForm()
        self.frame_form(canv, "page-frame", self.page_size)
        if self.wide_used:
            self.frame_form(canv, "page-frame-wide", self.wide_size)

        for form, numbers in self.toc_forms:
            canv.beginForm(form)
            canv.setFillColor(INK)
            canv.setFont(FONT, 8.5)
            for x, y, key in numbers:
                page = self.k.outline.pages.get(key)
                canv.drawRightString(x, y, str(page) if page else "-")
            canv.endForm()
        canv.showOutline()

    def frame_form(self, canv: Any, form: str, size: tuple[float, float]) -> None:
        """The running header and footer of a page of `size`, drawn once as a form every such page shows."""
        w, h = size
        width = w - 2 * self.margin_x
        canv.beginForm(form, 0, 0, w, h)  # its own box: by default a form takes the size of the last page
        label = self.facts.confidentiality
        label_width = min(width * 0.55, runs_width(line_runs(label, BOLD), 7.5) + 2)
        draw_line(canv, w - self.margin_x, h - 13 * mm, label, BOLD, 7.5, LABEL_RED, align="right",
                  max_width=label_width)
        info = self.facts.info
        draw_line(canv, self.margin_x, h - 13 * mm, f"{info.client} \u00b7 {info.site}", FONT, 7.5, MUTED,
                  max_width=width - label_width - 16)
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.6)
        canv.line(self.margin_x, h - 15.5 * mm, w - self.margin_x, h - 15.5 * mm)
        canv.line(self.margin_x, 14.5 * mm, w - self.margin_x, 14.5 * mm)
        draw_line(canv, self.margin_x, 11 * mm, f"{self.facts.title} \u00b7 {self.k.tr.date(self.facts.report_date)}",
                  FONT, 7.5, MUTED, max_width=width * 0.6)
        canv.endForm()

    def build(self, target: BinaryIO) -> None:
        f = self.facts
        doc = BaseDocTemplate(
            target, pagesize=self.page_size, leftMargin=self.margin_x, rightMargin=self.margin_x,
            topMargin=self.margin_top, bottomMargin=self.margin_bottom,
            title=f"{f.title}: {name(f.info.client)}, {name(f.info.site)}", author=names(f.info.assessors, ", ", f.tr),
            subject=f.tr("IEC 62443 remediation plan ({label})", label=name(f.confidentiality)),
            creator=f"OT 62443 Workbook {f.program_version}", initialFontName=FONT, pageCompression=1,
            lang=f.tr.language.value,
        )
        self.templates(doc)
        story = self.story()
        total = max(1, len(story))

        def progress(kind: str, value: int) -> None:
            if kind == "PROGRESS":
                self.step(250 + 740 * value // total)

        doc.setProgressCallBack(progress)
        doc.build(story, canvasmaker=lambda *a, **k: PlanCanvas(*a, before_save=self.finish, **k))


def write_plan(project: ProjectData, catalogues: CatalogueSet, path: Target, *, page_size: str = "A4",
               hooks: Hooks | None = None, project_path: Path | None = None,
               language: Language = Language.EN, password: str | None = None) -> None:
    """Write the PDF remediation plan to `path` (A4 or Letter); all or nothing.

    The file is built beside the target under a temporary name and renamed at the end, so a
    cancel (ExportCancelled) or an error (ExportError) leaves no file and an older plan intact.
    `project_path`, the project's file when known, is refused as a target like any project file.
    With a `password` the plan is encrypted (AES-256) in memory and only the encrypted file written.
    """
    if page_size not in PAGE_SIZES:
        raise ExportError(f"unknown page size {page_size!r} (use A4 or Letter)")
    hooks = hooks or Hooks()
    path = as_target(path)
    check_target(path, project_path)
    if password is not None:
        check_password(password, "pdf", "the plan")
    hooks.step(0, 1000)
    content = build_plan(project, catalogues, today=date.today(), language=language)
    hooks.step(50, 1000)
    seal = None if password is None else partial(encrypt_pdf, password=password)
    try:
        with replacing(path, "the plan", seal) as out:
            PlanDocument(content, PAGE_SIZES[page_size], hooks).build(out)
    except LayoutError as exc:
        raise ExportError(f"cannot lay out {path.name}: {exc}") from None
    hooks.step(1000, 1000)
