"""File names and prefilled links for a new entry: slugs, the Git host's "new file" page, mailto.

`themes/labo/static/js/propose.js` implements the same functions for the web form; both are run on the
same cases by tests/contribute/test_links.py, so a link built in Python and in the browser is identical.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote, urlsplit

#: GitHub answers 414 above 8,191 bytes of URL (github/docs#5136); keep a margin.
MAX_URL_LENGTH = 8000
#: Mail clients on Windows cut a mailto link at 2,083 characters: beyond it, ask for an attachment.
MAX_MAILTO_LENGTH = 2000
MAX_SLUG_LENGTH = 60

_LIGATURES = {"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss", "’": "'", "‘": "'", "ʼ": "'"}
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
# Same set as JavaScript's encodeURIComponent leaves unescaped, so both sides encode alike.
_URI_SAFE = "!~*'()"


def slugify(text: str) -> str:
    """'Coopérative d’épargne de Thiès' -> 'cooperative-d-epargne-de-thies' ('' when nothing is left)."""
    for char, ascii_ in _LIGATURES.items():
        text = text.replace(char, ascii_)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    slug = _NOT_SLUG.sub("-", text).strip("-")
    if len(slug) > MAX_SLUG_LENGTH:
        cut = slug[: MAX_SLUG_LENGTH + 1]
        slug = (cut.rsplit("-", 1)[0] if "-" in cut else cut[:MAX_SLUG_LENGTH]).strip("-")
    return slug


def unique_slug(base: str, taken: set[str] | frozenset[str]) -> str:
    """`base`, or `base-2`, `base-3`… when an entry of the same kind already has it."""
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


def normalise_text(content: str) -> str:
    """The file's text as it is sent: Unix newlines, one final newline."""
    return content.replace("\r\n", "\n").replace("\r", "\n").rstrip("\n") + "\n"


def _encode(text: str) -> str:
    return quote(text, safe=_URI_SAFE)


def host_of(repository: str) -> str:
    """'gitlab' for a GitLab repository URL, else 'github' (the default host of the project)."""
    host = (urlsplit(repository).hostname or "").lower()
    return "gitlab" if host == "gitlab.com" or host.startswith("gitlab.") else "github"


def new_file_url(repository: str, branch: str, folder: str, filename: str, content: str,
                 max_length: int = MAX_URL_LENGTH) -> str | None:
    """The Git host's page that creates `folder/filename` prefilled with `content`; None when too long.

    GitHub: `new/<branch>?filename=<folder>/<name>&value=…`, the folder in the `filename` parameter with its
    slashes as they are. GitHub does not document this page; in public use (checked 2026-12) this form keeps
    every folder, while the folder in the path (`new/<branch>/<folder>?filename=<name>`) is reported to lose
    the last one. GitLab's own page takes the folder in the path.
    A contributor without write access is offered a fork and a pull request by the host itself.
    """
    repo = repository.rstrip("/")
    parts = [_encode(part) for part in folder.strip("/").split("/") if part]
    value = _encode(normalise_text(content))
    if host_of(repo) == "gitlab":
        url = f"{repo}/-/new/{_encode(branch)}/{'/'.join(parts)}?file_name={_encode(filename)}&content={value}"
    else:
        url = f"{repo}/new/{_encode(branch)}?filename={'/'.join([*parts, _encode(filename)])}&value={value}"
    return url if len(url) <= max_length else None


def mailto_url(address: str, subject: str, body: str, max_length: int = MAX_MAILTO_LENGTH) -> str | None:
    """A mailto link with subject and body (CRLF newlines, as RFC 6068 asks); None when too long."""
    text = normalise_text(body).replace("\n", "\r\n")
    url = f"mailto:{address}?subject={_encode(subject)}&body={_encode(text)}"
    return url if len(url) <= max_length else None
