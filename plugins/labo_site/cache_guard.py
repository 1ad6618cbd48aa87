"""Drop a Pelican content cache file that cannot be read back.

Pelican writes its cache in place and does not catch EOFError when loading it, so one interrupted build (or two
builds sharing a cache) leaves a truncated file that breaks every later build until someone deletes it. The cache
only saves time: an unreadable file is removed and rebuilt.
"""

from __future__ import annotations

import gzip
import logging
import pickle
from pathlib import Path

logger = logging.getLogger(__name__)


def drop_unreadable_caches(settings: dict) -> list[Path]:
    cache_dir = Path(settings.get("CACHE_PATH", "cache"))
    if not (settings.get("LOAD_CONTENT_CACHE") and cache_dir.is_dir()):
        return []
    opener = gzip.open if settings.get("GZIP_CACHE", True) else open
    dropped = []
    for path in sorted(p for p in cache_dir.iterdir() if p.is_file()):
        try:
            with opener(path, "rb") as f:
                pickle.load(f)
        except Exception:  # noqa: BLE001 - any failure to read means the file is useless
            path.unlink(missing_ok=True)
            dropped.append(path)
            logger.info("labo_site: removed unreadable cache file %s", path)
    return dropped
