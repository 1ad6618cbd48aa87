"""The content model, stated once as data.

Every content kind of the site (organisation, project, event, service, tender, plus Pelican's news
articles and pages) is described here: its folder, its fields with type, requirement, allowed values (with
their labels) and a one-line description in French and English. Validation (`checks.py`), the contributor
documentation, the file templates, the JSON Schemas in `schemas/`, the web form and the pages' labels are
all derived from this module; what each field type accepts is stated in `fieldtypes.py`, and the rules
between fields in `crossrules.py`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .fieldtypes import TYPES as FIELD_TYPES
from .messages import N_

#: Field types (see fieldtypes.py). Scalar types take one value; `object` nests `fields`.
TYPES: tuple[str, ...] = tuple(FIELD_TYPES)


@dataclass(frozen=True)
class Choice:
    """One allowed code of a `choice` field, with its labels as msgids of the site's catalogues."""

    code: str
    label: str  # one entry: "Member"
    plural: str = ""  # where the site lists entries under the code: "Members"
    #: A sentence the site builds around the code, so that each language words it its own way
    #: (a price per unit: "%(price)s per day").
    phrase: str = ""


def codes_of(choices: tuple[Choice, ...]) -> tuple[str, ...]:
    return tuple(c.code for c in choices)


def labels(choices: tuple[Choice, ...]) -> dict[str, str]:
    """code -> msgid of its label, in the model's order."""
    return {c.code: c.label for c in choices}


def plurals(choices: tuple[Choice, ...]) -> dict[str, str]:
    """code -> msgid of its plural label (the label where no plural is stated)."""
    return {c.code: c.plural or c.label for c in choices}


def phrases(choices: tuple[Choice, ...]) -> dict[str, str]:
    return {c.code: c.phrase for c in choices if c.phrase}


@dataclass(frozen=True)
class Field:
    """One front-matter field."""

    name: str
    type: str
    fr: str
    en: str
    required: bool = False
    many: bool = False  # a list of values of `type`
    choices: tuple[Choice, ...] = ()
    ref: str = ""  # kind referred to, for type "ref"
    fields: tuple[Field, ...] = ()  # for type "object"
    translatable: bool = False  # may appear in a `<slug>.<lang>.md` translation
    example: object = None  # shown in templates and documentation

    def __post_init__(self) -> None:
        if self.type not in TYPES:
            raise ValueError(f"content model: field {self.name!r} has unknown type {self.type!r}")

    def subfield(self, name: str) -> Field | None:
        return next((f for f in self.fields if f.name == name), None)

    @property
    def codes(self) -> tuple[str, ...]:
        """The codes of `choices`, in order."""
        return codes_of(self.choices)


@dataclass(frozen=True)
class Kind:
    """A content kind: a folder of Markdown files, each one entry."""

    name: str  # singular identifier: "organisation"
    folder: str  # folder under content/: "organisations"
    output: str  # folder of the rendered pages: "organisations"
    title_field: str  # "name" or "title"
    fr: str  # label, plural, French
    en: str
    fields: tuple[Field, ...] = field(default=())
    pelican: bool = False  # read and kept by Pelican's own generators (news, pages)

    def get(self, name: str) -> Field | None:
        return next((f for f in self.fields if f.name == name), None)

    @property
    def translatable_fields(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields if f.translatable)


def F(name: str, type: str, fr: str, en: str, **kw) -> Field:  # noqa: N802 - reads as a table
    return Field(name, type, fr, en, **kw)


CONTACT = F(
    "contact", "object", "Personne à contacter", "Contact person",
    fields=(
        F("name", "text", "Nom", "Name"),
        F("email", "email", "Adresse e-mail", "E-mail address"),
        F("phone", "phone", "Téléphone, entre guillemets", "Phone number, in quotes"),
    ),
)
MONEY = (
    F("amount", "amount", "Montant", "Amount", required=True),
    F("currency", "currency", "Devise, code ISO 4217 (XOF, EUR…)", "Currency, ISO 4217 code (XOF, EUR…)",
      required=True),
)
EXAMPLE = F("example", "bool", "Entrée d’exemple fictive (affiche un badge, absente du site publié)",
            "Fictitious example entry (shows a badge, left out of the published site)")
