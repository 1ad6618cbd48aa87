"""Text processing shared by the index build and the browser.

Every rule here has a line-for-line twin in ``themes/labo/static/js/search.js``
(functions ``tokenize``, ``fold``, ``termVariants``); ``tests/search`` runs
both on the same words and requires identical output. Change both or neither.

Order of operations, and why:
1. NFC, then lower case; a token is a run of Unicode letters or digits
   (categories L* and N*, the JavaScript ``[\\p{L}\\p{N}]``), so apostrophes
   and hyphens split ("l'économie" -> "l", "économie").
2. Stop words are dropped as written ("mais" but, not "maïs" corn).
3. The Snowball stemmer runs on the word *with* its accents (the French
   algorithm reads é, è, ç) and, when the word has accents, again on the
   folded word; both stems are folded. Indexing both lets "cooperative"
   (typed without accents) and "coopérative" meet whatever the stemmer did
   with the accents.
4. Words holding characters outside the Basic Multilingual Plane are not
   stemmed: Python indexes code points and JavaScript UTF-16 units, so the
   stemmer's cursor arithmetic would differ.
"""

from __future__ import annotations

import functools
import re
import sys
import unicodedata
from collections.abc import Callable

import snowballstemmer

# Letters that carry no combining mark in NFD but that readers type without
# the special letter; mirrored in search.js FOLD_MAP.
FOLD_MAP = {
    "æ": "ae",
    "œ": "oe",
    "ß": "ss",
    "ø": "o",
    "đ": "d",
    "ł": "l",
    "ð": "d",
    "þ": "th",
}

# Short on purpose: every word listed here can never be found. Matched as written
# (lower case, accents kept), so that "maïs" (corn) is not the stop word "mais".
STOP_WORDS = {
    "fr": frozenset(
        """a à au aux avec ce ces cet cette d dans de des du elle elles en et eux il ils
        j je l la le les leur leurs lui m ma mais me même mes moi mon n ne nos notre
        nous on ou où par pas pour qu que qui s sa se ses son sur t ta te tes toi ton tu
        un une vos votre vous y c""".split()
    ),
    "en": frozenset(
        """a an and are as at be but by for from has have if in into is it its of on
        or that the their there these they this to was were will with""".split()
    ),
}

STEMMER_NAMES = {"fr": "french", "en": "english"}

# Index-time field boosts (baked into lunr's field vectors): a title match
# outranks a match in "extra" (acronym, city, country, kind), which outranks text.
FIELDS = (("title", 10), ("extra", 3), ("text", 1))


@functools.cache
def _token_pattern() -> re.Pattern[str]:
    """A regex of runs of L* and N* characters, built from this Python's Unicode data."""
    ranges: list[str] = []
    start = None
    for code in range(sys.maxunicode + 2):
        inside = code <= sys.maxunicode and unicodedata.category(chr(code))[0] in "LN"
        if inside and start is None:
            start = code
        elif not inside and start is not None:
            ranges.append(f"\\U{start:08x}-\\U{code - 1:08x}")
            start = None
    return re.compile("[" + "".join(ranges) + "]+")


def tokenize(text: str) -> list[str]:
    """Split text into lower-case tokens of letters and digits (JS: tokenize)."""
    return _token_pattern().findall(unicodedata.normalize("NFC", text).lower())


def fold(word: str) -> str:
    """Remove accents and fold special letters: 'Coopérative' -> 'cooperative' after lower()."""
    decomposed = unicodedata.normalize("NFD", word)
    bare = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return "".join(FOLD_MAP.get(c, c) for c in unicodedata.normalize("NFC", bare))


def get_stemmer(lang: str) -> Callable[[str], str]:
    """Return the Snowball stemmer for a site language (fr or en)."""
    try:
        name = STEMMER_NAMES[lang]
    except KeyError:
        raise ValueError(
            f"search: no stemmer for language {lang!r}; known: {sorted(STEMMER_NAMES)}"
        ) from None
    return snowballstemmer.stemmer(name).stemWord


def _is_bmp(word: str) -> bool:
    return all(ord(c) <= 0xFFFF for c in word)


def term_variants(word: str, lang: str, stem: Callable[[str], str]) -> list[str]:
    """Index terms for one token, sorted, empty for a stop word (JS: termVariants)."""
    folded = fold(word)
    if not folded or word in STOP_WORDS[lang]:
        return []
    if not _is_bmp(word):
        return [folded]
    variants = {fold(stem(word))}
    if folded != word:
        variants.add(fold(stem(folded)))
    return sorted(v for v in variants if v)


class Analyser:
    """Text -> index terms for one language, memoising each word's variants.

    Real text repeats its words, and Snowball in pure Python costs ~0.2 ms a
    word: the memo turns 10,000 documents from a minute into a few seconds.
    """

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.stem = get_stemmer(lang)
        self._memo: dict[str, list[str]] = {}

    def variants(self, word: str) -> list[str]:
        """term_variants() of one lower-case token, memoised."""
        found = self._memo.get(word)
        if found is None:
            found = self._memo[word] = term_variants(word, self.lang, self.stem)
        return found

    def __call__(self, text: str) -> list[str]:
        """All index terms of a text, in order, variants of one word side by side."""
        terms: list[str] = []
        for token in tokenize(text):
            terms.extend(self.variants(token))
        return terms
