"""PyYAML's words, translated: what libyaml (the C loader the site uses) and PyYAML's own parser say when a front
matter cannot be read, as msgids of the validator's catalogue.

Each text is matched whole; the parts that vary (a character, a tag) are kept as PyYAML quotes them. A text
not listed here (a new PyYAML version, a rare error) is shown as PyYAML wrote it, in English: a message in
the wrong language says more than no message.
"""

from __future__ import annotations

import re

from .messages import N_, Message, message

#: (pattern matched against the whole text, msgid); named groups become the message's values.
_TEXTS: tuple[tuple[str, str], ...] = (
    # what goes wrong (libyaml, then PyYAML's wording where it differs)
    (r"found unexpected end of stream", N_("found unexpected end of stream")),
    (r"did not find expected ',' or '\]'", N_("did not find expected ',' or ']'")),
    (r"did not find expected ',' or '\}'", N_("did not find expected ',' or '}'")),
    (r"mapping values are not allowed in this context", N_("mapping values are not allowed in this context")),
    (r"mapping values are not allowed here", N_("mapping values are not allowed here")),
    (r"did not find expected key", N_("did not find expected key")),
    (r"did not find expected '-' indicator", N_("did not find expected '-' indicator")),
    (r"found character that cannot start any token", N_("found character that cannot start any token")),
    (r"found character (?P<char>'.+') that cannot start any token",
     N_("found character {char} that cannot start any token")),
    (r"could not find expected ':'", N_("could not find expected ':'")),
    (r"could not determine a constructor for the tag (?P<tag>.+)",
     N_("could not determine a constructor for the tag {tag}")),
    (r"found undefined alias", N_("found undefined alias")),
    (r"found undefined alias (?P<name>.+)", N_("found undefined alias {name}")),
    (r"found unknown escape character", N_("found unknown escape character")),
    (r"found unknown escape character (?P<char>.+)", N_("found unknown escape character {char}")),
    (r"found an indentation indicator equal to 0", N_("found an indentation indicator equal to 0")),
    (r"did not find expected hexdecimal number", N_("did not find expected hexdecimal number")),
    (r"but found another document", N_("but found another document")),
    (r"did not find expected alphabetic or numeric character",
     N_("did not find expected alphabetic or numeric character")),
    (r"did not find the expected '>'", N_("did not find the expected '>'")),
    (r"found duplicate %YAML directive", N_("found duplicate %YAML directive")),
    (r"found duplicate YAML directive", N_("found duplicate %YAML directive")),
    (r"found duplicate %TAG directive", N_("found duplicate %TAG directive")),
    (r"found undefined tag handle", N_("found undefined tag handle")),
    (r"found undefined tag handle (?P<handle>.+)", N_("found undefined tag handle {handle}")),
    (r"did not find expected <document start>", N_("did not find expected <document start>")),
    (r"block sequence entries are not allowed in this context",
     N_("block sequence entries are not allowed in this context")),
    (r"sequence entries are not allowed here", N_("sequence entries are not allowed here")),
    (r"found a tab character where an indentation space is expected",
     N_("found a tab character where an indentation space is expected")),
    (r"found a tab character that violates? indentation", N_("found a tab character that violates indentation")),
    (r"found unexpected document indicator", N_("found unexpected document indicator")),
    (r"found unexpected document separator", N_("found unexpected document indicator")),
    (r"did not find expected node content", N_("did not find expected node content")),
    (r"did not find expected comment or line break", N_("did not find expected comment or line break")),
    (r"did not find expected whitespace or line break", N_("did not find expected whitespace or line break")),
    (r"expected (?P<expected>.+), but (?:found|got) (?P<found>.+)", N_("expected {expected}, but found {found}")),
    # where PyYAML was when it noticed
    (r"while scanning a quoted scalar", N_("while scanning a quoted scalar")),
    (r"while parsing a quoted scalar", N_("while scanning a quoted scalar")),
    (r"while scanning a double-quoted scalar", N_("while scanning a quoted scalar")),
    (r"while scanning a plain scalar", N_("while scanning a plain scalar")),
    (r"while scanning a block scalar", N_("while scanning a block scalar")),
    (r"while parsing a flow sequence", N_("while parsing a flow sequence")),
    (r"while parsing a flow mapping", N_("while parsing a flow mapping")),
    (r"while parsing a block mapping", N_("while parsing a block mapping")),
    (r"while parsing a block collection", N_("while parsing a block collection")),
    (r"while parsing a (?:block |flow )?node", N_("while parsing a node")),
    (r"while scanning for the next token", N_("while scanning for the next token")),
    (r"while scanning a simple key", N_("while scanning a simple key")),
    (r"while scanning an alias", N_("while scanning an alias")),
    (r"while scanning an anchor", N_("while scanning an anchor")),
    (r"while (?:scanning|parsing) a tag", N_("while scanning a tag")),
    (r"while scanning a directive", N_("while scanning a directive")),
    (r"expected a single document in the stream", N_("expected a single document in the stream")),
)
_COMPILED = tuple((re.compile(pattern, re.DOTALL), msgid) for pattern, msgid in _TEXTS)


def translated(text: str) -> Message | str:
    """PyYAML's `text` as a message of the catalogue, or the text itself when it is not a known one."""
    for pattern, msgid in _COMPILED:
        m = pattern.fullmatch(text)
        if m:
            return message(msgid, **m.groupdict())
    return text
