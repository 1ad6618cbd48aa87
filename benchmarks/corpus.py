"""French (and parallel English) phrases from which the synthetic entries are assembled.

Every phrase is a (French, English) pair filled with the same slots, so that a translation says the same
thing as its original. The vocabulary is wide on purpose: the search index and Markdown rendering costs
depend on how varied the text is, and a network of near-identical entries would flatter both.
"""

from __future__ import annotations

from dataclasses import dataclass

Pair = tuple[str, str]


@dataclass(frozen=True)
class OrgType:
    fr: str
    en: str
    legal_form: str
    feminine: bool  # French agreement: « fondée », « elle »


ORG_TYPES: tuple[tuple[OrgType, int], ...] = (
    (OrgType("Coopérative", "Cooperative", "cooperative", True), 30),
    (OrgType("Association", "Association", "association", True), 22),
    (OrgType("Mutuelle", "Mutual", "mutual", True), 9),
    (OrgType("Union", "Union", "union_federation", True), 6),
    (OrgType("Fédération", "Federation", "union_federation", True), 3),
    (OrgType("Réseau", "Network", "network", False), 7),
    (OrgType("GIE", "Economic interest group", "economic_interest_group", False), 8),
    (OrgType("Entreprise sociale", "Social enterprise", "social_enterprise", True), 7),
    (OrgType("Fondation", "Foundation", "foundation", True), 2),
    (OrgType("Groupement", "Group", "informal_group", False), 6),
)


@dataclass(frozen=True)
class People:
    """Who the members are, what they make, and the sectors that go with it."""

    fr: str
    en: str
    product: Pair
    sectors: tuple[str, ...]


PEOPLE: tuple[People, ...] = (
    People("productrices de karité", "shea butter producers", ("le beurre de karité", "shea butter"),
           ("agriculture", "crafts_manufacturing")),
    People("maraîchères", "market gardeners", ("les légumes de saison", "seasonal vegetables"),
           ("agriculture", "trade")),
    People("transformatrices de céréales locales", "local cereal processors",
           ("les farines enrichies", "fortified flours"), ("agriculture", "hospitality_food")),
    People("pêcheurs artisanaux", "small-scale fishers", ("le poisson fumé", "smoked fish"), ("agriculture", "trade")),
    People("transformatrices de poisson", "fish processors", ("le poisson séché", "dried fish"),
           ("crafts_manufacturing", "trade")),
    People("artisans du cuir", "leather craftspeople", ("les sacs et sandales en cuir", "leather bags and sandals"),
           ("crafts_manufacturing",)),
    People("tisserandes", "weavers", ("les pagnes tissés", "woven cloth"), ("crafts_manufacturing", "culture_sports")),
    People("couturières et teinturières", "seamstresses and dyers",
           ("les tissus teints à l’indigo", "indigo-dyed fabrics"), ("crafts_manufacturing",)),
    People("apiculteurs", "beekeepers", ("le miel et la cire", "honey and wax"), ("agriculture",)),
    People("éleveurs de volaille", "poultry farmers", ("les œufs et les poulets", "eggs and chickens"),
           ("agriculture",)),
    People("éleveurs pastoraux", "pastoralists", ("le lait et le fromage peul", "milk and Fulani cheese"),
           ("agriculture", "hospitality_food")),
    People("jeunes agriculteurs", "young farmers", ("le riz paddy", "paddy rice"), ("agriculture",)),
    People("riziculteurs", "rice growers", ("le riz étuvé", "parboiled rice"), ("agriculture", "trade")),
    People("productrices d’huile d’argan", "argan oil producers", ("l’huile d’argan", "argan oil"),
           ("agriculture", "crafts_manufacturing")),
    People("récupérateurs de déchets", "waste pickers", ("le plastique recyclé", "recycled plastic"),
           ("recycling_water",)),
    People("artisans réparateurs", "repairers", ("les appareils reconditionnés", "refurbished appliances"),
           ("community_services", "recycling_water")),
    People("conducteurs de taxi-moto", "motorbike taxi drivers", ("le transport de proximité", "local transport"),
           ("transport",)),
    People("commerçantes du marché", "market traders", ("les produits vivriers", "staple foods"), ("trade",)),
    People("agents de santé communautaire", "community health workers", ("les soins de proximité", "primary care"),
           ("health_social",)),
    People("enseignants et animateurs", "teachers and facilitators",
           ("les cours d’alphabétisation", "literacy classes"), ("education",)),
    People("jeunes diplômés", "young graduates", ("les services numériques", "digital services"),
           ("ict", "professional_services")),
    People("artistes et musiciens", "artists and musicians", ("les spectacles vivants", "live performances"),
           ("culture_sports",)),
    People("guides et hôtes de villages", "village guides and hosts", ("les séjours solidaires", "community stays"),
           ("management_tourism", "hospitality_food")),
    People("maçons et artisans du bâtiment", "builders and craftsmen", ("les briques de terre compressée",
           "compressed earth bricks"), ("construction", "housing")),
    People("familles sans logement décent", "families without decent housing", ("les logements coopératifs",
           "cooperative homes"), ("housing",)),
    People("épargnantes des tontines", "tontine savers", ("l’épargne et le microcrédit", "savings and microcredit"),
           ("finance_insurance",)),
    People("travailleurs de l’économie informelle", "informal economy workers", ("la couverture maladie",
           "health coverage"), ("finance_insurance", "health_social")),
    People("installateurs solaires", "solar installers", ("les kits solaires", "solar kits"), ("energy",)),
    People("productrices de foyers améliorés", "improved cookstove makers", ("les foyers améliorés",
           "improved cookstoves"), ("energy", "crafts_manufacturing")),
    People("gestionnaires de points d’eau", "water point managers", ("l’eau potable", "drinking water"),
           ("recycling_water",)),
    People("collectivités et élus locaux", "local authorities and councillors", ("les politiques locales de l’ESS",
           "local SSE policies"), ("public_administration",)),
    People("organisations de solidarité internationale", "international solidarity organisations",
           ("les partenariats Nord-Sud", "North-South partnerships"), ("international_cooperation",)),
    People("familles rurales", "rural households", ("les jardins de case", "home gardens"),
           ("household", "agriculture")),
    People("cuisinières de rue", "street food cooks", ("les repas à petit prix", "affordable meals"),
           ("hospitality_food",)),
)

