"""The plugin's one setting, MURMURATIONS (optional), read once and checked: messages start with "murmurations:"."""

from __future__ import annotations

from urllib.parse import urlsplit

from labo_site.settings import SettingsError, fail_on, options

PREFIX = "murmurations"
DEFAULTS: dict = {
    # The index's nodes endpoint that `invoke murmurations-register` sends changed profiles to; "" = off.
    "index_url": "",
    # Tags every profile carries besides its sectors and legal form (what the whole directory is about).
    "tags": (),
    # Seconds to wait for the index to answer one request.
    "timeout": 20,
    # Where the last registration is remembered ({profile URL: SHA-256}); "" = in the build cache (CACHE_PATH).
    "manifest": "",
}
LOOPBACK = ("127.0.0.1", "localhost", "::1")
TAG_LENGTH = 100  # the `tags` field of the library: at most 100 characters per tag


def read(settings: dict) -> dict:
    """MURMURATIONS merged over the defaults; every key checked, every problem reported at once."""
    read_options, problems = options(settings, "MURMURATIONS", DEFAULTS, PREFIX)
    problems += _index_url(read_options["index_url"])
    tags = read_options["tags"]
    if not isinstance(tags, (list, tuple)) or any(not isinstance(t, str) or not t.strip() or len(t) > TAG_LENGTH
                                                  for t in tags):
        problems.append(f"MURMURATIONS['tags'] must be a list of texts of 1 to {TAG_LENGTH} characters")
    timeout = read_options["timeout"]
    if isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or not 0 < timeout <= 300:
        problems.append("MURMURATIONS['timeout'] must be a number of seconds, more than 0 and at most 300")
    if not isinstance(read_options["manifest"], str):
        problems.append("MURMURATIONS['manifest'] must be a path (text), or \"\" for the build cache")
    fail_on(PREFIX, problems)
    return {**read_options, "tags": tuple(dict.fromkeys(tags))}


def _index_url(url: object) -> list[str]:
    if url == "":
        return []
    if not isinstance(url, str):
        return ["MURMURATIONS['index_url'] must be a URL (text), or \"\" to register nothing"]
    parts = urlsplit(url)
    # Plain http only to this machine (a test server): the index is always reached over https.
    if parts.scheme == "https" and parts.hostname or parts.scheme == "http" and parts.hostname in LOOPBACK:
        return []
    return ["MURMURATIONS['index_url'] must be an https:// URL such as "
            "https://index.murmurations.network/v2/nodes (http:// only for 127.0.0.1), or \"\" to register nothing"]


__all__ = ["DEFAULTS", "LOOPBACK", "TAG_LENGTH", "SettingsError", "read"]
