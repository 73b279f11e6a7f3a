"""The report model: a document of sections made of format-neutral blocks, shared by every writer."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["error", "warning", "info"]


@dataclass(frozen=True)
class Paragraph:
    text: str
    style: Literal["body", "lead", "muted"] = "body"


@dataclass(frozen=True)
class Heading:
    """A sub-heading inside a section (level 3); sections themselves carry the level-2 headings."""

    text: str


@dataclass(frozen=True)
class BulletList:
    items: tuple[str, ...]


@dataclass(frozen=True)
class KeyFigure:
    label: str
    value: str
    note: str = ""
    tone: Literal["good", "fair", "poor", "neutral"] = "neutral"


@dataclass(frozen=True)
class KeyFigures:
    """A row of large numbers (the integration score and the ratios behind it)."""

    items: tuple[KeyFigure, ...]


@dataclass(frozen=True)
class Table:
    """A text table; `widths` are relative column weights, `numeric` columns are right-aligned.

    Cells are plain strings (writers escape them). A table may be long: writers split it across pages
    and repeat the header row.
    """

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...] = ()
    numeric: frozenset[int] = frozenset()
    caption: str = ""
    rotated: frozenset[int] = frozenset()  # columns whose header is set vertically (matrix columns)

    def column_weights(self) -> tuple[float, ...]:
        return self.widths if len(self.widths) == len(self.columns) else (1.0,) * len(self.columns)


@dataclass(frozen=True)
class Chart:
    """A matplotlib chart as SVG text; `aspect` is height / width, used to reserve space."""

    key: str
    title: str
    svg: str
    aspect: float
    alt: str = ""
    width: float = 0.0  # natural width in points (0: as wide as the page allows)


@dataclass(frozen=True)
class Diagram:
    """The architecture diagram. Writers draw it themselves (PDF, vector) or embed `svg` when set."""

    caption: str
    svg: str | None = None
    aspect: float = 0.7
    key: str = "model"  # which model to draw, for reports that show several (as-is / to-be)
    badges: tuple[tuple[str, str], ...] = ()  # (element id, worst open severity) marked on the drawing


@dataclass(frozen=True)
class FindingItem:
    message: str
    recommendation: str
    subjects: tuple[str, ...]  # labels of the elements concerned
    note: str = ""  # the waiver note, for accepted findings


@dataclass(frozen=True)
class FindingGroup:
    """All findings of one rule at one severity: the rule explained once, then each finding."""

    severity: Severity
    rule: str
    title: str
    explanation: str
    items: tuple[FindingItem, ...]


Block = Paragraph | Heading | BulletList | KeyFigures | Table | Chart | Diagram | FindingGroup


@dataclass(frozen=True)
class Section:
    """A numbered, level-2 part of the report; listed in the table of contents."""

    key: str
    title: str
    blocks: tuple[Block, ...]
    new_page: bool = True


@dataclass(frozen=True)
class Cover:
    title: str
    subtitle: str
    fields: tuple[tuple[str, str], ...]  # (label, value): client, author, date
    description: str = ""
    author: str = ""  # for document metadata (PDF)


@dataclass(frozen=True)
class ReportData:
    """One report, ready for any writer: all text is already in `lang`."""

    lang: str
    cover: Cover
    sections: tuple[Section, ...]
    words: dict[str, str] = field(default_factory=dict)  # page furniture: 'contents', 'page', 'of', ...

    def word(self, key: str) -> str:
        return self.words.get(key, key)
