"""What exports/pdf/reportlab_internals.py relies on in reportlab, checked one by one.

Each check writes a small PDF through the module and reads it back, so a reportlab release
that renames, moves or changes one of these private parts fails here, with a message naming
the installed reportlab and the releases the module was written for, not somewhere inside a
1,300-page layout.
"""

from __future__ import annotations

import contextlib
import inspect
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import reportlab  # type: ignore[import-untyped]
from pypdf import PdfReader
from reportlab import rl_config
from reportlab.lib.styles import ParagraphStyle  # type: ignore[import-untyped]
from reportlab.pdfbase import pdfmetrics  # type: ignore[import-untyped]
from reportlab.pdfbase.ttfonts import TTFont  # type: ignore[import-untyped]
from reportlab.pdfgen.canvas import Canvas  # type: ignore[import-untyped]
from reportlab.platypus import Flowable, LongTable, Paragraph, SimpleDocTemplate, Table  # type: ignore[import-untyped]

try:
    from ot62443_desktop.exports.pdf import reportlab_internals as internals
    from ot62443_desktop.exports.pdf.fonts import FONT, fonts
except ImportError as exc:  # a private name moved: say so instead of a bare collection error
    pytest.fail(f"reportlab {reportlab.Version}: exports/pdf/reportlab_internals.py cannot import what it "
                f"relies on: {exc}", pytrace=False)


@contextlib.contextmanager
def relied_on(what: str) -> Iterator[None]:
    """Turn any failure of the block into one message naming the reportlab version."""
    try:
        yield
    except Exception as exc:
        pytest.fail(f"reportlab {reportlab.Version} no longer {what}, which exports/pdf/reportlab_internals.py "
                    f"relies on (written for {internals.WRITTEN_FOR}): {type(exc).__name__}: {exc}", pytrace=False)


def saved(draw: Any, **options: Any) -> bytes:
    """The PDF of one A4 page drawn by `draw(canvas)`."""
    out = io.BytesIO()
    canvas = Canvas(out, **options)
    draw(canvas)
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def page(pdf: bytes) -> Any:
    return PdfReader(io.BytesIO(pdf)).pages[0]


# --- the checks -----------------------------------------------------------------------------

def check_page_code() -> None:
    with relied_on("keeps the page content in canvas._code, written out as the page's stream"):
        contents = page(saved(lambda c: internals.write_to_page(c, "0 0 1 rg 10 20 30 40 re f"))).get_contents()
        assert b"10 20 30 40 re f" in contents.get_data()


def check_text_encoding() -> None:
    text = "Zürich (cabinet) \\ 5% é"

    def draw(canvas: Any) -> None:
        pieces = [f"{resource} 12 Tf ({string}) Tj" for resource, string in internals.encoded(canvas, FONT, text)]
        internals.write_to_page(canvas, f"BT 72 720 Td {' '.join(pieces)} ET")

    with relied_on("encodes TrueType text through font.splitString(text, canvas._doc), "
                   "getSubsetInternalName and rl_accel.escapePDF"):
        fonts()
        assert page(saved(draw)).extract_text() == text


def check_memo_font() -> None:
    fonts()
    font = pdfmetrics.getFont(FONT)
    calls: list[str] = []
    memo_split = font.splitString

    def spy(text: str, doc: Any, encoding: str = "utf-8") -> Any:
        calls.append(text)
        return memo_split(text, doc, encoding)

    def draw(canvas: Any) -> None:
        canvas.setFont(FONT, 11)
        canvas.drawString(72, 720, "measured once")
        canvas.drawString(72, 700, "measured once")

    vera = str(Path(reportlab.__file__).parent / "fonts" / "Vera.ttf")
    with relied_on("asks the font for widths and subset encodings through stringWidth and "
                   "splitString(text, doc, encoding)"):
        assert isinstance(font, internals.MemoFont)
        assert list(inspect.signature(TTFont.splitString).parameters) == ["self", "text", "doc", "encoding"]
        assert pdfmetrics.stringWidth("measured", FONT, 11) == TTFont("Plain", vera).stringWidth("measured", 11)
        font.splitString = spy  # on the instance: reportlab calls font.splitString(text, canvas._doc)
        try:
            pdf = saved(draw)
        finally:
            del font.splitString
        assert calls.count("measured once") == 2 and "measured once" in page(pdf).extract_text()


def check_glyph_codes() -> None:
    with relied_on("lists a TrueType font's characters in font.face.charToGlyph"):
        fonts()
        codes = internals.glyph_codes(pdfmetrics.getFont(FONT))
        assert ord("A") in codes and ord("é") in codes and ord("\u4e2d") not in codes


def check_binary_streams() -> None:
    def draw(canvas: Any) -> None:
        canvas.drawString(72, 720, "stream")

    with relied_on("chooses ASCII85 or binary streams by rl_config.useA85 when it saves"):
        before = rl_config.useA85
        rl_config.useA85 = 1
        try:
            assert b"/ASCII85Decode" in saved(draw, pageCompression=1)
            with internals.binary_streams():
                assert b"/ASCII85Decode" not in saved(draw, pageCompression=1)
            assert rl_config.useA85 == 1
        finally:
            rl_config.useA85 = before


def check_in_row_split() -> None:
    tall = Paragraph(" ".join(["word"] * 400), ParagraphStyle("cell", fontSize=8, leading=10))
    table = LongTable([["head"], [tall]], colWidths=[200], repeatRows=1)
    with relied_on("reads table.splitInRow when a table splits (cutting inside a row)"):
        table.wrap(200, 1e6)
        with internals.in_row_split(table, 0):
            assert table.split(200, 300) == []
        with internals.in_row_split(table, 30):
            parts = table.split(200, 300)
        assert len(parts) == 2 and table.splitInRow == 0


def check_direct_flowable() -> None:
    drawn: list[tuple[float, float]] = []

    class Mark(internals.DirectFlowable):
        def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
            return 20.0, 10.0

        def draw_at(self, canvas: Any, x: float, y: float) -> None:
            drawn.append((x, y))
            internals.write_to_page(canvas, f"{x:.2f} {y:.2f} 20 10 re f")

    out = io.BytesIO()
    with relied_on("places flowables with drawOn(canvas, x, y, _sW) in frames and table cells"):
        assert list(inspect.signature(Flowable.drawOn).parameters)[:5] == ["self", "canvas", "x", "y", "_sW"]
        SimpleDocTemplate(out).build([Mark(), Table([["cell", Mark()]])])
        assert len(drawn) == 2 and all(x > 0 and y > 0 for x, y in drawn)
        data = page(out.getvalue()).get_contents().get_data()
        assert all(f"{x:.2f} {y:.2f} 20 10 re f".encode() in data for x, y in drawn)


CHECKS = [check_page_code, check_text_encoding, check_memo_font, check_glyph_codes, check_binary_streams,
          check_in_row_split, check_direct_flowable]


@pytest.mark.parametrize("check", CHECKS, ids=[c.__name__.removeprefix("check_") for c in CHECKS])
def test_reportlab_still_does_what_the_plan_relies_on(check: Any) -> None:
    check()


def test_a_changed_internal_fails_with_the_reportlab_version(monkeypatch: pytest.MonkeyPatch) -> None:
    """As if a release stopped escaping through rl_accel.escapePDF the way it did."""
    monkeypatch.setattr(internals, "escapePDF", lambda chunk: chunk.decode("latin-1"))
    with pytest.raises(pytest.fail.Exception) as failed:
        check_text_encoding()
    message = str(failed.value)
    assert f"reportlab {reportlab.Version} no longer encodes TrueType text" in message
    assert internals.WRITTEN_FOR in message
