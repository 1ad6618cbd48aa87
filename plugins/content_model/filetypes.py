"""The files that content/ may hold besides Markdown, stated once: what each type is, how its bytes are
recognised, how big it may be and where it may go. `TABLE` below is that list; `inspect` applies it.

A file is judged by its bytes, never by its name alone: a PostScript file named logo.png would make Pillow
start Ghostscript, an HTML page named .pdf would run its scripts in the site's origin, an SVG can carry
script. The name must say what the bytes are, and the bytes must be one of the types below, read to the end:
images decoded by Pillow (restricted to the one format their name gives), office documents opened as zip
archives (never unpacked), text decoded and scanned for control characters.

Why not python-magic or filetype: they only name a type from the first bytes, which is the easy part here
(every accepted type starts with a fixed signature). What matters is what follows — that an image decodes to
the end within its pixel budget, that an office file is the archive it claims to be without macros or a
password — and that needs Pillow and zipfile anyway. Neither would remove a line of this module.
"""

from __future__ import annotations

import re
import struct
import warnings
import zipfile
from dataclasses import dataclass
from typing import BinaryIO

from . import chars
from .limits import Limits, megapixels, size
from .messages import N_, Message, message, shown

IMAGE, DOCUMENT = "image", "document"
#: Where each family may go: the top folder of its path under content/.
FOLDERS = {IMAGE: ("images", "documents", "extra"), DOCUMENT: ("documents", "extra")}
#: The folder suggested for each family when a file is elsewhere.
HOME = {IMAGE: "images", DOCUMENT: "documents"}
#: The setting (a key of LABO_LIMITS) that caps the bytes of each family.
SIZE_LIMIT = {IMAGE: "image_bytes", DOCUMENT: "document_bytes"}


@dataclass(frozen=True)
class FileType:
    name: str  # an English msgid: "PNG image"
    extensions: tuple[str, ...]  # lowercase, with the dot; the first is the one suggested
    family: str  # IMAGE or DOCUMENT
    magic: bytes  # the bytes the file starts with (b"" for text)
    check: str  # how the rest is read: "image", "pdf", "odf", "ooxml", "text"
    detail: str = ""  # the Pillow format, the OpenDocument mimetype or the OOXML part folder


_ZIP = b"PK\x03\x04"
_ODF = "application/vnd.oasis.opendocument."

#: The allow-list. Old binary Office files (.doc, .xls, .ppt) and plain .zip archives are left out on
#: purpose: they carry macros or anything at all, and every office program saves the formats below.
TABLE: tuple[FileType, ...] = (
    FileType(N_("PNG image"), (".png",), IMAGE, b"\x89PNG\r\n\x1a\n", "image", "PNG"),
    FileType(N_("JPEG image"), (".jpg", ".jpeg"), IMAGE, b"\xff\xd8\xff", "image", "JPEG"),
    FileType(N_("WebP image"), (".webp",), IMAGE, b"RIFF", "image", "WEBP"),
    FileType(N_("GIF image"), (".gif",), IMAGE, b"GIF8", "image", "GIF"),
    FileType(N_("PDF document"), (".pdf",), DOCUMENT, b"%PDF-", "pdf"),
    FileType(N_("OpenDocument text"), (".odt",), DOCUMENT, _ZIP, "odf", _ODF + "text"),
    FileType(N_("OpenDocument spreadsheet"), (".ods",), DOCUMENT, _ZIP, "odf", _ODF + "spreadsheet"),
    FileType(N_("OpenDocument presentation"), (".odp",), DOCUMENT, _ZIP, "odf", _ODF + "presentation"),
    FileType(N_("Word document"), (".docx",), DOCUMENT, _ZIP, "ooxml", "word/"),
    FileType(N_("Excel workbook"), (".xlsx",), DOCUMENT, _ZIP, "ooxml", "xl/"),
    FileType(N_("PowerPoint presentation"), (".pptx",), DOCUMENT, _ZIP, "ooxml", "ppt/"),
    FileType(N_("CSV table"), (".csv",), DOCUMENT, b"", "text"),
    FileType(N_("plain text"), (".txt",), DOCUMENT, b"", "text"),
)


