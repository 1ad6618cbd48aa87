"""Proposed build speed-ups, applied at run time (monkeypatches) so that each can be measured on the synthetic
network before anyone edits the plugin it belongs to. None of this runs in a normal build.

    .venv/bin/python benchmarks/experiments.py body-no-yaml,page-cache -- <pelican arguments>
    .venv/bin/python benchmarks/run.py -n 1000 --experiment page-cache

Experiments (the report says which file each belongs to and what to change there):
- cpu-clock: phase timings of the build summary in CPU seconds of the process (use LABO_RENDER_PROCESSES=1);
  a loaded machine distorts wall-clock phases.
- body-no-yaml: read an entry's body without parsing its YAML a second time (validation already did), cached
  by a hash of the Markdown. Measured: -0.6 s CPU on a clean 1,000 build, but its one-pickle cache makes warm
  rebuilds slower than Pelican's reader cache (read 4 s -> 14 s at 10,000): not proposed as it is.
- page-cache: reuse the HTML of a page whose inputs did not change: key = hash of the templates, the code, the
  catalogues, the page's own values (views, entry and the entries one reference away) and the site-wide
  values the templates use.

Two earlier experiments have landed upstream and were removed from here: one VTIMEZONE per zone and span
(plugins/agenda/ics.py) and one merged gettext catalogue per language (plugins/labo_site/i18n.py).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import pickle
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))


# -- cpu-clock ----------------------------------------------------------------------------------------------

def cpu_clock() -> None:
    time.perf_counter = time.process_time


# -- body-no-yaml -------------------------------------------------------------------------------------------

def body_no_yaml() -> None:
    from content_model.frontmatter import _FENCE
    from content_model.sanitize import MarkdownRenderer
    from labo_site.generator import EntitiesGenerator

    renderer = MarkdownRenderer()
    state: dict = {}

    def markdown_body(text: str) -> str:
        lines = text.split("\n")
        end = next(i for i in range(1, len(lines)) if _FENCE.match(lines[i].rstrip("\r")))
        return "\n".join(lines[end + 1:])

    def _read_body(self, source: str) -> str:
        if "cache" not in state:
            state["file"] = Path(self.settings["CACHE_PATH"]) / "bodies.pickle"
            try:
                state["cache"] = pickle.loads(state["file"].read_bytes())
            except (OSError, EOFError, pickle.UnpicklingError):
                state["cache"] = {}
            state["used"] = {}
        markdown = markdown_body((Path(self.path) / source).read_bytes().decode("utf-8-sig"))
        key = hashlib.sha1(markdown.encode()).digest()
        html = state["cache"].get(key)
        if html is None:
            html = renderer.render(markdown)
        state["used"][key] = html
        return html

    original_context = EntitiesGenerator.generate_context

    def generate_context(self) -> None:
        original_context(self)
        if "used" in state:
            state["file"].parent.mkdir(parents=True, exist_ok=True)
            state["file"].write_bytes(pickle.dumps(state["used"]))  # only what this build used: no growth

    EntitiesGenerator._read_body = _read_body
    EntitiesGenerator.generate_context = generate_context


# -- page-cache ---------------------------------------------------------------------------------------------

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
                            (ROOT / "plugins", "**/*.py")):
        for path in sorted(folder.glob(pattern)):
            h.update(path.relative_to(ROOT).as_posix().encode() + path.read_bytes())
    return h.digest()


def page_cache() -> None:
    from jinja2 import meta

    from labo_site import generator as gen
    from labo_site import pages

    state: dict = {"keys": {}, "hits": 0, "misses": 0}
    original_render = gen.LaboMixin.render

    def site_digest(self) -> bytes:
        if "site" not in state:
            env = self.env
            names: set[str] = set()
            for template in env.list_templates(filter_func=lambda n: n.endswith(".html")):
                source = env.loader.get_source(env, template)[0]
                names |= meta.find_undeclared_variables(env.parse(source))
            fp = Fingerprint(Path(self.path), self.context["registry"])
            state["fp"] = fp
            h = hashlib.sha1(_code_digest(Path(self.settings["THEME"])))
            for name in sorted((names & set(self.context)) - PER_PAGE_KEYS):
                h.update(name.encode())
                fp.update(h, self.context[name])
            state["site"] = h.digest()
            state["dir"] = Path(self.settings["CACHE_PATH"]) / "pages"
        return state["site"]

    def render(self, writer, lang, path, template, **values):
        site = site_digest(self)
        h = hashlib.sha1(site + f"|{lang}|{path}|{template}|".encode())
        h.update(state["fp"].digest(values))
        out = self.lang_prefix(lang) + path
        state["keys"][out] = h.hexdigest()
        original_render(self, writer, lang, path, template, **values)

    original_flush = pages.PageQueue.flush

    def flush(self):
        folder = state.get("dir")
        if folder is None:
            return original_flush(self)
        misses = []
        for job in self.jobs:
            out = job[0]
            cached = folder / state["keys"][out][:2] / f"{state['keys'][out]}.html"
            if cached.is_file():
                target = Path(self.output_path) / out
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(cached.read_bytes())
                state["hits"] += 1
            else:
                misses.append(job)
        self.jobs = misses
        state["misses"] += len(misses)
        written = [job[0] for job in misses]
        original_flush(self)
        for out in written:
            key = state["keys"][out]
            cached = folder / key[:2] / f"{key}.html"
            cached.parent.mkdir(parents=True, exist_ok=True)
            cached.write_bytes((Path(self.output_path) / out).read_bytes())
        print(f"page-cache: {state['hits']} pages reused, {state['misses']} rendered", file=sys.stderr)

    gen.LaboMixin.render = render
    pages.PageQueue.flush = flush


EXPERIMENTS = {"cpu-clock": cpu_clock, "body-no-yaml": body_no_yaml, "page-cache": page_cache}


def apply(names: str) -> None:
    for name in filter(None, names.split(",")):
        if name not in EXPERIMENTS:
            raise SystemExit(f"unknown experiment {name!r}; known: {', '.join(EXPERIMENTS)}")
        EXPERIMENTS[name]()


def main(argv: list[str]) -> int:
    if "--" not in argv:
        raise SystemExit(__doc__)
    split = argv.index("--")
    apply(",".join(argv[:split]))
    from pelican import main as pelican_main

    sys.argv = ["pelican", *argv[split + 1:]]
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1795000000")
    return pelican_main() or 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
