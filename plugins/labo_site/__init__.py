"""Site core: validation before anything else, the entity registry, per-language rendering, home and pages."""


def register() -> None:
    """Pelican's entry point. The plugin, and Pelican with it, is imported only then: `invoke validate` imports
    this package's checking module (validation with the site's settings) without Pelican."""
    from .plugin import register as register_plugin

    register_plugin()


__all__ = ["register"]
