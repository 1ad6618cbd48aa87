"""Put a finished build in place as the live output folder in one step, one build at a time.

A reader (a web server, a USB copy in progress, `make serve`) sees the previous site or the new one, never
half of each, and never no site at all:

- the new site is built in a sibling folder, then exchanged with the live one by one `renameat2` call with
  RENAME_EXCHANGE (Linux) or `renamex_np` with RENAME_SWAP (macOS). Where neither exists, two renames are used,
  and a build killed between them leaves the previous site under a name the next build restores first;
- a lock file beside the output folder lets one build in at a time: a second build waits and says so;
- folders left by killed builds (`.output.partial-*`, `.output.old-*`) are removed by the next build, under the
  lock, so never while another build still uses them.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import errno
import fcntl
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2  # linux/fs.h
_RENAME_SWAP = 0x2  # macOS sys/stdio.h


def _libc():
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
    except OSError:  # pragma: no cover - no C library to load
        return None


def exchange(a: Path, b: Path) -> bool:
    """Swap two existing paths atomically; False when the system cannot (the caller falls back)."""
    libc = _libc()
    if libc is None:
        return False
    if hasattr(libc, "renameat2"):
        result = libc.renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    elif hasattr(libc, "renamex_np"):
        result = libc.renamex_np(os.fsencode(a), os.fsencode(b), _RENAME_SWAP)
    else:
        return False
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False  # old kernel or a file system without exchange
    raise OSError(code, os.strerror(code), str(a), None, str(b))


def _sibling(target: Path, what: str) -> str:
    return f".{target.name}.{what}-"


def partial_folder(target: Path) -> Path:
    """A new, empty, world-readable folder beside `target` to build into."""
    target.parent.mkdir(parents=True, exist_ok=True)
    path = Path(tempfile.mkdtemp(prefix=_sibling(target, "partial"), dir=target.parent))
    path.chmod(0o755)  # mkdtemp makes it private; the published folder must be readable by a web server
    return path


def swap_in(built: Path, target: Path) -> None:
    """Make `built` the live `target`; the previous site is removed afterwards."""
    if not os.path.lexists(target):
        os.rename(built, target)
        return
    if exchange(built, target):
        shutil.rmtree(built, ignore_errors=True)  # `built` now holds the previous site
        return
    old = target.with_name(f"{_sibling(target, 'old')}{os.getpid()}")
    os.rename(target, old)
    os.rename(built, target)  # a kill before this line: recover_and_clean() puts `old` back
    shutil.rmtree(old, ignore_errors=True)


def recover_and_clean(target: Path) -> list[str]:
    """Under the lock: restore the previous site if a build was killed mid-swap, then remove leftovers.
    Returns what was done, for the log."""
    done: list[str] = []
    olds = sorted(target.parent.glob(_sibling(target, "old") + "*"), key=lambda p: p.stat().st_mtime)
    if olds and not os.path.lexists(target):
        os.rename(olds.pop(), target)
        done.append(f"restored the previous site into {target.name}/ (a build was stopped while swapping)")
    for leftover in [*olds, *target.parent.glob(_sibling(target, "partial") + "*")]:
        shutil.rmtree(leftover, ignore_errors=True)
        done.append(f"removed {leftover.name}/, left by an interrupted build")
    return done


@contextlib.contextmanager
def build_lock(target: Path, wait_message: str) -> Iterator[None]:
    """Hold `.<target>.lock` beside `target` for the whole build; print `wait_message` (with {pid}) and wait
    while another build holds it."""
    target.parent.mkdir(parents=True, exist_ok=True)
    path = target.parent / f".{target.name}.lock"
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "?"
            print(wait_message.format(pid=holder), file=sys.stderr, flush=True)
            fcntl.flock(fd, fcntl.LOCK_EX)
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        yield
    finally:
        os.close(fd)  # closing releases the lock, also when the process is killed
