"""The zip the form writes in the browser (propose-org.js), read back by Python's zipfile; the logo's type as the
validator recognises it."""

from __future__ import annotations

import base64
import datetime as dt
import io
import zipfile
import zlib

import pytest
from PIL import Image
from tests.contribute.helpers import run_js

from content_model import filetypes

WHEN = [2026, 12, 6, 10, 20, 30]


def _image(fmt: str) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (12, 8), (200, 80, 20)).save(out, fmt)
    return out.getvalue()


def test_the_archive_reads_back_with_names_contents_dates_and_checksums() -> None:
    png = _image("PNG")
    files = [["content/organisations/coop-é.md", "---\nname: \"Coop é\"\n---\n"],
             ["content/images/logos/coop.png", list(png)],
             ["content/projects/forage.md", ""]]
    data = base64.b64decode(run_js([["zipFiles", files, WHEN]])[0])
    archive = zipfile.ZipFile(io.BytesIO(data))
    assert archive.testzip() is None
    infos = archive.infolist()
    assert [i.filename for i in infos] == [name for name, _ in files]  # UTF-8 names (flag bit 11)
    assert all(i.flag_bits & 0x800 and i.compress_type == zipfile.ZIP_STORED for i in infos)
    assert all(i.date_time == dt.datetime(*WHEN).timetuple()[:6] for i in infos)
    assert archive.read(files[0][0]).decode("utf-8") == files[0][1]
    assert archive.read(files[1][0]) == png and archive.read(files[2][0]) == b""


def test_the_checksum_is_crc32() -> None:
    data = [list(b"123456789"), list(range(256)) * 3, []]
    assert run_js([["crc32", d] for d in data]) == [zlib.crc32(bytes(d)) for d in data]
    assert zlib.crc32(b"123456789") == 0xCBF43926


@pytest.mark.parametrize("fmt, ext", [("PNG", ".png"), ("JPEG", ".jpg"), ("WEBP", ".webp"), ("GIF", ".gif")])
def test_a_logo_is_recognised_by_its_first_bytes_as_the_validator_does(fmt: str, ext: str) -> None:
    assert run_js([["imageType", list(_image(fmt)[:32]), filetypes.image_types()]]) == [ext]


@pytest.mark.parametrize("head", [b"%PDF-1.7\n", b"<svg xmlns", b"\x00\x00\x00\x18ftypheic", b"BM6\x00", b""])
def test_other_files_are_no_logo(head: bytes) -> None:
    assert run_js([["imageType", list(head), filetypes.image_types()]]) == [None]