def image_types() -> list[dict]:
    """The image types of TABLE as a browser checks a picked file: the MIME type, the extension a file is named
    with, and the bytes it starts with."""
    from PIL import Image  # the MIME type of each Pillow format, from Pillow itself

    Image.init()
    return [{"mime": Image.MIME[t.detail], "ext": t.extensions[0], "magic": t.magic.hex()}
            for t in TABLE if t.family == IMAGE]
BY_EXTENSION = {ext: t for t in TABLE for ext in t.extensions}
IMAGE_EXTENSIONS = tuple(ext for t in TABLE if t.family == IMAGE for ext in t.extensions)
#: Extensions refused with the reason: they run script in a browser that opens them from the site.
SCRIPTABLE = (".svg", ".svgz", ".html", ".htm", ".xhtml", ".xht", ".shtml", ".xml", ".js", ".mjs")


@dataclass(frozen=True)
class Verdict:
    """What `inspect` found: the type when the file is accepted, else the problem and its line."""

    type: FileType | None
    problem: Message | None = None
    line: int = 1


def accepted_in(folder: str) -> str:
    """'.png, .jpg, …' for the families allowed in a top folder of content/."""
    return ", ".join(ext for t in TABLE if folder in FOLDERS[t.family] for ext in t.extensions)


def inspect(f: BinaryIO, rel: str, n_bytes: int, limits: Limits) -> Verdict:
    """Judge one static file, open for reading, at `rel` (a path under content/) weighing `n_bytes`."""
    folder = rel.split("/", 1)[0]
    name = rel.rsplit("/", 1)[-1]
    ext = "." + name.rsplit(".", 1)[1].lower() if "." in name else ""
    ftype = BY_EXTENSION.get(ext)
    if ftype is None:
        if ext in SCRIPTABLE:
            return Verdict(None, message(N_("{ext} files are refused: they can carry scripts that would run on the "
                                            "site; convert an image to PNG, a page to PDF"), ext=shown(ext)))
        return Verdict(None, message(N_("files of this type are not accepted in {folder}/; accepted: {accepted}"),
                                     folder=folder, accepted=accepted_in(folder)))
    if folder not in FOLDERS[ftype.family]:
        return Verdict(None, message(N_("files of type {type} do not go in {folder}/; move it to {place}/"),
                                     type=message(ftype.name), folder=folder, place=HOME[ftype.family]))
    limit = getattr(limits, SIZE_LIMIT[ftype.family])
    if n_bytes > limit:
        return Verdict(None, message(N_("the file weighs {size}, more than the {limit} allowed for type {type} "
                                        "(setting LABO_LIMITS[\"{setting}\"]); make it smaller"),
                                     size=size(n_bytes), limit=size(limit), type=message(ftype.name),
                                     setting=SIZE_LIMIT[ftype.family]))
    head = f.read(1024)
    if not _starts_as(ftype, head):
        return Verdict(None, _mismatch(ftype, ext, name, head))
    f.seek(0)
    found = _CHECKS[ftype.check](f, ftype, n_bytes, limits)
    if found is None:
        return Verdict(ftype)
    line, problem = found
    return Verdict(None, problem, line)


def _starts_as(ftype: FileType, head: bytes) -> bool:
    if ftype.detail == "WEBP":
        return head[:4] == b"RIFF" and head[8:12] == b"WEBP"
    if ftype.detail == "GIF":
        return head[:6] in (b"GIF87a", b"GIF89a")
    return head.startswith(ftype.magic)


