"""Print a validation report: one line per problem, sorted, then a count; GitHub annotations on CI."""

from __future__ import annotations

import os
from typing import TextIO

from .validate import Located, Report


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(problem: Located) -> str:
    """A GitHub Actions workflow command that marks the line in the pull request."""
    title = _escape_property(problem.field or "content")
    return (f"::error file={_escape_property(problem.path)},line={problem.line},title={title}::"
            f"{_escape_data(problem.message)}")


def summary(report: Report) -> str:
    counts = ", ".join(f"{n} {kind}{'s' if n != 1 else ''}" for kind, n in sorted(report.counts().items()))
    return f"{report.files} files checked in {report.seconds:.2f} s ({counts or 'no entries'})"


def print_report(report: Report, stream: TextIO) -> None:
    for problem in report.problems:
        print(problem, file=stream)
    if os.environ.get("GITHUB_ACTIONS") == "true":
        for problem in report.problems:
            print(annotation(problem), file=stream)
    n = len(report.problems)
    if n:
        print(f"{n} error{'s' if n != 1 else ''} in the content; nothing was built. "
              f"Fix the lines above and run the build again.", file=stream)
    print(summary(report), file=stream)
