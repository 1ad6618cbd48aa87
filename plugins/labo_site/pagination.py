"""Split a list into pages (`x.html`, `x-p2.html`…) so that no list page grows with the network."""

from __future__ import annotations


def paginate(path: str, items: list, size: int) -> list[tuple[str, list, dict | None]]:
    """(page path, items of that page, pagination) for each page; pagination is None when one page holds all."""
    size = max(1, int(size))
    chunks = [items[i:i + size] for i in range(0, len(items), size)] or [[]]
    paths = [path] + [path.replace(".html", f"-p{n}.html") for n in range(2, len(chunks) + 1)]
    pages = []
    for number, (chunk, page_path) in enumerate(zip(chunks, paths, strict=True), start=1):
        pagination = None
        if len(chunks) > 1:
            pagination = {"number": number, "count": len(chunks),
                          "pages": [{"number": n, "path": p} for n, p in enumerate(paths, start=1)],
                          "previous": paths[number - 2] if number > 1 else "",
                          "next": paths[number] if number < len(chunks) else ""}
        pages.append((page_path, chunk, pagination))
    return pages
