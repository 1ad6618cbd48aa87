"""Time the site against plain Pelican on the same synthetic network, for 1,000 or 10,000 organisations.

In one run, for each N, each step `--repeat` times (the median is reported, with the peak resident memory of
the step's process tree): `invoke validate` on an empty cache; a clean build (empty cache); `invoke validate`
on the build's cache; a rebuild with nothing changed; a rebuild after editing one organisation's description;
and the reference, plain Pelican 4.12 (no plugins, its `simple` theme, default settings) on the same Markdown
files written as plain articles with the same bodies (translations as Pelican translations). `--verify` then
checks that a rebuild after each kind of edit (description, name, country, a deleted entry) writes exactly the
bytes of a clean build.

    .venv/bin/python benchmarks/run.py                                  # N = 1,000, once
    .venv/bin/python benchmarks/run.py -n 1000 10000 --repeat 3 --verify
    .venv/bin/python benchmarks/run.py -n 1000 --mix issue13            # the pipeline issue's network
    .venv/bin/python benchmarks/run.py -n 1000 --profile                # and where the clean build spends its time

The builds run Pelican exactly as `invoke build` does (same settings, `--fatal warnings`), but on the
generated content folder and with their own cache folder, so the project's cache is never touched.
"""

from __future__ import annotations

import argparse
import json
import os
import re
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
#: The generated network is written in French with English translations, and plain Pelican builds those two: the
#: site is measured in the same two languages (pelicanconf.py may build more).
BENCH_LANGUAGES = ["fr", "en"]
KIND_FOLDERS = ("organisations", "projects", "events", "services", "tenders", "news", "pages")

try:
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _Loader = yaml.SafeLoader


@dataclass
class Timing:
    wall: float
    cpu: float
    rss_mb: float = 0.0
    note: str = ""


@dataclass
class Result:
    n: int
    files: int
    timings: dict[str, Timing] = field(default_factory=dict)
    pages: dict[str, int] = field(default_factory=dict)
    verified: dict[str, str] = field(default_factory=dict)


def env() -> dict[str, str]:
    return dict(os.environ, SOURCE_DATE_EPOCH=EPOCH, LABO_LANG="en")


def timed(cmd: list[str], log: Path) -> Timing:
    """Run `cmd`; wall-clock and CPU (user + system) seconds and peak resident memory (MB) of its process tree,
    from wait4: the largest of the process and of the children it waited for (the forked renderers)."""
    started = time.perf_counter()
    with log.open("w", encoding="utf-8") as out:
        process = subprocess.Popen(cmd, cwd=ROOT, env=env(), stdout=out, stderr=subprocess.STDOUT)
        _pid, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - started
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} exited {process.returncode}; see {log}\n{log.read_text()[-3000:]}")
    cpu = usage.ru_utime + usage.ru_stime
    return Timing(wall, cpu, usage.ru_maxrss / 1024, _summary(log.read_text(encoding="utf-8")))


