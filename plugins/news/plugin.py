from __future__ import annotations

from pathlib import Path

from pelican import signals
from pelican.urlwrappers import Category

from labo_site import i18n

from .generator import NewsGenerator
from .views import CATEGORY_LABELS


def get_generators(pelican) -> type:
    return NewsGenerator


def keep_published(generator) -> None:
    """Drop from Pelican's article lists what the registry leaves out (examples in the published build,
    `unpublished: true`), and name categories by their label, so that Pelican's feeds carry only what the
    site shows, titled "Plaidoyer" rather than "plaidoyer"."""
    registry = generator.context.get("registry")
    if registry is None:  # content_model/labo_site not loaded: nothing to filter against
        return

    def shown(articles: list) -> list:
        return [a for a in articles if registry.get("article", a.slug) is not None]

    generator.articles = shown(generator.articles)
    generator.translations = shown(generator.translations)
    generator.hidden_articles = shown(generator.hidden_articles)
    generator.drafts = shown(generator.drafts)
    settings = generator.settings
    translations = Path(settings["THEME"]) / "translations"
    lang = settings["DEFAULT_LANG"]
    categories: dict[str, Category] = {}
    for article in generator.articles:
        code = getattr(article, "category", None)
        if code is None or str(code.slug) not in CATEGORY_LABELS:
            continue
        slug = str(code.slug)
        if slug not in categories:
            category = Category(i18n.translate(translations, lang, CATEGORY_LABELS[slug]), settings)
            category.slug = slug  # keep the code in feed paths: feeds/plaidoyer.atom.xml
            categories[slug] = category
        article.category = categories[slug]


def register() -> None:
    # get_generators: the news renders from the registry that labo_site's generator builds first.
    signals.get_generators.connect(get_generators)
    # article_generator_pretaxonomy: after Pelican has read the articles and before it builds categories,
    # dates and feeds from them; filtering later would leave left-out articles in category feeds.
    signals.article_generator_pretaxonomy.connect(keep_published)
