from __future__ import annotations

from pelican import signals


def no_unchecked_reading(readers) -> None:
    """Pelican's own generators read no content here (ARTICLE_PATHS and PAGE_PATHS are empty: labo_site reads
    every file once, after validation). Its Markdown and reStructuredText readers are removed so that no file can
    ever be read by Pelican without the content model's checks, whatever a setting says."""
    for extension in list(readers.reader_classes):
        if extension != "static":  # the StaticGenerator's copier (images, documents: checked by their bytes)
            readers.reader_classes[extension] = None


def register() -> None:
    # readers_init: before any generator asks for a reader.
    signals.readers_init.connect(no_unchecked_reading)
