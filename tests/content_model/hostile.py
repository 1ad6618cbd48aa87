"""Hostile and valid files built in memory for the tests of the walk of content/ and its limits.

Imported by bare name, like cmkit. Every builder returns bytes; nothing here is read from a fixture folder,
so the bytes under test are stated next to the test that uses them.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

from PIL import Image

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
EPS = b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 10 10\n(x) print showpage\n"
HTML = b"<!DOCTYPE html><html><body><script>alert(document.domain)</script></body></html>\n"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>\n'


def png_chunk(kind: bytes, data: bytes) -> bytes:
    """A PNG chunk with its correct CRC: whatever `data` holds, a checksum test passes."""
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png(width: int, height: int, idat: bytes, depth: int = 8, colour: int = 2) -> bytes:
    header = struct.pack(">IIBBBBB", width, height, depth, colour, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", header) + png_chunk(b"IDAT", idat)
            + png_chunk(b"IEND", b""))


def corrupt_png() -> bytes:
    """64 × 64 RGB whose compressed data is garbage behind a valid zlib header; every CRC is right."""
    return png(64, 64, b"\x78\x9c" + bytes(range(200)) * 3)


def bomb_png(width: int = 20_000, height: int = 20_000) -> bytes:
    """A black-and-white PNG declaring width × height pixels, in a few KB (the data ends early)."""
    return png(width, height, zlib.compress(b"\x00" * 100_000, 9), depth=1, colour=0)


def image(fmt: str, size: tuple[int, int] = (48, 32), frames: int = 1) -> bytes:
    """A real image written by Pillow (an animation when frames > 1)."""
    out = io.BytesIO()
    pictures = [Image.new("RGB", size, (40 * i % 255, 120, 200)) for i in range(frames)]
    if frames > 1:
        pictures[0].save(out, fmt, save_all=True, append_images=pictures[1:], duration=100)
    else:
        pictures[0].save(out, fmt)
    return out.getvalue()


def odf(kind: str = "text", first: str = "mimetype", mimetype: str | None = None) -> bytes:
    """An OpenDocument file as office programs write it: "mimetype" first and stored, then the parts."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        parts = {"mimetype": (mimetype or f"application/vnd.oasis.opendocument.{kind}").encode(),
                 "META-INF/manifest.xml": b'<?xml version="1.0"?><manifest:manifest/>',
                 "content.xml": b'<?xml version="1.0"?><office:document-content/>'}
        order = [first] + [name for name in parts if name != first]
        for name in order:
            z.writestr(name, parts[name], zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED)
    return out.getvalue()


def ooxml(folder: str = "word/", macros: bool = False, extra: dict[str, bytes] | None = None) -> bytes:
    """A minimal Office Open XML package: [Content_Types].xml, the relationships and one part in `folder`."""
    content_type = b"application/vnd.ms-word.document.macroEnabled.main+xml" if macros else b"application/xml"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", b'<?xml version="1.0"?><Types><Override ContentType="' + content_type
                   + b'"/></Types>')
        z.writestr("_rels/.rels", b'<?xml version="1.0"?><Relationships/>')
        z.writestr(f"{folder}main.xml", b'<?xml version="1.0"?><document/>')
        for name, data in (extra or {}).items():
            z.writestr(name, data)
    return out.getvalue()


def encrypted(document: bytes) -> bytes:
    """`document` with the "encrypted" flag set on every entry (local headers and central directory)."""
    data = bytearray(document)
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = data.find(signature)
        while at >= 0:
            data[at + offset] |= 0x1
            at = data.find(signature, at + 4)
    return bytes(data)


def many_entries(count: int) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as z:
        z.writestr("[Content_Types].xml", b"<Types/>")
        z.writestr("word/main.xml", b"<document/>")
        for i in range(count):
            z.writestr(f"word/media/{i}.xml", b"")
    return out.getvalue()
