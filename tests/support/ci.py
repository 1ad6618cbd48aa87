"""A missing tool skips a gate on a developer's machine but fails it in CI, where it must exist."""

from __future__ import annotations

import os
from typing import NoReturn

import pytest


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


def skip_or_fail(reason: str) -> NoReturn:
    """Skip locally; fail when CI=true so a missing install step cannot pass unnoticed."""
    if in_ci():
        pytest.fail(f"CI=true but {reason}")
    pytest.skip(reason)