SLUG = F("slug", "slug", "Identifiant ; doit être égal au nom du fichier", "Identifier; must equal the file name")
SUMMARY = F("summary", "longtext", "Résumé en une ou deux phrases", "One- or two-sentence summary",
            translatable=True)
COUNTRIES = F("countries", "country", "Pays couverts (codes ISO 3166-1 alpha-2)",
              "Countries served (ISO 3166-1 alpha-2 codes)", many=True)
LANGUAGES = F("languages", "language",
              "Langues (codes ISO 639 : fr, en, pt, ar, mos pour le mooré, dyu pour le dioula…)",
              "Languages (ISO 639 codes: fr, en, pt, ar, mos for Mossi, dyu for Dioula…)", many=True)
SECTORS = F("sectors", "sector", "Secteurs d’activité (codes de content/taxonomy.yml)",
            "Sectors of activity (codes from content/taxonomy.yml)", many=True)
UNPUBLISHED = F("unpublished", "bool", "Retirer l’entrée du site (demande de retrait)",
                "Remove the entry from the site (takedown request)")

C = Choice
MEMBERSHIP = (C("member", N_("Member"), N_("Members")), C("partner", N_("Partner"), N_("Partners")),
              C("observer", N_("Observer"), N_("Observers")), C("applicant", N_("Applicant"), N_("Applicants")))
PROJECT_STATUS = (C("seeking_funding", N_("Seeking funding")), C("funded", N_("Funded")),
                  C("in_progress", N_("In progress")), C("completed", N_("Completed")))
PROJECT_NEED = (C("funding", N_("Funding")), C("expertise", N_("Expertise")), C("equipment", N_("Equipment")),
                C("partnership", N_("Partnership")))
EVENT_KIND = (C("forum", N_("Forum"), N_("Forums")), C("assizes", N_("Assizes"), N_("Assizes")),
              C("training", N_("Training"), N_("Trainings")), C("webinar", N_("Webinar"), N_("Webinars")),
              C("meeting", N_("Meeting"), N_("Meetings")))
SERVICE_KIND = (C("training", N_("Training"), N_("Trainings")), C("consulting", N_("Consulting"), N_("Consulting")),
                C("study", N_("Study"), N_("Studies")), C("advertising", N_("Advertising"), N_("Advertising")))
PRICE_UNIT = (C("hour", N_("per hour"), phrase=N_("%(price)s per hour")),
              C("day", N_("per day"), phrase=N_("%(price)s per day")),
              C("session", N_("per session"), phrase=N_("%(price)s per session")),
              C("participant", N_("per participant"), phrase=N_("%(price)s per participant")),
              C("month", N_("per month"), phrase=N_("%(price)s per month")),
              C("project", N_("per project"), phrase=N_("%(price)s per project")),
              C("flat", N_("flat fee"), phrase=N_("%(price)s flat fee")))
TENDER_KIND = (C("study", N_("Study")), C("evaluation", N_("Evaluation")), C("consulting", N_("Consulting")),
               C("training", N_("Training")), C("supply", N_("Supply")), C("works", N_("Works")),
               C("other", N_("Other")))
NEWS_CATEGORY = (C("actualites", N_("General news")), C("plaidoyer", N_("Advocacy")),
                 C("forums", N_("Forums and reports")), C("annonces", N_("Announcements")))

#: The codes alone, for the modules that order or count by them.
MEMBERSHIP_STATUSES = codes_of(MEMBERSHIP)
PROJECT_STATUSES = codes_of(PROJECT_STATUS)
PROJECT_NEEDS = codes_of(PROJECT_NEED)
EVENT_KINDS = codes_of(EVENT_KIND)
SERVICE_KINDS = codes_of(SERVICE_KIND)
PRICE_UNITS = codes_of(PRICE_UNIT)
TENDER_KINDS = codes_of(TENDER_KIND)
NEWS_CATEGORIES = codes_of(NEWS_CATEGORY)
SPLIT_PARTS = ("consultant", "platform", "ess_fund")

