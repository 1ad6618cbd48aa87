"""A dated zip of the built site for USB sticks and offline reading, byte-identical for the same input.

Entries are sorted, every timestamp is the build time (SOURCE_DATE_EPOCH when set), permissions and the
creating system are fixed, and nothing of the machine (user, absolute path, file mtimes) gets in: the same
site and epoch give the same zip, so a copy can be checked against its checksum.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import unicodedata
import zipfile
from pathlib import Path

#: Already compressed: stored as they are (deflating them again costs time for nothing).
STORED_SUFFIXES = {".png", ".jpg", ".jpeg", ".webp", ".gif", ".pdf", ".zip", ".gz", ".woff2"}
ZIP_EPOCH = dt.datetime(1980, 1, 1, tzinfo=dt.UTC)  # the earliest time a zip entry can carry


def bundle_name(site_name: str, day: dt.date) -> str:
    """`labo-ess-afrique-2026-11-18`: the site's name (a setting) and the build date."""
    ascii_name = unicodedata.normalize("NFKD", site_name).encode("ascii", "ignore").decode().lower()
    return f"{re.sub(r'[^a-z0-9]+', '-', ascii_name).strip('-') or 'site'}-{day.isoformat()}"


def notes(site_name: str, folder: str, day_fr: str, day_en: str, site_url: str = "") -> dict[str, str]:
    """LISEZ-MOI.txt and README.txt: how to open the site, for someone who has only the zip."""
    online_fr = f"\nLe site en ligne : {site_url}\n" if site_url else ""
    online_en = f"\nThe site online: {site_url}\n" if site_url else ""
    return {
        "LISEZ-MOI.txt": (
            f"{site_name} — le site à lire sans connexion (version du {day_fr})\n\n"
            "Pour l'ouvrir :\n"
            "1. Décompressez ce fichier zip (clic droit, puis « Extraire tout… »).\n"
            f"2. Ouvrez le dossier {folder}, puis le fichier index.html :\n"
            "   un double-clic l'ouvre dans votre navigateur.\n\n"
            "Tout fonctionne sans Internet : les pages, la recherche, la carte et le passage\n"
            "du français à l'anglais. Seuls les liens vers d'autres sites demandent une connexion.\n\n"
            "English version: en/index.html (see README.txt).\n" + online_fr
        ),
        "README.txt": (
            f"{site_name} — the site to read without a connection (version of {day_en})\n\n"
            "To open it:\n"
            "1. Unzip this file (right-click, then \"Extract all…\").\n"
            f"2. Open the folder {folder}, then the file en/index.html (English)\n"
            "   or index.html (French): a double-click opens it in your browser.\n\n"
            "Everything works without the Internet: the pages, the search, the map and the\n"
            "language switch. Only links to other websites need a connection.\n" + online_en
        ),
    }


def zip_time(epoch: int) -> tuple[int, int, int, int, int, int]:
    moment = max(dt.datetime.fromtimestamp(epoch, tz=dt.UTC), ZIP_EPOCH)
    return (moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second)


def write_bundle(site: Path, target: Path, *, folder: str, epoch: int, extra: dict[str, str] | None = None) -> int:
    """Zip every file of `site` under `folder/` in `target`, plus `extra` text files (name -> text, written
    with a BOM and CRLF so that old Windows Notepad shows the accents); returns the number of entries."""
    site, target = Path(site), Path(target)
    if not (site / "index.html").is_file():
        raise FileNotFoundError(f"{site} has no index.html: build the site first")
    when = zip_time(epoch)
    files = sorted(_files(site))
    texts = {name: ("\ufeff" + text.replace("\r\n", "\n").replace("\n", "\r\n")).encode("utf-8")
             for name, text in (extra or {}).items()}
    clash = set(texts) & set(files)
    if clash:
        raise ValueError(f"the site already has {', '.join(sorted(clash))}; the note would hide it")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.partial-{os.getpid()}")
    entries = sorted([(rel, None) for rel in files] + list(texts.items()))
    try:
        with zipfile.ZipFile(partial, "w", allowZip64=True) as archive:
            for rel, data in entries:
                info = zipfile.ZipInfo(f"{folder}/{rel}", date_time=when)
                info.create_system = 3  # Unix, whatever builds it, so the header bytes never vary
                info.external_attr = 0o100644 << 16  # a regular file, rw-r--r--
                stored = Path(rel).suffix.lower() in STORED_SUFFIXES
                info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
                payload = data if data is not None else (site / rel).read_bytes()
                archive.writestr(info, payload, compresslevel=None if stored else 9)
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)
    return len(entries)


def _files(root: Path) -> list[str]:
    out: list[str] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        rel_dir = Path(dirpath).relative_to(root).as_posix()
        out.extend(name if rel_dir == "." else f"{rel_dir}/{name}" for name in filenames if not name.startswith("."))
    return out
