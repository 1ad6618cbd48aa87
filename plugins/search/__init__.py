"""Search plugin: an offline index of every kind of content per language, and the search page."""


def register() -> None:
    """Pelican's entry point. The plugin, and Pelican with it, is imported only then: `python -m search.worker`
    (one interpreter per language and build) starts in 0.1 s instead of 0.35 s, in half the memory."""
    from .plugin import register as register_plugin

    register_plugin()


__all__ = ["register"]
