"""Compare two output trees byte for byte and say where they differ."""

from __future__ import annotations

import os
from pathlib import Path


def _tree(root: Path) -> dict[str, Path]:
    found = {}
    for dirpath, _dirs, files in os.walk(root):
        for name in files:
            path = Path(dirpath) / name
            found[path.relative_to(root).as_posix()] = path
    return found


def _first_difference(a: bytes, b: bytes) -> str:
    """Line number and 40 bytes either side of the first differing byte, for a readable report."""
    limit = min(len(a), len(b))
    offset = next((i for i in range(limit) if a[i] != b[i]), limit)
    line = a.count(b"\n", 0, offset) + 1

    def around(data: bytes) -> str:
        return data[max(0, offset - 40) : offset + 40].decode("utf-8", errors="replace")

    return f"line {line}: {around(a)!r} != {around(b)!r}"


def diff_trees(a: Path, b: Path) -> list[str]:
    """Every file that is missing from one tree or differs between the two, with its first difference."""
    left, right = _tree(Path(a)), _tree(Path(b))
    problems = [f"{rel}: only in first build" for rel in sorted(left.keys() - right.keys())]
    problems += [f"{rel}: only in second build" for rel in sorted(right.keys() - left.keys())]
    for rel in sorted(left.keys() & right.keys()):
        da, db = left[rel].read_bytes(), right[rel].read_bytes()
        if da != db:
            problems.append(f"{rel}: differs at {_first_difference(da, db)}")
    return problems
