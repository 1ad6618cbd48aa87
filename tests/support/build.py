"""Build the shipped content into a folder, the way `invoke build --output DIR` does for a user."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
# Fixed "today" for gate builds (2026-11-18): events and tenders sort the same on every run.
GATE_EPOCH = 1795000000


class BuildFailed(RuntimeError):
    """The site build exited non-zero."""


def build_site(output: Path, *, epoch: int = GATE_EPOCH, env: dict[str, str] | None = None) -> Path:
    """Run `invoke build --output output` from the repository with SOURCE_DATE_EPOCH=epoch."""
    full_env = {**os.environ, "SOURCE_DATE_EPOCH": str(epoch), **(env or {})}
    cmd = [sys.executable, "-m", "invoke", "build", "--output", str(output)]
    proc = subprocess.run(cmd, cwd=REPO_ROOT, env=full_env, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        output_tail = f"--- stdout\n{proc.stdout[-4000:]}\n--- stderr\n{proc.stderr[-4000:]}"
        raise BuildFailed(f"{' '.join(cmd)} exited {proc.returncode}\n{output_tail}")
    if not (Path(output) / "index.html").is_file():
        raise BuildFailed(f"build wrote no {output}/index.html\n{proc.stdout[-2000:]}{proc.stderr[-2000:]}")
    return Path(output)