def _mismatch(ftype: FileType, ext: str, name: str, head: bytes) -> Message:
    # Zip-based types share one signature: a zip named .png is named by what_is ("a zip archive").
    actual = next((t for t in TABLE if t.magic and t.magic != _ZIP and _starts_as(t, head)), None)
    if actual is not None and actual.family == ftype.family:
        stem = name.rsplit(".", 1)[0]
        return message(N_("the name ends in {ext} but the content is of type {actual}; rename it to {suggestion}"),
                       ext=shown(ext), actual=message(actual.name), suggestion=shown(stem + actual.extensions[0]))
    content = message(N_("of type {type}"), type=message(actual.name)) if actual else what_is(head)
    return message(N_("the name ends in {ext} (type {type}) but the content is {actual}; save it again as a real "
                      "{ext} file"), ext=shown(ext), type=message(ftype.name), actual=content)


#: Signatures of refused files, to tell a contributor what the bytes are.
_OTHER_SIGNATURES = (
    (b"%!PS", N_("PostScript")),
    (b"\xc5\xd0\xd3\xc6", N_("PostScript")),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", N_("an old Microsoft Office file (.doc, .xls, .ppt)")),
    (b"\x7fELF", N_("a program")),
    (b"MZ", N_("a program")),
    (b"#!", N_("a script")),
    (_ZIP, N_("a zip archive")),
    (b"\x1f\x8b", N_("a compressed archive")),
    (b"Rar!", N_("a compressed archive")),
    (b"7z\xbc\xaf'\x1c", N_("a compressed archive")),
    (b"II*\x00", N_("a TIFF image")),
    (b"MM\x00*", N_("a TIFF image")),
    (b"BM", N_("a BMP image")),
)
#: What browsers sniff as HTML (WHATWG MIME Sniffing, "identifying a resource with an unknown MIME type"),
#: plus SVG and XML, which run script too.
_MARKUP = re.compile(rb"\s*<(!doctype\s+html|html|head|script|iframe|h1|div|font|table|a|style|title|b|body|br|p)"
                     rb"[\s>]|\s*<!--|\s*<\?xml|\s*<svg[\s>]", re.IGNORECASE)


def what_is(head: bytes) -> Message:
    """What the first bytes of a file look like, in a contributor's words."""
    if head[4:8] == b"ftyp":
        return message(N_("a HEIC or AVIF photo (convert it to JPEG)"))
    for magic, label in _OTHER_SIGNATURES:
        if head.startswith(magic):
            return message(label)
    body = head.removeprefix(b"\xef\xbb\xbf")
    markup = _MARKUP.match(body)
    if markup:
        if b"<svg" in body[:1024].lower():
            return message(N_("an SVG image, which can carry scripts"))
        if markup[0].lstrip().lower().startswith(b"<?xml"):
            return message(N_("XML"))
        return message(N_("an HTML page, which can carry scripts"))
    try:
        body[:-4].decode("utf-8")  # the last bytes may cut a character in two
    except UnicodeDecodeError:
        return message(N_("data of an unknown type"))
    return message(N_("some text"))


# -- the checks of the rest of the file, each returning (line, problem) or None ---------------------------------

