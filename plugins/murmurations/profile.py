"""One organisation as a Murmurations profile of `organizations_schema-v1.0.0`.

Each property comes from one field of the content model, never from a guess (a field we do not have is left
out, not filled with a default):

- `linked_schemas`: the schema this profile follows;
- `name`, `nickname`: `name` (in the site's first language), `acronym`;
- `primary_url`: the organisation's page on this site (stable: its slug is its file name);
- `tags`: the labels of `sectors` and `legal_form` in each language of the taxonomy, and MURMURATIONS["tags"];
- `urls`: `website`;
- `description`: `summary`, then the body as plain text (in the first language, else the original's);
- `full_address`: `city` and the country's name; `locality`: `city` (not a property of this schema, but a
  field of the library that the index reads and searches: the profile stays valid, the schema being open);
- `country_iso_3166`, `geolocation`: `country`, `coordinates`;
- `image`: the logo the directory resizes to organisations/logos/<slug>.webp;
- `relationships`: the ESSGlobal concept of each sector (schema.org `knowsAbout`, as the JSON-LD says it) and
  of the legal form when content/taxonomy.yml gives one (`additionalType`); `memberOf` the network for members;
- `starts_at`: `founded`, as 1 January of that year at 00:00 UTC (how the field asks for a year alone);
- `contact_details.email`, `telephone`: `email`, `phone`, unless the entry sets `contact_page_only: true`;
- `unique_id`: the slug, the identifier this directory gives the organisation.
"""

from __future__ import annotations

import calendar
import json
from dataclasses import dataclass

from content_model.registry import Entry
from content_model.taxonomy import Taxonomy
from labo_site import formatting
from labo_site.views import entry_path

from .settings import TAG_LENGTH
from .text import plain_text

SCHEMA = "organizations_schema-v1.0.0"
FOLDER = "murmurations"  # profiles at murmurations/<slug>.json, beside the language folders
LOGO_PATH = "organisations/logos/{slug}.webp"  # written by the directory (directory/generator.py)
NAME_LENGTH, LOCALITY_LENGTH, URL_LENGTH, MAX_TAGS = 200, 100, 2000, 100  # limits of the library's fields
SCHEMA_ORG = "https://schema.org/"
#: Relationship predicates for the taxonomy codes that carry an ESSGlobal concept URI (`essglobal:` in
#: content/taxonomy.yml): what the organisation does, and what kind of organisation it is.
PREDICATES = {"sectors": SCHEMA_ORG + "knowsAbout", "legal_forms": SCHEMA_ORG + "additionalType"}


@dataclass(frozen=True)
class Network:
    """What every profile of one build shares."""

    site_url: str  # absolute, without a trailing "/"
    languages: tuple[str, ...]  # the site's; the first one is the profiles' language
    taxonomy: Taxonomy
    tags: tuple[str, ...] = ()  # MURMURATIONS["tags"]


def profile_path(entry: Entry) -> str:
    return f"{FOLDER}/{entry.slug}.json"


def profile(entry: Entry, network: Network) -> dict:
    """The profile of one published organisation."""
    data, lang = entry.data, network.languages[0]
    item: dict = {"linked_schemas": [SCHEMA], "name": _shorten(entry.text("name", lang)[0], NAME_LENGTH),
                  "nickname": data.get("acronym"), "primary_url": f"{network.site_url}/{entry_path(entry)}",
                  "tags": tags(entry, network), "urls": _website(data.get("website")),
                  "description": description(entry, lang)}
    city, country = data.get("city"), data.get("country")
    place = [city, formatting.country_name(country, lang) if country else None]
    item["full_address"] = ", ".join(p for p in place if p) or None
    item["locality"] = city if city and len(city) <= LOCALITY_LENGTH else None
    item["country_iso_3166"] = country
    if data.get("coordinates"):
        item["geolocation"] = {"lat": data["coordinates"]["lat"], "lon": data["coordinates"]["lon"]}
    if data.get("logo"):  # the directory writes it (the generator writes no profile without the directory)
        item["image"] = f"{network.site_url}/{LOGO_PATH.format(slug=entry.slug)}"
    item["relationships"] = relationships(entry, network)
    if data.get("founded"):
        item["starts_at"] = calendar.timegm((int(data["founded"]), 1, 1, 0, 0, 0))
    contact = entry.public_contact()  # None for both when the organisation keeps them on its page
    item["contact_details"] = {"email": contact["email"]} if contact["email"] else None
    item["telephone"] = contact["phone"]
    item["unique_id"] = entry.slug
    return {key: value for key, value in item.items() if value not in (None, "", [], {})}


def tags(entry: Entry, network: Network) -> list[str]:
    """Sector and legal-form labels in every language the taxonomy has them in, then the network's tags:
    unique, each within the field's 100 characters (a longer label is left out rather than cut)."""
    data, found = entry.data, []
    codes = [("sectors", code) for code in data.get("sectors", [])]
    if data.get("legal_form"):
        codes.append(("legal_forms", data["legal_form"]))
    for lang in network.languages:
        found += [getattr(network.taxonomy, table).get(code, {}).get(lang) for table, code in codes]
    found += network.tags
    unique = dict.fromkeys(t for t in found if t and len(t) <= TAG_LENGTH)
    return list(unique)[:MAX_TAGS]


def relationships(entry: Entry, network: Network) -> list[dict]:
    data, found = entry.data, []
    codes = [("sectors", code) for code in data.get("sectors", [])]
    if data.get("legal_form"):
        codes.append(("legal_forms", data["legal_form"]))
    for table, code in codes:
        concept = getattr(network.taxonomy, table).get(code, {}).get("essglobal")
        if concept:
            found.append({"predicate_url": PREDICATES[table], "object_url": concept})
    if data.get("membership", {}).get("status") == "member":
        found.append({"predicate_url": SCHEMA_ORG + "memberOf", "object_url": f"{network.site_url}/"})
    return found


def description(entry: Entry, lang: str) -> str:
    """The summary, then the body as plain text, in `lang` if translated (else the original language)."""
    summary = entry.text("summary", lang)[0] or ""
    body = entry.body.get(lang if lang in entry.body else entry.lang, "")
    return "\n\n".join(part for part in (summary.strip(), plain_text(body)) if part)


def to_bytes(item: dict) -> bytes:
    """Stable bytes: same content, same file (keys in the schema's order)."""
    return (json.dumps(item, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _website(url: str | None) -> list[dict] | None:
    if not url or len(url) > URL_LENGTH or not url.startswith(("https://", "http://")):
        return None
    return [{"name": "Site web", "url": url}]


def _shorten(text: str, limit: int) -> str:
    """`text` within `limit` characters, cut at a word and marked with "…" (names may be 300 long, the
    field 200)."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[limit // 2:]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:-") + "…"
