"""Helpers for the build tests: a private copy of the repository, `invoke` in it, a hash of a folder tree.

Imported by bare name (pytest puts this folder on sys.path). The content model tests' helpers are reused.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

_CM = str(Path(__file__).resolve().parents[1] / "content_model")
if _CM not in sys.path:
    sys.path.insert(0, _CM)

from cmkit import ROOT, build, copy_repository, invoke, org, write_site  # noqa: E402,F401 - re-exported


def tree_digest(folder: Path) -> dict[str, str]:
    """Every file and folder under `folder` (relative path -> sha256 of the bytes, or 'dir')."""
    out: dict[str, str] = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        out[rel] = "dir" if path.is_dir() else hashlib.sha256(path.read_bytes()).hexdigest()
    return out


def leftovers(parent: Path, name: str) -> list[str]:
    """Temporary folders an interrupted or failed build could leave beside `name`."""
    return sorted(p.name for p in parent.iterdir() if p.name.startswith(f".{name}.") and p.name != f".{name}.lock")
