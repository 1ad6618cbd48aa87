"""The build's cache: small files that only this machine can have written, outside the checkout.

Why not Pelican's content cache: it pickles what it stores and loads it back, and loading a pickle runs
code. A pull request that committed a crafted file where the cache is read (the git-ignored `.cache/` is
not ignored by `git add -f`) would run it in the build. Here:

- the cache lives outside the checkout by default (`pelicanconf.py` puts it under the user's cache
  folder), and a cache folder inside a checkout is refused when Git tracks anything in it;
- it stores bytes (HTML, JSON), never pickles;
- every file is named by an HMAC of its key with a secret made on this machine at first use (0600): a file
  put there by anyone without the secret is never found, so a cached page is reused only when its key was
  produced here.

Pages and files that are hard-linked into the site are files here; small records (a file's parsed front
matter, a body's HTML) live in one SQLite table under the same HMAC names, because creating a file costs
about half a millisecond on some disks and a network has thousands of entries.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import sqlite3
import subprocess
import time
from pathlib import Path

SECRET_NAME = "machine-key"
KEEP_DAYS = 30  # records unused for this long are removed
#: A record's last use is written again at most once a day: marking every record a build reads rewrote most of
#: the database at each build (174 MB of writes for a validation of 10,000 organisations that changed nothing).
#: A day is nothing next to KEEP_DAYS.
REFRESH_SECONDS = 86400
SECRET_BYTES = 32
SQLITE_CACHE_KIB = 256  # SQLite page cache of the records file, per process


class CacheLocationError(Exception):
    """The configured cache folder cannot be trusted."""

    exitcode = 1


def default_path(checkout: Path) -> Path:
    """The cache folder of a checkout: `$LABO_CACHE_DIR`, else `$XDG_CACHE_HOME/labo-ess-afrique/<id>`, one
    folder per checkout so two clones never share pages."""
    explicit = os.environ.get("LABO_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    tag = hashlib.sha256(str(Path(checkout).resolve()).encode()).hexdigest()[:16]
    return base / "labo-ess-afrique" / tag


def check_location(path: Path, checkout: Path) -> None:
    """Refuse a cache folder inside `checkout` that holds files tracked by Git (a pull request put them there)."""
    path, checkout = Path(path).resolve(), Path(checkout).resolve()
    if path != checkout and checkout not in path.parents:
        return
    try:
        tracked = subprocess.run(["git", "-C", str(checkout), "ls-files", "-z", "--", str(path)],
                                 capture_output=True, check=False, timeout=30).stdout
    except (OSError, subprocess.TimeoutExpired):  # no git: nothing can be tracked
        return
    if tracked.strip(b"\0"):
        first = tracked.split(b"\0", 1)[0].decode("utf-8", "replace")
        raise CacheLocationError(
            f"labo_site: the cache folder {path} holds files tracked by Git (e.g. {first!r}); a pull request may "
            "have added them. Remove them from Git, or set CACHE_PATH outside the checkout.")


class Cache:
    """Files named by HMAC(secret, area + key) under `root/area/`."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self._root = str(self.root)
        self._secret = self._load_secret()
        self._db: sqlite3.Connection | None = None
        self._db_pid = 0
        self._pending: dict[str, bytes] = {}
        self._touched: set[str] = set()
        self.build = int(time.time())  # when the records this build used were last used (children inherit it)

    def _load_secret(self) -> bytes:
        self.root.mkdir(parents=True, exist_ok=True, mode=0o700)
        path = self.root / SECRET_NAME
        try:
            secret = path.read_bytes()
            if len(secret) == SECRET_BYTES and path.stat().st_mode & 0o077 == 0:
                return secret
            path.unlink()  # wrong size or readable by others: start again (every cached file is then unused)
        except FileNotFoundError:
            pass
        secret = secrets.token_bytes(SECRET_BYTES)
        tmp = path.with_name(f"{SECRET_NAME}.{os.getpid()}.{secrets.token_hex(4)}")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as f:
            f.write(secret)
        try:
            os.link(tmp, path)  # the first build to get here wins; a concurrent one reads the winner's secret
        except FileExistsError:
            pass
        finally:
            tmp.unlink()
        return path.read_bytes()

    def name(self, area: str, key: bytes | str) -> str:
        data = key.encode() if isinstance(key, str) else key
        return hmac.new(self._secret, area.encode() + b"\0" + data, hashlib.sha256).hexdigest()

    def path(self, area: str, key: bytes | str, suffix: str = "") -> Path:
        return Path(self.file(area, key, suffix))

    def file(self, area: str, key: bytes | str, suffix: str = "") -> str:
        """`path` as a string, for the build's tens of thousands of lookups (112,000 in a rebuild of 10,000
        organisations): with its Path object a lookup took twice the time (9.7 against 5.1 µs)."""
        digest = self.name(area, key)
        return os.path.join(self._root, area, digest[:2], digest + suffix)

    def get(self, area: str, key: bytes | str, suffix: str = "") -> bytes | None:
        try:
            with open(self.file(area, key, suffix), "rb") as handle:
                return handle.read()
        except (FileNotFoundError, NotADirectoryError):
            return None

    def put(self, area: str, key: bytes | str, data: bytes, suffix: str = "") -> Path:
        """Write atomically: a reader sees the old file, the new one, or none — never half of one."""
        target = self.path(area, key, suffix)
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.name}.{os.getpid()}.{secrets.token_hex(4)}")
        tmp.write_bytes(data)
        os.replace(tmp, target)
        return target

    # -- small records, in one SQLite file -----------------------------------------------------------

    def _records(self) -> sqlite3.Connection:
        if self._db is not None and self._db_pid != os.getpid():
            # A forked rendering process: SQLite connections must not cross a fork; open its own.
            self._db, self._pending, self._touched = None, {}, set()
        if self._db is None:
            self._db_pid = os.getpid()
            self._db = sqlite3.connect(self.root / "records.sqlite", timeout=60, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            # Records are read once each (a body, a document's terms): SQLite's own page cache (2 MB by default)
            # would only hold pages the operating system keeps anyway, in the build's process and every process
            # forked from it.
            self._db.execute(f"PRAGMA cache_size=-{SQLITE_CACHE_KIB}")
            self._db.execute("CREATE TABLE IF NOT EXISTS records "
                             "(name TEXT PRIMARY KEY, value BLOB NOT NULL, build INTEGER NOT NULL)")
        return self._db

    def get_record(self, area: str, key: bytes | str) -> bytes | None:
        name = self.name(area, key)
        db = self._records()
        if name in self._pending:
            return self._pending[name]
        try:
            row = db.execute("SELECT value, build FROM records WHERE name = ?", (name,)).fetchone()
        except sqlite3.DatabaseError:  # a damaged file: the cache only saves time
            return None
        if row is None:
            return None
        if row[1] < self.build - REFRESH_SECONDS:
            self._touched.add(name)
        return row[0]

    def put_record(self, area: str, key: bytes | str, value: bytes) -> None:
        """Kept in memory until `save_records()`, which writes them all in one transaction."""
        name = self.name(area, key)
        self._records()
        self._pending[name] = value

    def save_records(self) -> None:
        """Write the new records, and mark as used by this build those this process read whose last use is older
        than REFRESH_SECONDS."""
        db = self._records()
        items, self._pending = list(self._pending.items()), {}
        touched, self._touched = self._touched, set()
        try:
            with db:
                db.execute("BEGIN")
                db.executemany("INSERT OR REPLACE INTO records (name, value, build) VALUES (?, ?, ?)",
                               ((name, value, self.build) for name, value in items))
                db.executemany("UPDATE records SET build = ? WHERE name = ?", ((self.build, n) for n in touched))
        except sqlite3.DatabaseError:  # a damaged file: start a new one next time
            self.close()
            (self.root / "records.sqlite").unlink(missing_ok=True)

    def prune_records(self, days: int = KEEP_DAYS) -> None:
        """After a whole build: drop the records no build used in the last `days` days. Not only those of the last
        build: a search index reused as a whole does not read its documents' terms, which the next edit needs."""
        self.save_records()
        with self._records() as db:
            db.execute("DELETE FROM records WHERE build < ?", (self.build - days * 86400,))

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    def keep_only(self, area: str, names: set[str]) -> int:
        """Remove the files of `area` whose names (without suffix) are not in `names`; the count removed."""
        removed = 0
        folder = self.root / area
        if not folder.is_dir():
            return 0
        for sub in folder.iterdir():
            if not sub.is_dir():
                continue
            for cached in sub.iterdir():
                if cached.name.split(".", 1)[0] not in names:
                    cached.unlink(missing_ok=True)
                    removed += 1
        return removed