def _check_image(f: BinaryIO, ftype: FileType, n_bytes: int, limits: Limits) -> tuple[int, Message] | None:
    from PIL import Image

    try:
        with warnings.catch_warnings():
            # We compare the pixels with our own, lower limit below; Pillow's warning would only add noise.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            # One format, the one the name gives: Pillow never gets to choose EPS (which runs Ghostscript).
            img = Image.open(f, formats=[ftype.detail])
    except Image.DecompressionBombError:
        # Pillow refuses more than 2 × 89 million pixels before we see the size.
        return 1, message(N_("the image declares more than {pillow} million pixels, far above the {limit} million "
                             "allowed (setting LABO_LIMITS[\"image_pixels\"]); reduce its dimensions"),
                          pillow=megapixels(2 * Image.MAX_IMAGE_PIXELS), limit=megapixels(limits.image_pixels))
    except Exception as exc:  # noqa: BLE001 - Pillow raises many types (OSError, SyntaxError, struct.error…)
        return 1, _undecodable(exc)
    with img:
        width, height = img.size
        try:
            frames = getattr(img, "n_frames", 1)
        except Exception as exc:  # noqa: BLE001 - counting frames reads the file
            return 1, _undecodable(exc)
        if frames > limits.image_frames:
            return 1, message(N_("the animation has {frames} frames, more than the {limit} allowed (setting "
                                 "LABO_LIMITS[\"image_frames\"])"), frames=frames, limit=limits.image_frames)
        if width * height * frames > limits.image_pixels:
            if frames == 1:
                return 1, message(N_("the image is {width} × {height} pixels ({pixels} million), more than the "
                                     "{limit} million allowed (setting LABO_LIMITS[\"image_pixels\"]); reduce its "
                                     "dimensions"), width=width, height=height,
                                  pixels=megapixels(width * height), limit=megapixels(limits.image_pixels))
            return 1, message(N_("the animation has {frames} frames of {width} × {height} pixels ({pixels} million "
                                 "in all), more than the {limit} million allowed (setting "
                                 "LABO_LIMITS[\"image_pixels\"]); make it smaller or shorter"),
                              frames=frames, width=width, height=height, pixels=megapixels(width * height * frames),
                              limit=megapixels(limits.image_pixels))
        try:
            # Decode every pixel of every frame: verify() only checks chunk checksums, and a PNG with valid
            # checksums around broken compressed data passes it, then crashes the build that resizes it.
            for index in range(frames):
                img.seek(index)
                img.load()
        except Exception as exc:  # noqa: BLE001 - as above
            return 1, _undecodable(exc)
    return None


def _undecodable(exc: Exception) -> Message:
    reason = chars.escape(str(exc) or type(exc).__name__)[:100]
    return message(N_("the image cannot be decoded ({reason}); export it again from an image editor"), reason=reason)


def _check_pdf(f: BinaryIO, ftype: FileType, n_bytes: int, limits: Limits) -> tuple[int, Message] | None:
    f.seek(max(0, n_bytes - 1024))
    if b"%%EOF" not in f.read():
        return 1, message(N_("the PDF is incomplete (it has no end-of-file marker); download or export it again"))
    return None


def _declared_members(f: BinaryIO, n_bytes: int) -> int | None:
    """The number of entries the zip's end record declares, read before zipfile parses every one of them (a
    20 MB central directory of 200,000 empty entries takes zipfile a second)."""
    tail = min(n_bytes, 22 + 0xFFFF)  # the end record, then a comment of at most 64 KB
    f.seek(n_bytes - tail)
    data = f.read(tail)
    at = data.rfind(b"PK\x05\x06")
    if at < 0 or len(data) - at < 22:
        return None
    return struct.unpack_from("<H", data, at + 10)[0]  # 0xFFFF: a ZIP64 archive, more than any office file


def _open_archive(f: BinaryIO, ftype: FileType, n_bytes: int, limits: Limits
                  ) -> tuple[zipfile.ZipFile | None, Message | None]:
    declared = _declared_members(f, n_bytes)
    if declared is not None and declared > limits.archive_members:
        return None, _too_many(declared, limits)
    f.seek(0)
    try:
        archive = zipfile.ZipFile(f)
        members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, struct.error):
        return None, message(N_("the document cannot be read: it is not a complete archive; save it again from an "
                                "office program"))
    problem = None
    if len(members) > limits.archive_members:
        problem = _too_many(len(members), limits)
    elif any(m.flag_bits & 0x1 for m in members):
        problem = message(N_("the document is protected by a password; publish a copy without a password"))
    elif sum(m.file_size for m in members) > limits.archive_bytes:
        problem = message(N_("the document unpacks to {size}, more than the {limit} allowed (setting "
                             "LABO_LIMITS[\"archive_bytes\"])"),
                          size=size(sum(m.file_size for m in members)), limit=size(limits.archive_bytes))
    else:
        bad = next((m.filename for m in members if m.filename.startswith("/") or "\\" in m.filename
                    or ".." in m.filename.split("/")), None)
        if bad is not None:
            problem = message(N_("the document holds a file whose path leaves the archive ({name}); save it again "
                                 "from an office program"), name=shown(bad))
    if problem is not None:
        archive.close()
        return None, problem
    return archive, None


