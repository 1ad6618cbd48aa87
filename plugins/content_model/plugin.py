from __future__ import annotations

from pelican import signals

from .reader import YamlMarkdownReader


def add_reader(readers) -> None:
    readers.reader_classes["md"] = YamlMarkdownReader


def register() -> None:
    # readers_init: replace Pelican's Markdown reader (which reads "Key: value" headers) for every .md file.
    signals.readers_init.connect(add_reader)
