"""`invoke bundle`: the site as a dated zip to hand around on USB sticks (collected by the root tasks.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from invoke import task

ROOT = Path(__file__).resolve().parents[2]


@task(help={
    "site": "zip this already built folder (e.g. output) instead of building",
    "publish": "build with publishconf.py: no example entries, absolute feed URLs (default); --no-publish for "
               "the local settings",
    "dist": "folder that receives the zip (default: dist)",
})
def bundle(c, site="", publish=True, dist="dist"):
    """Build the site (like `invoke publish`) and write dist/<site-name>-<date>.zip with a note on how to open it."""
    sys.path.insert(0, str(ROOT / "plugins"))
    from pelican.settings import read_settings

    from labo_site import clock, formatting
    from offline.bundle import bundle_name, notes, write_bundle

    settings = read_settings(str(ROOT / ("publishconf.py" if publish else "pelicanconf.py")))
    if site:
        folder = Path(site) if os.path.isabs(site) else ROOT / site
    else:
        folder = ROOT / "output"
        cmd = [sys.executable, "-m", "invoke", "build", "--output", str(folder)] + (["--publish"] if publish else [])
        result = subprocess.run(cmd, cwd=ROOT, check=False)
        if result.returncode != 0:
            sys.exit(result.returncode)
    day, moment = clock.build_date(), clock.build_datetime()
    site_name = settings["SITE"]["name"][settings["DEFAULT_LANG"]]
    name = bundle_name(site_name, day)
    target = (Path(dist) if os.path.isabs(dist) else ROOT / dist) / f"{name}.zip"
    texts = notes(site_name, name, formatting.date(day, "fr"), formatting.date(day, "en"),
                  settings.get("SITEURL", "") if publish else "")
    try:
        count = write_bundle(folder, target, folder=name, epoch=int(moment.timestamp()), extra=texts)
    except (FileNotFoundError, ValueError) as exc:
        print(f"bundle: {exc}", file=sys.stderr)
        sys.exit(1)
    size = target.stat().st_size / 1_000_000
    shown = target.relative_to(ROOT) if target.is_relative_to(ROOT) else target
    print(f"{shown}: {count} files, {size:.1f} MB — unzip it, then open {name}/index.html",
          file=sys.stderr)