def _too_many(count: int, limits: Limits) -> Message:
    return message(N_("the document holds {count} files inside, more than the {limit} allowed (setting "
                      "LABO_LIMITS[\"archive_members\"]); save it again from an office program"),
                   count=count, limit=limits.archive_members)


def _check_odf(f: BinaryIO, ftype: FileType, n_bytes: int, limits: Limits) -> tuple[int, Message] | None:
    archive, problem = _open_archive(f, ftype, n_bytes, limits)
    if archive is None:
        return 1, problem
    with archive:
        # OpenDocument 1.2, part 3, 3.3: the first entry is "mimetype", stored uncompressed, holding the type.
        first = archive.infolist()[0] if archive.infolist() else None
        if (first is None or first.filename != "mimetype" or first.compress_type != zipfile.ZIP_STORED
                or first.file_size > 100 or archive.read(first) != ftype.detail.encode("ascii")):
            return 1, message(N_("the content is not a valid file of type {type}: its first entry must be "
                                 "\"mimetype\" holding {mimetype}; save it again from an office program"),
                              type=message(ftype.name), mimetype=shown(ftype.detail))
    return None


def _check_ooxml(f: BinaryIO, ftype: FileType, n_bytes: int, limits: Limits) -> tuple[int, Message] | None:
    archive, problem = _open_archive(f, ftype, n_bytes, limits)
    if archive is None:
        return 1, problem
    with archive:
        names = {m.filename: m for m in archive.infolist()}
        types = names.get("[Content_Types].xml")
        if types is None or types.file_size > 1024 * 1024 or not any(n.startswith(ftype.detail) for n in names):
            return 1, message(N_("the content is not a valid file of type {type}: it lacks [Content_Types].xml or "
                                 "the {folder} folder; save it again from an office program"),
                              type=message(ftype.name), folder=shown(ftype.detail))
        # Macros are program code that runs when the reader enables it; .docm/.xlsm are the formats for them.
        if (any(n.lower().endswith("vbaproject.bin") for n in names)
                or b"macroenabled" in archive.read(types).lower()):
            return 1, message(N_("the document contains macros (program code); save it as a document without "
                                 "macros"))
    return None


#: Control characters other than tab, CR and LF, and the bidirectional embeddings, overrides and isolates.
_TEXT_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _check_text(f: BinaryIO, ftype: FileType, n_bytes: int, limits: Limits) -> tuple[int, Message] | None:
    raw = f.read()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        return line, message(N_("the text is not valid UTF-8 (byte 0x{byte}); save it with the UTF-8 encoding"),
                             byte=raw[exc.start:exc.start + 1].hex().upper())
    found = unsafe_in_text(text)
    if found:
        return found
    if _MARKUP.match(text.encode("utf-8")[:1024]):
        return 1, message(N_("the text starts like an HTML, SVG or XML document, which a browser could run; "
                             "publish it as PDF instead"))
    return None


def unsafe_in_text(text: str, first_line: int = 1) -> tuple[int, Message] | None:
    """(line, problem) for the first control or bidirectional character of a text (Markdown bodies, CSV,
    TXT); tab, CR and LF are text. Letters, marks and joiners of every script stay welcome."""
    found = _TEXT_UNSAFE.search(text)
    if found is None:
        return None
    start = text.rfind("\n", 0, found.start()) + 1
    return first_line + text.count("\n", 0, found.start()), message(
        N_("the text contains {char} at column {column}; remove it: control and bidirectional characters can make "
           "text look different from what it is"),
        char=chars.describe(found[0]), column=found.start() - start + 1)


_CHECKS = {"image": _check_image, "pdf": _check_pdf, "odf": _check_odf, "ooxml": _check_ooxml, "text": _check_text}
