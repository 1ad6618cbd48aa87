"""Gate: the published build (`invoke publish`, example entries left out) shows no empty section on its home page
and no empty chart on its statistics page. The shipped content is mostly examples, so the published site is
nearly empty: what a visitor sees on the day the network starts.

The build itself is under test here (its settings leave the examples out), so it is one more build, made once.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from tests.support.build import GATE_EPOCH, REPO_ROOT

pytestmark = pytest.mark.slow

#: The words of an empty state ("Aucun événement à venir pour le moment", "Nothing to count yet").
EMPTY = re.compile(r"\b(Aucune?|No|Nothing|Rien)\b[^.<]{0,80}\b(pour le moment|en ce moment|for now|at the moment|"
                   r"yet|encore)\b", re.IGNORECASE)
SECTION = re.compile(r"<section\b[^>]*>(.*?)</section>", re.S)
HEADING = re.compile(r"<h2\b[^>]*>.*?</h2>", re.S)
TAG = re.compile(r"<[^>]+>")


def words(html: str) -> str:
    return " ".join(TAG.sub(" ", html).split())


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("published") / "output"
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(GATE_EPOCH)}
    proc = subprocess.run([sys.executable, "-m", "invoke", "publish", "--output", str(out)], cwd=REPO_ROOT, env=env,
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    return out


@pytest.mark.parametrize("home", ["index.html", "en/index.html"])
def test_the_published_home_page_has_no_empty_section(published: Path, home: str) -> None:
    html = (published / home).read_text(encoding="utf-8")
    main = html[html.index("<main"):html.index("</main>")]
    problems = [f"empty-state words: {m.group(0)!r}" for m in EMPTY.finditer(words(main))]
    for section in SECTION.findall(main):
        title = words(HEADING.search(section).group(0)) if HEADING.search(section) else "(no heading)"
        body = words(HEADING.sub("", section))
        if len(body) < 60:
            problems.append(f"section {title!r} says almost nothing: {body!r}")
        if re.search(r'<ul class="cards[^"]*">\s*</ul>', section):
            problems.append(f"section {title!r} has an empty list")
    problems += [f"a figure of zero: {m.group(0)!r}" for m in re.finditer(r"<strong>0</strong>[^<]*", main)]
    assert not problems, f"{home} of the published site:\n" + "\n".join(problems)


@pytest.mark.parametrize("stats", ["statistiques.html", "en/statistiques.html"])
def test_the_published_statistics_page_shows_only_what_has_data(published: Path, stats: str) -> None:
    html = (published / stats).read_text(encoding="utf-8")
    main = words(html[html.index("<main"):html.index("</main>")])
    assert not EMPTY.search(main), EMPTY.search(main).group(0)
