"""Fixtures of the offline tests: the shipped content built with the offline plugin, and Chromium."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # tests.support is imported as a package from the repository root
    sys.path.insert(0, str(ROOT))

from tests.conftest import build_site  # noqa: E402


def site_plugins() -> list[str]:
    """PLUGINS of pelicanconf.py."""
    from pelican.settings import read_settings

    return list(read_settings(str(ROOT / "pelicanconf.py"))["PLUGINS"])


def plugins_with_offline() -> str:
    """PLUGINS of pelicanconf.py plus "offline" if it is not listed yet, as JSON for `pelican -e`."""
    plugins = site_plugins()
    return json.dumps(plugins if "offline" in plugins else [*plugins, "offline"])


def build_offline_site(output: Path) -> Path:
    result = build_site(ROOT / "content", output, extra={"PLUGINS": plugins_with_offline()})
    assert result.returncode == 0, result.stderr
    return output


@pytest.fixture(scope="session")
def offline_site(tmp_path_factory, request: pytest.FixtureRequest) -> Path:
    """The shipped content built once, with the offline plugin and a fixed build date: the run's shipped site when
    pelicanconf.py lists the plugin (tests only read it, or copy it), else a build with the plugin added."""
    if "offline" in site_plugins():
        return request.getfixturevalue("shipped_site")
    return build_offline_site(tmp_path_factory.mktemp("offline") / "output")


@pytest.fixture(scope="session")
def chromium_browser(chromium_instance) -> object:
    """The session's headless Debian Chromium (tests/conftest.py; skipped without it, unless CI=true)."""
    return chromium_instance
