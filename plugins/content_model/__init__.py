"""Content model plugin: the Markdown+YAML reader, the field schema and the validator."""


def register() -> None:
    """Pelican's entry point. The plugin, and Pelican with it, is imported only then: the validator, the build
    cache and the search worker import this package without Pelican."""
    from .plugin import register as register_plugin

    register_plugin()


__all__ = ["register"]
