"""The browser must analyse a query exactly as the build analysed the documents."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from search_helpers import HERE, doc, run_js

ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.search_corpus import WORDS  # noqa: E402

from search import snowball_js  # noqa: E402
from search.index import build_search_index  # noqa: E402
from search.text import Analyser, fold, get_stemmer, term_variants, tokenize  # noqa: E402


def _words(lang: str) -> list[str]:
    listed = (HERE / "fixtures" / f"words_{lang}.txt").read_text(encoding="utf-8").split("\n")
    extra = WORDS if lang == "fr" else []
    return [w for w in listed + extra if w]


@pytest.mark.parametrize("lang", ["fr", "en", "pt"])
def test_python_and_javascript_analyse_every_word_identically(lang, tmp_path: Path) -> None:
    index = tmp_path / "search"
    build_search_index([doc("a", "organisation", "x", "y")], lang, index, "search/")
    words = _words(lang)
    js = run_js(index, tmp_path, words=words)["words"]
    stem = get_stemmer(lang)
    mismatches = []
    for word, got in zip(words, js, strict=True):
        tokens = tokenize(word)
        expected = {
            "word": word,
            "tokens": tokens,
            "folded": [fold(t) for t in tokens],
            "variants": [term_variants(t, lang, stem) for t in tokens],
        }
        if got != expected:
            mismatches.append((expected, got))
    assert mismatches == []
    assert len(words) > 150


def test_accents_and_case_do_not_matter() -> None:
    analyse = Analyser("fr")
    written = set(analyse("Coopérative"))
    for typed in ("cooperative", "COOPERATIVE", "COOPÉRATIVE", "coopératives", "Coopératives"):
        assert written & set(analyse(typed)), typed


def test_stemming_joins_inflections_of_a_french_word() -> None:
    analyse = Analyser("fr")
    assert analyse("sénégalaise") == analyse("Sénégalaises")
    assert analyse("productrices") == analyse("productrice")
    assert set(analyse("maïs")) & set(analyse("mais")) == set(), "'mais' is a stop word; 'maïs' is corn"
    assert analyse("maïs")


def test_elisions_and_stop_words_are_dropped() -> None:
    assert Analyser("fr")("l'économie de la coopérative") == ["econom", "cooper"]
    assert Analyser("en")("the economy of the cooperative") == ["economi", "cooper"]


def test_unknown_language_is_refused_with_a_clear_message() -> None:
    with pytest.raises(ValueError, match=r"search: no stemmer for language 'de'"):
        Analyser("de")


def test_committed_javascript_stemmer_is_a_fresh_translation() -> None:
    committed = snowball_js.OUTPUT.read_text(encoding="utf-8")
    assert committed == snowball_js.generate(), "run: python -m plugins.search.snowball_js"


def test_the_token_pattern_is_exactly_unicode_letters_and_digits() -> None:
    """text.py's `[^\\W_]` must be JavaScript's `[\\p{L}\\p{N}]`: every code point of this Python's Unicode data."""
    import re
    import unicodedata

    token = re.compile(r"[^\W_]")
    wrong = [hex(c) for c in range(sys.maxunicode + 1)
             if (unicodedata.category(chr(c))[0] in "LN") != bool(token.match(chr(c)))]
    assert wrong == []


def test_a_language_without_a_stemmer_is_folded_alike_in_python_and_javascript(tmp_path: Path) -> None:
    index = tmp_path / "search"
    build_search_index([doc("a", "organisation", "Cooperativas", "Mulheres")], "sw", index, "search/",
                       allow_unstemmed=True)
    words = ["Cooperativas", "mulheres", "São Tomé", "AÇÃO", "l'économie", "coração"]
    js = run_js(index, tmp_path, words=words)["words"]
    analyse = Analyser("sw", allow_unstemmed=True)
    assert [sorted({v for vs in w["variants"] for v in vs}) for w in js] == [sorted(set(analyse(w))) for w in words]
    assert analyse("São Tomé AÇÃO") == ["sao", "tome", "acao"]
    with pytest.raises(ValueError, match=r"search: no stemmer for language 'sw'"):
        build_search_index([], "sw", tmp_path / "strict", "search/")


def test_stemming_joins_inflections_of_a_portuguese_word() -> None:
    analyse = Analyser("pt")
    assert analyse("cooperativas") == analyse("Cooperativa")
    assert set(analyse("organizações")) & set(analyse("organização"))
    assert set(analyse("organizacoes")) & set(analyse("organizações")), "typed without accents"
    assert Analyser("pt")("a economia da cooperativa") == ["econom", "cooper"]
