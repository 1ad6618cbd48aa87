"""Shared test helpers: build a tiny site from a content folder, validate a folder, find the repo."""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))
from tests.support.build import GATE_EPOCH, BuildFailed  # noqa: E402
from tests.support.build import build_site as invoke_build  # noqa: E402
from tests.support.build_server import Builds  # noqa: E402

FIXED_EPOCH = str(GATE_EPOCH)  # 2026-11-18: the one build date of the tests, for time-dependent pages


def _shipped_languages() -> tuple[str, ...]:
    from pelican.settings import read_settings

    return tuple(read_settings(str(ROOT / "pelicanconf.py"))["LANGUAGES"])


#: The site's languages (pelicanconf.py): what the shipped content's translations (.en.md, .pt.md) are in.
LANGUAGES = _shipped_languages()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Modules with browser or slow tests first. `invoke test` hands whole modules to the pytest-xdist workers
    (--dist loadscope) in this order: the longest first, the short ones even out the end of the run instead of one
    worker finishing a long module alone."""
    heavy = {item.module.__name__ for item in items
             if item.get_closest_marker("browser") or item.get_closest_marker("slow")}
    items.sort(key=lambda item: item.module.__name__ not in heavy)  # stable: the order within stays


@pytest.hookimpl(tryfirst=True)
def pytest_sessionfinish(session: pytest.Session) -> None:
    """Hand the temporary folders of past runs that pytest is about to delete to a detached process.

    pytest keeps the folders of the last runs (`tmp_path_retention_count`, 3) and deletes the older ones when a run
    ends, after the last test. A whole run's folder holds about 100,000 files (the test builds), and deleting it
    kept `make test` waiting 10 to 20 seconds. The folders pytest would delete (numbered below the kept ones, with
    no lock of a run still going) are moved aside, then deleted by a process that does not hold up the run. The
    attributes read are pytest's own (no public API names the run's folder); if they change, pytest deletes the
    folders itself as before."""
    factory = getattr(session.config, "_tmp_path_factory", None)
    basetemp = getattr(factory, "_basetemp", None)
    keep = int(session.config.getini("tmp_path_retention_count"))
    if (os.environ.get("PYTEST_XDIST_WORKER") or basetemp is None or getattr(factory, "_given_basetemp", 1) is not None
            or session.config.getini("tmp_path_retention_policy") == "none" or keep == 0):
        return
    root = Path(basetemp).parent
    numbered = {int(path.name[7:]): path for path in root.glob("pytest-*") if path.name[7:].isdigit()}
    stale = [path for number, path in numbered.items()
             if number <= max(numbered) - keep and not (path / ".lock").exists() and not path.is_symlink()]
    if not stale:
        return
    trash = Path(tempfile.mkdtemp(prefix=f"{root.name}-stale-", dir=root.parent))
    for path in stale:
        with contextlib.suppress(OSError):
            path.rename(trash / path.name)
    subprocess.Popen([sys.executable, "-c", "import shutil, sys; shutil.rmtree(sys.argv[1], ignore_errors=True)",
                      str(trash)], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                     start_new_session=True)


#: This test process's Pelican builds (build_site): forked from a process that has imported Pelican and the plugins.
_BUILDS = Builds()


@pytest.fixture(scope="session", autouse=True)
def _stop_build_server() -> Iterator[None]:
    yield
    _BUILDS.close()


def build_site(content: Path, output: Path, *, settings: str = "pelicanconf.py", epoch: str = FIXED_EPOCH,
               extra: dict | None = None, seeded: bool = True, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run Pelican exactly as `invoke build` does (minus the atomic swap), into `output`. `seeded`: a cache folder
    that does not exist yet starts as a copy of the cache of a build of the shipped content (`seed_cache`), as a
    contributor's next build starts from the last one's; tests of clean builds pass False. `extra`: settings for
    `pelican -e`, a string being the JSON text itself (`'"a string"'`, `"4"`), any other value encoded here
    (`keep_languages(...)` as it returns). `env`: environment variables of the build (publishconf.py reads SITEURL)."""
    cmd = [sys.executable, "-m", "pelican", str(content), "-s", str(ROOT / settings), "-o", str(output),
           "--fatal", "warnings"]
    extra = {"CACHE_PATH": json.dumps(str(Path(output).parent / ".pelican-cache")),
             **{key: value if isinstance(value, str) else json.dumps(value) for key, value in (extra or {}).items()}}
    if seeded:
        seed_cache(Path(json.loads(extra["CACHE_PATH"])))
    if extra:  # one -e with every pair: a second -e would replace the first
        cmd += ["-e", *(f"{key}={value}" for key, value in extra.items())]
    env = dict(os.environ, SOURCE_DATE_EPOCH=epoch, LABO_LANG="en", **(env or {}))  # the pinned messages: English
    return _BUILDS.run(cmd, env=env, cwd=ROOT)