#: Topics for projects, events, services, tenders and news: (French, English, sector).
TOPICS: tuple[tuple[str, str, str], ...] = (
    ("la gestion financière des coopératives", "financial management of cooperatives", "finance_insurance"),
    ("l’agroécologie et la fertilité des sols", "agroecology and soil fertility", "agriculture"),
    ("la transformation du karité", "shea processing", "crafts_manufacturing"),
    ("l’épargne et le crédit solidaires", "solidarity savings and credit", "finance_insurance"),
    ("la mutualisation des risques de santé", "pooling health risks", "health_social"),
    ("le recyclage des déchets plastiques", "plastic waste recycling", "recycling_water"),
    ("l’énergie solaire en milieu rural", "solar energy in rural areas", "energy"),
    ("la commercialisation collective", "collective marketing", "trade"),
    ("la gouvernance démocratique", "democratic governance", "community_services"),
    ("l’entrepreneuriat des jeunes", "youth entrepreneurship", "professional_services"),
    ("l’autonomisation économique des femmes", "women’s economic empowerment", "health_social"),
    ("la pêche artisanale durable", "sustainable small-scale fishing", "agriculture"),
    ("l’accès à l’eau potable", "access to drinking water", "recycling_water"),
    ("l’habitat coopératif", "cooperative housing", "housing"),
    ("le tourisme solidaire", "solidarity tourism", "management_tourism"),
    ("le commerce équitable", "fair trade", "trade"),
    ("la finance solidaire", "solidarity finance", "finance_insurance"),
    ("le paiement mobile", "mobile payment", "ict"),
    ("la formation professionnelle", "vocational training", "education"),
    ("l’alphabétisation fonctionnelle", "functional literacy", "education"),
    ("la santé communautaire", "community health", "health_social"),
    ("la protection sociale des travailleurs informels", "social protection for informal workers", "health_social"),
    ("la transformation des céréales locales", "local cereal processing", "hospitality_food"),
    ("l’apiculture", "beekeeping", "agriculture"),
    ("l’aviculture villageoise", "village poultry farming", "agriculture"),
    ("la conservation des récoltes", "crop storage", "agriculture"),
    ("le reboisement", "reforestation", "agriculture"),
    ("la gestion des forêts communautaires", "community forest management", "agriculture"),
    ("les cantines scolaires", "school canteens", "education"),
    ("l’artisanat textile", "textile crafts", "crafts_manufacturing"),
    ("la réparation et le réemploi", "repair and reuse", "recycling_water"),
    ("le numérique au service des coopératives", "digital tools for cooperatives", "ict"),
    ("la comptabilité simplifiée", "simple bookkeeping", "professional_services"),
    ("le plaidoyer pour l’ESS", "advocacy for the SSE", "international_cooperation"),
    ("les politiques publiques de l’ESS", "public policies for the SSE", "public_administration"),
    ("les chaînes de valeur agricoles", "agricultural value chains", "agriculture"),
    ("le maraîchage biologique", "organic market gardening", "agriculture"),
    ("l’élevage pastoral", "pastoral livestock farming", "agriculture"),
    ("la transformation du poisson", "fish processing", "crafts_manufacturing"),
    ("les foyers de cuisson améliorés", "improved cookstoves", "energy"),
    ("la construction en terre crue", "earth building", "construction"),
    ("la culture et les industries créatives", "culture and creative industries", "culture_sports"),
    ("les transports partagés", "shared transport", "transport"),
)