REVENUE_SPLIT = F(
    "revenue_split", "object",
    "Répartition des revenus en pourcentage (somme = 100) ; remplace le réglage du site",
    "Revenue split in percent (sums to 100); overrides the site setting",
    fields=(
        F("consultant", "percent", "Part du consultant ou prestataire (%)", "Consultant or provider share (%)",
          required=True),
        F("platform", "percent", "Part de la gestion de la plateforme (%)", "Platform management share (%)",
          required=True),
        F("ess_fund", "percent", "Part du fonds de soutien aux activités ESS (%)",
          "SSE support fund share (%)", required=True),
    ),
)

ORGANISATION = Kind(
    "organisation", "organisations", "organisations", "name", "Organisations", "Organisations",
    fields=(
        F("name", "text", "Nom complet de l’organisation", "Full name of the organisation", required=True,
          translatable=True, example="Coopérative des maraîchères de Koudougou"),
        F("acronym", "text", "Sigle", "Acronym", example="COMAK"),
        F("legal_form", "legal_form", "Forme juridique (code de content/taxonomy.yml)",
          "Legal form (code from content/taxonomy.yml)", example="cooperative"),
        SECTORS,
        F("country", "country", "Pays du siège (code ISO 3166-1 alpha-2, ex. BF)",
          "Country of the head office (ISO 3166-1 alpha-2 code, e.g. BF)", example="BF"),
        F("city", "text", "Ville", "City", example="Koudougou"),
        F("coordinates", "object", "Coordonnées géographiques du siège", "Geographic coordinates of the head office",
          fields=(F("lat", "latitude", "Latitude (−90 à 90)", "Latitude (−90 to 90)", required=True),
                  F("lon", "longitude", "Longitude (−180 à 180)", "Longitude (−180 to 180)", required=True))),
        F("founded", "year", "Année de création", "Year founded", example=2004),
        F("membership", "object", "Adhésion au réseau", "Membership of the network", required=True,
          fields=(F("status", "choice", "Statut : member, partner, observer ou applicant",
                    "Status: member, partner, observer or applicant", required=True,
                    choices=MEMBERSHIP),
                  F("since", "date_or_year", "Depuis (année ou date)", "Since (year or date)"))),
        F("website", "url", "Site web (https://…)", "Website (https://…)"),
        F("email", "email", "Adresse e-mail publique", "Public e-mail address"),
        F("phone", "phone", "Téléphone, entre guillemets", "Phone number, in quotes"),
        F("contact_page_only", "bool",
          "E-mail et téléphone sur la page de l’organisation seulement (pas dans les données ouvertes ni "
          "l’annuaire imprimable)",
          "E-mail and phone on the organisation's page only (not in the open data nor the printable directory)"),
        F("logo", "image", "Logo : chemin d’une image sous content/ (PNG, JPEG, WebP ou GIF)",
          "Logo: path of an image under content/ (PNG, JPEG, WebP or GIF)"),
        LANGUAGES,
        F("maintainers", "handle", "Comptes Git autorisés à approuver les modifications de cette entrée",
          "Git host accounts allowed to approve changes to this entry", many=True),
        SUMMARY, SLUG, EXAMPLE, UNPUBLISHED,
    ),
)

