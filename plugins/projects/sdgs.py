"""The 17 Sustainable Development Goals: their official short names in French, English and Portuguese, as data.

Source: United Nations, "Sustainable Development Goals" — the goal icons' short titles published at
https://www.un.org/sustainabledevelopment/sustainable-development-goals/ (English) and
https://www.un.org/sustainabledevelopment/fr/objectifs-de-developpement-durable/ (French),
from resolution A/RES/70/1 "Transforming our world: the 2030 Agenda for Sustainable Development" (2015).
Portuguese (the UN site has no Portuguese version): the United Nations Regional Information Centre's titles of the
same icons, https://unric.org/pt/objetivos-de-desenvolvimento-sustentavel/ and its brochure "Guia sobre
Desenvolvimento Sustentável: 17 objetivos para transformar o nosso mundo" (SDG_brochure_PT-web.pdf) — European
Portuguese, the written norm of Mozambique, Angola, Cabo Verde, Guinea-Bissau and São Tomé e Príncipe (the UN
Brazil office's names, "Fome zero e agricultura sustentável"…, follow Brazilian usage).
No installed library carries these names, hence this table. A language without its own column falls
back to English.
"""

from __future__ import annotations

SOURCE_URL = "https://www.un.org/sustainabledevelopment/sustainable-development-goals/"

#: goal number -> {language: official short name}
SDG_NAMES: dict[int, dict[str, str]] = {
    1: {"en": "No poverty", "fr": "Pas de pauvreté", "pt": "Erradicar a pobreza"},
    2: {"en": "Zero hunger", "fr": "Faim « zéro »", "pt": "Erradicar a fome"},
    3: {"en": "Good health and well-being", "fr": "Bonne santé et bien-être", "pt": "Saúde de qualidade"},
    4: {"en": "Quality education", "fr": "Éducation de qualité", "pt": "Educação de qualidade"},
    5: {"en": "Gender equality", "fr": "Égalité entre les sexes", "pt": "Igualdade de género"},
    6: {"en": "Clean water and sanitation", "fr": "Eau propre et assainissement", "pt": "Água potável e saneamento"},
    7: {"en": "Affordable and clean energy", "fr": "Énergie propre et d’un coût abordable",
        "pt": "Energias renováveis e acessíveis"},
    8: {"en": "Decent work and economic growth", "fr": "Travail décent et croissance économique",
        "pt": "Trabalho digno e crescimento económico"},
    9: {"en": "Industry, innovation and infrastructure", "fr": "Industrie, innovation et infrastructure",
        "pt": "Indústria, inovação e infraestruturas"},
    10: {"en": "Reduced inequalities", "fr": "Inégalités réduites", "pt": "Reduzir as desigualdades"},
    11: {"en": "Sustainable cities and communities", "fr": "Villes et communautés durables",
         "pt": "Cidades e comunidades sustentáveis"},
    12: {"en": "Responsible consumption and production", "fr": "Consommation et production responsables",
         "pt": "Produção e consumo sustentáveis"},
    13: {"en": "Climate action", "fr": "Mesures relatives à la lutte contre les changements climatiques",
         "pt": "Ação climática"},
    14: {"en": "Life below water", "fr": "Vie aquatique", "pt": "Proteger a vida marinha"},
    15: {"en": "Life on land", "fr": "Vie terrestre", "pt": "Proteger a vida terrestre"},
    16: {"en": "Peace, justice and strong institutions", "fr": "Paix, justice et institutions efficaces",
         "pt": "Paz, justiça e instituições eficazes"},
    17: {"en": "Partnerships for the goals", "fr": "Partenariats pour la réalisation des objectifs",
         "pt": "Parcerias para a implementação dos objetivos"},
}


def sdg_name(number: int, lang: str) -> str:
    """The goal's official short name in `lang` (English when the language has no column)."""
    names = SDG_NAMES[number]
    return names.get(lang, names["en"])
