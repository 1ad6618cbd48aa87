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

The page cache landed as plugins/labo_site/page_cache.py. Two earlier experiments have landed upstream and were removed from here: one VTIMEZONE per zone and span
(plugins/agenda/ics.py) and one merged gettext catalogue per language (plugins/labo_site/i18n.py).
"""

from __future__ import annotations

import hashlib
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


EXPERIMENTS = {"cpu-clock": cpu_clock, "body-no-yaml": body_no_yaml}


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
