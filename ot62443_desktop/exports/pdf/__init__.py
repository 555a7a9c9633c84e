"""The PDF remediation plan: `write_plan` writes it, the modules of this package lay it out.

content.py decides which rows the plan shows (from the project scored once); the rest decide
how they look: fonts, markup, textlayout (the cell text engine), theme, flowables, tables,
composer, sections/ and document. reportlab_internals.py holds every private reportlab use.

`write_plan` is loaded when first asked for: the drawings outside the plan (exports/diagram_*.py)
use this package's fonts and text layout without loading the whole plan, which also draws them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ot62443_desktop.exports.pdf.document import PAGE_SIZES, write_plan

__all__ = ["PAGE_SIZES", "write_plan"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from ot62443_desktop.exports.pdf import document

        return getattr(document, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
