"""Characters that must never reach a page, a report or a generated file as they are.

Contributed text is shown to readers, printed in terminals and CI logs, and written into CODEOWNERS, CSV and
JSON. Control characters start new lines or workflow commands there; bidirectional controls and invisible
characters make a name look like another one ("Trojan Source", CVE-2021-42574). Letters, marks and digits of
every script are welcome; these are not letters.
"""

from __future__ import annotations

import unicodedata

#: Unicode general categories refused in contributed text: controls (Cc), format characters (Cf: the
#: bidirectional embeddings, overrides and isolates, zero-width spaces and joiners, soft hyphen, BOM…),
#: private use (Co), surrogates (Cs), unassigned code points (Cn), line and paragraph separators (Zl, Zp).
UNSAFE_CATEGORIES = frozenset({"Cc", "Cf", "Co", "Cs", "Cn", "Zl", "Zp"})


def is_unsafe(char: str, allowed: str = "") -> bool:
    return char not in allowed and unicodedata.category(char) in UNSAFE_CATEGORIES


def first_unsafe(text: str, allowed: str = "") -> tuple[int, str] | None:
    """(index, character) of the first unsafe character of `text`, or None. `allowed`: e.g. "\\n\\t"."""
    for index, char in enumerate(text):
        # Fast path: every character of the unsafe categories is non-printable for Python.
        if not char.isprintable() and is_unsafe(char, allowed):
            return index, char
    return None


#: Unicode gives control characters no name, only aliases (NameAliases.txt); the ones a file shows most.
_CONTROL_NAMES = {0x00: "NULL", 0x07: "BELL", 0x08: "BACKSPACE", 0x09: "CHARACTER TABULATION", 0x0A: "LINE FEED",
                  0x0B: "LINE TABULATION", 0x0C: "FORM FEED", 0x0D: "CARRIAGE RETURN", 0x1B: "ESCAPE",
                  0x7F: "DELETE", 0x85: "NEXT LINE"}


def describe(char: str) -> str:
    """'U+202E RIGHT-TO-LEFT OVERRIDE', the way a contributor can search for it."""
    name = unicodedata.name(char, "") or _CONTROL_NAMES.get(ord(char), "control character")
    return f"U+{ord(char):04X} {name}"


def escape(text: str) -> str:
    """`text` with every unsafe character written as a visible escape (\\n, \\u202e), safe on one line."""
    if not any(is_unsafe(c) for c in text):
        return text
    out = []
    for char in text:
        if char == "\n":
            out.append("\\n")
        elif char == "\r":
            out.append("\\r")
        elif char == "\t":
            out.append("\\t")
        elif is_unsafe(char):
            out.append(f"\\u{ord(char):04x}" if ord(char) <= 0xFFFF else f"\\U{ord(char):08x}")
        else:
            out.append(char)
    return "".join(out)
