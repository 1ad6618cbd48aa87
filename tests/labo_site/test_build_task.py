"""`invoke build` (what `make html` runs): validation first, Pelican warnings fatal, output swapped in
atomically. Runs on a private copy of the repository so that it may break content and settings."""

from __future__ import annotations

import os
import textwrap

import pytest
from labokit import copy_repository, invoke, leftovers, org, tree_digest

BROKEN = "content/organisations/zz-test-cassee.md"


@pytest.fixture(scope="module")
def repo(tmp_path_factory):
    return copy_repository(tmp_path_factory.mktemp("build") / "site")


@pytest.fixture(scope="module")
def built(repo):
    """A first good build into site-out/, which the failing builds below must leave alone."""
    result = invoke(repo, "build", "--output", "site-out")
    assert result.returncode == 0, result.stderr
    return repo / "site-out"


def test_a_good_build_writes_the_site_and_leaves_no_temporary_folder(repo, built) -> None:
    assert (built / "index.html").is_file() and (built / "en" / "index.html").is_file()
    assert (built / "organisations" / "yam-pukri.html").is_file()
    assert leftovers(repo, "site-out") == []


def test_a_content_error_leaves_the_last_good_site_byte_for_byte(repo, built) -> None:
    before = tree_digest(built)
    stamp = os.stat(built).st_mtime_ns
    (repo / BROKEN).write_text(org("Cassée", extra="country: Burkina\n"), encoding="utf-8")
    try:
        result = invoke(repo, "build", "--output", "site-out")
    finally:
        (repo / BROKEN).unlink()
    assert result.returncode == 1
    assert ('content/organisations/zz-test-cassee.md:5: country: "Burkina" is not an ISO 3166 country code; did '
            'you mean "BF"?') in result.stderr.splitlines()
    assert "1 error in the content; nothing was built." in result.stderr
    assert "site-out was left as it was" in result.stderr
    assert tree_digest(built) == before
    assert os.stat(built).st_mtime_ns == stamp
    assert leftovers(repo, "site-out") == []


def test_any_pelican_warning_fails_the_build_and_leaves_the_site(repo, built) -> None:
    # A plugin that logs one warning while the pages are generated: `make html` must not publish a site
    # whose build warned (Pelican itself would exit 0).
    plugin = repo / "plugins" / "zz_warns"
    plugin.mkdir()
    (plugin / "__init__.py").write_text(textwrap.dedent('''
        import logging
        from pelican import signals

        def warn(generators):
            logging.getLogger("pelican.zz_warns").warning("zz_warns: something was skipped")

        def register():
            signals.all_generators_finalized.connect(warn)
        '''), encoding="utf-8")
    conf = repo / "pelicanconf.py"
    original = conf.read_text(encoding="utf-8")
    conf.write_text(original + '\nPLUGINS = [*PLUGINS, "zz_warns"]\n', encoding="utf-8")
    before = tree_digest(built)
    try:
        result = invoke(repo, "build", "--output", "site-out")
    finally:
        conf.write_text(original, encoding="utf-8")
    assert result.returncode != 0
    assert "zz_warns: something was skipped" in result.stdout + result.stderr
    assert "site-out was left as it was" in result.stderr
    assert tree_digest(built) == before
    assert leftovers(repo, "site-out") == []


def test_a_successful_build_replaces_the_site(repo, built) -> None:
    (built / "stale-file.html").write_text("left from an old build", encoding="utf-8")
    new = repo / "content" / "organisations" / "zz-test-nouvelle.md"
    new.write_text(org("Nouvelle organisation test"), encoding="utf-8")
    try:
        result = invoke(repo, "build", "--output", "site-out")
    finally:
        new.unlink()
    assert result.returncode == 0, result.stderr
    assert (built / "organisations" / "zz-test-nouvelle.html").is_file()
    assert not (built / "stale-file.html").exists(), "the old folder was not replaced"
    assert leftovers(repo, "site-out") == []


def test_invoke_validate_and_build_agree_on_the_exit_status(repo) -> None:
    (repo / BROKEN).write_text(org("Cassée", extra="founded: 2030\n"), encoding="utf-8")
    try:
        validate = invoke(repo, "validate")
        build = invoke(repo, "build", "--output", "other-out")
    finally:
        (repo / BROKEN).unlink()
    line = "content/organisations/zz-test-cassee.md:5: founded: 2030 is not a possible year (between 1800 and 2026)"
    assert (validate.returncode, build.returncode) == (1, 1)
    assert line in validate.stderr.splitlines() and line in build.stderr.splitlines()
    assert not (repo / "other-out").exists()
