"""The site's icons: drawn at build time from one source, the same bytes every build, and linked by the partial
base.html includes."""

from __future__ import annotations

import io
import re
from pathlib import Path

from PIL import Image

from offline import favicon


def test_the_built_site_has_the_icons_at_its_root(offline_site: Path) -> None:
    with Image.open(offline_site / "favicon.ico") as ico:
        assert ico.format == "ICO"
        assert ico.info["sizes"] == {(16, 16), (32, 32), (48, 48)}
    for name, size in (("favicon-32.png", 32), ("favicon-192.png", 192)):
        with Image.open(offline_site / name) as png:
            assert (png.format, png.size, png.mode) == ("PNG", (size, size), "RGBA")
    assert (offline_site / "favicon-192.png").stat().st_size < 20_000


def test_every_size_is_drawn_from_the_one_source_and_is_reproducible() -> None:
    assert favicon.ico() == favicon.ico()
    assert favicon.png(32) == favicon.png(32)
    small = Image.open(io.BytesIO(favicon.png(32)))
    edge = small.getpixel((16, 1))
    assert all(abs(a - b) <= 3 for a, b in zip(edge, favicon.BACKGROUND, strict=True)), "the brand colour at the edge"
    assert small.getpixel((0, 0))[3] < 16, "rounded corners are transparent"
    png = Image.open(io.BytesIO(favicon.png(192)))
    assert not png.info, "no metadata (text, time) in the PNG"


def test_the_partial_links_every_icon_from_the_page(offline_site: Path) -> None:
    """partials/head_icons.html, rendered as base.html would include it on an English page two folders down."""
    import jinja2

    root = Path(__file__).resolve().parents[2]
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(root / "themes/labo/templates"), autoescape=True,
                             trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined)
    html = env.get_template("partials/head_icons.html").render(SITEURL="../..", SITE_ICONS=favicon.LINKS)
    assert html.splitlines() == [
        '<link rel="icon" href="../../favicon.ico" sizes="16x16 32x32 48x48" type="image/x-icon">',
        '<link rel="icon" href="../../favicon-32.png" sizes="32x32" type="image/png">',
        '<link rel="icon" href="../../favicon-192.png" sizes="192x192" type="image/png">',
        '<link rel="apple-touch-icon" href="../../favicon-192.png" sizes="192x192" type="image/png">']
    for href in re.findall(r'href="\.\./\.\./([^"]+)"', html):
        assert (offline_site / href).is_file(), href
    assert env.get_template("partials/head_icons.html").render(SITEURL=".").strip() == "", \
        "nothing without the offline plugin"


def test_the_worker_precaches_the_icons_a_shell_page_names(tmp_path: Path) -> None:
    from offline.worker import shell_files

    (tmp_path / "index.html").write_text('<link rel="icon" href="./favicon-32.png" sizes="32x32">', encoding="utf-8")
    (tmp_path / "favicon-32.png").write_bytes(favicon.png(32))
    assert shell_files(tmp_path, [""]) == ["favicon-32.png", "index.html"]
