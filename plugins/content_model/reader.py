"""Pelican reader for Markdown with YAML front matter, shared by every kind of content."""

from __future__ import annotations

import datetime as dt

from pelican.readers import BaseReader
from pelican.utils import SafeDatetime

from . import frontmatter
from .sanitize import MarkdownRenderer

#: Fields Pelican itself interprets for news and pages; everything else stays as typed YAML values.
_PELICAN_FIELDS = ("title", "category", "slug", "lang", "status")


class YamlMarkdownReader(BaseReader):
    enabled = True
    file_extensions = ["md"]

    def __init__(self, settings) -> None:
        super().__init__(settings)
        self._renderer = MarkdownRenderer()

    def read(self, source_path: str) -> tuple[str, dict]:
        with open(source_path, "rb") as f:
            text, problem = frontmatter.decode(f.read())
        fm = frontmatter.parse(text)
        if problem or fm.problems:
            # The validator reports every problem before any reading; this only guards direct use.
            first = problem or fm.problems[0]
            raise ValueError(f"{source_path}:{first.line}: {first.message}")
        metadata = dict(fm.data)
        for key in _PELICAN_FIELDS:
            if isinstance(metadata.get(key), str):
                metadata[key] = self.process_metadata(key, metadata[key])
        for key in ("date", "modified"):
            if isinstance(metadata.get(key), (dt.date, str)):
                metadata[key] = _to_datetime(metadata[key])
        if isinstance(metadata.get("authors"), list):
            metadata["authors"] = self.process_metadata("authors", [str(a) for a in metadata["authors"]])
        return self._renderer.render(fm.body), metadata


def _to_datetime(value: dt.date | str) -> SafeDatetime:
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value.strip().replace(" ", "T"))
    if not isinstance(value, dt.datetime):
        value = dt.datetime(value.year, value.month, value.day)
    return SafeDatetime(value.year, value.month, value.day, value.hour, value.minute)
