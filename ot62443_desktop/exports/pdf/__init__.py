"""The PDF remediation plan: `write_plan` writes it, the modules of this package lay it out.

content.py decides which rows the plan shows (from the project scored once); the rest decide
how they look: fonts, markup, textlayout (the cell text engine), theme, flowables, tables,
composer, sections/ and document. reportlab_internals.py holds every private reportlab use.
"""

from ot62443_desktop.exports.pdf.document import PAGE_SIZES, write_plan

__all__ = ["PAGE_SIZES", "write_plan"]
