"""Walk the whole content folder without following anything: every file and folder is seen, none is trusted.

Only `content/` is content, and a pull request decides what is in it. A symbolic link there would make the
build publish any file of the machine (`/etc/passwd`, `../../.git/config`: Pelican copies static folders
following links); a named pipe would hang it; a newline in a name would start a new line in a CI log or in
CODEOWNERS. So the walk looks at each entry with lstat semantics (`os.scandir`, `follow_symlinks=False`),
refuses links and special files wherever they are, refuses names that are not plain, and hands every file of
the static folders (images/, documents/, extra/) to `filetypes.inspect`, opened without following a link.
Markdown files are only listed here, with their size; `validate.py` reads them.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from . import chars, filetypes
from .codes import fold
from .frontmatter import Problem
from .limits import Limits
from .messages import N_, Message, message, shown
from .schema import KINDS_BY_FOLDER

TAXONOMY_FILE = "taxonomy.yml"
TOP_FILES = (TAXONOMY_FILE, "README.md")
#: Folders whose files are published or read as they are: Pelican copies images/site, documents and extra
#: (STATIC_PATHS), the directory resizes images/logos. Each file there is checked by its bytes.
STATIC_FOLDERS = ("images", "documents", "extra")
#: The folders of entries, as the messages list them.
_CONTENT_FOLDERS = ", ".join(f"{folder}/" for folder in KINDS_BY_FOLDER)
#: A plain name: ASCII letters, digits, '_', '-' and dots, starting with a letter, digit or '_' and not
#: ending with a dot. Names become URLs, shell arguments and CODEOWNERS paths (where a space splits the
#: line); accented names also come in two Unicode forms (macOS writes é as e + accent), so ASCII only.
_PLAIN_NAME = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?")
_PLAIN_CHAR = re.compile(r"[A-Za-z0-9_.-]")


@dataclass
class Inventory:
    """What the walk found. `static` holds the verdict on every file of the static folders that was read."""

    markdown: list[tuple[str, int]] = field(default_factory=list)  # (path, bytes), in walk order
    static: dict[str, filetypes.Verdict] = field(default_factory=dict)
    refused: set[str] = field(default_factory=set)  # links, special files and bad names, never read


Adder = Callable[[str, Problem], None]


def walk(content: Path, limits: Limits, add: Adder, *, static: bool = True) -> Inventory:
    """Every entry under `content`, folders before their subfolders' files as `os.walk` gives them, sorted.
    `static=False`: the static folders are not walked (their files are the slow ones to check, by their bytes)."""
    found = Inventory()
    # An explicit stack: a pull request can nest folders deeper than Python's recursion limit.
    stack: list[tuple[str, bool]] = [("", False)]  # (folder relative to content, inside a hidden folder)
    while stack:
        rel_dir, hidden = stack.pop()
        try:
            with os.scandir(content / rel_dir) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as exc:
            add(rel_dir or ".", Problem(1, "", message(N_("the folder cannot be read ({reason})"),
                                                       reason=exc.strerror or type(exc).__name__)))
            continue
        subfolders = []
        for entry in entries:
            if not static and not rel_dir and entry.name in STATIC_FOLDERS:
                continue
            rel = f"{rel_dir}/{entry.name}" if rel_dir else entry.name
            descend = _visit(entry, rel, rel_dir, hidden, content, limits, found, add)
            if descend is not None:
                subfolders.append((rel, descend))
        stack.extend(reversed(subfolders))
    return found


def _visit(entry: os.DirEntry, rel: str, rel_dir: str, hidden: bool, content: Path, limits: Limits,
           found: Inventory, add: Adder) -> bool | None:
    """Check one entry; for a folder to walk into, return whether it is hidden (None: do not walk in)."""
    name = entry.name
    top = rel.split("/", 1)[0]
    problem = _not_a_plain_entry(entry)
    if problem is None:
        problem = _unsafe_name(name, limits)
    if problem is not None:
        found.refused.add(rel)
        add(rel, Problem(1, "", problem))
        return None
    is_dir = entry.is_dir(follow_symlinks=False)
    if top in STATIC_FOLDERS and rel_dir:
        return _visit_static(entry, rel, is_dir, content, limits, found, add)
    if name.startswith(".") or (is_dir and name.startswith("_")):
        hidden = True
        if is_dir:
            return True
    if is_dir:
        # Folders in which Pelican reads Markdown, or copies files, must have plain names.
        if not hidden and top in KINDS_BY_FOLDER and rel_dir and not is_plain(name):
            found.refused.add(rel)
            add(rel, Problem(1, "", _not_plain(name, limits)))
        return hidden
    if hidden:
        # Editor and system files stay silent; Markdown would be read by Pelican without any check.
        if top in KINDS_BY_FOLDER and name.endswith(".md") and not name.startswith(".#"):
            add(rel, Problem(1, "", message(N_("names starting with \".\" or \"_\" are not allowed in content "
                                               "folders; to keep an entry off the site, use \"unpublished: true\""))))
        return None
    if not rel_dir:
        if name not in TOP_FILES:
            add(rel, Problem(1, "", message(N_("this file is in no content folder; move it into one of: {folders}"),
                                            folders=_CONTENT_FOLDERS)))
        return None
    if top not in KINDS_BY_FOLDER:
        add(rel, Problem(1, "", message(N_("{folder} is not a content folder; use one of: {folders}"),
                                        folder=shown(f"{top}/"), folders=_CONTENT_FOLDERS)))
        return None
    if not name.endswith(".md"):
        add(rel, Problem(1, "", message(N_("only Markdown files (.md) go in content folders; rename it or move it "
                                           "to images/ or documents/"))))
        return None
    found.markdown.append((rel, entry.stat(follow_symlinks=False).st_size))
    return None


def _visit_static(entry: os.DirEntry, rel: str, is_dir: bool, content: Path, limits: Limits, found: Inventory,
                  add: Adder) -> bool | None:
    name = entry.name
    if name.startswith("."):
        found.refused.add(rel)
        add(rel, Problem(1, "", message(N_("names starting with \".\" are not allowed in {folder}/: the file would "
                                           "be published without anyone seeing it; delete it"),
                                        folder=rel.split("/", 1)[0])))
        return None
    if not is_plain(name):
        found.refused.add(rel)
        add(rel, Problem(1, "", _not_plain(name, limits)))
        return None
    if is_dir:
        return False
    try:
        with open_no_follow(content / rel) as f:
            verdict = filetypes.inspect(f, rel, os.fstat(f.fileno()).st_size, limits)
    except OSError as exc:
        verdict = filetypes.Verdict(None, message(N_("the file cannot be read ({reason})"),
                                                  reason=exc.strerror or type(exc).__name__))
    found.static[rel] = verdict
    if verdict.problem is not None:
        add(rel, Problem(verdict.line, "", verdict.problem))
    return None


def open_no_follow(path: Path):
    """Open a file for reading, failing if its last component is a link (swapped in after the walk)."""
    return open(path, "rb", opener=lambda p, flags: os.open(p, flags | os.O_NOFOLLOW))  # noqa: SIM115


def _not_a_plain_entry(entry: os.DirEntry) -> Message | None:
    if entry.is_symlink():
        try:
            target = shown(os.readlink(entry.path))
        except OSError:
            target = "?"
        return message(N_("is a symbolic link (to {target}); links are refused anywhere in content/, since they "
                          "can point at any file of the machine that builds the site: add the file itself"),
                        target=target)
    if entry.is_dir(follow_symlinks=False) or entry.is_file(follow_symlinks=False):
        return None
    mode = entry.stat(follow_symlinks=False).st_mode
    if stat.S_ISFIFO(mode):
        what = message(N_("a named pipe"))
    elif stat.S_ISSOCK(mode):
        what = message(N_("a socket"))
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        what = message(N_("a device"))
    else:
        what = message(N_("a special file"))
    return message(N_("is {what}, not a regular file; only files and folders may be in content/"), what=what)


def _unsafe_name(name: str, limits: Limits) -> Message | None:
    """Characters no name may hold anywhere (controls, newlines, bidirectional and invisible characters), and
    the length limit."""
    bad = chars.first_unsafe(name)
    if bad is not None:
        return message(N_("the name contains {char} at position {position}; rename it to {suggestion}"),
                       char=chars.describe(bad[1]), position=bad[0] + 1, suggestion=_suggestion(name, limits))
    if len(name) > limits.name_length:
        return message(N_("the name is {length} characters long, more than the {limit} allowed (setting "
                          "LABO_LIMITS[\"name_length\"]); rename it to {suggestion}"),
                       length=len(name), limit=limits.name_length, suggestion=_suggestion(name, limits))
    return None


def is_plain(name: str) -> bool:
    """A name safe in a URL, a shell, a CI log and CODEOWNERS (see _PLAIN_NAME)."""
    return ".." not in name and _PLAIN_NAME.fullmatch(name) is not None


def _not_plain(name: str, limits: Limits) -> Message:
    suggestion = _suggestion(name, limits)
    if ".." in name:
        return message(N_("the name contains \"..\"; rename it to {suggestion}"), suggestion=suggestion)
    position, char = next(((i, c) for i, c in enumerate(name) if not _PLAIN_CHAR.fullmatch(c)),
                          (0 if name[0] in ".-" else len(name) - 1, name[0] if name[0] in ".-" else name[-1]))
    return message(N_("the name contains {char} at position {position}; rename it to {suggestion} (letters a to z, "
                      "digits, hyphens, and a dot before the extension)"),
                   char=chars.describe(char), position=position + 1, suggestion=suggestion)


def _suggestion(name: str, limits: Limits) -> str:
    return shown(suggest_name(name, limits), limit=limits.name_length + 2)  # whole, never shortened with "…"


def suggest_name(name: str, limits: Limits) -> str:
    """A plain name close to `name`: 'Termes de référence.PDF' -> 'termes-de-reference.pdf'."""
    stem, dot, ext = name.rpartition(".")
    if not dot or not stem.strip(". ") or not re.fullmatch(r"[A-Za-z0-9]{1,5}", ext):
        stem, ext = name, ""
    ext = ext.lower()
    stem = re.sub(r"[^a-z0-9]+", "-", fold(stem)).strip("-") or "file"
    room = limits.name_length - (len(ext) + 1 if ext else 0)
    stem = stem[:max(room, 1)].rstrip("-") or "file"
    return f"{stem}.{ext}" if ext else stem
