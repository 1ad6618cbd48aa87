"""The published site leaves example entries out: with no project, service or call yet, every list says so."""

from __future__ import annotations

from pagetext import build_site, problems, read


def test_lists_say_they_are_empty_and_nothing_breaks(content_copy, tmp_path):
    out = tmp_path / "out"
    result = build_site(content_copy, out, extra={"LABO_INCLUDE_EXAMPLES": False})
    assert result.returncode == 0, result.stderr
    assert "Aucun projet n’a encore été publié." in read(out / "projets" / "index.html").text
    assert "0 projet" in read(out / "projets" / "par-avancement.html").text
    assert not list((out / "projets").glob("*/*.html"))  # no facet page without a project
    assert "Aucun service n’a encore été publié." in read(out / "services" / "index.html").text
    assert "Aucun appel d’offres n’est ouvert en ce moment." in read(out / "appels-d-offres" / "index.html").text
    assert "Aucun appel d’offres n’est encore clos." in read(out / "appels-d-offres" / "archives.html").text
    home = read(out / "index.html")
    assert "Derniers projets" not in home.text
    model = read(out / "pages" / "modele-economique.html")
    assert "La répartition actuelle" in model.text and "Offres ayant leur propre répartition" not in model.text
    for rel in ("projets/index.html", "services/index.html", "appels-d-offres/index.html", "index.html",
                "en/projets/index.html"):
        assert problems(read(out / rel), out) == [], rel
