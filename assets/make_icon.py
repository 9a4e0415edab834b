"""Writes tongbao.ico (16, 32, 48 px, 32-bit): a red document with white text lines — a bulletin.
Run once by hand (python3 make_icon.py); the .ico is committed and linked into tongbao.exe by build.rs."""
import struct

RED, WHITE, CLEAR = (0xC0, 0x1F, 0x1F, 0xFF), (0xFF, 0xFF, 0xFF, 0xFF), (0, 0, 0, 0)

def pixel(x, y, n):
    u = lambda v: v * n / 32  # design on a 32 px grid
    if not (u(4) <= x < u(28) and u(2) <= y < u(30)):
        return CLEAR
    if u(9) <= x < u(23):
        for top in (7, 12, 16, 20, 24):
            if u(top) <= y < u(top) + max(1, u(2)) and (top != 7 or u(11) <= x < u(21)):
                return WHITE
    return RED

def image(n):
    rows = []
    for y in range(n - 1, -1, -1):  # BMP rows bottom-up
        rows.append(b"".join(bytes((p[2], p[1], p[0], p[3])) for p in (pixel(x, y, n) for x in range(n))))
    mask_row = ((n + 31) // 32) * 4
    header = struct.pack("<IiiHHIIiiII", 40, n, 2 * n, 1, 32, 0, 0, 0, 0, 0, 0)
    return header + b"".join(rows) + b"\0" * (mask_row * n)

sizes = (16, 32, 48)
images = [image(n) for n in sizes]
out = struct.pack("<HHH", 0, 1, len(sizes))
offset = 6 + 16 * len(sizes)
for n, data in zip(sizes, images):
    out += struct.pack("<BBBBHHII", n, n, 0, 0, 1, 32, len(data), offset)
    offset += len(data)
open("tongbao.ico", "wb").write(out + b"".join(images))
