"""Nothing a pull request adds outside content/ is read back by the build as a cache.

The attacks: a crafted pickle committed where Pelican's content cache used to be read (loading a pickle runs
code), a page planted in the page cache under the name the key would give, compiled template code planted where
Jinja's own bytecode cache would look for it, and a cache folder configured inside the checkout with files tracked
by Git.
"""

from __future__ import annotations

import gzip
import hashlib
import pickle
import subprocess
from pathlib import Path

import pytest
from tests.conftest import ROOT, build_site, seed_cache

from content_model.cache import Cache, CacheLocationError, check_location


class _Payload:
    """Unpickling this writes a marker file: proof that a pickle from the checkout was loaded."""

    def __init__(self, marker: str) -> None:
        self.marker = marker

    def __reduce__(self):
        return (open, (self.marker, "w"))


def test_a_pickle_in_the_cache_folder_is_never_loaded(tmp_path) -> None:
    # Pelican's content cache names its pickles after the generators ("ArticlesGenerator-Readers", gzipped by
    # default). Plant a payload under every such name in the very folder the build uses as its cache.
    cache = tmp_path / "cache"
    seed_cache(cache)  # the cache of a build of the shipped content, as on a machine that has built the site
    cache.mkdir(exist_ok=True)
    marker = tmp_path / "PWNED"
    payload = pickle.dumps(_Payload(str(marker)))
    for generator in ("ArticlesGenerator", "PagesGenerator", "StaticGenerator", "EntitiesGenerator"):
        for name in (generator, f"{generator}-Readers"):
            (cache / name).write_bytes(gzip.compress(payload))
    (cache / "pelican").mkdir()
    (cache / "pelican" / "EntitiesGenerator-Readers").write_bytes(payload)
    result = build_site(ROOT / "content", tmp_path / "out", extra={"CACHE_PATH": f'"{cache}"'})
    assert result.returncode == 0, result.stderr
    assert not marker.exists(), "a pickle from the cache folder was loaded during the build"
    assert not any(p.suffix == ".pickle" for p in cache.rglob("*")), "the build wrote a pickle"


def test_the_default_cache_is_outside_the_checkout() -> None:
    from pelican.settings import read_settings

    settings = read_settings(str(ROOT / "pelicanconf.py"))
    cache = Path(settings["CACHE_PATH"]).resolve()
    assert ROOT not in cache.parents
    assert settings["LOAD_CONTENT_CACHE"] is False and settings["CACHE_CONTENT"] is False


def test_a_page_planted_in_the_cache_without_the_machine_secret_is_not_used(tmp_path) -> None:
    cache_dir = tmp_path / "cache"
    cache = Cache(cache_dir)
    # An attacker who knows the key (it is a hash of public inputs) but not this machine's secret.
    key = "0" * 40
    guess = cache_dir / "pages" / key[:2] / f"{key}.html"
    guess.parent.mkdir(parents=True)
    guess.write_text("<script>alert(1)</script>", encoding="utf-8")
    plain = hashlib.sha256(key.encode()).hexdigest()
    (cache_dir / "pages" / plain[:2]).mkdir(parents=True, exist_ok=True)
    (cache_dir / "pages" / plain[:2] / f"{plain}.html").write_text("<script>", encoding="utf-8")
    assert cache.get("pages", key, ".html") is None
    cache.put("pages", key, b"<p>real</p>", ".html")
    assert cache.get("pages", key, ".html") == b"<p>real</p>"
    assert Cache(cache_dir).get("pages", key, ".html") == b"<p>real</p>", "the secret persists between builds"
    assert (cache_dir / "machine-key").stat().st_mode & 0o777 == 0o600


def test_a_secret_readable_by_others_is_replaced(tmp_path) -> None:
    cache = Cache(tmp_path)
    cache.put("pages", "k", b"x")
    (tmp_path / "machine-key").chmod(0o644)
    assert Cache(tmp_path).get("pages", "k") is None


def test_a_cache_folder_with_files_tracked_by_git_is_refused(tmp_path) -> None:
    repo = tmp_path / "repo"
    (repo / ".cache").mkdir(parents=True)
    (repo / ".cache" / "evil").write_text("x")
    git = ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "-f", ".cache/evil"], check=True)
    subprocess.run([*git, "commit", "-qm", "cache"], check=True)
    with pytest.raises(CacheLocationError, match="tracked by Git"):
        check_location(repo / ".cache", repo)
    check_location(repo / "other-cache", repo)  # an untracked folder inside is fine
    check_location(tmp_path / "outside", repo)


