"""Split the term list into prefix shards and route terms and prefixes to them.

A shard is named by a key: it holds every term that starts with the key and
is not held by a longer key. Keys grow one character at a time where a shard
would exceed its byte budget, so a common prefix ("co" in French) gets many
small shards and a rare letter one. The browser mirrors ``shard_for_term``
and ``shards_for_prefix`` (search.js ``shardForTerm``, ``shardsForPrefix``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

_PLAIN_KEY = re.compile(r"[a-z0-9]+")


def partition(
    terms: Iterable[str],
    size_of: Callable[[str], int],
    budget: int,
    max_key_length: int = 6,
) -> dict[str, list[str]]:
    """Group sorted terms into shards of at most ``budget`` bytes where possible.

    ``size_of(term)`` is the encoded size of one term's postings. A single term
    larger than the budget, or keys at ``max_key_length``, make a larger shard.
    """
    shards: dict[str, list[str]] = {}
    by_first: dict[str, list[str]] = {}
    for term in sorted(set(terms)):
        by_first.setdefault(term[0], []).append(term)
    for key, group in by_first.items():
        _split(key, group, size_of, budget, max_key_length, shards)
    return dict(sorted(shards.items()))


def _split(
    key: str,
    group: list[str],
    size_of: Callable[[str], int],
    budget: int,
    max_key_length: int,
    shards: dict[str, list[str]],
) -> None:
    if len(key) >= max_key_length or sum(size_of(t) for t in group) <= budget:
        shards[key] = group
        return
    own = [t for t in group if len(t) == len(key)]
    if own:
        shards[key] = own
    children: dict[str, list[str]] = {}
    for term in group:
        if len(term) > len(key):
            children.setdefault(term[: len(key) + 1], []).append(term)
    for child_key, child_group in children.items():
        _split(child_key, child_group, size_of, budget, max_key_length, shards)


def _longest_key_prefixing(keys: list[str], word: str) -> str | None:
    best = None
    for key in keys:
        if word.startswith(key) and (best is None or len(key) > len(best)):
            best = key
    return best


def _is_leaf(keys: list[str], key: str) -> bool:
    """A key no longer key extends holds every term under it; a split key only its own word."""
    return not any(k != key and k.startswith(key) for k in keys)


def shard_for_term(keys: Iterable[str], term: str) -> str | None:
    """The key of the shard that would hold ``term`` (None: no shard can hold it)."""
    keys = list(keys)
    key = _longest_key_prefixing(keys, term)
    if key is None or (len(key) < len(term) and not _is_leaf(keys, key)):
        return None
    return key


def shards_for_prefix(keys: Iterable[str], prefix: str) -> list[str]:
    """Keys of every shard that may hold a term starting with ``prefix``, sorted."""
    keys = list(keys)
    found = {k for k in keys if k.startswith(prefix)}
    holder = _longest_key_prefixing(keys, prefix)
    if holder is not None and _is_leaf(keys, holder):
        found.add(holder)
    return sorted(found)


def file_stem(key: str) -> str:
    """A file-name-safe, collision-free name for a shard key ('co' -> 't-co')."""
    if _PLAIN_KEY.fullmatch(key):
        return f"t-{key}"
    return "t-u-" + key.encode("utf-8").hex()
