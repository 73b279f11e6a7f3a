"""The parallel PNG encoder: exact pixels via Qt and Pillow, dpi as Qt records it, valid chunks and stream."""

from __future__ import annotations

import random
import struct
import zlib
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from PySide6.QtGui import QColor, QImage, QImageWriter, QPainter

from commarch.model import CommModel
from commarch.render import export_diagram
from commarch.render.png_writer import _adler32_combine, write_png

Fmt = QImage.Format


def chunks(path: Path) -> list[tuple[bytes, bytes]]:
    """(type, data) of every chunk, asserting the signature, each CRC-32 and that IEND ends the file."""
    raw = path.read_bytes()
    assert raw[:8] == b"\x89PNG\r\n\x1a\n"
    found, pos = [], 8
    while pos < len(raw):
        (length,) = struct.unpack(">I", raw[pos:pos + 4])
        kind, data = raw[pos + 4:pos + 8], raw[pos + 8:pos + 8 + length]
        (crc,) = struct.unpack(">I", raw[pos + 8 + length:pos + 12 + length])
        assert crc == zlib.crc32(kind + data), kind
        found.append((kind, data))
        pos += 12 + length
    assert found[0][0] == b"IHDR" and found[-1] == (b"IEND", b"")
    return found


def decoded_rows(path: Path) -> np.ndarray:
    """The filtered scanlines, inflated with zlib (which checks the Adler-32): (height, 1 + bytes per row)."""
    parts = chunks(path)
    width, height, depth, colour = struct.unpack(">IIBB", parts[0][1][:10])
    channels = {2: 3, 6: 4}[colour]
    assert depth == 8
    stream = b"".join(data for kind, data in parts if kind == b"IDAT")
    assert (stream[0] * 256 + stream[1]) % 31 == 0
    inflater = zlib.decompressobj()
    raw = inflater.decompress(stream)
    assert inflater.eof and not inflater.unused_data
    return np.frombuffer(raw, np.uint8).reshape(height, 1 + channels * width)


def noisy_image(width: int, height: int, fmt: QImage.Format, seed: int = 7) -> QImage:
    """Random colours and alphas (semi-transparent included), plus painted shapes for flat runs."""
    rng = random.Random(seed)
    image = QImage(width, height, fmt)
    image.fill(QColor(0, 0, 0, 0) if image.hasAlphaChannel() else QColor("white"))
    for y in range(height):
        for x in range(0, width, max(1, width // 7)):
            image.setPixelColor(x, y, QColor(rng.randrange(256), rng.randrange(256), rng.randrange(256),
                                             rng.choice((0, 1, 60, 128, 200, 254, 255))))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(20, 120, 220, 140))
    painter.drawEllipse(0, 0, width, height)
    painter.end()
    image.setDotsPerMeterX(5669)
    image.setDotsPerMeterY(3780)
    return image


def straight(image: QImage) -> np.ndarray:
    """The image's pixels as straight RGB / RGBA bytes (Qt's own unpremultiplying), (height, width, ch)."""
    alpha = image.hasAlphaChannel()
    rgb = image.convertToFormat(Fmt.Format_RGBA8888 if alpha else Fmt.Format_RGB888)
    data = np.frombuffer(rgb.constBits(), np.uint8, count=rgb.sizeInBytes())
    channels = 4 if alpha else 3
    # copied: the view would outlive `rgb`, whose pixels are freed on return
    return data.reshape(rgb.height(), rgb.bytesPerLine())[:, :channels * rgb.width()].reshape(
        rgb.height(), rgb.width(), channels).copy()


def assert_same_pixels(path: Path, source: QImage) -> None:
    expected = straight(source)
    with Image.open(path) as pil:
        pil.load()  # Pillow checks the chunk CRCs while reading
        assert pil.mode == ("RGBA" if source.hasAlphaChannel() else "RGB")
        assert np.array_equal(np.asarray(pil), expected)
    loaded = QImage(str(path))
    assert not loaded.isNull() and loaded.size() == source.size()
    assert np.array_equal(straight(loaded), expected)
    # Compared in the source's own format too: premultiplied values survive the straight-alpha round trip.
    assert loaded.convertToFormat(source.format()) == source
    rows = decoded_rows(path)
    assert not rows[:, 0].any()  # filter type None on every row
    assert np.array_equal(rows[:, 1:].reshape(expected.shape), expected)


@pytest.mark.parametrize("fmt", [Fmt.Format_RGB32, Fmt.Format_ARGB32_Premultiplied, Fmt.Format_ARGB32,
                                 Fmt.Format_RGB888, Fmt.Format_RGBA8888])
@pytest.mark.parametrize("size", [(1, 1), (3, 5), (37, 11), (101, 3)])
def test_pixels_match_exactly(tmp_path: Path, fmt: QImage.Format, size: tuple[int, int]) -> None:
    # Odd widths: RGB888 rows are padded to 4 bytes in memory, and no padding may reach the file.
    source = noisy_image(*size, fmt)
    out = tmp_path / "x.png"
    write_png(source, out)
    assert_same_pixels(out, source)


@pytest.mark.parametrize("bands", [2, 3, 4, 7])
@pytest.mark.parametrize("fmt", [Fmt.Format_RGB32, Fmt.Format_ARGB32_Premultiplied])
def test_tall_image_in_many_segments_and_threads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, bands: int,
                                                 fmt: QImage.Format) -> None:
    # Segments of a few rows: ~100 pieces from compressors in several threads, each reused many times.
    monkeypatch.setattr("commarch.render.png_writer.SEGMENT_BYTES", 1000)
    source = noisy_image(53, 611, fmt, seed=bands)
    out = tmp_path / "tall.png"
    write_png(source, out, bands=bands)
    assert_same_pixels(out, source)


