"""The cache's small records: found again by the next build, pruned when no build used them for KEEP_DAYS, and a
build that only reads fresh records writes nothing to the database."""

from __future__ import annotations

import sqlite3

from content_model.cache import KEEP_DAYS, REFRESH_SECONDS, Cache

DAY = 86400


def _builds(root) -> dict[bytes, int]:
    with sqlite3.connect(root / "records.sqlite") as db:
        return dict(db.execute("SELECT value, build FROM records"))


def _age(root, value: bytes, seconds: int) -> None:
    """Pretend the record holding `value` was last used `seconds` ago."""
    with sqlite3.connect(root / "records.sqlite") as db:
        db.execute("UPDATE records SET build = build - ? WHERE value = ?", (seconds, value))


def test_a_record_is_found_by_the_next_build(tmp_path) -> None:
    first = Cache(tmp_path)
    first.put_record("frontmatter", b"key", b"parsed")
    assert first.get_record("frontmatter", b"key") == b"parsed"  # before it is saved, from memory
    first.save_records()
    first.close()
    assert Cache(tmp_path).get_record("frontmatter", b"key") == b"parsed"
    assert Cache(tmp_path).get_record("frontmatter", b"other key") is None
    assert Cache(tmp_path).get_record("pages", b"key") is None  # another area, another name


def test_reading_fresh_records_writes_nothing(tmp_path) -> None:
    first = Cache(tmp_path)
    for i in range(50):
        first.put_record("frontmatter", b"key %d" % i, b"value %d" % i)
    first.save_records()
    first.close()
    before = _builds(tmp_path)

    again = Cache(tmp_path)
    assert [again.get_record("frontmatter", b"key %d" % i) for i in range(50)] == [b"value %d" % i for i in range(50)]
    again.save_records()
    assert again._db.total_changes == 0
    assert _builds(tmp_path) == before


def test_a_record_a_build_reads_is_kept_and_one_unused_for_keep_days_is_removed(tmp_path) -> None:
    first = Cache(tmp_path)
    for name in (b"used", b"unused", b"recent"):
        first.put_record("frontmatter", name, name)
    first.save_records()
    first.close()
    _age(tmp_path, b"used", KEEP_DAYS * DAY)
    _age(tmp_path, b"unused", KEEP_DAYS * DAY)

    later = Cache(tmp_path)
    later.build += REFRESH_SECONDS // 2  # half a day after "recent" was last used
    assert later.get_record("frontmatter", b"used") == b"used"
    assert later.get_record("frontmatter", b"recent") == b"recent"
    later.prune_records()
    later.close()
    builds = _builds(tmp_path)
    assert set(builds) == {b"used", b"recent"}  # "unused": more than KEEP_DAYS without a build that read it
    assert builds[b"used"] == later.build  # marked by the build that read it
    assert later.build - REFRESH_SECONDS < builds[b"recent"] < later.build  # used less than a day ago: not rewritten
