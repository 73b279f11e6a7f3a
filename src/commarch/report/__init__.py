"""The architecture report: one ReportData from model + analysis, written as HTML or Markdown (no Qt)."""

from .blocks import (
    Block,
    BulletList,
    Chart,
    Cover,
    Diagram,
    FindingGroup,
    FindingItem,
    Heading,
    KeyFigure,
    KeyFigures,
    Paragraph,
    ReportData,
    Section,
    Table,
)
from .build import build_report

__all__ = [
    "Block", "BulletList", "Chart", "Cover", "Diagram", "FindingGroup", "FindingItem", "Heading", "KeyFigure",
    "KeyFigures", "Paragraph", "ReportData", "Section", "Table", "build_report",
]
