"""The shipped content read straight from its files with PyYAML, apart from the plugins' own code, so that
the tests compare what the pages and downloads show with the content itself."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
CONTENT = ROOT / "content"
BUILD_DAY = dt.date(2026, 11, 18)  # SOURCE_DATE_EPOCH of tests/conftest.py


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    _, header, _ = text.split("---\n", 2)
    return yaml.safe_load(header) or {}


def entries(folder: str, content: Path = CONTENT, include_examples: bool = True) -> dict[str, dict]:
    """slug -> front matter of the originals (not translations) that the site publishes."""
    out = {}
    for path in sorted((content / folder).glob("*.md")):
        if path.name.count(".") > 1:  # <slug>.<lang>.md
            continue
        data = front_matter(path)
        if data.get("unpublished") or (data.get("example") and not include_examples):
            continue
        out[path.stem] = data
    return out


def start_day(value) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])