def test_the_build_refuses_a_tracked_cache_folder_with_a_clear_message(tmp_path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    subprocess.run(["cp", "-r", str(ROOT / "content"), str(repo)], check=True)
    (repo / ".cache" / "pages").mkdir(parents=True)
    (repo / ".cache" / "pages" / "x.html").write_text("<script>")
    git = ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "-fA"], check=True)
    subprocess.run([*git, "commit", "-qm", "pr"], check=True)
    result = build_site(repo / "content", tmp_path / "out", extra={"CACHE_PATH": f'"{repo / ".cache"}"'})
    assert result.returncode != 0
    assert "holds files tracked by Git" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out" / "index.html").exists()


def _environment(templates: Path, cache_dir: Path, **options):
    import jinja2

    from labo_site.page_cache import CompiledTemplates

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(templates)), **options)
    env.bytecode_cache = CompiledTemplates(Cache(cache_dir), env)
    return env


def test_compiled_template_code_planted_in_the_cache_is_never_run(tmp_path) -> None:
    """The build keeps Jinja's compiled templates in its cache, and runs them. Code put there under any name
    someone without this machine's secret can compute (Jinja's own file names, a plain hash of the key) is
    never loaded: the template is compiled from its source."""
    import marshal

    import jinja2

    templates, cache_dir, marker = tmp_path / "templates", tmp_path / "cache", tmp_path / "PWNED"
    templates.mkdir()
    (templates / "page.html").write_text("<p>{{ title }}</p>", encoding="utf-8")
    evil = compile(f"open({str(marker)!r}, 'w')", "page.html", "exec")
    jinja = jinja2.BytecodeCache()  # Jinja's own names and checksums: what anyone can compute
    key = jinja.get_cache_key("page.html", str(templates / "page.html"))
    bucket = jinja2.bccache.Bucket(jinja2.Environment(), key,
                                   jinja.get_source_checksum((templates / "page.html").read_text(encoding="utf-8")))
    bucket.code = evil
    planted = bucket.bytecode_to_string()
    for name in (f"__jinja2_{key}.cache", key, hashlib.sha256(key.encode()).hexdigest()):
        for folder in (cache_dir, cache_dir / "templates", cache_dir / "templates" / name[:2]):
            folder.mkdir(parents=True, exist_ok=True)
            (folder / name).write_bytes(planted)
            (folder / f"{name}.code").write_bytes(marshal.dumps(evil))
    assert _environment(templates, cache_dir).get_template("page.html").render(title="Bonjour") == "<p>Bonjour</p>"
    assert not marker.exists(), "compiled code planted in the cache folder was run"


def test_a_template_edited_after_its_code_was_cached_renders_the_edit(tmp_path) -> None:
    templates, cache_dir = tmp_path / "templates", tmp_path / "cache"
    templates.mkdir()
    (templates / "page.html").write_text("<p>{{ title }}</p>", encoding="utf-8")
    assert _environment(templates, cache_dir).get_template("page.html").render(title="A") == "<p>A</p>"
    assert list((cache_dir / "templates").rglob("*")), "the compiled template was not kept"
    (templates / "page.html").write_text("<h1>{{ title }}</h1>", encoding="utf-8")
    assert _environment(templates, cache_dir).get_template("page.html").render(title="A") == "<h1>A</h1>"


def test_a_template_compiled_with_other_jinja_options_is_compiled_again(tmp_path) -> None:
    """Jinja's compiled code depends on the environment as well as on the template (JINJA_ENVIRONMENT's
    trim_blocks, autoescape…): code kept for one environment is not run by another."""
    templates, cache_dir = tmp_path / "templates", tmp_path / "cache"
    templates.mkdir()
    (templates / "page.html").write_text("{% if true %}\n<p>{{ title }}</p>{% endif %}", encoding="utf-8")
    plain = _environment(templates, cache_dir).get_template("page.html").render(title="<b>")
    assert plain == "\n<p><b></p>"
    trimmed = _environment(templates, cache_dir, trim_blocks=True, autoescape=True)
    assert trimmed.get_template("page.html").render(title="<b>") == "<p>&lt;b&gt;</p>"
    assert _environment(templates, cache_dir).get_template("page.html").render(title="<b>") == plain