#: The folder shared by the pytest-xdist workers of this test run (set by `_run_location`): the builds they share
#: (`shared_build`: the shipped site, whose cache seeds every other build's, and the others) and their locks.
RUN_ENV = "LABO_TEST_RUN_FOLDER"


def seed_cache(cache: Path) -> None:
    """Copy the seed cache to `cache` unless that folder exists (a test that planted files there keeps them): the
    cache of the shipped site's build (`shipped_site`)."""
    if not os.environ.get(RUN_ENV) or cache.exists():
        return
    try:
        output = shared_build("shipped", _shipped)
    except BuildFailed:  # the test's own build will show why
        return
    shutil.copytree(output.parent / "cache", cache, copy_function=_link_or_copy)


def shared_build(name: str, make: Callable[[Path], Path]) -> Path:
    """A site built once per test run and shared by the pytest-xdist workers: `make(folder)` builds it inside
    `folder` (its content copy, cache and output) and returns its output folder. The first worker to ask builds it
    while the others wait; a build that failed leaves no mark, so the next test to ask builds it again (and shows
    why it fails) instead of reading half a site."""
    shared = Path(os.environ[RUN_ENV]) / "shared-builds"
    shared.mkdir(exist_ok=True)
    folder, mark = shared / name, shared / f"{name}.built"
    with _locked(shared / f"{name}.lock"):
        if not mark.is_file():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            mark.write_text(make(folder).relative_to(folder).as_posix(), encoding="utf-8")
        return folder / mark.read_text(encoding="utf-8")


def _shipped(folder: Path) -> Path:
    """The shipped content as a user builds it (`invoke build --output`), with its cache beside it: the seed of the
    other test builds' caches (`seed_cache`)."""
    invoke_build(folder / "output", epoch=int(FIXED_EPOCH), env={"LABO_CACHE_DIR": str(folder / "cache")})
    return folder / "output"


#: The address the shared published build (`published_shipped_site`) is built for.
PUBLISHED_URL = "https://example.org/labo"


def _published(folder: Path) -> Path:
    result = build_site(ROOT / "content", folder / "output", settings="publishconf.py", env={"SITEURL": PUBLISHED_URL})
    if result.returncode != 0:
        raise BuildFailed(f"the published build failed:\n{result.stderr[-4000:]}")
    return folder / "output"


@pytest.fixture(scope="session")
def published_shipped_site(_run_location) -> Path:
    """The shipped content built as it is published (publishconf.py, SITEURL PUBLISHED_URL: examples left out,
    absolute addresses), once per test run (`shared_build`). Tests read it and never write to it."""
    return shared_build("published", _published)


def _link_or_copy(source: str, target: str) -> None:
    """Cached pages and files are never written in place (a new one replaces the name): hard links are safe and
    cost nothing. The records database is written in place: each build gets its own copy."""
    if os.path.basename(source).startswith("records.sqlite"):
        shutil.copy2(source, target)
        return
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


@pytest.fixture(scope="session", autouse=True)
def _run_location(tmp_path_factory) -> None:
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent  # the run's folder, above each worker's own
    os.environ[RUN_ENV] = str(shared)


def keep_languages(content: Path, languages: list[str]) -> dict:
    """Remove from a content copy the translations into other languages (`x.pt.md`, by the validator's file-name
    rule); the settings that build it in `languages` alone. For tests that read some languages' pages only."""
    from content_model.validate import translation_language

    for path in content.rglob("*.md"):
        if translation_language(path.name) not in (None, *languages):
            path.unlink()
    return {"LANGUAGES": list(languages)}


def copy_content(tmp_path: Path, source: Path = ROOT / "content") -> Path:
    target = tmp_path / "content"
    shutil.copytree(source, target)
    return target


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on `path` (created if need be) while the block runs."""
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@pytest.fixture(scope="session")
def shipped_site(_run_location) -> Path:
    """The shipped site of this test run (`_shipped`), shared by the pytest-xdist workers (`shared_build`). Tests read
    it and never write to it."""
    return shared_build("shipped", _shipped)


@pytest.fixture
def content_copy(tmp_path) -> Path:
    """A private copy of the shipped content that a test may break."""
    return copy_content(tmp_path)


@pytest.fixture(scope="session")
def chromium_instance():
    """One Debian Chromium for the whole session, shared by every browser test.

    Playwright's sync API allows one running instance per process: a module that started its own while
    another module's session browser was still open would fail, so every browser test asks for this one.
    """
    from tests.support import browser as chromium
    from tests.support.ci import skip_or_fail

    missing = chromium.chromium_missing_reason()
    if missing:
        skip_or_fail(missing)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = chromium.launch(playwright)
        yield instance
        instance.close()