PROJECT = Kind(
    "project", "projects", "projets", "title", "Projets", "Projects",
    fields=(
        F("title", "text", "Titre du projet", "Project title", required=True, translatable=True),
        F("organisation", "ref", "Organisation porteuse (identifiant)", "Lead organisation (identifier)",
          required=True, ref="organisation"),
        F("partners", "ref", "Organisations partenaires (identifiants)", "Partner organisations (identifiers)",
          many=True, ref="organisation"),
        F("country", "country", "Pays (code ISO 3166-1 alpha-2)", "Country (ISO 3166-1 alpha-2 code)",
          required=True),
        SECTORS,
        F("sdgs", "sdg", "Objectifs de développement durable (1 à 17)", "Sustainable Development Goals (1 to 17)",
          many=True),
        F("status", "choice", "Statut : seeking_funding, funded, in_progress ou completed",
          "Status: seeking_funding, funded, in_progress or completed", required=True, choices=PROJECT_STATUS),
        F("needs", "choice", "Besoins : funding, expertise, equipment, partnership",
          "Needs: funding, expertise, equipment, partnership", many=True, choices=PROJECT_NEED),
        F("funding", "object", "Financement recherché", "Funding sought",
          fields=(
              F("currency", "currency", "Devise (code ISO 4217)", "Currency (ISO 4217 code)", required=True),
              F("goal", "amount", "Objectif minimum", "Minimum target", required=True),
              F("optimum", "amount", "Objectif optimal (facultatif, au-dessus du minimum)",
                "Optimum target (optional, above the minimum)"),
              F("raised", "amount", "Montant déjà collecté", "Amount raised so far"),
              F("deadline", "date", "Date limite de la collecte", "Closing date of the campaign"),
              F("contributions", "object", "Contributions reçues", "Contributions received", many=True,
                fields=(F("name", "text", "Contributeur", "Contributor"),
                        F("anonymous", "bool", "Contribution anonyme", "Anonymous contribution"),
                        F("amount", "amount", "Montant", "Amount", required=True),
                        F("date", "date", "Date", "Date"))),
          )),
        F("published", "date", "Date de mise en ligne du projet (les plus récents sont en page d’accueil)",
          "Date the project was listed (the latest are shown on the home page)"),
        F("support", "longtext", "Comment soutenir le projet (compte bancaire, mobile money…)",
          "How to support the project (bank account, mobile money…)", translatable=True),
        CONTACT, SUMMARY, SLUG, EXAMPLE, UNPUBLISHED,
    ),
)

EVENT = Kind(
    "event", "events", "agenda", "title", "Agenda", "Events",
    fields=(
        F("title", "text", "Titre de l’événement", "Event title", required=True, translatable=True),
        F("kind", "choice", "Type : forum, assizes, training, webinar ou meeting",
          "Kind: forum, assizes, training, webinar or meeting", required=True, choices=EVENT_KIND),
        F("start", "datetime", "Début : 2027-03-10 ou \"2027-03-10 09:00\"",
          "Start: 2027-03-10 or \"2027-03-10 09:00\"", required=True),
        F("end", "datetime", "Fin, même forme que le début", "End, same form as the start"),
        F("timezone", "timezone", "Fuseau horaire IANA (ex. Africa/Ouagadougou), requis avec des heures",
          "IANA time zone (e.g. Africa/Ouagadougou), required when times are given"),
        F("location", "object", "Lieu", "Venue",
          fields=(F("venue", "text", "Salle ou bâtiment", "Venue", translatable=False),
                  F("city", "text", "Ville", "City"),
                  F("country", "country", "Pays (code ISO)", "Country (ISO code)"))),
        F("online", "url", "Lien de participation en ligne", "Online participation link"),
        F("organisers", "ref", "Organisations organisatrices (identifiants)", "Organising organisations (identifiers)",
          many=True, ref="organisation"),
        F("registration", "object", "Inscription", "Registration",
          fields=(F("url", "url", "Lien d’inscription", "Registration link"),
                  F("deadline", "date", "Date limite d’inscription", "Registration deadline"))),
        LANGUAGES,
        F("price", "object", "Prix de participation", "Participation fee", fields=MONEY),
        F("free", "bool", "Participation gratuite", "Free of charge"),
        SUMMARY, SLUG, EXAMPLE, UNPUBLISHED,
    ),
)

SERVICE = Kind(
    "service", "services", "services", "title", "Services", "Services",
    fields=(
        F("title", "text", "Intitulé de l’offre", "Title of the offer", required=True, translatable=True),
        F("kind", "choice", "Type : training, consulting, study ou advertising",
          "Kind: training, consulting, study or advertising", required=True, choices=SERVICE_KIND),
        F("provider", "ref", "Organisation prestataire (identifiant)", "Provider organisation (identifier)",
          required=True, ref="organisation"),
        F("price", "object", "Prix", "Price",
          fields=MONEY + (F("unit", "choice", "Unité : hour, day, session, participant, month, project ou flat",
                            "Unit: hour, day, session, participant, month, project or flat", required=True,
                            choices=PRICE_UNIT),)),
        REVENUE_SPLIT, COUNTRIES, LANGUAGES, CONTACT, SUMMARY, SLUG, EXAMPLE, UNPUBLISHED,
    ),
)

