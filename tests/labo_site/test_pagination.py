"""A list's pages link to a window of page numbers, so that no page grows with the length of the list."""

from __future__ import annotations

import pytest

from labo_site.pagination import AROUND, paginate


def shown(pagination: dict) -> list[str]:
    return ["…" if p.get("gap") else str(p["number"]) for p in pagination["pages"]]


def test_a_short_list_links_every_page() -> None:
    pages = paginate("organisations/index.html", list(range(5)), 1)
    assert [path for path, _, _ in pages] == ["organisations/index.html"] + [
        f"organisations/index-p{n}.html" for n in range(2, 6)]
    assert all(shown(p) == ["1", "2", "3", "4", "5"] for _, _, p in pages)


@pytest.mark.parametrize(("number", "expected"), [
    (1, "1 2 3 … 40"),
    (4, "1 2 3 4 5 6 … 40"),  # a gap hiding only 2 shows 2 instead
    (5, "1 2 3 4 5 6 7 … 40"),
    (20, "1 … 18 19 20 21 22 … 40"),
    (37, "1 … 35 36 37 38 39 40"),
    (40, "1 … 38 39 40"),
])
def test_a_long_list_links_the_ends_and_the_neighbours(number: int, expected: str) -> None:
    path, _, pagination = paginate("x.html", list(range(400)), 10)[number - 1]
    assert " ".join(shown(pagination)) == expected
    current = [p for p in pagination["pages"] if p.get("number") == number]
    assert current == [{"number": number, "path": path}]


def test_every_page_is_reached_and_no_page_links_more_than_a_window() -> None:
    pages = paginate("x.html", list(range(10_000)), 24)
    paths = [path for path, _, _ in pages]
    for path, _items, pagination in pages:
        numbers = [p for p in pagination["pages"] if not p.get("gap")]
        assert len(numbers) <= 2 * AROUND + 5
        assert all(paths[p["number"] - 1] == p["path"] for p in numbers)
        assert pagination["next"] == (paths[paths.index(path) + 1] if path != paths[-1] else "")
    reached, at = [], pages[0]
    while True:  # following "next" from the first page reads every item once, in order
        reached += at[1]
        if not at[2]["next"]:
            break
        at = pages[paths.index(at[2]["next"])]
    assert reached == list(range(10_000))