def test_segments_cover_the_rows_with_one_worker_per_core(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    import commarch.render.png_writer as png_writer

    monkeypatch.setattr(png_writer.os, "cpu_count", lambda: 8)
    monkeypatch.setattr(png_writer, "SEGMENT_BYTES", 61 * 40)  # 40 rows of 20 RGB pixels + filter byte
    pools: list[int] = []
    real_pool = png_writer.ThreadPoolExecutor

    def recording_pool(max_workers: int, **options: str) -> object:
        pools.append(max_workers)
        return real_pool(max_workers=max_workers, **options)

    monkeypatch.setattr(png_writer, "ThreadPoolExecutor", recording_pool)
    seen: list[tuple[int, int]] = []
    real_call = png_writer._SegmentEncoder.__call__

    def spy(self: object, segment: tuple[int, int]) -> tuple[bytes, int, int]:
        seen.append(segment)
        return real_call(self, segment)  # type: ignore[arg-type]

    monkeypatch.setattr(png_writer._SegmentEncoder, "__call__", spy)
    source = noisy_image(20, 1000, Fmt.Format_RGB32)
    write_png(source, tmp_path / "t.png")
    assert pools == [png_writer.MAX_BANDS - 1]  # one per core, at most 4, the calling thread being one
    assert sorted(seen) == [(top, top + 40) for top in range(0, 1000, 40)]
    assert_same_pixels(tmp_path / "t.png", source)
    pools.clear()
    write_png(noisy_image(20, 10, Fmt.Format_RGB32), tmp_path / "short.png")
    assert pools == []  # one segment: no threads


@pytest.mark.parametrize("level", [0, 1, 5, 6, 9])
def test_levels_give_valid_streams(tmp_path: Path, level: int) -> None:
    source = noisy_image(40, 300, Fmt.Format_ARGB32_Premultiplied)
    write_png(source, tmp_path / "l.png", level=level, bands=3)
    assert_same_pixels(tmp_path / "l.png", source)


def test_dpi_matches_what_qt_writes(tmp_path: Path) -> None:
    for dots in (2835, 5669, 11811, 3779):
        source = noisy_image(9, 4, Fmt.Format_RGB32)
        source.setDotsPerMeterX(dots)
        source.setDotsPerMeterY(dots + 1)
        ours, qt = tmp_path / "ours.png", tmp_path / "qt.png"
        write_png(source, ours)
        assert QImageWriter(str(qt), b"PNG").write(source)
        assert dict(chunks(ours))[b"pHYs"] == dict(chunks(qt))[b"pHYs"]
        mine, theirs = QImage(str(ours)), QImage(str(qt))
        assert (mine.dotsPerMeterX(), mine.dotsPerMeterY()) == (theirs.dotsPerMeterX(), theirs.dotsPerMeterY())
        with Image.open(ours) as a, Image.open(qt) as b:
            assert a.info["dpi"] == b.info["dpi"]


def test_adler32_combine_matches_zlib() -> None:
    rng = random.Random(3)
    for _ in range(50):
        a = rng.randbytes(rng.randrange(0, 300))
        b = rng.randbytes(rng.randrange(0, 200_000))
        assert _adler32_combine(zlib.adler32(a), zlib.adler32(b), len(b)) == zlib.adler32(a + b)
    big = b"\xff" * 3_000_000  # sums wrapping the modulus many times
    assert _adler32_combine(zlib.adler32(big), zlib.adler32(big), len(big)) == zlib.adler32(big + big)


def test_unwritable_path_is_an_oserror_naming_it(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "x.png"
    with pytest.raises(OSError, match=r"missing/x\.png: could not write the PNG image"):
        write_png(noisy_image(4, 4, Fmt.Format_RGB32), target)
    with pytest.raises(ValueError):
        write_png(QImage(), tmp_path / "null.png")


@pytest.mark.parametrize("transparent", [False, True])
def test_export_writes_the_painted_image_exactly(model: CommModel, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch, transparent: bool) -> None:
    import commarch.render.png_writer as png_writer

    painted: list[QImage] = []
    real = png_writer.write_png

    def spy(image: QImage, path: str, **options: int) -> None:
        painted.append(image.copy())
        real(image, path, **options)

    monkeypatch.setattr(png_writer, "write_png", spy)
    out = export_diagram(model, tmp_path / "d.png", dpi=96, transparent=transparent)
    assert len(painted) == 1
    assert painted[0].format() == (Fmt.Format_ARGB32_Premultiplied if transparent else Fmt.Format_RGB32)
    assert_same_pixels(out, painted[0])
    parts = dict(chunks(out))
    assert parts[b"IHDR"][9] == (6 if transparent else 2)
    assert struct.unpack(">IIB", parts[b"pHYs"]) == (round(96 / 0.0254), round(96 / 0.0254), 1)
    with Image.open(out) as image:
        assert image.info["dpi"] == pytest.approx((96, 96), abs=0.1)
    if transparent:  # see-through background, semi-transparent antialiased edges, opaque fills
        alpha = np.asarray(Image.open(out))[:, :, 3]
        assert (alpha == 0).any() and (alpha == 255).any() and ((alpha > 0) & (alpha < 255)).any()
    assert not list(tmp_path.glob(".*.tmp"))


def test_export_failing_mid_write_leaves_nothing(model: CommModel, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    import commarch.render.png_writer as png_writer

    def full_disk(self: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(png_writer._IdatWriter, "_emit", full_disk)
    with pytest.raises(OSError, match=r"\.d\.png\..*\.tmp: could not write the PNG image: No space left"):
        export_diagram(model, tmp_path / "d.png", dpi=72)
    assert not list(tmp_path.iterdir())  # neither the target nor the temp file
