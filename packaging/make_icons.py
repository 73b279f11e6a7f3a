"""Rasterise packaging/icons/commarch.svg into the PNG sizes, .ico and .icns the desktop bundles need."""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent / "icons"
SVG = HERE / "commarch.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)  # the hicolor theme sizes desktops look up
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)  # Windows Explorer picks from these; 256 is stored as PNG


def render_png(size: int, out: Path) -> None:
    """Draw the SVG at `size`×`size` with Qt's SVG renderer (no Inkscape or ImageMagick needed)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"make_icons: {SVG}: not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    if not image.save(str(out)):
        raise SystemExit(f"make_icons: {out}: cannot write")


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image  # Pillow comes with matplotlib, a runtime dependency
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 - QPainter needs one
    png_dir = HERE / "png"
    png_dir.mkdir(exist_ok=True)
    for size in PNG_SIZES:
        render_png(size, png_dir / f"commarch-{size}.png")
    big = HERE / "commarch-1024.png"  # the .icns source; not shipped on its own
    render_png(1024, big)
    with Image.open(big) as image:
        # Pillow writes the 16…1024 icns members from the largest image and the ico sizes by resampling
        image.save(HERE / "commarch.icns", format="ICNS")
        image.save(HERE / "commarch.ico", format="ICO", sizes=[(s, s) for s in ICO_SIZES])
    big.unlink()
    print(f"make_icons: wrote {len(PNG_SIZES)} PNGs, commarch.ico and commarch.icns in {HERE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
