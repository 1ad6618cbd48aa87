"""`invoke search-figures`: the search index's size and what typical queries load (collected by tasks.py)."""

from __future__ import annotations

import sys
from pathlib import Path

from invoke import task

ROOT = Path(__file__).resolve().parents[2]


@task(help={"site": "built site folder to measure (default: output)"})
def search_figures(c, site="output"):
    """Print the search index size (raw and gzip) per language and the bytes typical queries load."""
    sys.path.insert(0, str(ROOT / "plugins"))
    from search.measure import site_figures

    folder = Path(site) if Path(site).is_absolute() else ROOT / site
    if not (folder / "index.html").is_file():
        sys.exit(f"search-figures: {folder} has no index.html; build the site first (invoke build)")
    for name, value in site_figures(folder).items():
        print(f"search — {name}: {value}")
