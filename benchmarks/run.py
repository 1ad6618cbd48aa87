"""Time the site against plain Pelican on the same synthetic network, for 1,000 or 10,000 organisations.

In one run, for each N: `invoke validate`; a clean build (no cache); a rebuild after editing one
organisation (warm cache); a rebuild with nothing changed; and the reference, plain Pelican 4.12 (no plugins,
its `simple` theme, default settings) on the same Markdown files written as plain articles with the same
bodies. Prints wall-clock and CPU seconds (CPU time is what a loaded machine distorts least) and the ratios.

    .venv/bin/python benchmarks/run.py                      # N = 1,000
    .venv/bin/python benchmarks/run.py -n 1000 10000        # both sizes
    .venv/bin/python benchmarks/run.py -n 1000 --profile    # and where the clean build spends its time

The builds run Pelican exactly as `invoke build` does (same settings, `--fatal warnings`), but on the
generated content folder and with their own cache folder, so the project's cache is never touched.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(HERE))

EPOCH = "1795000000"  # 2026-11-18: the same build date as the tests, so the content is the same every run
PY = sys.executable
KIND_FOLDERS = ("organisations", "projects", "events", "services", "tenders", "news", "pages")

try:
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _Loader = yaml.SafeLoader


@dataclass
class Timing:
    wall: float
    cpu: float
    note: str = ""


@dataclass
class Result:
    n: int
    files: int
    timings: dict[str, Timing] = field(default_factory=dict)
    pages: dict[str, int] = field(default_factory=dict)


def env() -> dict[str, str]:
    return dict(os.environ, SOURCE_DATE_EPOCH=EPOCH)


def timed(cmd: list[str], log: Path) -> Timing:
    """Run `cmd`; wall-clock and CPU (user + system of the child) seconds. Fails loudly on a non-zero exit."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    with log.open("w", encoding="utf-8") as out:
        result = subprocess.run(cmd, cwd=ROOT, env=env(), stdout=out, stderr=subprocess.STDOUT, check=False)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} exited {result.returncode}; see {log}\n{log.read_text()[-3000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Timing(wall, cpu, _summary(log.read_text(encoding="utf-8")))


def _summary(text: str) -> str:
    match = re.search(r"^labo: .*$", text, re.M)
    return match.group(0) if match else ""


def site_plugins() -> list[str]:
    """PLUGINS of pelicanconf.py, with "offline" added: its sw.js hashes the whole output, a cost to count."""
    from pelican.settings import read_settings

    plugins = list(read_settings(str(ROOT / "pelicanconf.py"))["PLUGINS"])
    return plugins if "offline" in plugins else [*plugins, "offline"]


EXPERIMENT = ""  # names from benchmarks/experiments.py, applied to every site build of the run


def site_build(content: Path, output: Path, cache: Path) -> list[str]:
    """The command `invoke build` runs, on `content`, with its own cache folder (and the experiments, if any)."""
    args = [str(content), "-s", str(ROOT / "pelicanconf.py"), "-o", str(output), "--fatal", "warnings",
            "-e", f"CACHE_PATH={json.dumps(str(cache))}", f"PLUGINS={json.dumps(site_plugins())}"]
    if EXPERIMENT:
        return [PY, str(HERE / "experiments.py"), EXPERIMENT, "--", *args]
    return [PY, "-m", "pelican", *args]


def write_plain(content: Path, target: Path) -> int:
    """The same entries as plain Pelican Markdown articles (pages stay pages): title, date, category, slug,
    language, summary and the same body. Returns the number of files written."""
    if target.exists():
        shutil.rmtree(target)
    count = 0
    for folder in KIND_FOLDERS:
        for source in sorted((content / folder).glob("*.md")):
            text = source.read_text(encoding="utf-8")
            _, header, body = text.split("---\n", 2)
            data = yaml.load(header, Loader=_Loader) or {}
            stem = source.name.removesuffix(".md")
            slug, _, lang = stem.partition(".")
            meta = {"Title": data.get("title") or data.get("name") or slug,
                    "Date": str(data.get("date") or "2026-11-18"), "Category": folder, "Slug": slug,
                    "Lang": lang or "fr"}
            if data.get("summary"):
                meta["Summary"] = " ".join(str(data["summary"]).split())
            out = target / folder / source.name
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text("".join(f"{k}: {v}\n" for k, v in meta.items()) + "\n" + body, encoding="utf-8")
            count += 1
    return count


PLAIN_CONF = """# Plain Pelican: no plugins, the simple theme, default settings (French first, like the entries).
PATH = {path!r}
THEME = "simple"
SITENAME = "Plain Pelican"
DEFAULT_LANG = "fr"
TIMEZONE = "Africa/Ouagadougou"
"""


def bench(n: int, work: Path) -> Result:
    from generate import generate

    work.mkdir(parents=True, exist_ok=True)
    content = work / "content"
    os.environ["SOURCE_DATE_EPOCH"] = EPOCH
    counts = generate(content, n)
    files = sum(counts.values())
    result = Result(n, files)
    logs = work / "logs"
    logs.mkdir(exist_ok=True)
    cache = work / "cache"

    result.timings["validate"] = timed([PY, str(Path(__file__)), "validate-only", str(content)], logs / "validate.log")
    shutil.rmtree(cache, ignore_errors=True)
    result.timings["clean build"] = timed(site_build(content, _fresh(work / "out-clean"), cache), logs / "clean.log")
    result.pages["site"] = _html_count(work / "out-clean")
    result.timings["rebuild, nothing changed"] = timed(site_build(content, _fresh(work / "out-same"), cache),
                                                       logs / "same.log")
    edited = sorted((content / "organisations").glob("*.md"))[0]
    with edited.open("a", encoding="utf-8") as f:
        f.write("\nMise à jour : le siège a déménagé dans un nouveau quartier de la ville.\n")
    result.timings["rebuild after one edit"] = timed(site_build(content, _fresh(work / "out-edit"), cache),
                                                     logs / "edit.log")

    plain = work / "plain"
    write_plain(content, plain)
    conf = work / "plainconf.py"
    conf.write_text(PLAIN_CONF.format(path=str(plain)), encoding="utf-8")
    result.timings["plain Pelican"] = timed([PY, "-m", "pelican", str(plain), "-s", str(conf), "-o",
                                             str(_fresh(work / "out-plain")), "-q"], logs / "plain.log")
    result.pages["plain"] = _html_count(work / "out-plain")
    return result


def _fresh(path: Path) -> Path:
    shutil.rmtree(path, ignore_errors=True)
    return path


def _html_count(output: Path) -> int:
    return sum(1 for _ in output.rglob("*.html"))


def print_table(result: Result) -> None:
    plain = result.timings["plain Pelican"]
    clean = result.timings["clean build"]
    print(f"\n## {result.n:,} organisations — {result.files:,} Markdown files; HTML pages written: site "
          f"{result.pages['site']:,}, plain Pelican {result.pages['plain']:,}")
    print(f"| {'step':<28} | {'wall s':>8} | {'CPU s':>8} | {'÷ plain (CPU)':>13} | {'÷ clean (CPU)':>13} |")
    print(f"|{'-' * 30}|{'-' * 10}|{'-' * 10}|{'-' * 15}|{'-' * 15}|")
    for name, t in result.timings.items():
        print(f"| {name:<28} | {t.wall:8.2f} | {t.cpu:8.2f} | {t.cpu / plain.cpu:13.2f} | {t.cpu / clean.cpu:13.2f} |")
    per_page = [(name, result.timings[name].cpu / max(pages, 1) * 1000)
                for name, pages in (("clean build", result.pages["site"]), ("plain Pelican", result.pages["plain"]))]
    print("CPU ms per HTML page: " + ", ".join(f"{name} {ms:.2f}" for name, ms in per_page))
    for name in ("clean build", "rebuild after one edit"):
        if result.timings[name].note:
            print(f"{name}: {result.timings[name].note}")
    _search_figures(Path(os.environ.get("LABO_BENCH_LAST_OUTPUT", "")))


def _search_figures(output: Path) -> None:
    """The search index of this build: sizes raw and gzip, bytes a typical query loads (plugins/search)."""
    try:
        from search.measure import site_figures
    except ImportError:  # the search plugin is not there (yet)
        return
    if output.is_dir():
        for name, value in site_figures(output).items():
            print(f"search — {name}: {value}")


def profile(n: int, work: Path, top: int = 30) -> Path:
    """cProfile of a clean build of the N network (generated by `bench`); the report is saved and printed."""
    import pstats

    content, cache = work / "content", work / "cache-profile"
    shutil.rmtree(cache, ignore_errors=True)
    stats_file = work / "clean-build.prof"
    cmd = site_build(content, _fresh(work / "out-profile"), cache)
    # One process: forked rendering workers would escape the profile.
    cmd = [PY, "-m", "cProfile", "-o", str(stats_file), *cmd[1:], "LABO_RENDER_PROCESSES=1"]
    timed(cmd, work / "logs" / "profile.log")
    report = work / "profile.txt"
    with report.open("w", encoding="utf-8") as out:
        stats = pstats.Stats(str(stats_file), stream=out)
        stats.strip_dirs()
        out.write(f"# clean build, {n:,} organisations: top {top} by cumulative time\n")
        stats.sort_stats("cumulative").print_stats(top)
        out.write(f"# top {top} by own time\n")
        stats.sort_stats("tottime").print_stats(top)
    print(report.read_text(encoding="utf-8"))
    return report


def validate_only(content: Path) -> None:
    """`invoke validate`, run by its own task code, on another content folder."""
    sys.path.insert(0, str(ROOT))
    import tasks as root_tasks
    from invoke import Context
    from pelican.settings import read_settings

    root_tasks._settings = lambda publish=False: read_settings(str(ROOT / "pelicanconf.py"),
                                                               override={"PATH": str(content)})
    root_tasks.validate(Context())


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["validate-only"]:
        validate_only(Path(argv[1]))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--organisations", type=int, nargs="+", default=[1000])
    parser.add_argument("--work", type=Path, default=Path("/tmp/labo-bench"), help="scratch folder")
    parser.add_argument("--profile", action="store_true", help="also profile a clean build of each N")
    parser.add_argument("--profile-only", action="store_true", help="profile the network already generated")
    parser.add_argument("--experiment", default="", help="comma-separated names from benchmarks/experiments.py")
    args = parser.parse_args(argv)
    global EXPERIMENT
    EXPERIMENT = args.experiment
    print(f"plugins: {', '.join(site_plugins())}; experiments: {EXPERIMENT or 'none'}; "
          f"load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    for n in args.organisations:
        work = args.work / str(n)
        if args.profile_only:
            profile(n, work)
            continue
        result = bench(n, work)
        os.environ["LABO_BENCH_LAST_OUTPUT"] = str(work / "out-clean")
        print_table(result)
        if args.profile:
            profile(n, work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
