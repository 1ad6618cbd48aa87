"""Reuse the HTML of a page whose inputs did not change, so that a one-file edit re-renders only what it touches.

The key of a page is a digest of: the templates, catalogues and plugin code; the site-wide values the templates
read (every context variable a template names, except the per-page ones); the counts the template functions
(maps) read; and the page's own values (views, the entry and the entries one reference away, by the bytes of
their files). Same key, same bytes: the cached file is copied instead of rendering the template.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import pickle
from pathlib import Path

PLUGINS = Path(__file__).resolve().parent.parent

AREA = "pages"
PER_PAGE_KEYS = {"SITEURL", "localsiteurl", "output_file", "lang", "LANG_ROOT", "page_path", "alternates",
                 "template_name", "source_url"}


class Fingerprint:
    """Stable digests of what a page is rendered from. Entries count by the bytes of their files and those of
    the entries one reference away (titles of backlinks and of referenced organisations show on pages)."""

    def __init__(self, content: Path, registry) -> None:
        self.content = content
        self.registry = registry
        self._own: dict[int, bytes] = {}
        self._near: dict[int, bytes] = {}
        # Views are built once and shared by many pages (a card on every facet page that lists it): digest each
        # container once per build. The objects are kept alive so that their ids are never reused.
        self._memo: dict[int, tuple[object, bytes]] = {}

    def own(self, entry) -> bytes:
        key = id(entry)
        if key not in self._own:
            h = hashlib.sha1(f"{entry.kind.name}:{entry.slug}:{entry.published}".encode())
            for source in [entry.source, *(t.source for t in entry.translations.values())]:
                h.update((self.content / source).read_bytes())
            self._own[key] = h.digest()
        return self._own[key]

    def near(self, entry) -> bytes:
        key = id(entry)
        if key not in self._near:
            h = hashlib.sha1(self.own(entry))
            for kind in sorted(entry.backlinks):
                for other in entry.backlinks[kind]:
                    h.update(self.own(other))
            for kind, slug in _references(entry.kind, entry.data):
                target = self.registry.get(kind, slug, published_only=False)
                h.update(self.own(target) if target is not None else b"missing")
            self._near[key] = h.digest()
        return self._near[key]

    def digest(self, value) -> bytes:
        """sha1 of `value` pickled (C speed); entries, Pelican contents and functions by their digests above."""
        buffer = io.BytesIO()
        _Pickler(buffer, self).dump(value)
        return hashlib.sha1(buffer.getvalue()).digest()

    def update(self, h, value, depth: int = 0) -> None:
        from pelican.contents import Content
        from pelican.urlwrappers import URLWrapper

        from content_model.registry import Entry

        if depth > 40:
            raise ValueError("page-cache: value too deep to fingerprint")
        if value is None or isinstance(value, (bool, int, float, str, bytes, dt.date, dt.time)):
            h.update(f"{type(value).__name__}:{value!r};".encode())
        elif isinstance(value, Entry):
            h.update(b"E" + self.near(value))
        elif isinstance(value, Content):  # Pelican's own articles and pages: their file says it all
            h.update(f"C:{value.source_path}:".encode() + Path(value.source_path).read_bytes())
        elif isinstance(value, URLWrapper):  # categories, tags, authors
            h.update(f"U:{type(value).__name__}:{value.name}:{value.slug};".encode())
        elif isinstance(value, (dict, list, tuple)):
            memo = self._memo.get(id(value))
            if memo is None:
                inner = hashlib.sha1()
                if isinstance(value, dict):
                    for k, v in value.items():
                        self.update(inner, k, depth + 1)
                        self.update(inner, v, depth + 1)
                else:
                    for item in value:
                        self.update(inner, item, depth + 1)
                memo = self._memo[id(value)] = (value, inner.digest())
            h.update((b"{" if isinstance(value, dict) else b"[") + memo[1])
        elif isinstance(value, (set, frozenset)):
            h.update(repr(sorted(map(repr, value))).encode())
        elif callable(value):
            h.update(f"fn:{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', repr(value))};".encode())
        elif hasattr(value, "__dict__"):
            h.update(f"obj:{type(value).__qualname__}".encode())
            self.update(h, {k: v for k, v in vars(value).items() if not k.startswith("_")}, depth + 1)
        else:
            h.update(repr(value).encode())


def _ref(*parts):  # what a pickled reference stands for; never called
    return parts


class _Pickler(pickle.Pickler):
    def __init__(self, file, fingerprint: Fingerprint) -> None:
        super().__init__(file, protocol=5)
        self.fingerprint = fingerprint

    def reducer_override(self, obj):
        from pelican.contents import Content
        from pelican.urlwrappers import URLWrapper

        from content_model.registry import Entry

        if obj is _ref:
            return NotImplemented  # pickled by name, like any module-level function
        if isinstance(obj, Entry):
            return _ref, ("E", self.fingerprint.near(obj))
        if isinstance(obj, Content):
            return _ref, ("C", obj.source_path, Path(obj.source_path).read_bytes())
        if isinstance(obj, URLWrapper):
            return _ref, ("U", type(obj).__name__, obj.name, obj.slug)
        if callable(obj) and not isinstance(obj, type):
            return _ref, ("F", type(obj).__qualname__, getattr(obj, "__module__", ""),
                          getattr(obj, "__qualname__", ""))
        return NotImplemented


def _references(kind, data: dict):
    for field in kind.fields:
        yield from _field_refs(field, data.get(field.name))


def _field_refs(field, value):
    if value is None:
        return
    values = value if field.many and isinstance(value, list) else [value]
    for item in values:
        if field.type == "ref" and isinstance(item, str):
            yield field.ref, item
        elif field.type == "object" and isinstance(item, dict):
            for sub in field.fields:
                yield from _field_refs(sub, item.get(sub.name))


def _code_digest(theme: Path) -> bytes:
    """Templates, catalogues and plugin code: any change there re-renders every page."""
    h = hashlib.sha1()
    for folder, pattern in ((theme / "templates", "**/*.html"), (theme / "translations", "**/*.po"),
                            (PLUGINS, "**/*.py")):
        for path in sorted(folder.glob(pattern)):
            h.update(path.relative_to(folder).as_posix().encode() + path.read_bytes())
    return h.digest()




class PageCache:
    """Keys computed while pages are queued; hits copied, misses rendered then stored (see pages.PageQueue)."""

    def __init__(self, generator, cache) -> None:
        from jinja2 import meta

        env, context = generator.env, generator.context
        names: set[str] = set()
        for template in env.list_templates(filter_func=lambda n: n.endswith(".html")):
            names |= meta.find_undeclared_variables(env.parse(env.loader.get_source(env, template)[0]))
        registry = context["registry"]
        self.fingerprint = Fingerprint(Path(generator.path), registry)
        h = hashlib.sha1(_code_digest(Path(generator.settings["THEME"])))
        for name in sorted((names & set(context)) - PER_PAGE_KEYS):
            h.update(name.encode())
            self.fingerprint.update(h, context[name])
        # The map functions offered to templates read where every organisation and project is.
        for kind in ("organisation", "project"):
            for entry in sorted(registry.kind(kind, published_only=False), key=lambda e: e.slug):
                title = entry.data.get(entry.kind.title_field)
                h.update(f"{kind}:{entry.slug}:{entry.published}:{entry.data.get('country')}:"
                         f"{entry.data.get('coordinates')}:{title};".encode())
        self.site = h.digest()
        self.cache = cache
        self.keys: dict[str, str] = {}
        self.hits = 0

    def key(self, out: str, lang: str, template: str, values: dict) -> None:
        h = hashlib.sha1(self.site + f"|{lang}|{out}|{template}|".encode())
        h.update(self.fingerprint.digest(values))
        self.keys[out] = h.hexdigest()

    def path(self, out: str) -> Path:
        """Where the page of this key is cached: named by the cache's HMAC, so only this machine's keys match."""
        return self.cache.path(AREA, self.keys[out], ".html")

    def store(self, out: str, html: bytes) -> None:
        self.cache.put(AREA, self.keys[out], html, ".html")

    def prune(self) -> None:
        """Keep only this build's pages: the cache never grows beyond one site."""
        self.cache.keep_only(AREA, {self.cache.name(AREA, key) for key in self.keys.values()})
