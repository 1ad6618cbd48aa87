"""`invoke murmurations-register`: after a deploy, send the profiles that changed to the Murmurations index
(collected by the root tasks.py). Off while MURMURATIONS["index_url"] is "" (the default)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from invoke import task

ROOT = Path(__file__).resolve().parents[2]
for _path in (str(ROOT / "plugins"), str(ROOT)):  # publishconf.py imports pelicanconf from the repository root
    if _path not in sys.path:
        sys.path.insert(0, _path)

MANIFEST_NAME = "murmurations-registered.json"
#: What the task prints, French first (the site's first language) and English; {names} are filled in.
MESSAGES = {
    "off": ("Enregistrement Murmurations désactivé : MURMURATIONS['index_url'] est vide. Rien n'est envoyé.",
            "Murmurations registration is off: MURMURATIONS['index_url'] is empty. Nothing is sent."),
    "no_profiles": ("Aucun profil dans {folder}/ : construisez d'abord le site publié (invoke publish --output "
                    "{site}).",
                    "No profile in {folder}/: build the published site first (invoke publish --output {site})."),
    "wrong_site": ("Les profils de {site} pointent vers {found}, pas vers {site_url} : donnez --site-url.",
                   "The profiles in {site} point to {found}, not to {site_url}: pass --site-url."),
    "summary": ("{total} profils : {post} nouveaux ou modifiés, {delete} à retirer, {unchanged} inchangés "
                "(index {index}).",
                "{total} profiles: {post} new or changed, {delete} to remove, {unchanged} unchanged (index {index})."),
    "would_post": ("à envoyer : {url}", "would send: {url}"),
    "would_delete": ("à retirer : {url}", "would remove: {url}"),
    "posted": ("envoyé : {url} (nœud {node})", "sent: {url} (node {node})"),
    "deleted": ("retiré : {url} (nœud {node})", "removed: {url} (node {node})"),
    "post_failed": ("échec de l'envoi : {url} — {status} {detail}", "sending failed: {url} — {status} {detail}"),
    "delete_failed": ("échec du retrait : {url} — {status} {detail}", "removal failed: {url} — {status} {detail}"),
    "gave_up": ("L'index ne répond pas ({count} échecs de suite) : arrêt ; le reste partira au prochain "
                "déploiement.",
                "The index does not answer ({count} failures in a row): stopping; the rest goes with the next deploy."),
    "waiting": ("{count} changements pas encore en ligne ; nouvel essai (encore {seconds} s au plus)…",
                "{count} changes not online yet; looking again (at most {seconds} s more)…"),
    "not_deployed": ("pas encore en ligne, envoi remis au prochain déploiement : {url}",
                     "not online yet, left for the next deploy: {url}"),
    "still_online": ("encore en ligne, retrait remis au prochain déploiement : {url}",
                     "still online, removal left for the next deploy: {url}"),
    "dry_run": ("Essai à blanc : rien n'a été envoyé, le manifeste {manifest} est inchangé.",
                "Dry run: nothing was sent, the manifest {manifest} is unchanged."),
    "done": ("{ok} requêtes acceptées, {failed} en échec ; manifeste : {manifest}",
             "{ok} requests accepted, {failed} failed; manifest: {manifest}"),
}


def _speaker(lang: str):
    index = 0 if lang == "fr" else 1

    def say(key: str, values: dict) -> None:
        print(f"murmurations: {MESSAGES[key][index].format(**values)}", file=sys.stderr, flush=True)

    return say


@task(help={
    "site": "the built published site (default: output)",
    "dry-run": "show what would be sent, send nothing, leave the manifest as it is",
    "site-url": "the address the site is served at (default: SITEURL of publishconf.py)",
    "index-url": "the index's nodes endpoint, instead of MURMURATIONS['index_url']",
    "manifest": "the file that remembers the last registration (default: MURMURATIONS['manifest'], else in "
                "the build cache)",
    "wait": "seconds to wait for the deployed site to serve the changes (default 300)",
    "lang": "language of the messages: fr (default) or en; else LABO_LANG or the locale",
})
def murmurations_register(c, site="output", dry_run=False, site_url="", index_url="", manifest="", wait=300,
                          lang=""):
    """After a deploy: send the Murmurations profiles that changed since the last registration to the index."""
    from pelican.settings import read_settings

    from content_model.messages import report_language
    from murmurations import registration
    from murmurations import settings as settings_mod
    from murmurations.client import Deployed, Index
    from open_data.meta import absolute_siteurl

    say = _speaker(report_language(lang or None))
    settings = read_settings(str(ROOT / "publishconf.py"))
    try:
        options = settings_mod.read({"MURMURATIONS": {**(settings.get("MURMURATIONS") or {}),
                                                      **({"index_url": index_url} if index_url else {})}})
    except settings_mod.SettingsError as error:
        sys.exit(str(error))
    if not options["index_url"]:
        say("off", {})
        return
    folder = Path(site) if os.path.isabs(site) else ROOT / site
    site_url = (site_url or absolute_siteurl(settings)).rstrip("/")
    current = registration.profiles(folder, site_url)
    if not current:
        say("no_profiles", {"folder": folder / "murmurations", "site": site})
        sys.exit(1)
    found = registration.built_for(folder)
    if found != {site_url}:
        say("wrong_site", {"site": folder, "found": ", ".join(sorted(found)), "site_url": site_url})
        sys.exit(1)
    path = Path(manifest or options["manifest"] or Path(settings["CACHE_PATH"]) / MANIFEST_NAME)
    try:
        last = registration.load_manifest(path, options["index_url"])
    except ValueError as error:
        sys.exit(f"murmurations: {error}")
    todo = registration.plan(current, last)
    say("summary", {"total": len(current), "post": len(todo.post), "delete": len(todo.delete),
                    "unchanged": todo.unchanged, "index": options["index_url"]})
    deployed = None if dry_run else Deployed(options["timeout"])  # a dry run reads nothing online
    run = registration.Registration(Index(options["index_url"], options["timeout"]), say, deployed=deployed,
                                    dry_run=dry_run)
    ready = run.wait_until_deployed(todo, current, float(wait))
    updated = run.send(ready, current, last)
    if dry_run:
        say("dry_run", {"manifest": path})
        return
    registration.save_manifest(path, options["index_url"], updated)
    say("done", {"ok": len(todo.post) + len(todo.delete) - run.failures, "failed": run.failures, "manifest": path})
    if run.failures:
        sys.exit(1)
