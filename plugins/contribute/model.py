"""Views of the content model that every contribution artefact shares: labels per language, the fields a
web form can fill, and the kinds a contributor can create."""

from __future__ import annotations

from collections.abc import Iterator

from content_model.labels import label
from content_model.schema import ENTITY_KINDS, KINDS, KINDS_BY_NAME, Field, Kind


def N_(message: str) -> str:  # noqa: N802 - gettext marker, extracted by pybabel
    return message


#: Names a contributor may type for a kind (`invoke new news "…"`), besides the kind's own name.
ALIASES = {"organization": "organisation", "news": "article", "tenders": "tender"}
for _kind in KINDS:
    ALIASES.setdefault(_kind.folder, _kind.name)

#: Kinds the web form offers: the entities. News and pages are editorial and go through maintainers.
FORM_KINDS: tuple[Kind, ...] = ENTITY_KINDS

#: Fields the web form leaves out, with the reason a contributor reads on the form page.
#: Every other field of a form kind has a control (tests/contribute/test_rules.py checks both ways).
FORM_SKIPPED: dict[str, str] = {
    "slug": N_("The file name is the identifier; the form sets it."),
    "example": N_("Reserved for the site's fictitious demo entries."),
    "unpublished": N_("To withdraw an entry, write to us or use the takedown issue form."),
    "documents": N_("Documents cannot be attached here: send them with your e-mail, or add them to the pull "
                    "request."),
    "funding.contributions": N_("Contributions received are recorded by the maintainers."),
}

#: Kinds whose entries must not share a name: an organisation is in the directory once, and a second file for
#: it would split its projects and events. Two events or projects may share a title (a yearly forum): the form
#: gives those an identifier with a number instead.
DISTINCT_KINDS = ("organisation",)

#: Where the form puts a logo it carries, under content/ (the shipped logos live there; the directory plugin
#: resizes whatever path the `logo` field gives).
LOGO_FOLDER = "images/logos"

#: Second steps: the form of the first kind offers to add an entry of the second kind in the same download, whose
#: `field` names the first ("My organisation is not in the directory yet" leads there from the project form).
#: The step is loaded when asked for, so that the first form stays light for everyone else.
STEPS = (("organisation", "project", "organisation"),)
#: The address fragment that opens the second step at once (proposer/organisation.html#premier-projet).
STEP_ANCHOR = "premier-projet"

#: What to call one entry of a kind, in sentences ("Propose an organisation").
KIND_SINGULAR = {"organisation": N_("an organisation"), "project": N_("a project"), "event": N_("an event"),
                 "service": N_("a service"), "tender": N_("a call for tenders"), "article": N_("a news item"),
                 "page": N_("a page")}
KIND_TITLES = {"organisation": N_("Organisation"), "project": N_("Project"), "event": N_("Event"),
               "service": N_("Service"), "tender": N_("Call for tenders"), "article": N_("News item"),
               "page": N_("Page")}


def resolve_kind(name: str) -> Kind:
    """The kind a contributor means by `name` (singular, folder or alias); ValueError lists the choices."""
    key = name.strip().lower()
    kind = KINDS_BY_NAME.get(ALIASES.get(key, key))
    if kind is None:
        raise ValueError(f"unknown kind {name!r}; use one of: {', '.join(k.name for k in KINDS)}")
    return kind


def describe(f: Field, lang: str) -> str:
    """The field's one-line description in `lang` (content_model.labels)."""
    return label(f, lang)


def walk(fields: tuple[Field, ...], prefix: str = "") -> Iterator[tuple[str, Field]]:
    """Every field with its dotted path ("membership.status"), parents before their sub-fields."""
    for f in fields:
        path = f"{prefix}{f.name}"
        yield path, f
        if f.type == "object":
            yield from walk(f.fields, path + ".")


def form_fields(kind: Kind) -> list[tuple[str, Field]]:
    """The fields of `kind` the web form offers, with their paths (skipped fields and their children out)."""
    out = []
    for path, f in walk(kind.fields):
        if any(path == skip or path.startswith(skip + ".") for skip in FORM_SKIPPED):
            continue
        out.append((path, f))
    return out
