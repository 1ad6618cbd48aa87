"""Everyday commands (`invoke --list`); `make <task>` runs the same after setting up .venv."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from invoke import Collection, Task, task

ROOT = Path(__file__).parent.resolve()
sys.path.insert(0, str(ROOT / "plugins"))
PY = sys.executable


def _settings(publish: bool = False) -> dict:
    from pelican.settings import read_settings

    return read_settings(str(ROOT / ("publishconf.py" if publish else "pelicanconf.py")))


def _say(text: str, **values) -> None:
    """A message of the build, in the language of `report_language()` (French unless asked otherwise)."""
    from content_model.messages import message, report_language

    print(message(text, **values).render(report_language()), file=sys.stderr, flush=True)


@task(help={"output": "folder to write (default: output)", "publish": "use publishconf.py (no examples)"})
def build(c, output="output", publish=False):
    """Validate all content, then build the site into a fresh folder and swap it in only on success."""
    from content_model.messages import N_
    from labo_site import output as live

    target = (ROOT / output).resolve() if not os.path.isabs(output) else Path(output)
    wait = N_("Another build is writing this site (process {pid}); waiting for it to finish…")
    with live.build_lock(target, wait_message=_wait_text(wait)):
        for line in live.recover_and_clean(target):
            print(f"labo: {line}", file=sys.stderr)
        partial = live.partial_folder(target)
        conf = "publishconf.py" if publish else "pelicanconf.py"
        cmd = [PY, "-m", "pelican", str(ROOT / "content"), "-s", str(ROOT / conf), "-o", str(partial),
               "--fatal", "warnings"]
        try:
            result = subprocess.run(cmd, cwd=ROOT, check=False)
        except BaseException:
            shutil.rmtree(partial, ignore_errors=True)
            raise
        if result.returncode != 0:
            shutil.rmtree(partial, ignore_errors=True)
            _say(N_("Build failed; {folder} was left as it was."), folder=os.path.relpath(target))
            sys.exit(result.returncode or 1)
        live.swap_in(partial, target)
    _say(N_("Site written to {folder}/ — open {folder}/index.html"), folder=os.path.relpath(target))


def _wait_text(msgid: str) -> str:
    from content_model.messages import message, report_language

    return message(msgid, pid="{pid}").render(report_language())


@task
def publish(c, output="output"):
    """Build the published site (absolute URLs, feeds, no example entries)."""
    build(c, output=output, publish=True)


@task(help={"publish": "check as the published site (example entries left out)",
            "lang": "language of the messages: fr (default) or en; else LABO_LANG or the locale"})
def validate(c, publish=False, lang=""):
    """Check every content file without rendering anything; list every problem, exit 1 if there is one."""
    from content_model.cache import CacheLocationError
    from content_model.messages import report_language
    from content_model.report import print_report
    from labo_site.checking import cache_of
    from labo_site.checking import validate as validate_content

    try:
        language = report_language(lang or None)
    except ValueError as error:
        sys.exit(str(error))
    settings = _settings(publish)
    try:
        cache = cache_of(settings)
    except CacheLocationError as error:
        sys.exit(str(error))
    report = validate_content(settings, cache=cache)
    print_report(report, sys.stderr, language)
    if not report.ok:
        sys.exit(1)


@task
def serve(c, port=8000):
    """Serve output/ on http://127.0.0.1:PORT (Ctrl+C to stop)."""
    c.run(f"{PY} -m http.server {int(port)} --bind 127.0.0.1 --directory {ROOT / 'output'}", pty=False)


@task
def livereload(c, port=8000):
    """Rebuild on every change and serve on http://127.0.0.1:PORT (writes straight into output/)."""
    c.run(f"{PY} -m pelican {ROOT / 'content'} -s {ROOT / 'pelicanconf.py'} -o {ROOT / 'output'} "
          f"--autoreload --listen --port {int(port)} --bind 127.0.0.1")


@task
def clean(c):
    """Remove output/, the caches and leftovers of interrupted builds."""
    from content_model.cache import default_path

    for path in [ROOT / "output", ROOT / ".cache", default_path(ROOT), *ROOT.glob(".output.*")]:
        shutil.rmtree(path, ignore_errors=True)


