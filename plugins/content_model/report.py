"""Print a validation report: one line per problem, sorted, then a count; on GitHub, annotations on the
changed lines and one job-summary table with every problem.

Everything printed here comes from contributed files (paths, field names, values): each piece is escaped
(`chars.escape`), so a newline in a file name or a value can never start a new line, nor a new `::command::`
in a CI log.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TextIO

from . import chars
from .messages import N_, message, plural, render
from .validate import Located, Report

#: GitHub shows at most ten error annotations per step; the job summary lists every problem.
ANNOTATION_LIMIT = 10


def _escape_data(text: str) -> str:
    return chars.escape(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(problem: Located, lang: str = "en", level: str = "error") -> str:
    """A GitHub Actions workflow command that marks the line in the pull request (`level`: error or notice)."""
    title = _escape_property(problem.field or "content")
    return (f"::{level} file={_escape_property(problem.path)},line={problem.line},title={title}::"
            f"{_escape_data(render(problem.message, lang))}")


def count_line(n: int, lang: str = "en") -> str:
    return render(plural("{count} error in the content; nothing was built. Fix the lines above and run the build "
                         "again.",
                         "{count} errors in the content; nothing was built. Fix the lines above and run the build "
                         "again.", n), lang)


#: How a count of each kind reads in the summary line (plural() calls, extracted with the "plural" keyword).
KIND_COUNTS = {
    "article": lambda n: plural("{count} article", "{count} articles", n),
    "event": lambda n: plural("{count} event", "{count} events", n),
    "organisation": lambda n: plural("{count} organisation", "{count} organisations", n),
    "page": lambda n: plural("{count} page", "{count} pages", n),
    "project": lambda n: plural("{count} project", "{count} projects", n),
    "service": lambda n: plural("{count} service", "{count} services", n),
    "tender": lambda n: plural("{count} tender", "{count} tenders", n),
}


def summary(report: Report, lang: str = "en") -> str:
    counts = ", ".join(render(KIND_COUNTS[kind](n), lang) for kind, n in sorted(report.counts().items())
                       if kind in KIND_COUNTS)
    return render(plural("{count} file checked in {seconds} s ({counts})",
                         "{count} files checked in {seconds} s ({counts})", report.files,
                         seconds=f"{report.seconds:.2f}", counts=counts or "-"), lang)


def _cell(text: str) -> str:
    """A Markdown table cell: escaped, pipes and HTML made inert (GitHub renders the summary as Markdown)."""
    text = chars.escape(text).replace("\\", "\\\\").replace("|", "\\|")
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("`", "\\`")


def job_summary(report: Report, lang: str) -> str:
    """Markdown for $GITHUB_STEP_SUMMARY: a title, then a table of every problem (file, line, field, what to do)."""
    n = len(report.problems)
    title = render(message(N_("Content check: {count} problem(s) to fix"), count=n) if n else
                   message(N_("Content check: every file is valid")), lang)
    lines = [f"### {title}", ""]
    if n:
        head = [render(message(text), lang) for text in (N_("File"), N_("Line"), N_("Field"), N_("Problem and fix"))]
        lines += ["| " + " | ".join(head) + " |", "|---|---:|---|---|"]
        for p in report.problems:
            lines.append(f"| `{_cell(p.path)}` | {p.line} | {_cell(p.field)} | {_cell(render(p.message, lang))} |")
        lines.append("")
    if report.notices:
        lines += [f"#### {render(message(N_('Remarks (nothing to fix; the values were understood)')), lang)}", ""]
        lines += [f"- `{_cell(p.path)}:{p.line}` {_cell(p.field)} : {_cell(render(p.message, lang))}"
                  for p in report.notices]
        lines.append("")
    lines.append(summary(report, lang))
    return "\n".join(lines) + "\n"


def print_report(report: Report, stream: TextIO, lang: str = "en") -> None:
    for problem in report.problems:
        print(problem.render(lang), file=stream)
    for notice in report.notices:  # after the errors: remarks that never fail the check
        print(notice.render(lang), file=stream)
    if os.environ.get("GITHUB_ACTIONS") == "true":
        for problem in report.problems[:ANNOTATION_LIMIT]:
            print(annotation(problem, lang), file=stream)
        for notice in report.notices[:ANNOTATION_LIMIT]:
            print(annotation(notice, lang, "notice"), file=stream)
        summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
        if summary_file:
            with Path(summary_file).open("a", encoding="utf-8") as f:
                f.write(job_summary(report, lang))
    if report.problems:
        print(count_line(len(report.problems), lang), file=stream)
    print(summary(report, lang), file=stream)