TENDER = Kind(
    "tender", "tenders", "appels-d-offres", "title", "Appels d’offres", "Calls for tenders",
    fields=(
        F("title", "text", "Objet de l’appel d’offres", "Subject of the call for tenders", required=True,
          translatable=True),
        F("issuer", "ref", "Organisation émettrice (identifiant) — ou issuer_name",
          "Issuing organisation (identifier) — or issuer_name", ref="organisation"),
        F("issuer_name", "text", "Nom de l’émetteur s’il n’est pas dans l’annuaire",
          "Issuer's name when it is not in the directory"),
        F("kind", "choice", "Type : study, evaluation, consulting, training, supply, works ou other",
          "Kind: study, evaluation, consulting, training, supply, works or other", required=True,
          choices=TENDER_KIND),
        F("published", "date", "Date de publication", "Publication date"),
        F("deadline", "datetime", "Date limite de dépôt : 2026-12-15 ou \"2026-12-15 17:00\"",
          "Submission deadline: 2026-12-15 or \"2026-12-15 17:00\"", required=True),
        F("timezone", "timezone", "Fuseau horaire IANA de la date limite", "IANA time zone of the deadline"),
        F("budget", "object", "Budget indicatif", "Indicative budget", fields=MONEY),
        F("documents", "object", "Documents du dossier", "Tender documents", many=True,
          fields=(F("title", "text", "Titre du document", "Document title", required=True),
                  F("file", "document", "Chemin du fichier sous content/", "File path under content/",
                    required=True))),
        CONTACT, COUNTRIES, SUMMARY, SLUG, EXAMPLE, UNPUBLISHED,
    ),
)

NEWS = Kind(
    "article", "news", "actualites", "title", "Actualités", "News", pelican=True,
    fields=(
        F("title", "text", "Titre", "Title", required=True, translatable=True),
        F("date", "datetime", "Date de publication", "Publication date", required=True),
        F("modified", "datetime", "Date de mise à jour", "Update date"),
        F("category", "choice", "Rubrique : actualites, plaidoyer, forums ou annonces",
          "Category: actualites, plaidoyer, forums or annonces", required=True, choices=NEWS_CATEGORY),
        F("authors", "text", "Auteurs", "Authors", many=True),
        F("sponsored", "bool", "Annonce sponsorisée (payante)", "Sponsored (paid) announcement"),
        F("sponsor", "text", "Annonceur", "Sponsor"),
        F("campaign", "object", "Campagne de plaidoyer", "Advocacy campaign",
          fields=(F("goal", "longtext", "Objectif de la campagne", "Campaign goal", translatable=True),
                  F("call_to_action", "object", "Appel à l’action", "Call to action",
                    fields=(F("label", "text", "Libellé", "Label", required=True),
                            F("url", "url", "Lien", "Link", required=True))))),
        F("related", "object", "Entrées concernées", "Related entries",
          fields=(F("organisations", "ref", "Organisations", "Organisations", many=True, ref="organisation"),
                  F("projects", "ref", "Projets", "Projects", many=True, ref="project"),
                  F("events", "ref", "Événements", "Events", many=True, ref="event"))),
        SUMMARY, SLUG, EXAMPLE, UNPUBLISHED,
        F("lang", "language", "Langue du fichier (déduite du nom)", "Language of the file (from its name)"),
    ),
)

PAGE = Kind(
    "page", "pages", "pages", "title", "Pages", "Pages", pelican=True,
    fields=(
        F("title", "text", "Titre", "Title", required=True, translatable=True),
        SUMMARY, SLUG,
        F("lang", "language", "Langue du fichier (déduite du nom)", "Language of the file (from its name)"),
    ),
)

#: Every kind, in navigation order. Entities first, then Pelican's own kinds.
KINDS: tuple[Kind, ...] = (ORGANISATION, PROJECT, EVENT, SERVICE, TENDER, NEWS, PAGE)
KINDS_BY_NAME = {k.name: k for k in KINDS}
KINDS_BY_FOLDER = {k.folder: k for k in KINDS}
ENTITY_KINDS = tuple(k for k in KINDS if not k.pelican)
