"""The plugin's one setting, DATA_LICENSE, read once and checked; messages are prefixed with the plugin's name."""

from __future__ import annotations

from labo_site.settings import SettingsError, fail_on

PREFIX = "open_data"


def check(settings: dict) -> dict:
    """DATA_LICENSE as {"name", "url", optional "spdx"}: the licence every download is published under."""
    licence = settings.get("DATA_LICENSE")
    if not isinstance(licence, dict):
        raise SettingsError(f"{PREFIX}: DATA_LICENSE must be a dict with the licence's name and url "
                            "(e.g. {'name': 'CC BY 4.0', 'url': 'https://creativecommons.org/licenses/by/4.0/'})")
    problems = []
    unknown = sorted(set(licence) - {"name", "url", "spdx"})
    if unknown:
        problems.append(f"DATA_LICENSE has unknown keys: {', '.join(unknown)} (allowed: name, url, spdx)")
    if not isinstance(licence.get("name"), str) or not licence["name"].strip():
        problems.append("DATA_LICENSE['name'] must be a non-empty text")
    if not isinstance(licence.get("url"), str) or not licence["url"].startswith(("https://", "http://")):
        problems.append("DATA_LICENSE['url'] must be an http(s) URL")
    if "spdx" in licence and not isinstance(licence["spdx"], str):
        problems.append("DATA_LICENSE['spdx'] must be a text (an SPDX identifier such as CC-BY-4.0)")
    fail_on(PREFIX, problems)
    return dict(licence)
