"""The built site carries sw.js, the offline page in each language and the registration script."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_offline_worker import sw_config

from offline.worker import build_version


def test_sw_js_lists_only_files_that_exist(offline_site: Path) -> None:
    config = sw_config(offline_site / "sw.js")
    assert config["precache"], "nothing to precache"
    missing = [rel for rel in config["precache"] if not (offline_site / rel).is_file()]
    assert not missing
    for required in ("index.html", "en/index.html", "pt/index.html", "hors-ligne.html", "en/hors-ligne.html",
                     "pt/hors-ligne.html", "theme/css/site.css"):
        assert required in config["precache"]
    # The root's page last: the worker takes the first whose prefix the address starts with.
    offline = [page["path"] for page in config["offline"]]
    assert sorted(offline[:-1]) == ["en/hors-ligne.html", "pt/hors-ligne.html"] and offline[-1] == "hors-ligne.html"
    # A hash of every file: those the site's Writer wrote by the key that made them, the others by their bytes.
    assert re.fullmatch(r"[0-9a-f]{16}", config["version"])
    assert config["version"] != build_version(offline_site / "theme")


@pytest.mark.slow
def test_sw_js_is_the_same_for_the_same_content(offline_site: Path, tmp_path: Path, monkeypatch) -> None:
    from tests.offline.conftest import build_offline_site

    # What a careless build would leak: hash order, time zone.
    monkeypatch.setenv("PYTHONHASHSEED", "4242")
    monkeypatch.setenv("TZ", "Pacific/Kiritimati")
    again = build_offline_site(tmp_path / "again")
    assert (again / "sw.js").read_bytes() == (offline_site / "sw.js").read_bytes()


@pytest.mark.parametrize(("path", "title", "home"), [
    ("hors-ligne.html", "Vous êtes hors ligne", "<a href=\"./index.html\">Retour à l’accueil</a>"),
    ("en/hors-ligne.html", "You are offline", '<a href="../en/index.html">Back to the home page</a>'),
])
def test_offline_page_in_each_language(offline_site: Path, path: str, title: str, home: str) -> None:
    html = (offline_site / path).read_text(encoding="utf-8")
    assert f"<h1>{title}</h1>" in html
    assert home in html
    assert '<meta name="robots" content="noindex">' in html


def test_registration_script_is_shipped(offline_site: Path) -> None:
    script = (offline_site / "theme" / "js" / "sw-register.js").read_text(encoding="utf-8")
    assert 'protocol !== "http:" && protocol !== "https:"' in script
