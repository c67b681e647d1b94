"""Draws the site's icon (a gold heart on the brand's plum, rounded square) into
campaign/static/img/favicon.ico (16, 32 and 48 px, PNG inside) and favicon.svg, without an imaging library.

    python scripts/build_favicon.py
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

STATIC = Path(__file__).resolve().parents[1] / "campaign" / "static" / "img"
PLUM = (0x7A, 0x1F, 0x5C)
GOLD = (0xF2, 0xC1, 0x4E)
SAMPLES = 4  # per axis, for smooth edges


def _inside_square(x: float, y: float, radius: float = 0.22) -> bool:
    # x, y in [0, 1]; a square with rounded corners
    cx, cy = min(max(x, radius), 1 - radius), min(max(y, radius), 1 - radius)
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius**2


def _inside_heart(x: float, y: float) -> bool:
    # (u² + v² - 1)³ - u² v³ <= 0, the classic heart, centred and scaled into the square
    u, v = (x - 0.5) * 3.3, (0.53 - y) * 3.3
    return (u * u + v * v - 1) ** 3 - u * u * v**3 <= 0


def pixels(size: int) -> bytes:
    rows = bytearray()
    for py in range(size):
        rows.append(0)  # PNG filter: none
        for px in range(size):
            square = heart = 0
            for sy in range(SAMPLES):
                for sx in range(SAMPLES):
                    x, y = (px + (sx + 0.5) / SAMPLES) / size, (py + (sy + 0.5) / SAMPLES) / size
                    if _inside_square(x, y):
                        square += 1
                        heart += _inside_heart(x, y)
            n = SAMPLES * SAMPLES
            if not square:
                rows += bytes(4)
                continue
            mix = heart / square
            colour = [round(p + (g - p) * mix) for p, g in zip(PLUM, GOLD, strict=True)]
            rows += bytes([*colour, round(255 * square / n)])
    return bytes(rows)


def png(size: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(pixels(size), 9))
        + chunk(b"IEND", b"")
    )


def ico(sizes: tuple[int, ...]) -> bytes:
    images = [png(size) for size in sizes]
    out = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    for size, image in zip(sizes, images, strict=True):
        out += struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(image), offset)
        offset += len(image)
    return out + b"".join(images)


SVG = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">
<rect width="32" height="32" rx="7" fill="#7a1f5c"/>
<path fill="#f2c14e" d="M16 26.5C9.5 21.6 6 18 6 13.6 6 10.6 8.3 8.5 11 8.5c2.1 0 3.8 1.1 5 2.9 1.2-1.8 2.9-2.9 5-2.9 2.7 0 5 2.1 5 5.1 0 4.4-3.5 8-10 12.9z"/>
</svg>
"""


def main() -> None:
    STATIC.mkdir(parents=True, exist_ok=True)
    (STATIC / "favicon.ico").write_bytes(ico((16, 32, 48)))
    (STATIC / "favicon.svg").write_text(SVG)
    # The 180 px icon phones use when the site is added to a home screen.
    (STATIC / "apple-touch-icon.png").write_bytes(png(180))


if __name__ == "__main__":
    main()