def median(runs: list[Timing]) -> Timing:
    """The run of median wall time, with the largest memory of all runs."""
    chosen = sorted(runs, key=lambda t: t.wall)[len(runs) // 2]
    return Timing(chosen.wall, chosen.cpu, max(t.rss_mb for t in runs), chosen.note)


def _summary(text: str) -> str:
    match = re.search(r"^labo: .*$", text, re.M)  # the one-line summary of the site's build
    return match.group(0) if match else ""


def site_plugins() -> list[str]:
    """PLUGINS of pelicanconf.py, with "offline" added: its sw.js hashes the whole output, a cost to count."""
    from pelican.settings import read_settings

    plugins = list(read_settings(str(ROOT / "pelicanconf.py"))["PLUGINS"])
    return plugins if "offline" in plugins else [*plugins, "offline"]


def site_build(content: Path, output: Path, cache: Path) -> list[str]:
    """The command `invoke build` runs, on `content`, with its own cache folder."""
    return [PY, "-m", "pelican", str(content), "-s", str(ROOT / "pelicanconf.py"), "-o", str(output), "--fatal",
            "warnings", "-e", f"CACHE_PATH={json.dumps(str(cache))}", f"PLUGINS={json.dumps(site_plugins())}",
            f"LANGUAGES={json.dumps(BENCH_LANGUAGES)}"]


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


EDITS = ("description", "name", "country", "deleted entry")


def edit(content: Path, kind: str, round_: int = 0) -> None:
    """Change one organisation as a contributor would (a new sentence each round, so it is never cached)."""
    path = sorted((content / "organisations").glob("*.md"))[0]
    text = path.read_text(encoding="utf-8")
    if kind == "description":
        text += f"\nMise à jour {round_} : le siège a déménagé dans un nouveau quartier de la ville.\n"
    elif kind == "name":
        text = re.sub(r"^name: .*$", f"name: \"Coopérative renommée {round_}\"", text, count=1, flags=re.M)
    elif kind == "country":
        text = re.sub(r"^country: .*$", "country: NE", text, count=1, flags=re.M)
        text = re.sub(r"^coordinates:\n(  .*\n)+", "", text, flags=re.M)
    elif kind == "deleted entry":  # a project (nothing refers to it), with its translations
        stem = [p.stem for p in sorted((content / "projects").glob("*.md")) if "." not in p.stem][-1]
        for path in [content / "projects" / f"{stem}.md", *(content / "projects").glob(f"{stem}.*.md")]:
            path.unlink()
        return
    path.write_text(text, encoding="utf-8")


def bench(n: int, work: Path, *, repeat: int = 1, mix: str = "default", verify: bool = False) -> Result:
    from generate import generate

    work.mkdir(parents=True, exist_ok=True)
    content = work / "content"
    os.environ["SOURCE_DATE_EPOCH"] = EPOCH
    counts = generate(content, n, mix=mix)
    files = sum(counts.values())
    result = Result(n, files)
    logs = work / "logs"
    logs.mkdir(exist_ok=True)
    cache = work / "cache"

    def steps(name: str, make_cmd, before=None) -> None:
        runs = []
        for i in range(repeat):
            if before:
                before(i)
            runs.append(timed(make_cmd(i), logs / f"{name.replace(' ', '-').replace(',', '')}-{i}.log"))
        result.timings[name] = median(runs)

    # On an empty cache of its own, as on a fresh CI machine (the worst case; the project's cache is untouched),
    # then on the cache of the clean build, as after a build on the same machine.
    steps("validate, empty cache", lambda i: [PY, str(Path(__file__)), "validate-only", str(content),
                                              str(_fresh(work / "cache-validate"))])
    steps("clean build", lambda i: site_build(content, _fresh(work / "out-clean"), _fresh(cache)))
    result.pages["site"] = _html_count(work / "out-clean")
    steps("validate, cache of the build", lambda i: [PY, str(Path(__file__)), "validate-only", str(content),
                                                     str(cache)])
    steps("rebuild, nothing changed", lambda i: site_build(content, _fresh(work / "out-same"), cache))
    steps("rebuild after one edit", lambda i: site_build(content, _fresh(work / "out-edit"), cache),
          before=lambda i: edit(content, "description", i))

    plain = work / "plain"
    write_plain(content, plain)
    conf = work / "plainconf.py"
    conf.write_text(PLAIN_CONF.format(path=str(plain)), encoding="utf-8")
    steps("plain Pelican", lambda i: [PY, "-m", "pelican", str(plain), "-s", str(conf), "-o",
                                      str(_fresh(work / "out-plain")), "-q"])
    result.pages["plain"] = _html_count(work / "out-plain")
    if verify:
        for kind in EDITS:
            result.verified[kind] = verify_edit(work, content, kind, logs)
    return result


def verify_edit(work: Path, content: Path, kind: str, logs: Path) -> str:
    """A rebuild (warm cache) after `kind` of edit writes the bytes of a clean build (empty cache)."""
    copy = _fresh(work / "verify" / "content")
    shutil.copytree(content, copy)
    cache = _fresh(work / "verify" / "cache")
    timed(site_build(copy, _fresh(work / "verify" / "before"), cache), logs / "verify-before.log")
    edit(copy, kind, 99)
    rebuilt = timed(site_build(copy, _fresh(work / "verify" / "rebuilt"), cache), logs / "verify-rebuilt.log")
    timed(site_build(copy, _fresh(work / "verify" / "clean"), _fresh(work / "verify" / "cache-clean")),
          logs / "verify-clean.log")
    a, b = _tree(work / "verify" / "rebuilt"), _tree(work / "verify" / "clean")
    differing = sorted(set(a) ^ set(b) | {name for name in a.keys() & b.keys() if a[name] != b[name]})
    reused = re.search(r"\((\d+) reused", rebuilt.note)
    state = "identical" if not differing else f"DIFFERENT: {', '.join(differing[:5])}"
    return f"{state} ({reused[1] if reused else '?'} pages reused, {rebuilt.wall:.1f} s)"


def _tree(root: Path) -> dict[str, str]:
    import hashlib

    return {p.relative_to(root).as_posix(): hashlib.sha1(p.read_bytes()).hexdigest()
            for p in root.rglob("*") if p.is_file()}


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
    print(f"| {'step':<28} | {'wall s':>7} | {'CPU s':>7} | {'peak MB':>7} | {'÷ plain (wall)':>14} | "
          f"{'÷ clean (wall)':>14} | {'memory ÷ plain':>14} |")
    print(f"|{'-' * 30}|{'-' * 9}|{'-' * 9}|{'-' * 9}|{'-' * 16}|{'-' * 16}|{'-' * 16}|")
    for name, t in result.timings.items():
        print(f"| {name:<28} | {t.wall:7.2f} | {t.cpu:7.2f} | {t.rss_mb:7.0f} | {t.wall / plain.wall:14.2f} | "
              f"{t.wall / clean.wall:14.2f} | {t.rss_mb / plain.rss_mb:14.2f} |")
    per_page = [(name, result.timings[name].cpu / max(pages, 1) * 1000)
                for name, pages in (("clean build", result.pages["site"]), ("plain Pelican", result.pages["plain"]))]
    print("CPU ms per HTML page: " + ", ".join(f"{name} {ms:.2f}" for name, ms in per_page))
    for name in ("clean build", "rebuild after one edit"):
        if result.timings[name].note:
            print(f"{name}: {result.timings[name].note}")
    for kind, state in result.verified.items():
        print(f"rebuild after editing the {kind} vs a clean build: {state}")
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


def validate_only(content: Path, cache: Path) -> None:
    """`invoke validate`, run by its own task code, on another content folder with another cache folder."""
    sys.path.insert(0, str(ROOT))
    import tasks as root_tasks
    from invoke import Context
    from pelican.settings import read_settings

    root_tasks._settings = lambda publish=False: read_settings(str(ROOT / "pelicanconf.py"),
                                                               override={"PATH": str(content),
                                                                         "CACHE_PATH": str(cache),
                                                                         "LANGUAGES": BENCH_LANGUAGES})
    root_tasks.validate(Context())


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["validate-only"]:
        validate_only(Path(argv[1]), Path(argv[2]))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--organisations", type=int, nargs="+", default=[1000])
    parser.add_argument("--work", type=Path, default=Path("/tmp/labo-bench"), help="scratch folder")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each step (the median is reported)")
    parser.add_argument("--mix", default="default", help="entries per organisation: a key of generate.MIXES")
    parser.add_argument("--verify", action="store_true", help="check rebuilds after each kind of edit")
    parser.add_argument("--profile", action="store_true", help="also profile a clean build of each N")
    parser.add_argument("--profile-only", action="store_true", help="profile the network already generated")
    args = parser.parse_args(argv)
    print(f"plugins: {', '.join(site_plugins())}; mix: {args.mix}; repeat: {args.repeat}; "
          f"load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    for n in args.organisations:
        work = args.work / f"{n}-{args.mix}"
        if args.profile_only:
            profile(n, work)
            continue
        result = bench(n, work, repeat=args.repeat, mix=args.mix, verify=args.verify)
        os.environ["LABO_BENCH_LAST_OUTPUT"] = str(work / "out-clean")
        print_table(result)
        if args.profile:
            profile(n, work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
