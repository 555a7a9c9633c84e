"""OT 62443 Workbook: zone-by-zone IEC 62443 assessments that never lose an answer."""

__version__ = "0.1.0"
