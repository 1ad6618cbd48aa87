"""Reuse the HTML of a page whose inputs did not change, so that a one-file edit re-renders only what it touches.

The key of a page (see writer.Page) is a digest of the site-wide inputs computed here once per build (the
templates, catalogues and plugin code; the settings; every context value a template names, except per-page and
scoped ones) and of the page's own dependencies, which its generator lists. Same key, same bytes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import jinja2

PLUGINS = Path(__file__).resolve().parent.parent

PER_PAGE_KEYS = {"SITEURL", "localsiteurl", "output_file", "lang", "LANG_ROOT", "page_path", "alternates",
                 "template_name", "source_url"}


class Fingerprint:
    """Stable digests of what a page is rendered from. Entries count by the bytes of their files and those of
    the entries one reference away (titles of backlinks and of referenced organisations show on pages)."""

    def __init__(self, registry) -> None:
        self.registry = registry
        self._own: dict[int, bytes] = {}
        self._near: dict[int, bytes] = {}
        # Views are built once and shared by many pages (a card on every facet page that lists it): digest each
        # container once per build. The objects are kept alive so that their ids are never reused.
        self._memo: dict[int, tuple[object, bytes]] = {}

    def own(self, entry) -> bytes:
        """The entry's files, by the digests validation took of their bytes (a file is read once per build)."""
        key = id(entry)
        if key not in self._own:
            h = hashlib.sha1(f"{entry.kind.name}:{entry.slug}:{entry.published}".encode())
            for source, file_digest in sorted(entry.digests.items()):
                h.update(source.encode() + b"\0" + file_digest)
            self._own[key] = h.digest()
        return self._own[key]

    def near(self, entry) -> bytes:
        key = id(entry)
        if key not in self._near:
            h = hashlib.sha1(self.own(entry))
            for kind in sorted(entry.backlinks):
                for other in entry.backlinks[kind]:
                    h.update(self.own(other))
            for kind, slug in references(entry.kind, entry.data):
                target = self.registry.get(kind, slug, published_only=False)
                h.update(self.own(target) if target is not None else b"missing")
            self._near[key] = h.digest()
        return self._near[key]

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


def references(kind, data: dict):
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




def site_digest(generator, scoped: frozenset[str]) -> bytes:
    """Templates, catalogues, plugin code, settings, and every context value a template names (except the
    per-page ones and `scoped`, which the pages that show them list in their own dependencies)."""
    env, context = generator.env, generator.context
    code = _code_digest(Path(generator.settings["THEME"]))
    names = _template_names(env, code, generator.site.cache)
    fingerprint = Fingerprint(generator.site.registry)
    h = hashlib.sha1(code)
    for name in sorted((names & set(context)) - PER_PAGE_KEYS - scoped):
        h.update(name.encode())
        fingerprint.update(h, context[name])
    h.update(settings_digest(generator.settings))
    return h.digest()


def _template_names(env, code: bytes, cache) -> set[str]:
    """Every name a template of the theme reads (a few more than those it reads from the context: its loop and
    macro variables too, which weigh nothing in the digest unless the context has them). Parsing the templates
    takes 0.5 s, so the answer is kept in the cache for this version of the templates (`code`).

    The trees are dropped once read, and each template is compiled later, where a page first needs it: keeping the
    trees for that compilation (which parses the source again) held 2 MB in the build's process until its end, and
    compiling every template here, 5 MB; every rendering process is forked from that process, so this is the build's
    peak memory (85 against 90 MB at 1,000 organisations, for 0.2 s of parsing again)."""
    import json

    from jinja2 import nodes

    record = cache.get_record("template-names", code) if cache is not None else None
    if record is not None:
        return set(json.loads(record))
    names: set[str] = set()
    for template in env.list_templates(filter_func=lambda n: n.endswith(".html")):
        source, filename, _uptodate = env.loader.get_source(env, template)
        tree = env.parse(source, template, filename)
        # Not jinja2.meta.find_undeclared_variables: it generates the template's code to leave local names out
        # (ten times the time of this walk, for a set the intersection with the context makes the same).
        names |= {node.name for node in tree.find_all(nodes.Name) if node.ctx == "load"}
    if cache is not None:
        cache.put_record("template-names", code, json.dumps(sorted(names)).encode())
    return names


class CompiledTemplates(jinja2.BytecodeCache):
    """Jinja's compiled templates, kept in the build's cache (Jinja's own bytecode cache and bucket format).

    Compiling the theme's templates took 0.3 to 0.6 s of CPU in every build that renders pages, in the build's
    process and again in each rendering process; loading the code back takes a few milliseconds. The code is
    marshalled Python that the build runs, so it is kept as the cached pages are: in files named by an HMAC of
    their key with this machine's secret (`Cache`), outside the checkout, where a pull request cannot plant one.
    A template's file is named by the template and by what the environment gives the compiler (`_compiled_with`);
    Jinja throws the code away if the template's source or the Python version changed since (the bucket's checksum
    and magic), and the new code replaces it."""

    AREA = "templates"

    def __init__(self, cache, env: jinja2.Environment) -> None:
        self.cache, self.env = cache, env

    def _key(self, bucket) -> str:
        return f"{_compiled_with(self.env)}:{bucket.key}"

    def load_bytecode(self, bucket) -> None:
        data = self.cache.get(self.AREA, self._key(bucket))
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket) -> None:
        self.cache.put(self.AREA, self._key(bucket), bucket.bytecode_to_string())


def _compiled_with(env: jinja2.Environment) -> str:
    """A digest of what Jinja's compiler reads from the environment, besides the template: the Jinja version, the
    syntax and whitespace options, the extensions, autoescape and finalize, and how each filter and test takes its
    arguments (pass_context and the like). Jinja's own bytecode cache leaves it to the caller; here a change of
    JINJA_ENVIRONMENT, or of a plugin's filter, compiles the templates again."""

    def named(value) -> str:
        if value is None or isinstance(value, (bool, int, str)):
            return repr(value)
        return f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', type(value).__qualname__)}"

    passing = [(table, name, str(getattr(function, "jinja_pass_arg", None)))
               for table, functions in (("filter", env.filters), ("test", env.tests))
               for name, function in sorted(functions.items())]
    parts = (jinja2.__version__, env.block_start_string, env.block_end_string, env.variable_start_string,
             env.variable_end_string, env.comment_start_string, env.comment_end_string, env.line_statement_prefix,
             env.line_comment_prefix, env.trim_blocks, env.lstrip_blocks, env.newline_sequence,
             env.keep_trailing_newline, env.optimized, env.is_async, sorted(env.extensions), named(env.autoescape),
             named(env.finalize), passing)
    return hashlib.sha1(repr(parts).encode()).hexdigest()


#: Settings that name this run's folders or how it runs: two builds of the same site share their pages.
_RUN_SETTINGS = frozenset({"OUTPUT_PATH", "CACHE_PATH", "PATH", "PLUGIN_PATHS", "THEME", "LABO_RENDER_PROCESSES",
                           "LABO_PARSE_AHEAD_FILES"})


def settings_digest(settings: dict) -> bytes:
    """Every setting (page sizes, the revenue split, time zone…), by its repr; objects whose repr would change
    from run to run (functions, compiled objects) by their type only."""
    h = hashlib.sha1()
    for name in sorted(settings):
        if name in _RUN_SETTINGS or not name.isupper():
            continue
        text = repr(settings[name])
        if " at 0x" in text:
            text = type(settings[name]).__qualname__
        h.update(f"{name}={text};".encode())
    return h.digest()
