"""The Murmurations schema `organizations_schema-v1.0.0` and its field files, read from a local folder, offline.

The schema names its fields by relative `$ref`s (`../fields/name.json`) under its `$id`
(`https://test-library.murmurations.network/v2/schemas/…`). `validator()` resolves every such reference to
the file of the same name in the local copy, through `referencing`'s `retrieve` hook: a reference outside
the copy is an error, never a download. The files are checked against the SHA-256 list kept in the
repository (`vendor/murmurations/SHA256SUMS`), so a copy from another version of the library is refused.

Where the copy lives (first found): `$LABO_MURMURATIONS_LIBRARY`, `vendor/murmurations/`, then the
steering repository's `shared/murmurations/` beside the checkout. See vendor/murmurations/README.md.
"""

from __future__ import annotations

import hashlib
import json
import os
from functools import cache
from pathlib import Path, PurePosixPath
from urllib.parse import urljoin

from jsonschema import Draft7Validator
from referencing import Registry, Resource
from referencing.exceptions import NoSuchResource
from referencing.jsonschema import DRAFT7

ROOT = Path(__file__).resolve().parents[2]
SCHEMA_NAME = "organizations_schema-v1.0.0"
SCHEMA_FILE = f"schemas/{SCHEMA_NAME}.json"
SUMS = ROOT / "vendor" / "murmurations" / "SHA256SUMS"
ENV = "LABO_MURMURATIONS_LIBRARY"


class LibraryError(Exception):
    """The local copy is missing, incomplete or not the pinned version."""


def candidates() -> list[Path]:
    """Folders that may hold the copy, in the order they are tried."""
    found = [Path(os.environ[ENV])] if os.environ.get(ENV) else []
    return [*found, ROOT / "vendor" / "murmurations", ROOT.parent / "shared" / "murmurations"]


def find() -> Path | None:
    """The first candidate folder that has the schema file, or None."""
    return next((folder for folder in candidates() if (folder / SCHEMA_FILE).is_file()), None)


def pinned() -> dict[str, str]:
    """{relative path: sha256} from SHA256SUMS (the format `sha256sum` writes and `sha256sum -c` reads)."""
    sums = {}
    for line in SUMS.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            digest, name = line.split(maxsplit=1)
            sums[name.lstrip("*")] = digest
    return sums


def _read(folder: Path, name: str) -> dict:
    sums = pinned()
    if name not in sums:
        raise LibraryError(f"murmurations: {name} is not one of the pinned files of {SUMS.relative_to(ROOT)}")
    path = folder / name
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise LibraryError(f"murmurations: {path} is missing (see vendor/murmurations/README.md)") from None
    if hashlib.sha256(data).hexdigest() != sums[name]:
        raise LibraryError(f"murmurations: {path} is not the pinned version (SHA-256 differs from SHA256SUMS)")
    return json.loads(data)


def schema(folder: Path) -> dict:
    return _read(folder, SCHEMA_FILE)


def _retriever(folder: Path, base: str):
    """`retrieve` for referencing: a URI under the library's base is the file of that path in `folder`."""

    def retrieve(uri: str) -> Resource:
        if not uri.startswith(base):
            raise NoSuchResource(ref=uri)
        name = PurePosixPath(uri[len(base):])
        if name.is_absolute() or ".." in name.parts:
            raise NoSuchResource(ref=uri)
        try:
            contents = _read(folder, str(name))
        except LibraryError as error:
            raise NoSuchResource(ref=uri) from error
        # Field files carry no $schema: they are read as draft 7, the schema's own version.
        return Resource.from_contents(contents, default_specification=DRAFT7)

    return retrieve


@cache
def validator(folder: Path) -> Draft7Validator:
    """A validator of `organizations_schema-v1.0.0` whose `$ref`s resolve to the files in `folder` only.

    Draft 7 explicitly: the schema says `https://json-schema.org/draft-07/schema#`, a spelling jsonschema does
    not map to draft 7 by itself, and the Murmurations index validates with draft 7."""
    main = schema(folder)
    base = urljoin(main["$id"], "..")  # https://…/v2/ : "../fields/x.json" from the schema lands under it
    registry = Registry(retrieve=_retriever(folder, base)).with_resource(
        main["$id"], Resource.from_contents(main, default_specification=DRAFT7))
    return Draft7Validator(main, registry=registry)


def errors(folder: Path, profile: dict) -> list[str]:
    """Every problem of `profile`, as "path: message" lines (empty when valid): against the schema, and each
    property the schema does not list (the index also reads `locality`) against the library's field of that
    name; a property that is no field of the library is a problem too."""
    found = [(list(map(str, e.absolute_path)), e.message) for e in validator(folder).iter_errors(profile)]
    known = schema(folder)["properties"]
    for name in sorted(set(profile) - set(known)):
        if f"fields/{name}.json" not in pinned():
            found.append(([name], "is neither in the schema nor a pinned field of the library"))
            continue
        checker = Draft7Validator(_read(folder, f"fields/{name}.json"))
        found += [([name, *map(str, e.absolute_path)], e.message) for e in checker.iter_errors(profile[name])]
    return [f"{'/'.join(path) or '(profile)'}: {text}" for path, text in sorted(found)]
