"""The news plugin's settings, read once and checked; every message is prefixed with the plugin's name."""

from __future__ import annotations

from labo_site.settings import SettingsError, fail_on, whole_number

PREFIX = "news"


def check(settings: dict) -> None:
    problems: list[str] = []
    size = settings.get("NEWS_PAGE_SIZE", 20)
    if not whole_number(size, 1):
        problems.append(f"NEWS_PAGE_SIZE must be a whole number of articles per page, at least 1 (not {size!r})")
    feeds = [key for key in ("NEWS_FEED_ATOM", "NEWS_CATEGORY_FEED_ATOM") if settings.get(key)]
    siteurl = str(settings.get("SITEURL") or "")
    if feeds and not siteurl.startswith(("http://", "https://")):
        # Pelican would write feeds whose ids read "tag:None" and whose links are relative: invalid Atom.
        problems.append(f"{' and '.join(feeds)} need an absolute SITEURL (https://…); set feeds in "
                        "publishconf.py only")
    fail_on(PREFIX, problems)


__all__ = ["SettingsError", "check"]
