"""An organisation may keep its e-mail and phone on its own page: out of the downloads and the JSON-LD."""

from __future__ import annotations

import datetime as dt
import json

from tests.conftest import LANGUAGES, ROOT

from content_model.validate import validate_site
from open_data import export, jsonld

ORG = ('---\nname: "Union des tisserandes"\nmembership:\n  status: member\nemail: "contact@tisserandes.example.org"\n'
       'phone: "+223 20 22 00 00"\n{extra}---\n\nNous tissons.\n')


def _entry(tmp_path, extra: str):
    content = tmp_path / "content"
    (content / "organisations").mkdir(parents=True)
    (content / "taxonomy.yml").write_bytes((ROOT / "content" / "taxonomy.yml").read_bytes())
    (content / "organisations" / "tisserandes.md").write_text(ORG.format(extra=extra), encoding="utf-8")
    report = validate_site(content, languages=LANGUAGES, today=dt.date(2026, 11, 18))
    assert report.ok, [str(p) for p in report.problems]
    return report.registry, report.taxonomy, report.registry.get("organisation", "tisserandes")


def _described(registry, taxonomy, entry) -> dict:
    return jsonld.describe(entry, "fr", "https://x.example/organisations/tisserandes.html", lambda p: p, registry,
                           taxonomy, "Labo")


def test_by_default_the_contact_is_open_data(tmp_path) -> None:
    registry, taxonomy, entry = _entry(tmp_path, "")
    record = export.record(entry, "organisations/tisserandes.html")
    assert record["email"] == "contact@tisserandes.example.org" and record["phone"] == "+223 20 22 00 00"
    assert "contact@tisserandes.example.org" in json.dumps(_described(registry, taxonomy, entry))


def test_contact_page_only_keeps_email_and_phone_out_of_the_downloads_and_the_json_ld(tmp_path) -> None:
    registry, taxonomy, entry = _entry(tmp_path, "contact_page_only: true\n")
    record = export.record(entry, "organisations/tisserandes.html")
    assert "email" not in record and "phone" not in record and "contact_page_only" not in record
    described = json.dumps(_described(registry, taxonomy, entry))
    assert "tisserandes.example.org" not in described and "+223" not in described
    columns = export.columns(entry.kind, ("fr", "en"))
    assert "contact_page_only" not in [c.header for c in columns]
    row = export.read_csv(export.csv_text([record], columns), columns)[0]
    assert not row.get("Email") and not row.get("Phone")
    # The page itself still shows them: the view reads the entry's data.
    assert entry.data["email"] == "contact@tisserandes.example.org"
