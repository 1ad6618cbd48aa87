"""Site-wide quality gates: fixtures shared by every gate, one build and one browser per session.

`site` is the built output the gates judge: `--site-dir DIR` (or env GATES_SITE_DIR) for an
already built folder (`invoke check`), else the shipped content built once into a temp folder with
a fixed SOURCE_DATE_EPOCH.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # tests.support is imported as a package from the repository root
    sys.path.insert(0, str(ROOT))

from tests.support import browser as chromium  # noqa: E402 - needs the path above
from tests.support.htmlscan import SiteIndex, load_site  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures"
FIGURES = pytest.StashKey[dict]()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--site-dir",
        default=None,
        help="run the site gates over this already built output folder instead of building one",
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "browser: drives Debian's Chromium (skipped if absent, fails in CI)")
    config.addinivalue_line("markers", "slow: needs extra site builds (reproducibility)")
    config.stash[FIGURES] = {}


def pytest_terminal_summary(terminalreporter, exitstatus: int, config: pytest.Config) -> None:
    figures = config.stash.get(FIGURES, {})
    if figures:
        terminalreporter.section("site gate figures")
        for name, value in sorted(figures.items()):
            terminalreporter.write_line(f"{name}: {value}")


@pytest.fixture(scope="session")
def figures(pytestconfig: pytest.Config) -> dict:
    """Numbers gates report for the closing note (printed in the terminal summary)."""
    return pytestconfig.stash[FIGURES]


@pytest.fixture(scope="session")
def site_dir_given(pytestconfig: pytest.Config) -> Path | None:
    given = pytestconfig.getoption("--site-dir", default=None) or os.environ.get("GATES_SITE_DIR")
    return Path(given).resolve() if given else None


@pytest.fixture(scope="session")
def site(site_dir_given: Path | None, request: pytest.FixtureRequest) -> Path:
    """The built site under test (French at its root, the other languages in their folders): --site-dir, else the
    shipped content built once for the whole run (tests/conftest.py, `shipped_site`, at GATE_EPOCH)."""
    if site_dir_given is not None:
        if not (site_dir_given / "index.html").is_file():
            pytest.fail(f"--site-dir {site_dir_given} has no index.html: build it first")
        return site_dir_given
    return request.getfixturevalue("shipped_site")


@pytest.fixture(scope="session")
def site_index(site: Path) -> SiteIndex:
    return load_site(site)


@pytest.fixture(scope="session")
def browser(chromium_instance) -> object:
    """One headless Debian Chromium for the whole session (tests/conftest.py)."""
    return chromium_instance


@pytest.fixture(scope="session")
def http_base(site: Path) -> Iterator[str]:
    with chromium.serve(site) as url:
        yield url


@pytest.fixture(params=["http", "file"])
def base_url(request: pytest.FixtureRequest, site: Path) -> str:
    """The site over the local HTTP server, then straight from disk."""
    if request.param == "http":
        return request.getfixturevalue("http_base")
    return chromium.file_base_url(site)
