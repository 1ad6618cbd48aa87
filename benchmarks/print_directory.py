"""Print the printable directory of a built site to A4 PDF with Chromium, as a reader's "Save as PDF" would, and
report for each language: pages, PDF size, HTML weight, and entries cut across a page or a column.

    .venv/bin/python benchmarks/print_directory.py --site output              # an already built site
    .venv/bin/python benchmarks/print_directory.py -n 1000                    # generate, build, then print
    .venv/bin/python benchmarks/print_directory.py -n 1000 --keep /tmp/print  # and keep the site and the PDFs

Needs Debian's chromium (tests/support/browser.py launches it through Playwright).
"""

from __future__ import annotations

import argparse
import gzip
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(HERE))

from tests.support import browser as chromium  # noqa: E402
from tests.support.printing import cut_entries, is_a4, pdf_pages, printed_entries  # noqa: E402

from directory.printable import PRINT_PATH  # noqa: E402 - needs the paths above


def build(organisations: int, folder: Path) -> Path:
    """Generate a network of `organisations` into `folder` and build it as `invoke build` does."""
    import generate
    from run import EPOCH, env, site_build

    content, output = folder / "content", folder / "output"
    os.environ["SOURCE_DATE_EPOCH"] = EPOCH  # the generator dates entries from the build date
    generate.generate(content, organisations)
    result = subprocess.run(site_build(content, output, folder / "cache"), cwd=ROOT, capture_output=True, text=True,
                            env=env(), check=False)
    if result.returncode != 0:
        sys.exit(result.stderr)
    return output


def languages(site: Path) -> list[str]:
    """'' for the default language at the root, then 'en/', 'pt/'… for every language that has the page."""
    return ["" if page.parent.parent == site else f"{page.parent.parent.name}/"
            for page in sorted(site.glob(f"**/{PRINT_PATH}"), key=lambda p: len(p.parts))]


def measure(site: Path, pdf_folder: Path | None) -> list[dict]:
    from playwright.sync_api import sync_playwright

    rows = []
    with sync_playwright() as playwright, chromium.serve(site) as base:
        browser = chromium.launch(playwright)
        try:
            page = browser.new_page()
            for prefix in languages(site):
                rel = prefix + PRINT_PATH
                html = (site / rel).read_bytes()
                page.goto(base + rel, wait_until="load")
                started = time.perf_counter()
                pdf = page.pdf(format="A4")
                seconds = time.perf_counter() - started
                pages = pdf_pages(pdf)
                entries = printed_entries(html.decode("utf-8"), base + rel)
                if pdf_folder is not None:
                    (pdf_folder / f"annuaire-{prefix.rstrip('/') or 'default'}.pdf").write_bytes(pdf)
                rows.append({"page": rel, "organisations": len(entries), "pages": len(pages),
                             "a4": all(is_a4(p) for p in pages), "cut": cut_entries(pages, entries),
                             "pdf_kb": len(pdf) / 1024, "html_kb": len(html) / 1024,
                             "html_gz_kb": len(gzip.compress(html, 9, mtime=0)) / 1024, "seconds": seconds})
        finally:
            browser.close()
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--site", type=Path, help="an already built site (output/)")
    where.add_argument("-n", "--organisations", type=int, help="generate and build a network of this size first")
    parser.add_argument("--keep", type=Path, help="keep the generated site and write the PDFs in this folder")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="print-directory-") as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        site = args.site.resolve() if args.site else build(args.organisations, folder)
        rows = measure(site, args.keep)
    print(f"{'page':44} {'orgs':>5} {'pages':>5} {'A4':>3} {'cut':>4} {'PDF KB':>7} {'HTML KB':>8} {'gz KB':>6} "
          f"{'s':>5}")
    for r in rows:
        print(f"{r['page']:44} {r['organisations']:5} {r['pages']:5} {'yes' if r['a4'] else 'NO':>3} "
              f"{len(r['cut']):4} {r['pdf_kb']:7.0f} {r['html_kb']:8.1f} {r['html_gz_kb']:6.1f} {r['seconds']:5.1f}")
        for problem in r["cut"][:10]:
            print(f"    {problem}")
    return 1 if any(r["cut"] or not r["a4"] for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
