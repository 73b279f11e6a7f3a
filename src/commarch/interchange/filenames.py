"""File names suggested from a title that are safe on Windows, macOS and Linux (umlauts kept)."""

from __future__ import annotations

import re
import unicodedata
from typing import Final

MAX_BYTES: Final = 120
# Windows refuses these as a name's first part, whatever the extension ("CON.pdf", "com1.tar.gz").
RESERVED: Final = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$", "CLOCK$"}
    | {f"{p}{n}" for p in ("COM", "LPT") for n in (*"0123456789", "¹", "²", "³")}
)
FORBIDDEN: Final = '<>:"/\\|?*'


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    out = []
    for char in text:
        category = unicodedata.category(char)
        if char in FORBIDDEN:
            out.append("-")
        elif category in ("Zs", "Zl", "Zp") or char in "\t\n\r\v\f":
            out.append(" ")
        elif category in ("Cc", "Cf", "Cs", "Cn", "Co"):
            continue  # controls, bidi overrides, zero-width marks, unassigned: invisible or spoofing
        else:
            out.append(char)
    text = " ".join("".join(out).split())
    text = re.sub(r"-{2,}", "-", text)
    # No leading dot (hidden file) or dash (read as an option); no trailing dot/space (Windows drops them).
    return text.strip(" .-")


def _truncate(text: str, limit: int) -> str:
    encoded = text.encode("utf-8")
    if len(encoded) <= limit:
        return text
    cut = encoded[:limit].decode("utf-8", errors="ignore")
    # Do not leave a base letter without its combining accent.
    while cut and unicodedata.combining(cut[-1]):
        cut = cut[:-1]
    return cut.rstrip(" .-")


def _not_reserved(stem: str) -> str:
    first, dot, rest = stem.partition(".")
    if first.rstrip(" ").upper() not in RESERVED:
        return stem
    return f"{first.rstrip(' ')}_{dot}{rest}"  # "con.txt" -> "con_.txt"


def safe_filename(title: str, suffix: str = "", fallback: str = "commarch") -> str:
    """A file name from `title` plus `suffix` (".pdf" or "pdf"): no forbidden or control characters, no
    reserved device names, no leading dot, no trailing dot/space, not empty, at most 120 UTF-8 bytes."""
    ext = _clean(suffix.lstrip(".")).replace(" ", "-")
    ext = f".{_truncate(ext, 16)}" if ext else ""
    room = MAX_BYTES - len(ext.encode("utf-8")) - 1  # -1: room for the '_' a reserved name gets
    stem = _truncate(_clean(title), room)
    if not stem:
        stem = _truncate(_clean(fallback), room) or "commarch"
    return _not_reserved(stem) + ext
