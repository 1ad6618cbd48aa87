"""The site's Writer at the view level: pages declared, rendered by forked workers, each written once."""

from __future__ import annotations

import os

import jinja2
import pytest

from labo_site import writer as labo_writer
from labo_site.writer import CHUNK, LaboWriter, Page, Template


class Owner:
    """A generator's stand-in: counts the times its views were dropped."""

    def __init__(self) -> None:
        self.forgotten = 0

    def forget_views(self) -> None:
        self.forgotten += 1


def _pages(env: jinja2.Environment, owner: Owner, template: str, count: int, prefix: str) -> list[Page]:
    tpl = Template(env, template)
    return [Page(out=f"{prefix}/{i}.html", template=tpl, context={"site": "Labo"},
                 values=lambda _page, i=i: {"n": i, "pid": os.getpid()}, owner=owner) for i in range(count)]


@pytest.fixture
def env() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.DictLoader({
        "a.html": "{{ site }} A {{ n }} {{ pid }}", "b.html": "{{ site }} B {{ n }} {{ pid }}",
        "bad.html": "{{ n.nothing.here }}"}), undefined=jinja2.StrictUndefined)


def test_chunks_keep_order_group_pages_of_one_template_and_give_each_job_its_own(env) -> None:
    first, second = Owner(), Owner()
    job = lambda: None  # noqa: E731
    pages = _pages(env, first, "a.html", CHUNK + 5, "a") + _pages(env, first, "b.html", 3, "b") + \
        _pages(env, second, "a.html", 2, "c")
    todo = [job, job, *[(page, None) for page in pages]]
    chunks = labo_writer._chunks(todo)
    assert [len(chunk) for chunk in chunks] == [1, 1, CHUNK, 5, 3, 2]
    assert [item for chunk in chunks for item in chunk] == todo  # nothing lost, nothing moved


@pytest.mark.skipif(not hasattr(os, "fork"), reason="forked rendering needs os.fork")
def test_every_page_is_written_once_by_the_workers_whatever_their_number(env, tmp_path) -> None:
    owner = Owner()
    written = {}
    for processes in (1, 2, 3):
        out = tmp_path / str(processes)
        w = LaboWriter(str(out), settings={"LABO_RENDER_PROCESSES": processes})
        for page in _pages(env, owner, "a.html", 150, "a") + _pages(env, owner, "b.html", 100, "b"):
            w.add(page)
        w.render_pages()
        files = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.html"))
        assert len(files) == 250
        # Same words whatever the process that wrote them (the pid aside). One process renders in the build's own;
        # more are forked workers, which take chunks as they become free: on a busy machine one may take them all
        # before the other starts, so only their number is bounded.
        texts = {name: (out / name).read_text() for name in files}
        pids = {int(text.rsplit(" ", 1)[1]) for text in texts.values()}
        if processes == 1:
            assert pids == {os.getpid()}
        else:
            assert os.getpid() not in pids and 1 <= len(pids) <= processes
        written[processes] = {name: text.rsplit(" ", 1)[0] for name, text in texts.items()}
        assert written[processes]["a/7.html"] == "Labo A 7" and written[processes]["b/99.html"] == "Labo B 99"
    assert written[1] == written[2] == written[3]


@pytest.mark.skipif(not hasattr(os, "fork"), reason="forked rendering needs os.fork")
def test_a_page_that_fails_to_render_fails_the_build(env, tmp_path, capfd) -> None:
    owner = Owner()
    w = LaboWriter(str(tmp_path / "out"), settings={"LABO_RENDER_PROCESSES": 2})
    for page in _pages(env, owner, "a.html", 300, "a") + _pages(env, owner, "bad.html", 1, "bad"):
        w.add(page)
    with pytest.raises(RuntimeError, match="a rendering process failed"):
        w.render_pages()
    assert "UndefinedError" in capfd.readouterr().err


def test_pages_are_written_a_batch_at_a_time_as_generators_finish_declaring(env, tmp_path, monkeypatch) -> None:
    """Once a generator has declared its pages and STREAM_PAGES are waiting, the next generator's first page has
    them written: no process holds the declarations of the whole site. Fewer wait for the next generator's."""
    monkeypatch.setattr(labo_writer, "STREAM_PAGES", 10)
    out = tmp_path / "out"
    w = LaboWriter(str(out), settings={"LABO_RENDER_PROCESSES": 1})
    first, second, third = Owner(), Owner(), Owner()
    for page in _pages(env, first, "a.html", 4, "first"):
        w.add(page)
    for page in _pages(env, second, "b.html", 8, "second")[:1]:
        w.add(page)
    assert not out.exists(), "4 pages waiting: fewer than a batch, nothing written yet"
    for page in _pages(env, second, "b.html", 8, "second")[1:]:
        w.add(page)
    w.add(_pages(env, third, "a.html", 1, "third")[0])
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.html")) == \
        [f"first/{i}.html" for i in range(4)] + [f"second/{i}.html" for i in range(8)]
    assert len(w.pages) == 1 and first.forgotten == 1 and second.forgotten == 1  # rendered here: views dropped
    w.render_pages(last=True)
    assert (out / "third" / "0.html").read_text().startswith("Labo A 0")
    assert w.rendered == 13


def test_views_are_dropped_when_the_language_changes(env, tmp_path) -> None:
    """Each generator declares one language after the other: the views of the first are not held while the
    second is rendered."""
    owner = Owner()
    w = LaboWriter(str(tmp_path / "out"), settings={"LABO_RENDER_PROCESSES": 1})
    for lang in ("fr", "en", "pt"):
        for page in _pages(env, owner, "a.html", 3, lang):
            page.lang = lang
            w.add(page)
    w.render_pages(last=True)
    assert owner.forgotten == 3  # after fr, after en, and after the last (pt)


def test_a_large_page_is_written_piece_by_piece_with_the_same_bytes(env, tmp_path) -> None:
    env.loader.mapping["big.html"] = "{% for i in range(n) %}<li>{{ i }} — Coopérative d’Abidjan</li>\n{% endfor %}"
    w = LaboWriter(str(tmp_path / "out"), settings={"LABO_RENDER_PROCESSES": 1})
    template = Template(env, "big.html")
    for name, large in (("whole", False), ("pieces", True)):
        w.add(Page(out=f"{name}.html", template=template, context={}, values=lambda _page: {"n": 5000},
                   owner=Owner(), large=large))
    w.render_pages(last=True)
    whole = (tmp_path / "out" / "whole.html").read_bytes()
    assert whole.count(b"<li>") == 5000
    assert (tmp_path / "out" / "pieces.html").read_bytes() == whole