ACTIVITIES: tuple[Pair, ...] = (
    ("achats groupés d’intrants et de matériel", "group purchasing of inputs and equipment"),
    ("vente collective {de_product} sur les marchés {de_city}",
     "collective sale of {product_en} in the markets of {city}"),
    ("formation des nouveaux membres aux bonnes pratiques", "training new members in good practice"),
    ("caisse d’épargne et de crédit entre membres", "a savings and credit fund among members"),
    ("transformation et conditionnement {de_product}", "processing and packaging of {product_en}"),
    ("alphabétisation fonctionnelle en langues nationales", "functional literacy in national languages"),
    ("suivi de la qualité et traçabilité des produits", "quality monitoring and product traceability"),
    ("participation aux foires et salons de l’économie sociale", "taking part in social economy fairs and shows"),
    ("plaidoyer auprès des collectivités locales", "advocacy with local authorities"),
    ("accompagnement des membres vers la protection sociale", "helping members obtain social protection"),
    ("gestion d’un magasin de stockage commun", "running a shared storehouse"),
    ("location de matériel à prix coûtant aux membres", "renting equipment to members at cost"),
    ("échanges d’expériences avec d’autres organisations de la région",
     "exchanges with other organisations of the region"),
    ("appui à la création d’activités génératrices de revenus", "support for income-generating activities"),
    ("sensibilisation à l’hygiène et à la nutrition", "awareness-raising on hygiene and nutrition"),
    ("mise en relation avec les institutions de microfinance", "links with microfinance institutions"),
    ("certification biologique et équitable {de_product}", "organic and fair-trade certification of {product_en}"),
    ("animation d’un fonds de solidarité pour les coups durs", "a solidarity fund for hard times"),
)

INTROS: tuple[Pair, ...] = (
    ("{name} est {a_type} {founded_fr} en {year} à {city}. {Pron} rassemble {members} membres, en majorité des "
     "{people}.",
     "{name} is {a_type_en} founded in {year} in {city}. It brings together {members} members, most of them "
     "{people_en}."),
    ("Créée à {city} en {year}, {name} réunit aujourd’hui {members} {people} qui ont choisi de travailler ensemble.",
     "Set up in {city} in {year}, {name} now brings together {members} {people_en} who chose to work together."),
    ("Depuis {year}, {name} accompagne les {people} {de_city} et des villages voisins ; {pron} compte {members} "
     "membres.",
     "Since {year}, {name} has supported {people_en} in {city} and nearby villages; it has {members} members."),
)

