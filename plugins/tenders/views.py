"""Ready values for the calls for tenders templates: issuer, deadline with its time zone, documents."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from babel.dates import get_timezone_location
from babel.units import format_unit

from content_model.registry import Entry, Registry
from content_model.schema import TENDER_KIND, labels
from labo_site import formatting
from labo_site.views import entry_link, reference

from .deadlines import closing_instant, days_left, is_open

Translate = Callable[[str, str], str]


def N_(message: str) -> str:  # noqa: N802 - gettext marker, extracted by pybabel
    return message


SECTION = "appels-d-offres"
INDEX_PATH = f"{SECTION}/index.html"
ARCHIVE_PATH = f"{SECTION}/archives.html"
PAGE_SIZE = 48  # calls per list page; the setting TENDERS_PAGE_SIZE overrides it
HOME_COUNT = 3
KIND_LABELS = labels(TENDER_KIND)  # stated in the content model


def file_size(size: int, lang: str) -> str:
    """`1,5 ko` / `1.5 kB`: decimal units as CLDR names them, one decimal below 10."""
    for unit, factor in (("digital-gigabyte", 10**9), ("digital-megabyte", 10**6), ("digital-kilobyte", 10**3)):
        if size >= factor:
            value = size / factor
            return format_unit(value, unit, length="short", locale=formatting.locale(lang),
                               format="#,##0.#" if value < 10 else "#,##0")
    return format_unit(size, "digital-byte", length="short", locale=formatting.locale(lang))


def _issuer(entry: Entry, registry: Registry, lang: str) -> dict:
    slug = entry.data.get("issuer")
    if not slug:
        return {"path": "", "title": entry.data["issuer_name"], "lang": entry.lang}
    return reference(registry, "organisation", slug, lang)


def deadline_text(deadline: dt.date, timezone: str | None, lang: str, translate: Translate) -> str:
    """The deadline as the call states it: with its time and time zone, or the day (and the zone if given)."""
    date = formatting.date(deadline, lang)
    if timezone is None:  # a date without a zone: the day is all the call says (it closes at the site's midnight)
        return date
    zone = get_timezone_location(timezone, locale=formatting.locale(lang))
    if isinstance(deadline, dt.datetime):
        return translate(lang, N_("%(date)s at %(time)s (%(zone)s)")) % {
            "date": date, "time": formatting.time(deadline, lang), "zone": zone}
    return translate(lang, N_("%(date)s, until the end of the day (%(zone)s)")) % {"date": date, "zone": zone}


def tender_view(entry: Entry, lang: str, now: dt.datetime, default_tz: str, registry: Registry,
                content_root: Path, translate: Translate) -> dict:
    """Everything a call's page or card shows, in `lang`."""
    data = entry.data
    title, title_lang = entry.text("title", lang)
    summary, summary_lang = entry.text("summary", lang)
    timezone = data.get("timezone", default_tz)
    closing = closing_instant(data["deadline"], timezone)
    budget = data.get("budget")
    return {
        "slug": entry.slug,
        "path": entry_link(entry, lang).path,
        "title": title, "title_lang": title_lang,
        "summary": summary or "", "summary_lang": summary_lang,
        "example": bool(data.get("example")),
        "issuer": _issuer(entry, registry, lang),
        "kind": {"code": data["kind"], "label": translate(lang, KIND_LABELS[data["kind"]])},
        "published": formatting.date(data["published"], lang) if data.get("published") else "",
        "published_iso": data["published"].isoformat() if data.get("published") else "",
        "deadline": deadline_text(data["deadline"], data.get("timezone"), lang, translate),
        "deadline_iso": closing.isoformat(timespec="minutes") if isinstance(data["deadline"], dt.datetime)
        else data["deadline"].isoformat(),
        # The instant the call closes and its day: the page's script redoes open/closed and "closes in N days"
        # from the reader's clock (a copy read after the build date must not say the call is open).
        "closing_iso": closing.isoformat(timespec="minutes"),
        "deadline_day": (data["deadline"].date() if isinstance(data["deadline"], dt.datetime)
                         else data["deadline"]).isoformat(),
        "open": is_open(closing, now),
        "days_left": days_left(data["deadline"], timezone, now),
        "budget": formatting.money(Decimal(str(budget["amount"])), budget["currency"], lang) if budget else "",
        "documents": [{"title": d["title"], "path": d["file"], "type": Path(d["file"]).suffix[1:].upper(),
                       "size": file_size((content_root / d["file"]).stat().st_size, lang)}
                      for d in data.get("documents", [])],
        "countries": [formatting.country_name(c, lang) for c in data.get("countries", [])],
        "contact": data.get("contact", {}),
    }
