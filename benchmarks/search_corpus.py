"""Synthetic French search documents for the search benchmark and tests.

Each document is what the site gives ``build_search_index``: a title, a kind,
a country name and a ~40-word summary drawn from an ESS vocabulary with a
Zipf-like frequency, so that a few words are everywhere and most are rare,
as in real text. Deterministic for a given seed.
"""

from __future__ import annotations

import random

from babel import Locale

AFRICA = (
    "BF BJ CI CM CD CG SN ML NE TG GH NG KE TZ UG RW MA TN DZ MG CV KM MU ST SC "
    "GA GN GW MR TD CF BI ET ZA ZW ZM MW MZ AO NA BW LS SZ SL LR GM DJ ER SO SD SS EG LY"
).split()

KINDS = (
    ("organisation", "Organisation", 50),
    ("project", "Projet", 20),
    ("event", "Événement", 10),
    ("service", "Service", 8),
    ("tender", "Appel d'offres", 5),
    ("news", "Actualité", 5),
    ("page", "Page", 2),
)

WORDS = """
coopérative coopératives économie sociale solidaire solidarité femmes jeunes agriculture agricole
agricoles productrices producteurs transformation commercialisation karité arachide mil sorgho maïs
riz manioc coton cacao café anacarde noix sésame miel maraîchage élevage pêche artisanat tissage
teinture savon beurre formation formations accompagnement renforcement capacités gouvernance
démocratique assemblée générale membres adhérents adhésion mutuelle mutuelles santé épargne crédit
microfinance tontine caisse financement subvention fonds investissement partenaires partenariat
réseau réseaux plateforme plaidoyer politique publique loi cadre juridique statut association
associations groupement groupements union fédération faîtière entreprise entreprises sociales
emploi emplois insertion revenus autonomisation économique rurale rurales urbaine villages quartiers
commune communes région régions national international développement durable environnement climat
énergie solaire reboisement biodiversité eau assainissement hygiène éducation alphabétisation école
enfants handicap personnes vulnérables inclusion numérique téléphone mobile paiement marché marchés
export qualité certification biologique équitable commerce circuit court transformation locale
unité atelier équipement matériel séchoir moulin entrepôt stockage récolte semences engrais
compost irrigation terres foncier accès droits égalité genre leadership innovation recherche étude
diagnostic évaluation suivi rapport forum assises atelier webinaire rencontre échange visite
consultance conseil expertise audit comptabilité gestion planification stratégie projet projets
programme appui technique bailleurs coopération décentralisée collectivités territoriales municipalité
ministère gouvernement afrique ouest centrale continentale sahel côtière lagune forêt savane désert
pastoralisme transhumance bétail volaille lait fromagerie boulangerie restauration hôtellerie tourisme
culture patrimoine musique théâtre sport jeunesse volontariat bénévolat citoyenneté paix cohésion
sociale migrants diaspora transfert solidarité intergénérationnelle habitat logement construction
briques matériaux recyclage déchets plastique collecte tri valorisation économie circulaire
""".split()

CITIES = """Ouagadougou Bobo-Dioulasso Koudougou Dakar Thiès Ziguinchor Bamako Ségou Sikasso Niamey
Zinder Lomé Kara Cotonou Parakou Abidjan Bouaké Korhogo Douala Yaoundé Garoua Kinshasa Goma Bukavu
Brazzaville Accra Kumasi Lagos Kano Nairobi Kisumu Arusha Kampala Kigali Rabat Casablanca Tunis Sfax
Antananarivo Praia Moroni Libreville Conakry Nouakchott Ndjamena Bujumbura Addis-Abeba""".split()

TITLE_PATTERNS = (
    "Coopérative {a} de {city}",
    "Union des {b} de {city}",
    "Projet {a} et {b}",
    "Forum {a} {city}",
    "Formation en {a}",
    "Appel d'offres : étude {a}",
    "Réseau {a} du {country}",
    "Mutuelle {a} {city}",
    "Association {a} pour le {b}",
)


def synthetic_docs(count: int, seed: int = 7, lang: str = "fr") -> list[dict]:
    """``count`` documents as build_search_index expects them, deterministic per seed."""
    rng = random.Random(seed)
    locale = Locale.parse(lang)
    countries = [locale.territories[code] for code in AFRICA]
    vocabulary = sorted(WORDS)
    rng.shuffle(vocabulary)  # frequency rank independent of the list order
    # Zipf-Mandelbrot: the commonest content word is in about a third of the summaries.
    weights = [1 / (rank + 30) for rank in range(len(vocabulary))]
    kind_weights = [w for _c, _l, w in KINDS]
    docs = []
    for n in range(count):
        kind, label, _w = rng.choices(KINDS, kind_weights)[0]
        city = rng.choice(CITIES)
        country = rng.choice(countries)
        words = rng.choices(vocabulary, weights, k=rng.randint(32, 48))
        title = rng.choice(TITLE_PATTERNS).format(
            a=rng.choice(WORDS), b=rng.choice(WORDS), city=city, country=country
        )
        text = " ".join(words).capitalize() + f". Basée à {city}."
        acronym = "".join(w[0] for w in title.split()[:4]).upper()
        docs.append(
            {
                "id": f"{kind}-{n:05d}",
                "url": f"{kind}s/{kind}-{n:05d}.html",
                "kind": kind,
                "kind_label": label,
                "title": f"{title} {n}",
                "country": country if kind != "page" else "",
                "text": text,
                "extra": f"{acronym} {city}",
            }
        )
    return docs