MISSIONS: tuple[Pair, ...] = (
    ("Notre objectif est d’améliorer les revenus de nos membres en valorisant {product} et en partageant les "
     "bénéfices de façon équitable.",
     "Our aim is to raise our members’ incomes by adding value to {product_en} and sharing the benefits fairly."),
    ("Nous défendons une économie au service des personnes : chaque décision est prise collectivement, et les "
     "excédents restent dans la communauté.",
     "We stand for an economy that serves people: every decision is taken together, and surpluses stay in the "
     "community."),
    ("Face à la hausse des prix et à la précarité, nous avons fait le choix de la coopération plutôt que de la "
     "concurrence entre producteurs.",
     "Faced with rising prices and insecurity, we chose cooperation over competition between producers."),
    ("Nous travaillons sur {topic}, en lien avec les services techniques de l’État et les autres acteurs de "
     "l’économie sociale et solidaire.",
     "We work on {topic_en}, together with government technical services and other social and solidarity "
     "economy actors."),
    ("Notre priorité : que les femmes et les jeunes accèdent aux responsabilités et aux moyens de production.",
     "Our priority: that women and young people gain responsibilities and access to the means of production."),
)

GOVERNANCE: tuple[Pair, ...] = (
    ("Chaque membre dispose d’une voix à l’assemblée générale, qui élit le conseil d’administration pour {k} ans.",
     "Each member has one vote at the general assembly, which elects the board for {k} years."),
    ("Les excédents sont affectés aux réserves et à un fonds de solidarité décidé en assemblée.",
     "Surpluses go to reserves and to a solidarity fund decided by the assembly."),
    ("Les comptes sont présentés chaque année aux membres et vérifiés par un commissaire aux comptes.",
     "Accounts are presented to members every year and checked by an auditor."),
    ("Un comité de femmes veille à la participation de toutes aux décisions et à la répartition des tâches.",
     "A women’s committee makes sure everyone takes part in decisions and in sharing the work."),
    ("Le bureau se réunit chaque mois ; les procès-verbaux sont affichés au siège et lus en langue locale.",
     "The board meets every month; the minutes are posted at the office and read out in the local language."),
    ("Les nouveaux membres suivent une formation de deux jours sur les principes coopératifs avant leur adhésion.",
     "New members take a two-day course on cooperative principles before they join."),
)

NEEDS_TEXT: tuple[Pair, ...] = (
    ("Nous recherchons des partenaires pour {topic}.", "We are looking for partners for {topic_en}."),
    ("Nous souhaitons échanger avec d’autres organisations sur {topic}.",
     "We would like to exchange with other organisations on {topic_en}."),
    ("Un appui technique sur {topic} nous permettrait de doubler notre production d’ici trois ans.",
     "Technical support on {topic_en} would let us double our output within three years."),
    ("Nos membres ont besoin de formations pratiques, données près de chez elles et dans leur langue.",
     "Our members need practical training, given close to home and in their language."),
)

PROJECT_ACTIONS: tuple[Pair, ...] = (
    ("Construire un magasin de stockage", "Build a storehouse"),
    ("Équiper une unité de transformation", "Equip a processing unit"),
    ("Installer un forage solaire", "Install a solar-powered borehole"),
    ("Créer un fonds de crédit rotatif", "Set up a revolving credit fund"),
    ("Former cent jeunes", "Train a hundred young people"),
    ("Ouvrir une boutique coopérative", "Open a cooperative shop"),
    ("Acheter un tricycle de collecte", "Buy a collection tricycle"),
    ("Aménager des périmètres maraîchers", "Develop market gardens"),
    ("Lancer une mutuelle de santé", "Launch a health mutual"),
    ("Électrifier un atelier", "Bring electricity to a workshop"),
    ("Réhabiliter un centre de formation", "Refurbish a training centre"),
    ("Installer une chambre froide", "Install a cold room"),
    ("Développer une plateforme de vente en ligne", "Build an online sales platform"),
    ("Planter une pépinière communautaire", "Plant a community nursery"),
)

PROJECT_SECTIONS: tuple[tuple[Pair, tuple[Pair, ...]], ...] = (
    (("Le besoin", "The need"), (
        ("Aujourd’hui, nos membres perdent une grande partie de leur production faute de {missing}.",
         "Today our members lose much of their output for lack of {missing_en}."),
        ("Les prix payés aux producteurs restent bas et les intermédiaires captent l’essentiel de la valeur.",
         "Prices paid to producers remain low and middlemen take most of the value."),
        ("Pendant la saison sèche, l’activité s’arrête plusieurs mois et les familles s’endettent.",
         "In the dry season, work stops for months and families fall into debt."),
    )),
    (("Le projet", "The project"), (
        ("Le projet permettra à {members} membres de travailler toute l’année à {city}.",
         "The project will let {members} members work all year round in {city}."),
        ("Il prévoit la formation d’un comité de gestion et un suivi pendant deux ans.",
         "It includes training a management committee and two years of follow-up."),
        ("Les équipements resteront la propriété collective de l’organisation.",
         "The equipment will remain the collective property of the organisation."),
    )),
    (("Les résultats attendus", "Expected results"), (
        ("Une hausse des revenus d’au moins {pct} % pour les membres.",
         "An income rise of at least {pct}% for members."),
        ("Des pertes après récolte divisées par deux.", "Post-harvest losses cut by half."),
        ("{jobs} emplois créés, dont une majorité pour des femmes et des jeunes.",
         "{jobs} jobs created, most of them for women and young people."),
    )),
)

