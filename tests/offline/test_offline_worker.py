"""sw.js: the cache name follows every byte of the build, only existing files are precached, and the worker knows
each language's search index (its folder, files and size) and names its files as the index builder does."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from offline import settings as settings_mod
from offline.worker import SEARCH_FOLDER, TEMPLATE, build_version, search_indexes, shell_files, write_service_worker

OPTIONS = {"precache": (), "max_entries": 300}


def sw_config(sw: Path) -> dict:
    match = re.search(r"var CONFIG = (\{.*?\});\n", sw.read_text(encoding="utf-8"), re.S)
    assert match, "sw.js has no CONFIG"
    return json.loads(match.group(1))


def tiny_output(root: Path) -> Path:
    """A built site in miniature: French at the root, English under en/, a stylesheet and a script."""
    files = {
        "index.html": '<link rel="stylesheet" href="./theme/css/site.css"><script src="./theme/js/a.js"></script>'
                      '<img src="./images/logo.webp"><script src="https://cdn.example.org/x.js"></script>',
        "recherche.html": '<script src="./theme/js/search.js"></script><script src="./theme/js/missing.js"></script>',
        "hors-ligne.html": '<link rel="stylesheet" href="./theme/css/site.css">',
        "en/index.html": '<link rel="stylesheet" href="../theme/css/site.css">',
        "en/hors-ligne.html": '<link rel="stylesheet" href="../theme/css/site.css">',
        "projets/p.html": "<p>a page read later</p>",
        "theme/css/site.css": "body{}",
        "theme/js/a.js": "1",
        "theme/js/search.js": "2",
        "images/logo.webp": "x",
        "search/manifest.js": "LaboSearch.add({});\n",
        "search/t-a.js": "LaboSearch.add({});\n",
        "search/notes.txt": "not a file of the index",
        "en/search/manifest.js": "LaboSearch.add({});\n",
    }
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return root


def test_shell_lists_existing_pages_and_what_they_load(tmp_path: Path) -> None:
    out = tiny_output(tmp_path / "out")
    assert shell_files(out, ["", "en/"]) == [
        "en/hors-ligne.html", "en/index.html", "hors-ligne.html", "images/logo.webp", "index.html",
        "recherche.html", "theme/css/site.css", "theme/js/a.js", "theme/js/search.js"]


def test_extra_globs_are_added(tmp_path: Path) -> None:
    out = tiny_output(tmp_path / "out")
    assert "projets/p.html" in shell_files(out, [""], ["projets/*.html"])


def test_version_depends_on_content_not_on_the_folder(tmp_path: Path) -> None:
    first = tiny_output(tmp_path / "a")
    second = shutil.copytree(first, tmp_path / "elsewhere" / "b")
    assert build_version(first) == build_version(second)
    (second / "projets" / "p.html").write_text("<p>changed</p>", encoding="utf-8")
    assert build_version(first) != build_version(second)


def test_version_ignores_an_old_sw_js(tmp_path: Path) -> None:
    out = tiny_output(tmp_path / "out")
    before = build_version(out)
    (out / "sw.js").write_text("old worker", encoding="utf-8")
    assert build_version(out) == before


def test_written_worker_is_deterministic_and_names_existing_files(tmp_path: Path) -> None:
    out = tiny_output(tmp_path / "out")
    first = write_service_worker(out, ("fr", "en"), OPTIONS).read_bytes()
    second = write_service_worker(out, ("fr", "en"), OPTIONS).read_bytes()
    assert first == second
    config = sw_config(out / "sw.js")
    assert config["version"] == build_version(out)
    assert config["offline"] == [{"prefix": "en/", "path": "en/hors-ligne.html"},
                                 {"prefix": "", "path": "hors-ligne.html"}]
    assert all((out / rel).is_file() for rel in config["precache"])
    assert config["maxEntries"] == 300


def test_a_language_without_offline_page_falls_back_to_the_root_one(tmp_path: Path) -> None:
    out = tiny_output(tmp_path / "out")
    (out / "en" / "hors-ligne.html").unlink()
    config = sw_config(write_service_worker(out, ("fr", "en"), OPTIONS))
    assert config["offline"] == [{"prefix": "", "path": "hors-ligne.html"}]


@pytest.mark.parametrize(("given", "message"), [
    ({"precache": "theme/*.css"}, "offline: OFFLINE['precache'] must be a list of globs relative to the output folder"),
    ({"precache": ["/etc/*"]}, "offline: OFFLINE['precache'] must be a list of globs relative to the output folder"),
    ({"max_entries": 3}, "offline: OFFLINE['max_entries'] must be a whole number of at least 10"),
    ({"max_entry": 30}, "offline: OFFLINE['max_entry'] is not a setting; known keys: precache, max_entries"),
])
def test_bad_settings_are_reported(given: dict, message: str) -> None:
    with pytest.raises(settings_mod.SettingsError) as caught:
        settings_mod.read({"OFFLINE": given})
    assert str(caught.value) == message


def test_settings_default() -> None:
    assert settings_mod.read({}) == {"precache": (), "max_entries": 300}


def test_files_the_writer_knows_are_hashed_by_their_known_digest(tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / "a").mkdir(parents=True)
    (out / "a" / "page.html").write_text("one", encoding="utf-8")
    (out / "style.css").write_text("body{}", encoding="utf-8")
    known = {"a/page.html": b"key-1"}
    before = build_version(out, known)
    (out / "a" / "page.html").write_text("two", encoding="utf-8")
    assert build_version(out, known) == before, "a known file is not read back"
    assert build_version(out, {"a/page.html": b"key-2"}) != before
    (out / "style.css").write_text("body{color:red}", encoding="utf-8")
    assert build_version(out, known) != before, "an unknown file is hashed by its bytes"


def test_the_worker_knows_each_language_index_its_files_and_size(tmp_path: Path) -> None:
    out = tiny_output(tmp_path / "out")
    assert search_indexes(out, ["", "en/", "pt/"]) == [
        {"folder": "search/", "files": 2, "bytes": 40},
        {"folder": "en/search/", "files": 1, "bytes": 20}]
    config = sw_config(write_service_worker(out, ("fr", "en"), OPTIONS))
    assert config["search"] == [{"folder": "search/", "files": 2, "bytes": 40},
                                {"folder": "en/search/", "files": 1, "bytes": 20}]
    assert "search/t-a.js" not in config["precache"], "index files are kept as they are used, not at install"


def test_the_index_folder_is_the_search_plugin_s() -> None:
    from search import views

    assert SEARCH_FOLDER == views.SEARCH_URL_PREFIX


def _index_files_in_node(manifest: dict) -> list[str]:
    """indexFiles() of sw_template.js (the part between its <index-files> markers) run by node on `manifest`."""
    node = shutil.which("node")
    if node is None:
        from tests.support.ci import skip_or_fail

        skip_or_fail("node not found (apt-get install nodejs)")
    source = TEMPLATE.read_text(encoding="utf-8")
    start, end = source.index("/* <index-files>"), source.index("/* </index-files> */")
    script = source[start:end] + "process.stdout.write(JSON.stringify(indexFiles(JSON.parse(process.argv[1]))));"
    done = subprocess.run([node, "-e", script, json.dumps(manifest)], capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def test_the_worker_names_every_file_of_an_index_as_the_builder_writes_them() -> None:
    """Saving for offline use fetches the files the manifest implies: exactly the files search_files wrote, keys in
    other scripts (t-u-<hex>.js) and the last, partial document shard included."""
    from tests.search.search_helpers import doc

    from search.index import STORE_SIZE, search_files

    words = ["تعاونية", "ŋgɔ", "Ñandú", "coopérative", "2iE", "œuvre", "Ωmega", "zèbre"]
    docs = [doc(f"d{n}", "organisation", f"{words[n % len(words)]} {n}", " ".join(words[: 1 + n % len(words)]))
            for n in range(2 * STORE_SIZE + 5)]
    files, _stats = search_files(docs, "fr", "search/")
    manifest = json.loads(files["manifest.js"].decode("utf-8")[len("LaboSearch.add("):-3])
    assert any(name.startswith("t-u-") for name in files), "the corpus must give a key in another script"
    assert sorted(_index_files_in_node(manifest)) == sorted(files)
