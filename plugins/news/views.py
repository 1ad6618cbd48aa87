"""Ready values for the news templates: dates, categories, authors, sponsor, campaign, related entries."""

from __future__ import annotations

import datetime as dt

from babel.lists import format_list
from markupsafe import Markup

from content_model.registry import Entry, Registry
from content_model.schema import NEWS_CATEGORY, labels
from labo_site import formatting
from labo_site.views import entry_link


def N_(message: str) -> str:  # noqa: N802 - gettext marker, extracted by pybabel
    return message


CATEGORY_LABELS = labels(NEWS_CATEGORY)  # stated in the content model
#: Related kinds: (field under `related`, kind, section that renders its pages, heading).
RELATED = (("organisations", "organisation", "organisations", N_("Organisations concerned")),
           ("projects", "project", "projects", N_("Projects concerned")),
           ("events", "event", "events", N_("Events concerned")))
INDEX_PATH = "actualites/index.html"


def category_path(code: str) -> str:
    return f"actualites/rubriques/{code}.html"


def published_at(entry: Entry) -> dt.datetime:
    """The publication date as a datetime, so date-only and timed articles sort together."""
    value = entry.data["date"]
    return value if isinstance(value, dt.datetime) else dt.datetime(value.year, value.month, value.day)


def newest_first(entries: list[Entry]) -> list[Entry]:
    return sorted(entries, key=lambda e: (published_at(e), e.slug), reverse=True)


def _names(names: list[str], lang: str) -> Markup | str:
    """"A, B and C" in `lang`, each name isolated in a <bdi>: an Arabic name in a French sentence (or a Latin one
    in an Arabic sentence) keeps the commas and the words around it in place."""
    if not names:
        return ""
    return Markup(format_list([str(Markup("<bdi>{}</bdi>").format(name)) for name in names],
                              locale=formatting.locale(lang)))


def article_view(entry: Entry, lang: str, translate, registry: Registry, sections: set[str]) -> dict:
    """Everything a news card or article page shows, in `lang`."""
    data = entry.data
    title, title_lang = entry.text("title", lang)
    summary, summary_lang = entry.text("summary", lang)
    modified = data.get("modified")
    authors = data.get("authors", [])
    return {
        "slug": entry.slug,
        "path": entry_link(entry, lang).path,
        "title": title, "title_lang": title_lang,
        "summary": summary or "", "summary_lang": summary_lang,
        "example": bool(data.get("example")),
        "date": formatting.date(data["date"], lang),
        "date_iso": _day(data["date"]).isoformat(),
        "modified": formatting.date(modified, lang) if modified else "",
        "modified_iso": _day(modified).isoformat() if modified else "",
        "category": {"code": data["category"], "label": translate(lang, CATEGORY_LABELS[data["category"]]),
                     "path": category_path(data["category"])},
        "authors": _names(authors, lang),
        "author_count": len(authors),
        "sponsored": bool(data.get("sponsored")),
        "sponsor": data.get("sponsor", ""),
        "campaign": _campaign(data.get("campaign"), entry.lang),
        "related": related_groups(entry, lang, translate, registry, sections),
        "lang": entry.lang,  # the language of the original's structured text (sponsor, call to action)
    }


def _day(value: dt.date) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def _campaign(campaign: dict | None, original_lang: str) -> dict | None:
    """Goal and call to action; they are not translatable fields, so they stay in the original's language."""
    if not campaign:
        return None
    action = campaign.get("call_to_action") or {}
    return {"goal": campaign.get("goal", ""), "action_label": action.get("label", ""),
            "action_url": action.get("url", ""), "lang": original_lang}


def related_groups(entry: Entry, lang: str, translate, registry: Registry, sections: set[str]) -> list[dict]:
    """The entries an article concerns, in the order its file lists them; linked when their pages are built."""
    related = entry.data.get("related") or {}
    groups = []
    for field, kind, section, heading in RELATED:
        items = []
        for slug in related.get(field, []):
            target = registry.get(kind, slug)
            if target is None:  # left out of this build (an example, or unpublished)
                continue
            link = entry_link(target, lang)
            items.append({"title": link.title, "lang": link.lang, "example": link.example,
                          "path": link.path if section in sections else ""})
        if items:
            groups.append({"kind": kind, "title": translate(lang, heading), "links": items})
    return groups
