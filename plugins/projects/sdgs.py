"""The 17 Sustainable Development Goals: their official short names in French and English, as data.

Source: United Nations, "Sustainable Development Goals" — the goal icons' short titles published at
https://www.un.org/sustainabledevelopment/sustainable-development-goals/ (English) and
https://www.un.org/sustainabledevelopment/fr/objectifs-de-developpement-durable/ (French),
from resolution A/RES/70/1 "Transforming our world: the 2030 Agenda for Sustainable Development" (2015).
No installed library carries these names, hence this table. A language without its own column falls
back to English.
"""

from __future__ import annotations

SOURCE_URL = "https://www.un.org/sustainabledevelopment/sustainable-development-goals/"

#: goal number -> {language: official short name}
SDG_NAMES: dict[int, dict[str, str]] = {
    1: {"en": "No poverty", "fr": "Pas de pauvreté"},
    2: {"en": "Zero hunger", "fr": "Faim « zéro »"},
    3: {"en": "Good health and well-being", "fr": "Bonne santé et bien-être"},
    4: {"en": "Quality education", "fr": "Éducation de qualité"},
    5: {"en": "Gender equality", "fr": "Égalité entre les sexes"},
    6: {"en": "Clean water and sanitation", "fr": "Eau propre et assainissement"},
    7: {"en": "Affordable and clean energy", "fr": "Énergie propre et d’un coût abordable"},
    8: {"en": "Decent work and economic growth", "fr": "Travail décent et croissance économique"},
    9: {"en": "Industry, innovation and infrastructure", "fr": "Industrie, innovation et infrastructure"},
    10: {"en": "Reduced inequalities", "fr": "Inégalités réduites"},
    11: {"en": "Sustainable cities and communities", "fr": "Villes et communautés durables"},
    12: {"en": "Responsible consumption and production", "fr": "Consommation et production responsables"},
    13: {"en": "Climate action", "fr": "Mesures relatives à la lutte contre les changements climatiques"},
    14: {"en": "Life below water", "fr": "Vie aquatique"},
    15: {"en": "Life on land", "fr": "Vie terrestre"},
    16: {"en": "Peace, justice and strong institutions", "fr": "Paix, justice et institutions efficaces"},
    17: {"en": "Partnerships for the goals", "fr": "Partenariats pour la réalisation des objectifs"},
}


def sdg_name(number: int, lang: str) -> str:
    """The goal's official short name in `lang` (English when the language has no column)."""
    names = SDG_NAMES[number]
    return names.get(lang, names["en"])
