"""Split a list into pages (`x.html`, `x-p2.html`…) so that no list page grows with the network."""

from __future__ import annotations

#: Page numbers shown on each side of the current one; the first and the last are always shown.
AROUND = 2


def paginate(path: str, items: list, size: int) -> list[tuple[str, list, dict | None]]:
    """(page path, items of that page, pagination) for each page; pagination is None when one page holds all.

    A page links to the first and the last page, to the AROUND pages on each side of its own, and to the previous
    and the next: at most 2 × AROUND + 5 numbers, whatever the length of the list (a directory of 10,000
    organisations has 400 pages; listing them all on each page would weigh 20 KB on a phone and hold 400² links
    in the build's memory). A gap in the numbers is an item {"gap": True}."""
    size = max(1, int(size))
    chunks = [items[i:i + size] for i in range(0, len(items), size)] or [[]]
    paths = [path] + [path.replace(".html", f"-p{n}.html") for n in range(2, len(chunks) + 1)]
    pages = []
    for number, (chunk, page_path) in enumerate(zip(chunks, paths, strict=True), start=1):
        pagination = None
        if len(chunks) > 1:
            pagination = {"number": number, "count": len(chunks), "pages": window(paths, number),
                          "previous": paths[number - 2] if number > 1 else "",
                          "next": paths[number] if number < len(chunks) else ""}
        pages.append((page_path, chunk, pagination))
    return pages


def window(paths: list[str], number: int) -> list[dict]:
    """The numbers page `number` links to (see `paginate`), in order, with a gap item where numbers are left out.
    A gap would hide a single number: that number is shown instead."""
    count = len(paths)
    shown = {1, count, *range(max(1, number - AROUND), min(count, number + AROUND) + 1)}
    out: list[dict] = []
    last = 0
    for n in sorted(shown):
        if n - last == 2:
            out.append({"number": n - 1, "path": paths[n - 2]})
        elif n - last > 2:
            out.append({"gap": True})
        out.append({"number": n, "path": paths[n - 1]})
        last = n
    return out
