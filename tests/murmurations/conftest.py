"""Fixtures of the Murmurations tests: the local copy of the schema, and the published builds they read.

Two published builds (absolute SITEURL, publishconf.py), each made once per session:
- `published_site`: the shipped content plus two organisations written here (one with coordinates, logo and
  sectors; one taken down), so that values, examples and takedowns are checked in one build;
- `network_site`: NETWORK_SIZE organisations from benchmarks/generate.py, with their projects, events…
The relative local build is the shared `shipped_site` of tests/conftest.py.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
for path in (str(ROOT / "plugins"), str(ROOT)):
    if path not in sys.path:
        sys.path.insert(0, path)

from tests.conftest import FIXED_EPOCH, PUBLISHED_URL, build_site  # noqa: E402 - needs the path above

#: Organisations of the generated network: enough for every shape of value the generator makes (with and without
#: coordinates, logo, website, acronym, founding year, contact kept on the page), few enough for a quick build.
NETWORK_SIZE = 40
FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def library_folder() -> Path:
    """The folder of the pinned schema copy; the test is skipped, saying where to put it, when there is none."""
    from murmurations import library

    folder = library.find()
    if folder is None:
        pytest.skip("murmurations: no copy of organizations_schema-v1.0.0 in "
                    + ", ".join(str(p) for p in library.candidates()) + " (see vendor/murmurations/README.md)")
    return folder


def plugins_with_murmurations() -> str:
    """PLUGINS of pelicanconf.py plus "murmurations" if it is not listed, as JSON for `pelican -e`."""
    from pelican.settings import read_settings

    plugins = list(read_settings(str(ROOT / "pelicanconf.py"))["PLUGINS"])
    return json.dumps(plugins if "murmurations" in plugins else [*plugins, "murmurations"])


def build_published(content: Path, output: Path) -> Path:
    """`content` built as `invoke publish` builds it, for PUBLISHED_URL (publishconf.py reads SITEURL)."""
    from labo_site.plugin import ORDER

    if "murmurations" not in ORDER:
        pytest.fail("labo_site.plugin.ORDER must name 'murmurations' (after 'open_data') for the plugin to run")
    result = build_site(content, output, settings="publishconf.py", env={"SITEURL": PUBLISHED_URL},
                        extra={"PLUGINS": plugins_with_murmurations()})
    assert result.returncode == 0, result.stderr
    return output


@pytest.fixture(scope="session")
def published_site(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("murmurations-published")
    content = base / "content"
    shutil.copytree(ROOT / "content", content)
    for source in (FIXTURES / "organisations").glob("*.md"):
        shutil.copy(source, content / "organisations" / source.name)
    return build_published(content, base / "output")


@pytest.fixture(scope="session")
def network_site(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("murmurations-network")
    env = dict(os.environ, SOURCE_DATE_EPOCH=FIXED_EPOCH)
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate.py"), "-n", str(NETWORK_SIZE), "-o",
                    str(base / "content")], cwd=ROOT, env=env, check=True, capture_output=True)
    return build_published(base / "content", base / "output")


def profiles_of(site: Path) -> dict[str, dict]:
    """{slug: profile} of a built site."""
    return {path.stem: json.loads(path.read_text(encoding="utf-8"))
            for path in sorted((site / "murmurations").glob("*.json"))}
