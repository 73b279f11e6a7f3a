"""Spreadsheet cells: neutralising formula injection on export and undoing exactly that on import."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from typing import Final

# A cell a spreadsheet would evaluate starts with one of these (OWASP "CSV injection").
FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")
# An escaped cell is a formula-looking text behind apostrophes; one more apostrophe protects it, so
# text that really starts with "'=" survives the round trip too.
_NEEDS_QUOTE = re.compile(r"^'*[=+\-@\t\r]")
_QUOTED = re.compile(r"^'+[=+\-@\t\r]")

BOM: Final = "\ufeff"
ENCODING_NOTE: Final = "UTF-8 with BOM"


def neutralise(text: str) -> str:
    """Prefix an apostrophe if a spreadsheet would read `text` as a formula."""
    return "'" + text if _NEEDS_QUOTE.match(text) else text


def unneutralise(text: str) -> str:
    """Drop exactly the apostrophe `neutralise` added (and nothing else)."""
    return text[1:] if _QUOTED.match(text) else text


def write_rows(header: Sequence[str], rows: Iterable[Sequence[str]],
               numeric: frozenset[int] = frozenset()) -> bytes:
    """CSV bytes (UTF-8 with BOM, CRLF, RFC 4180 quoting); text cells neutralised, `numeric` columns not."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([neutralise(h) for h in header])
    for row in rows:
        writer.writerow([cell if i in numeric else neutralise(cell) for i, cell in enumerate(row)])
    return (BOM + buffer.getvalue()).encode("utf-8")


def decode(data: bytes) -> str:
    """UTF-8 (BOM optional); files Excel saved as 'CSV' on Windows are cp1252, so fall back to it."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def sniff_delimiter(text: str) -> str:
    """',' normally; German Excel writes ';'. Decided by the header line, which has no quoted commas."""
    header = text.split("\n", 1)[0]
    counts = {d: header.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_rows(text: str) -> list[tuple[int, list[str]]]:
    """(first physical line number, cells) per record; cells unneutralised; blank records skipped."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text), strict=True)
    rows = []
    line = 1
    try:
        for cells in reader:
            if any(c.strip() for c in cells):
                rows.append((line, [unneutralise(c) for c in cells]))
            line = reader.line_num + 1
    except csv.Error as exc:
        raise ValueError(f"line {line}: not valid CSV ({exc})") from None
    return rows