MISSING: tuple[Pair, ...] = (
    ("lieu de stockage adapté", "proper storage"), ("moyens de transport", "transport"),
    ("matériel de transformation", "processing equipment"), ("accès à l’eau", "access to water"),
    ("fonds de roulement", "working capital"), ("électricité fiable", "reliable electricity"),
)

EVENT_TITLES: dict[str, tuple[Pair, ...]] = {
    "forum": (("Forum régional de l’ESS sur {topic}", "Regional SSE forum on {topic_en}"),
              ("Forum des coopératives {de_city}", "Forum of the cooperatives of {city}")),
    "assizes": (("Assises nationales de l’économie sociale et solidaire", "National assizes of the social and "
                 "solidarity economy"), ("Assises de la mutualité : {topic}", "Mutual sector assizes: {topic_en}")),
    "training": (("Formation : {topic}", "Training: {topic_en}"), ("Atelier pratique sur {topic}",
                 "Hands-on workshop on {topic_en}")),
    "webinar": (("Webinaire : {topic}", "Webinar: {topic_en}"), ("Rencontre en ligne sur {topic}",
                "Online meeting on {topic_en}")),
    "meeting": (("Réunion des membres du réseau à {city}", "Network members’ meeting in {city}"),
                ("Assemblée générale annuelle à {city}", "Annual general assembly in {city}")),
}

SERVICE_TITLES: dict[str, tuple[Pair, ...]] = {
    "training": (("Formation à {topic}", "Training in {topic_en}"), ("Cycle de formation : {topic}",
                 "Training course: {topic_en}")),
    "consulting": (("Appui-conseil en {topic}", "Advisory support on {topic_en}"),
                   ("Accompagnement sur {topic}", "Coaching on {topic_en}")),
    "study": (("Étude de filière : {topic}", "Value chain study: {topic_en}"), ("Diagnostic organisationnel et {topic}",
              "Organisational assessment and {topic_en}")),
    "advertising": (("Annonce dans la lettre du réseau", "Advertisement in the network newsletter"),
                    ("Campagne radio communautaire", "Community radio campaign")),
}

TENDER_TITLES: dict[str, Pair] = {
    "study": ("Étude de faisabilité sur {topic} à {city}", "Feasibility study on {topic_en} in {city}"),
    "evaluation": ("Évaluation finale d’un projet sur {topic}", "Final evaluation of a project on {topic_en}"),
    "consulting": ("Mission d’appui-conseil sur {topic}", "Advisory assignment on {topic_en}"),
    "training": ("Formation des membres sur {topic}", "Training members on {topic_en}"),
    "supply": ("Fourniture d’équipements pour {topic}", "Supply of equipment for {topic_en}"),
    "works": ("Travaux de construction d’un centre à {city}", "Construction works for a centre in {city}"),
    "other": ("Prestation de communication sur {topic}", "Communication services on {topic_en}"),
}

NEWS_TITLES: dict[str, tuple[Pair, ...]] = {
    "actualites": (("{org} ouvre un nouveau centre à {city}", "{org} opens a new centre in {city}"),
                   ("Bilan de l’année pour {org}", "A year in review for {org}")),
    "plaidoyer": (("Campagne : reconnaître {topic} dans la loi", "Campaign: recognising {topic_en} in law"),
                  ("Appel pour {topic}", "A call for {topic_en}")),
    "forums": (("Retour sur le forum {de_city}", "Looking back at the {city} forum"),
               ("Ce qu’il faut retenir des échanges sur {topic}", "Key points from the discussion on {topic_en}")),
    "annonces": (("Annonce : {org} recrute", "Announcement: {org} is hiring"),
                 ("Offre spéciale sur {topic}", "Special offer on {topic_en}")),
}