@task(help={"k": "pytest -k expression", "browser": "only the browser tests"})
def test(c, k="", browser=False):
    """Run the whole test suite (browser tests need /usr/bin/chromium), on every core (pytest-xdist). A module's
    tests run in one worker (--dist loadscope), so that its fixtures (a site built for it, a browser visit of its
    pages) are made once, not once per worker its tests would land on."""
    args = [PY, "-m", "pytest", "-q", "-n", "auto", "--dist", "loadscope"]
    if k:
        args += ["-k", k]
    if browser:
        args += ["-m", "browser"]
    sys.exit(subprocess.run(args, cwd=ROOT, check=False).returncode)


@task
def check(c, output="output"):
    """Run the output quality gates (links, HTML, accessibility, weight…) on an already built site, and lint the
    GitHub workflows (actionlint, zizmor --offline: zero findings)."""
    codes = []
    workflows = sorted(str(p) for p in (ROOT / ".github" / "workflows").glob("*.y*ml"))
    for name, args in (("actionlint", workflows), ("zizmor", ["--offline", str(ROOT / ".github")])):
        tool = Path(PY).parent / name  # pinned in requirements-dev.txt, installed next to this Python
        tool = str(tool) if tool.exists() else shutil.which(name)
        if tool is None:
            print(f"check: {name} is not installed (pip install -r requirements-dev.txt)", file=sys.stderr)
            codes.append(1)
            continue
        codes.append(subprocess.run([tool, *args], cwd=ROOT, check=False).returncode)
    codes.append(subprocess.run([PY, "-m", "pytest", "-q", str(ROOT / "tests" / "gates"), "--site-dir",
                                 str(ROOT / output)], cwd=ROOT, check=False).returncode)
    sys.exit(max(codes))


@task(name="i18n-extract")
def i18n_extract(c):
    """Extract every message of the theme and plugins (babel.cfg) into translations/messages.pot."""
    from babel.messages.catalog import Catalog

    from labo_site import i18n_sources

    catalog = Catalog(project="Labo ESS Afrique", creation_date=i18n_sources.FIXED_DATE, fuzzy=False)
    for message, sources in sorted(i18n_sources.extract().items(), key=lambda item: str(item[0])):
        catalog.add(message, locations=[(source, None) for source in sorted(sources)])
    pot = i18n_sources.TRANSLATIONS / "messages.pot"
    pot.write_text(i18n_sources.po_text(catalog), encoding="utf-8")
    print(f"{len(catalog)} messages written to {pot.relative_to(ROOT)}")


@task(name="i18n-update")
def i18n_update(c):
    """Bring every translated language's catalogues in line with the code (new messages empty, unused ones
    dropped); list the messages French, written by hand, still lacks."""
    from labo_site import i18n_sources

    for lang in i18n_sources.translated_languages():
        for domain, (done, total) in i18n_sources.update(lang).items():
            print(f"{lang}/{domain}.po: {done} of {total} translated")
    french = i18n_sources.reference_messages()
    for message, sources in sorted(i18n_sources.extract().items(), key=lambda item: str(item[0])):
        if i18n_sources.singular(message) not in french:
            print(f"fr: not translated yet, add it to {i18n_sources.source_domain(sources)}.po: {message!r}")


@task(name="i18n-compile")
def i18n_compile(c):
    """Check that every catalogue compiles (the build compiles them in memory; no .mo file is kept)."""
    tr = ROOT / "themes" / "labo" / "translations"
    for po in sorted(tr.glob("*/LC_MESSAGES/*.po")):
        c.run(f"{PY} -m babel.messages.frontend compile -i {po} -o {os.devnull} -l {po.parts[-3]} --statistics")


def _collection() -> Collection:
    """The tasks of this file, plus those a plugin keeps in its own `plugins/<name>/tasks.py`."""
    import importlib.util

    ns = Collection()
    for value in list(globals().values()):
        if isinstance(value, Task):
            ns.add_task(value)
    for path in sorted((ROOT / "plugins").glob("*/tasks.py")):
        spec = importlib.util.spec_from_file_location(f"{path.parent.name}_tasks", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        for value in vars(module).values():
            if isinstance(value, Task):
                ns.add_task(value)
    return ns


ns = _collection()
