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

import re
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
    "pt": frozenset(
        """a à ao aos as às com da das de do dos e em na nas no nos o os ou para pela pelas pelo pelos
        por que se um uma""".split()
    ),
}

STEMMER_NAMES = {"fr": "french", "en": "english", "pt": "portuguese"}
NO_STEMMER = "none"  # search.js: no stemming, folded words only

# Index-time field boosts (baked into lunr's field vectors): a title match
# outranks a match in "extra" (acronym, city, country, kind), which outranks text.
FIELDS = (("title", 10), ("extra", 3), ("text", 1))


# A token: a run of letters or digits. In Python's `re`, `[^\W_]` is exactly the Unicode categories L* and
# N* (JavaScript `[\p{L}\p{N}]`) for this Python's Unicode data; tests/search checks every code point.
# Building the same class from unicodedata by hand costs ~1 s per build.
_TOKEN = re.compile(r"[^\W_]+")


def tokenize(text: str) -> list[str]:
    """Split text into lower-case tokens of letters and digits (JS: tokenize)."""
    return _TOKEN.findall(unicodedata.normalize("NFC", text).lower())


def fold(word: str) -> str:
    """Remove accents and fold special letters: 'Coopérative' -> 'cooperative' after lower()."""
    decomposed = unicodedata.normalize("NFD", word)
    bare = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return "".join(FOLD_MAP.get(c, c) for c in unicodedata.normalize("NFC", bare))


def _unstemmed(word: str) -> str:
    return word


def stemmer_name(lang: str) -> str:
    """The stemmer search.js must use for ``lang`` (NO_STEMMER for a language without one here)."""
    return STEMMER_NAMES.get(lang, NO_STEMMER)


def get_stemmer(lang: str, allow_unstemmed: bool = False) -> Callable[[str], str]:
    """Return the Snowball stemmer for a site language (fr, en or pt).

    Another language raises, unless ``allow_unstemmed``: then words are only
    folded (search.js does the same for the stemmer name NO_STEMMER), so a
    third site language gets a working, if less forgiving, search.
    """
    try:
        name = STEMMER_NAMES[lang]
    except KeyError:
        if allow_unstemmed:
            return _unstemmed
        raise ValueError(
            f"search: no stemmer for language {lang!r}; known: {sorted(STEMMER_NAMES)}"
        ) from None
    return snowballstemmer.stemmer(name).stemWord


def _is_bmp(word: str) -> bool:
    return all(ord(c) <= 0xFFFF for c in word)


def term_variants(word: str, lang: str, stem: Callable[[str], str]) -> list[str]:
    """Index terms for one token, sorted, empty for a stop word (JS: termVariants)."""
    folded = fold(word)
    if not folded or word in STOP_WORDS.get(lang, ()):
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

    def __init__(self, lang: str, allow_unstemmed: bool = False) -> None:
        self.lang = lang
        self.stem = get_stemmer(lang, allow_unstemmed)
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
