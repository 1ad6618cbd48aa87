"""An entry's bodies (content_model.registry.Bodies): kept as UTF-8, read as the HTML that was given."""

from __future__ import annotations

from content_model.registry import Bodies


def test_bodies_read_back_what_was_stored_in_any_script():
    bodies = Bodies()
    bodies["fr"] = "<p>L’économie sociale et solidaire « ici ».</p>"
    bodies.set_utf8("ar", "<p>الاقتصاد الاجتماعي والتضامني</p>".encode())
    assert bodies["fr"] == "<p>L’économie sociale et solidaire « ici ».</p>"
    assert bodies.get("ar") == "<p>الاقتصاد الاجتماعي والتضامني</p>"
    assert "fr" in bodies and "en" not in bodies and bodies.get("en", "") == ""
    assert sorted(bodies) == ["ar", "fr"] and len(bodies) == 2 and bool(bodies)
    del bodies["ar"]
    assert dict(bodies) == {"fr": "<p>L’économie sociale et solidaire « ici ».</p>"}
    assert not Bodies()
