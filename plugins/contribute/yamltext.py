"""Write YAML scalars that PyYAML reads back exactly, whatever a contributor typed.

Strings are always double-quoted (so `no`, `3.10`, `NO` or "+226 …" stay text) with JSON-like escapes;
characters PyYAML refuses in a stream (C0/C1 controls, DEL, line and paragraph separators) are escaped
and lone surrogates replaced. `propose.js` has the same function (`yamlString`), tested on the same cases.
"""

from __future__ import annotations

_SIMPLE = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t"}


def yaml_string(text: str) -> str:
    """`text` as a double-quoted YAML scalar."""
    out = ['"']
    for char in text:
        code = ord(char)
        if char in _SIMPLE:
            out.append(_SIMPLE[char])
        elif 0xD800 <= code <= 0xDFFF:
            out.append("\ufffd")
        elif code < 0x20 or 0x7F <= code <= 0x9F or code in (0x2028, 0x2029):
            out.append(f"\\u{code:04x}")
        else:
            out.append(char)
    out.append('"')
    return "".join(out)
