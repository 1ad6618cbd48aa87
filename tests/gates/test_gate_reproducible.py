"""Gate: the same content and SOURCE_DATE_EPOCH give a byte-identical output tree."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.support.build import GATE_EPOCH, build_site
from tests.support.reproducible import diff_trees

# Vary what a careless build would leak into the output: hash order, time zone, locale.
FIRST_BUILD_ENV = {"PYTHONHASHSEED": "1", "TZ": "UTC", "LC_ALL": "C.UTF-8"}
SECOND_BUILD_ENV = {"PYTHONHASHSEED": "4242", "TZ": "Pacific/Kiritimati", "LC_ALL": "C.UTF-8"}


@pytest.mark.slow
def test_two_clean_builds_are_byte_identical(tmp_path: Path, figures: dict) -> None:
    # Two fresh builds back to back (not the session's): on a shared working tree, content edited
    # during the session must not pass for a reproducibility bug.
    first = build_site(tmp_path / "first", epoch=GATE_EPOCH, env=FIRST_BUILD_ENV)
    second = build_site(tmp_path / "second", epoch=GATE_EPOCH, env=SECOND_BUILD_ENV)
    differences = diff_trees(first, second)
    figures["reproducible"] = f"{sum(1 for p in second.rglob('*') if p.is_file())} files compared"
    assert not differences, f"{len(differences)} files differ between two builds:\n" + "\n".join(differences)
