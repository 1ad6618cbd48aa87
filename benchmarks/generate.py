"""Write a realistic synthetic network of N organisations into a content folder, for the benchmarks.

Per 100 organisations: 30 projects, 20 events, 15 services, 8 tenders and 10 news, with French text and an
English translation for a share of the entries; every reference resolves and every code is valid, so the
result passes `invoke validate`. The same seed, N and build date always give the same files.

    .venv/bin/python benchmarks/generate.py --organisations 1000 --output /tmp/bench/content
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import random
import re
import shutil
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus as C  # noqa: E402 - benchmarks/ is not a package
import places  # noqa: E402

#: Entries per organisation, as in the network the site serves.
PROPORTIONS = {"projects": 0.30, "events": 0.20, "services": 0.15, "tenders": 0.08, "news": 0.10}
#: Other mixes, per organisation: "issue13" is the network of the pipeline issue (1,000 organisations, 1,000
#: projects, 500 events, 200 services, 100 tenders; no news).
MIXES = {"default": PROPORTIONS,
         "issue13": {"projects": 1.0, "events": 0.5, "services": 0.2, "tenders": 0.1, "news": 0.0}}
TRANSLATED_SHARE = 0.3

try:
    _Dumper = yaml.CSafeDumper
except AttributeError:  # pragma: no cover - PyYAML without libyaml
    _Dumper = yaml.SafeDumper


@dataclass
class Org:
    slug: str
    name: str
    country: places.Country
    city: str
    people: C.People
    status: str


@dataclass
class Network:
    rng: random.Random
    today: dt.date
    target: Path
    translated: float
    orgs: list[Org] = field(default_factory=list)
    slugs: set[str] = field(default_factory=set)
    projects: list[str] = field(default_factory=list)
    events: list[str] = field(default_factory=list)
    _cum_weights: list[int] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    # -- small helpers ---------------------------------------------------------------------------------
    def pick(self, items, weights=None):
        return self.rng.choices(items, weights=weights)[0] if weights else self.rng.choice(items)

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def slug(self, text: str) -> str:
        base = _slugify(text)[:60].strip("-")
        slug, n = base, 2
        while slug in self.slugs:
            slug, n = f"{base}-{n}", n + 1
        self.slugs.add(slug)
        return slug

    def day(self, low: int, high: int) -> dt.date:
        return self.today + dt.timedelta(days=self.rng.randint(low, high))

    def amount(self, currency: str, low_xof: int, high_xof: int) -> int:
        value = self.rng.uniform(low_xof, high_xof) * places.PER_1000_XOF[currency] / 1000
        return _round2(value)

    def person(self) -> str:
        return f"{self.pick(C.FIRST_NAMES)} {self.pick(C.LAST_NAMES)}"

    def org(self, weighted: bool = True) -> Org:
        if not weighted:
            return self.pick(self.orgs)
        # Members and partners carry most projects and events.
        if len(self._cum_weights) != len(self.orgs):
            self._cum_weights = list(itertools.accumulate(3 if o.status in ("member", "partner") else 1
                                                          for o in self.orgs))
        return self.rng.choices(self.orgs, cum_weights=self._cum_weights)[0]

    def topic(self, sector: str | None = None) -> tuple[str, str, str]:
        fits = [t for t in C.TOPICS if t[2] == sector] if sector else []
        return self.pick(fits) if fits and self.chance(0.7) else self.pick(C.TOPICS)

    def write(self, folder: str, slug: str, data: dict, body: str, en: tuple[dict, str] | None = None) -> None:
        path = self.target / folder / f"{slug}.md"
        _write_entry(path, data, body)
        self.counts[folder] = self.counts.get(folder, 0) + 1
        if en is not None:
            _write_entry(path.with_name(f"{slug}.en.md"), *en)
            self.counts["translations"] = self.counts.get("translations", 0) + 1

    def translate(self) -> bool:
        return self.chance(self.translated)


def generate(target: Path, organisations: int = 1000, *, seed: int = 7, translated: float = TRANSLATED_SHARE,
             today: dt.date | None = None, mix: str = "default") -> dict[str, int]:
    """Write the network into `target` (emptied first); returns the number of files per kind. `mix`: a key of
    MIXES, the number of projects, events… per organisation."""
    proportions = MIXES[mix]
    places.check()
    if target.exists():
        shutil.rmtree(target)
    for folder in ("organisations", "projects", "events", "services", "tenders", "news", "images/logos",
                   "documents/tenders"):
        (target / folder).mkdir(parents=True)
    shutil.copy2(ROOT / "content" / "taxonomy.yml", target / "taxonomy.yml")
    # The site's pages in French and English, the languages of the generated entries (and of the benchmark).
    shutil.copytree(ROOT / "content" / "pages", target / "pages",
                    ignore=lambda folder, names: [n for n in names if re.search(r"\.(?!en\.)[a-z]{2,3}\.md$", n)])
    if today is None:
        from labo_site.clock import build_date

        today = build_date()
    net = Network(random.Random(seed), today, target, translated)
    for i in range(organisations):
        _organisation(net, i)
    n = organisations
    for i in range(round(n * proportions["projects"])):
        _project(net, i)
    for i in range(round(n * proportions["events"])):
        _event(net, i)
    for i in range(round(n * proportions["services"])):
        _service(net, i)
    for i in range(round(n * proportions["tenders"])):
        _tender(net, i)
    for i in range(round(n * proportions["news"])):
        _news(net, i)
    return dict(sorted(net.counts.items()))


# -- organisations ----------------------------------------------------------------------------------------

def _organisation(net: Network, index: int) -> None:
    rng = net.rng
    country = net.pick(places.COUNTRIES, [c.weight for c in places.COUNTRIES])
    city, lat, lon = net.pick(country.cities)
    kind = net.pick([t for t, _ in C.ORG_TYPES], [w for _, w in C.ORG_TYPES])
    people = net.pick(C.PEOPLE)
    motto = f" {net.pick(C.GROUP_NAMES)}" if net.chance(0.4) else ""
    name = f"{kind.fr}{motto} des {people.fr} {C.de(city)}"
    name_en = f"{motto.strip()} {kind.en} of {people.en}, {city}".strip()
    slug = net.slug(name)
    founded = min(net.today.year, int(rng.triangular(1975, net.today.year, 2012)))
    status = net.pick(["member", "partner", "observer", "applicant"], [55, 15, 10, 20])
    org = Org(slug, name, country, city, people, status)
    net.orgs.append(org)

    membership: dict = {"status": status}
    if status != "applicant" and net.chance(0.8):
        since = rng.randint(max(founded, 2016), net.today.year)
        membership["since"] = since if net.chance(0.6) else _safe_day(rng, since, net.today)
    sectors = list(people.sectors)
    if net.chance(0.25):
        extra = net.topic()[2]
        if extra not in sectors:
            sectors.append(extra)
    data: dict = {"name": name}
    if net.chance(0.6):
        data["acronym"] = _acronym(kind.fr, people.fr, city)
    data.update({"legal_form": kind.legal_form, "sectors": sectors, "country": country.code, "city": city})
    if net.chance(0.7):
        data["coordinates"] = {"lat": round(lat + rng.uniform(-0.05, 0.05), 4),
                               "lon": round(lon + rng.uniform(-0.05, 0.05), 4)}
    data["founded"] = founded
    data["membership"] = membership
    domain = f"{slug[:40].rstrip('-')}.example.org"
    if net.chance(0.5):
        data["website"] = f"https://{domain}"
    if net.chance(0.8):
        data["email"] = f"contact@{domain}"
    if net.chance(0.6):
        data["phone"] = _phone(rng, country)
    # One organisation in ten keeps its e-mail and phone on its own page: chosen by its index, not drawn, so that
    # the rest of the network is the one earlier runs generated.
    if index % 10 == 9 and ("email" in data or "phone" in data):
        data["contact_page_only"] = True
    if net.chance(0.1):
        data["logo"] = _logo(net, slug, index)
    langs = list(dict.fromkeys(["fr", *rng.sample(country.languages, k=min(len(country.languages), 2))]))
    data["languages"] = langs
    if net.chance(0.7):
        data["maintainers"] = [f"{_slugify(net.pick(C.FIRST_NAMES))}-{slug[:12].rstrip('-')}{index % 97}"]
    topic = net.topic(sectors[0])
    slots = _slots(net, name, kind, people, city, founded, topic)
    summary_fr = (f"{kind.fr} de {people.fr} à {city}, engagé{'e' if kind.feminine else ''} dans {topic[0]}.")
    summary_en = f"{kind.en} of {people.en} in {city}, working on {topic[1]}."
    if net.chance(0.95):
        data["summary"] = summary_fr
    body_fr, body_en = _org_body(net, slots)
    en = None
    if net.translate():
        en_data = {"name": name_en}
        if "summary" in data:
            en_data["summary"] = summary_en
        en = (en_data, body_en)
    net.write("organisations", slug, data, body_fr, en)


def _slots(net: Network, name: str, kind: C.OrgType, people: C.People, city: str, founded: int, topic) -> dict:
    article = "une" if kind.feminine else "un"
    return {
        "name": name, "a_type": f"{article} {kind.fr.lower()}" if kind.fr != "GIE" else "un GIE",
        "a_type_en": ("an " if kind.en[0] in "AEIOU" else "a ") + kind.en.lower(),
        "founded_fr": "fondée" if kind.feminine else "fondé", "Pron": "Elle" if kind.feminine else "Il",
        "pron": "elle" if kind.feminine else "il", "year": founded, "city": city,
        "members": net.rng.choice([12, 25, 38, 45, 60, 84, 120, 150, 230, 400, 1200]),
        "people": people.fr, "people_en": people.en, "product": people.product[0], "product_en": people.product[1],
        "topic": topic[0], "topic_en": topic[1], "k": net.rng.choice([2, 3, 4]),
        "de_product": C.de(people.product[0]), "de_city": C.de(city),
        "pct": net.rng.choice([15, 20, 25, 30, 40]), "jobs": net.rng.choice([6, 12, 20, 35, 50]),
    }


def _org_body(net: Network, slots: dict) -> tuple[str, str]:
    rng = net.rng
    intro = net.pick(C.INTROS)
    missions = rng.sample(C.MISSIONS, k=rng.randint(1, 2))
    activities = rng.sample(C.ACTIVITIES, k=rng.randint(3, 6))
    governance = rng.sample(C.GOVERNANCE, k=rng.randint(2, 3))
    needs = rng.sample(C.NEEDS_TEXT, k=rng.randint(1, 2)) if net.chance(0.6) else []
    out = []
    for lang, titles in ((0, ("Qui sommes-nous ?", "Nos activités", "Notre fonctionnement", "Nos besoins")),
                         (1, ("Who we are", "What we do", "How we work", "What we need"))):
        parts = [f"## {titles[0]}", _para([intro, *missions], lang, slots), f"## {titles[1]}",
                 _list([a[lang].format(**slots) for a in activities], lang),
                 f"## {titles[2]}", _para(governance, lang, slots)]
        if needs:
            parts += [f"## {titles[3]}", _para(needs, lang, slots)]
        out.append("\n\n".join(parts))
    return out[0], out[1]


def _list(items: list[str], lang: int) -> str:
    """A Markdown list punctuated the French way (« ; » then « . ») or plainly in English."""
    if lang == 1:
        return "\n".join(f"- {item}" for item in items)
    return "\n".join(f"- {item}{' ;' if i < len(items) - 1 else '.'}" for i, item in enumerate(items))


def _product_slots(org: Org) -> dict:
    product = org.people.product
    return {"product": product[0], "product_en": product[1], "city": org.city, "de_product": C.de(product[0]),
            "de_city": C.de(org.city)}


def _para(pairs, lang: int, slots: dict) -> str:
    return " ".join(p[lang].format(**slots) for p in pairs)


# -- projects ---------------------------------------------------------------------------------------------

def _project(net: Network, index: int) -> None:
    rng = net.rng
    org = net.org()
    action = net.pick(C.PROJECT_ACTIONS)
    title = f"{action[0]} pour les {org.people.fr} {C.de(org.city)}"
    title_en = f"{action[1]} for {org.people.en} in {org.city}"
    slug = net.slug(title)
    country = org.country if net.chance(0.9) else net.pick(places.COUNTRIES)
    topic = net.topic(org.people.sectors[0])
    data: dict = {"title": title, "organisation": org.slug}
    partners = {p.slug for p in rng.sample(net.orgs, k=min(len(net.orgs), rng.randint(0, 2)))} - {org.slug}
    if partners:
        data["partners"] = sorted(partners)
    data["country"] = country.code
    data["sectors"] = sorted({*org.people.sectors[:1], topic[2]})
    data["sdgs"] = sorted(rng.sample(range(1, 18), k=rng.randint(1, 4)))
    status = net.pick(["seeking_funding", "funded", "in_progress", "completed"], [50, 15, 25, 10])
    data["status"] = status
    data["needs"] = sorted(rng.sample(["funding", "expertise", "equipment", "partnership"], k=rng.randint(1, 3)))
    if status == "seeking_funding" or net.chance(0.6):  # a project seeking funding states its goal
        currency = country.currency if net.chance(0.9) else net.pick(["EUR", "USD"])
        goal = net.amount(currency, 1_000_000, 60_000_000)
        funding: dict = {"currency": currency, "goal": goal}
        if net.chance(0.4):
            funding["optimum"] = _round2(goal * rng.uniform(1.2, 1.8))
        if net.chance(0.5):
            contributions = []
            for _ in range(rng.randint(1, 6)):
                c: dict = {"anonymous": True} if net.chance(0.3) else {"name": f"{net.person()}"}
                c["amount"] = _round2(goal * rng.uniform(0.01, 0.15))
                c["date"] = net.day(-400, 0)
                contributions.append(c)
            funding["contributions"] = sorted(contributions, key=lambda c: c["date"])
        elif net.chance(0.5):
            funding["raised"] = _round2(goal * rng.uniform(0, 0.9))
        if net.chance(0.7):
            funding["deadline"] = net.day(-60, 420)
        data["funding"] = funding
    if net.chance(0.5):
        data["support"] = (f"Mobile money au {_phone(rng, org.country)} (numéro fictif) ou virement sur le compte "
                           f"de l’organisation, en précisant « {action[0].lower()} ».")
    if net.chance(0.7):
        data["contact"] = {"name": net.person(), "email": f"projets@{org.slug[:40].rstrip('-')}.example.org"}
    slots = _slots(net, org.name, C.ORG_TYPES[0][0], org.people, org.city, 2000, topic)
    missing = net.pick(C.MISSING)
    slots.update(missing=missing[0], missing_en=missing[1])
    data["summary"] = f"{action[0]} à {org.city} pour que les {org.people.fr} travaillent sur {topic[0]}."
    chosen = [(heading, rng.sample(sentences, k=rng.randint(2, 3))) for heading, sentences in C.PROJECT_SECTIONS]
    bodies = []
    for lang in (0, 1):
        parts = []
        for heading, sentences in chosen:
            parts.append(f"## {heading[lang]}")
            if heading[0] == "Le projet":
                parts.append("\n".join(f"- {s[lang].format(**slots)}" for s in sentences))
            else:
                parts.append(_para(sentences, lang, slots))
        bodies.append("\n\n".join(parts))
    en = ({"title": title_en, "summary": f"{action[1]} in {org.city} so that {org.people.en} can work on "
                                         f"{topic[1]}."}, bodies[1]) if net.translate() else None
    net.projects.append(slug)
    net.write("projects", slug, data, bodies[0], en)


# -- events -----------------------------------------------------------------------------------------------

def _event(net: Network, index: int) -> None:
    rng = net.rng
    kind = net.pick(["forum", "assizes", "training", "webinar", "meeting"], [10, 5, 35, 25, 25])
    org = net.org()
    topic = net.topic(org.people.sectors[0])
    pattern = net.pick(C.EVENT_TITLES[kind])
    slots = {"topic": topic[0], "topic_en": topic[1], "city": org.city, "de_city": C.de(org.city)}
    year = None
    start_day = net.day(-400, 420)
    title = pattern[0].format(**slots)
    if kind in ("forum", "assizes"):
        year = start_day.year
        title += f" {year}"
    slug = net.slug(f"{title}-{start_day:%m-%d}")
    data: dict = {"title": title, "kind": kind}
    days = {"forum": 3, "assizes": 2}.get(kind, 1)
    if net.chance(0.5) or kind == "webinar":
        hour = rng.randint(8, 15)
        start = dt.datetime.combine(start_day, dt.time(hour, net.pick([0, 30])))
        end = start + (dt.timedelta(hours=rng.choice([1, 2])) if days == 1 else dt.timedelta(days=days - 1, hours=8))
        data["start"], data["end"] = f"{start:%Y-%m-%d %H:%M}", f"{end:%Y-%m-%d %H:%M}"
        data["timezone"] = org.country.timezone
    else:
        data["start"] = start_day
        if days > 1:
            data["end"] = start_day + dt.timedelta(days=days - 1)
    if kind == "webinar":
        data["online"] = f"https://visio.example.org/{slug[:40]}"
    else:
        data["location"] = {"venue": f"{net.pick(C.VENUES)}", "city": org.city, "country": org.country.code}
    organisers = {org.slug, *(o.slug for o in rng.sample(net.orgs, k=min(len(net.orgs), rng.randint(0, 2))))}
    data["organisers"] = sorted(organisers)
    if net.chance(0.6):
        registration: dict = {"url": f"https://inscriptions.example.org/{slug[:40]}"}
        if net.chance(0.7):
            registration["deadline"] = start_day - dt.timedelta(days=rng.randint(3, 20))
        data["registration"] = registration
    data["languages"] = ["fr"] if net.chance(0.6) else ["fr", "en"]
    if kind in ("training", "forum") and net.chance(0.4):
        data["price"] = {"amount": net.amount(org.country.currency, 5_000, 150_000), "currency": org.country.currency}
    elif net.chance(0.7):
        data["free"] = True
    data["summary"] = f"{title} : {C.GENERIC_PARAGRAPHS[0][0][:80].rstrip(', ')}…"
    summary_en = f"{pattern[1].format(**slots)}{f' {year}' if year else ''}: {C.GENERIC_PARAGRAPHS[0][1][:80]}…"
    paragraphs = rng.sample(C.GENERIC_PARAGRAPHS, k=3)
    program = rng.sample(C.ACTIVITIES, k=3)
    pslots = _product_slots(org)
    bodies = []
    for lang, heading in ((0, "## Au programme"), (1, "## Programme")):
        text = [_para(paragraphs[:2], lang, pslots), heading,
                _list([p[lang].format(**pslots) for p in program], lang), _para(paragraphs[2:], lang, pslots)]
        bodies.append("\n\n".join(text))
    en = None
    if net.translate():
        en = ({"title": pattern[1].format(**slots) + (f" {year}" if year else ""), "summary": summary_en}, bodies[1])
    net.events.append(slug)
    net.write("events", slug, data, bodies[0], en)


# -- services ---------------------------------------------------------------------------------------------

def _service(net: Network, index: int) -> None:
    rng = net.rng
    kind = net.pick(["training", "consulting", "study", "advertising"], [35, 35, 20, 10])
    org = net.org()
    topic = net.topic(org.people.sectors[0])
    pattern = net.pick(C.SERVICE_TITLES[kind])
    slots = {"topic": topic[0], "topic_en": topic[1]}
    title = f"{pattern[0].format(**slots)} — {org.city}"
    slug = net.slug(title)
    data: dict = {"title": title, "kind": kind, "provider": org.slug}
    if net.chance(0.8):
        unit = net.pick(["hour", "day", "session", "participant", "month", "project", "flat"],
                        [5, 35, 15, 20, 5, 10, 10])
        scale = {"hour": (5_000, 30_000), "day": (30_000, 250_000), "session": (50_000, 400_000),
                 "participant": (10_000, 100_000), "month": (100_000, 900_000), "project": (500_000, 8_000_000),
                 "flat": (20_000, 500_000)}[unit]
        data["price"] = {"amount": net.amount(org.country.currency, *scale), "currency": org.country.currency,
                         "unit": unit}
        if net.chance(0.15):
            split = net.pick([(80, 10, 10), (60, 20, 20), (75, 15, 10), (70, 10, 20)])
            data["revenue_split"] = dict(zip(("consultant", "platform", "ess_fund"), split, strict=True))
    neighbours = rng.sample(places.COUNTRIES, k=rng.randint(0, 2))
    data["countries"] = sorted({org.country.code, *(c.code for c in neighbours)})
    data["languages"] = ["fr"] if net.chance(0.7) else ["fr", "en"]
    if net.chance(0.7):
        data["contact"] = {"name": net.person(), "email": f"services@{org.slug[:40].rstrip('-')}.example.org"}
        if net.chance(0.5):
            data["contact"]["phone"] = _phone(rng, org.country)
    data["summary"] = f"{pattern[0].format(**slots)}, proposé par {org.name}."
    items = rng.sample(C.ACTIVITIES, k=rng.randint(3, 5))
    pslots = _product_slots(org)
    paragraph = net.pick(C.GENERIC_PARAGRAPHS)
    bodies = [f"{paragraph[0]}\n\n## Ce que nous proposons\n\n" + _list([i[0].format(**pslots) for i in items], 0),
              f"{paragraph[1]}\n\n## What we offer\n\n" + _list([i[1].format(**pslots) for i in items], 1)]
    en = ({"title": f"{pattern[1].format(**slots)} — {org.city}",
           "summary": f"{pattern[1].format(**slots)}, offered by {org.name}."}, bodies[1]) if net.translate() else None
    net.write("services", slug, data, bodies[0], en)


# -- tenders ----------------------------------------------------------------------------------------------

def _tender(net: Network, index: int) -> None:
    rng = net.rng
    kind = net.pick(["study", "evaluation", "consulting", "training", "supply", "works", "other"],
                    [25, 20, 20, 15, 10, 5, 5])
    org = net.org()
    topic = net.topic(org.people.sectors[0])
    slots = {"topic": topic[0], "topic_en": topic[1], "city": org.city}
    title = C.TENDER_TITLES[kind][0].format(**slots)
    slug = net.slug(f"ao-{title}")
    data: dict = {"title": title}
    if net.chance(0.8):
        data["issuer"] = org.slug
    else:
        data["issuer_name"] = f"{net.pick(C.ISSUERS)[0]} ({org.city})"
    data["kind"] = kind
    published = net.day(-300, 0)
    if net.chance(0.9):
        data["published"] = published
    deadline = published + dt.timedelta(days=rng.randint(20, 75))
    if net.chance(0.5):
        data["deadline"] = f"{deadline:%Y-%m-%d} {net.pick(['12:00', '17:00', '18:00'])}"
        data["timezone"] = org.country.timezone
    else:
        data["deadline"] = deadline
    if net.chance(0.6):
        data["budget"] = {"amount": net.amount(org.country.currency, 2_000_000, 80_000_000),
                          "currency": org.country.currency}
    if net.chance(0.5):
        rel = f"documents/tenders/{slug[:60]}-tdr.pdf"
        _pdf(net.target / rel, title)
        data["documents"] = [{"title": "Termes de référence", "file": rel}]
    if net.chance(0.8):
        data["contact"] = {"name": net.person(), "email": f"appels@{org.slug[:40].rstrip('-')}.example.org"}
    data["countries"] = [org.country.code]
    data["summary"] = f"{title} : dossier de candidature à envoyer avant la date limite."
    parts = ["## Objet", f"Cet appel d’offres porte sur {topic[0]} pour les {org.people.fr} {C.de(org.city)}.",
             "## Livrables attendus",
             _list(["un rapport provisoire, puis un rapport final", "une restitution aux membres",
                    "un plan d’action chiffré"], 0),
             "## Comment répondre ?",
             "Envoyez une note méthodologique, vos références et une offre financière à l’adresse indiquée."]
    body_en = "\n\n".join(["## Purpose", f"This call covers {topic[1]} for {org.people.en} in {org.city}.",
                           "## Deliverables", "- a draft then a final report\n- a feedback session for members\n"
                           "- a costed action plan", "## How to apply",
                           "Send a methodology note, your references and a financial offer to the address given."])
    en = ({"title": C.TENDER_TITLES[kind][1].format(**slots),
           "summary": f"{C.TENDER_TITLES[kind][1].format(**slots)}: apply before the deadline."}, body_en) \
        if net.translate() else None
    net.write("tenders", slug, data, "\n\n".join(parts), en)


# -- news -------------------------------------------------------------------------------------------------

def _news(net: Network, index: int) -> None:
    rng = net.rng
    category = net.pick(["actualites", "plaidoyer", "forums", "annonces"], [45, 20, 20, 15])
    org = net.org()
    topic = net.topic(org.people.sectors[0])
    pattern = net.pick(C.NEWS_TITLES[category])
    slots = {"topic": topic[0], "topic_en": topic[1], "city": org.city, "org": org.name, "de_city": C.de(org.city)}
    title = pattern[0].format(**slots)
    date = net.day(-700, 0)
    slug = net.slug(f"{date:%Y-%m}-{title}")
    data: dict = {"title": title, "date": date, "category": category,
                  "authors": [net.person() for _ in range(rng.randint(1, 2))]}
    data["summary"] = f"{title}. {C.GENERIC_PARAGRAPHS[0][0].split(',')[0]}."
    if category == "annonces" and net.chance(0.3):
        data["sponsored"] = True
        data["sponsor"] = org.name
    if category == "plaidoyer" and net.chance(0.5):
        data["campaign"] = {"goal": f"Faire reconnaître {topic[0]} dans les politiques publiques.",
                            "call_to_action": {"label": "Signer l’appel",
                                               "url": f"https://campagnes.example.org/{slug[:40]}"}}
    if net.chance(0.6):
        related: dict = {"organisations": [org.slug]}
        if net.projects and net.chance(0.4):
            related["projects"] = [net.pick(net.projects)]
        if net.events and net.chance(0.3):
            related["events"] = [net.pick(net.events)]
        data["related"] = related
    paragraphs = rng.sample(C.GENERIC_PARAGRAPHS, k=rng.randint(3, 5))
    bodies = ["\n\n".join(p[lang] for p in paragraphs) for lang in (0, 1)]
    en = ({"title": pattern[1].format(**slots), "summary": f"{pattern[1].format(**slots)}."}, bodies[1]) \
        if net.translate() else None
    net.write("news", slug, data, bodies[0], en)


# -- files ------------------------------------------------------------------------------------------------

def _write_entry(path: Path, data: dict, body: str) -> None:
    header = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10_000)
    path.write_text(f"---\n{header}---\n\n{body}\n", encoding="utf-8")


def _logo(net: Network, slug: str, index: int) -> str:
    """A small distinct PNG per organisation: real logos are all different, so their resizing cost is real."""
    from PIL import Image, ImageDraw

    rel = f"images/logos/{slug[:60]}.png"
    rng = net.rng
    img = Image.new("RGB", (320, 320), tuple(rng.randint(150, 255) for _ in range(3)))
    draw = ImageDraw.Draw(img)
    for _ in range(4):
        x, y = rng.randint(0, 240), rng.randint(0, 240)
        draw.ellipse((x, y, x + rng.randint(40, 120), y + rng.randint(40, 120)),
                     fill=tuple(rng.randint(0, 160) for _ in range(3)))
    img.save(net.target / rel, "PNG")
    return rel


def _pdf(path: Path, title: str) -> None:
    text = _slugify(title)[:60]
    path.write_bytes(b"%PDF-1.4\n% synthetic terms of reference: " + text.encode() + b"\n%%EOF\n")


def _phone(rng: random.Random, country: places.Country) -> str:
    return f"+{country.phone} " + " ".join(f"{rng.randint(0, 99):02d}" for _ in range(4))


def _acronym(kind: str, people: str, city: str) -> str:
    words = [w for w in re.split(r"[\s’'-]+", f"{people} {city}") if len(w) > 3]
    letters = "".join(_slugify(w)[0] for w in words[:4]).upper()
    return f"{_slugify(kind)[:4].upper()}-{letters}"


def _safe_day(rng: random.Random, year: int, today: dt.date) -> dt.date:
    day = dt.date(year, rng.randint(1, 12), rng.randint(1, 28))
    return min(day, today)


def _round2(value: float) -> int:
    """Two significant digits, as people write budgets: 12 000 000, not 11 873 412."""
    if value < 100:
        return max(1, round(value))
    digits = len(str(int(value))) - 2
    return int(round(value / 10**digits) * 10**digits)


def _slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--organisations", "-n", type=int, default=1000)
    parser.add_argument("--output", "-o", type=Path, required=True, help="content folder to write (emptied first)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--translated", type=float, default=TRANSLATED_SHARE, help="share of entries with .en.md")
    parser.add_argument("--mix", choices=sorted(MIXES), default="default", help="entries of each kind per organisation")
    args = parser.parse_args(argv)
    counts = generate(args.output, args.organisations, seed=args.seed, translated=args.translated, mix=args.mix)
    print(f"{args.output}: " + ", ".join(f"{n} {kind}" for kind, n in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