GENERIC_PARAGRAPHS: tuple[Pair, ...] = (
    ("Les organisations de l’économie sociale et solidaire créent des emplois durables au plus près des "
     "populations, et réinvestissent leurs excédents dans leurs territoires.",
     "Social and solidarity economy organisations create lasting jobs close to people and reinvest their surpluses "
     "locally."),
    ("Cette démarche s’inscrit dans les orientations adoptées lors des dernières assises, qui appellent à mieux "
     "reconnaître la place des coopératives, des mutuelles et des associations.",
     "This approach follows the guidelines adopted at the last assizes, which call for better recognition of "
     "cooperatives, mutuals and associations."),
    ("Les participants ont insisté sur l’accès au financement, la formation des dirigeantes et le partage "
     "d’expériences entre pays.",
     "Participants stressed access to finance, training for women leaders and sharing experience between countries."),
    ("Les inscriptions sont ouvertes à toutes les organisations membres, partenaires ou simplement intéressées.",
     "Registration is open to every member or partner organisation, and to anyone interested."),
    ("Les échanges se déroulent en français, avec une interprétation en anglais et en langues nationales lorsque "
     "c’est possible.",
     "Discussions are held in French, with interpretation into English and national languages where possible."),
    ("Un compte rendu sera publié sur le site et envoyé aux membres du réseau.",
     "A report will be published on the site and sent to network members."),
)

FIRST_NAMES = ("Awa", "Fatoumata", "Aminata", "Mariam", "Adjoa", "Kossi", "Moussa", "Ibrahim", "Oumar", "Salif",
               "Aïcha", "Rokia", "Yaya", "Koffi", "Akosua", "Mamadou", "Ngozi", "Wanjiru", "Hery", "Fanta",
               "Léontine", "Sékou", "Zeinab", "Noël", "Hélène", "Josiane", "Émile", "Chantal", "Boubacar", "Khadija")
LAST_NAMES = ("Ouédraogo", "Diallo", "Traoré", "Koné", "Sawadogo", "Diop", "Ndiaye", "Kouassi", "Mensah", "Agbéko",
              "Camara", "Coulibaly", "Sanou", "Zongo", "Bamba", "Okafor", "Kamau", "Rakoto", "Mbarga", "Nkurunziza",
              "Benali", "Touré", "Sylla", "Kaboré", "Dossou", "Hounkpè", "Tchindébé", "Mukendi", "Njoroge", "Abena")
#: Names groups often give themselves (Mooré, Bambara, Wolof, Swahili…: "unity", "mutual aid", "progress").
GROUP_NAMES = ("Benkadi", "Teg-Taaba", "Nong-Taaba", "Yiriwa", "Sinignasigui", "Jigiya", "Dimbaya", "Wend-Panga",
               "Songtaaba", "Ndimbal", "Akwaba", "Harambee", "Ujamaa", "Ubuntu", "Dental", "Jappo", "Bokk Jom",
               "Kawral", "Sababu", "Baraka", "Nafa", "Tanti", "Espoir", "Avenir", "Solidarité", "Entente")
ISSUERS: tuple[Pair, ...] = (
    ("Ministère de l’Économie sociale et solidaire", "Ministry of the Social and Solidarity Economy"),
    ("Programme d’appui aux coopératives agricoles", "Agricultural cooperatives support programme"),
    ("Fonds national de la finance inclusive", "National inclusive finance fund"),
    ("Agence de développement régional", "Regional development agency"),
    ("Conseil municipal", "Town council"),
)
VENUES = ("Maison de la femme", "Centre culturel", "Salle des fêtes de la mairie", "Chambre de commerce",
          "Centre de formation agricole", "Maison des jeunes", "Hôtel de ville", "Université, amphithéâtre A")


def de(text: str) -> str:
    """French « de » before `text`, contracted and elided: du riz, des pagnes, de l’huile, d’Abidjan."""
    for article, contracted in (("le ", "du "), ("les ", "des "), ("la ", "de la "), ("l’", "de l’")):
        if text.startswith(article):
            return contracted + text[len(article):]
    return ("d’" if text[:1].lower() in "aeiouéèêâîôûh" else "de ") + text
