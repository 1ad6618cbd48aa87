"""The live output folder is replaced in one step, by one build at a time, and a killed build is recovered."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from labokit import ROOT, copy_repository, invoke, leftovers

from labo_site import output as live


def site(folder: Path, marker: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "index.html").write_text(marker, encoding="utf-8")
    return folder


def test_the_swap_is_one_exchange_and_the_previous_site_is_removed(tmp_path) -> None:
    target = site(tmp_path / "output", "old")
    built = site(live.partial_folder(target), "new")
    assert live.exchange(built, target), "this machine's file system swaps atomically (renameat2)"
    live.exchange(built, target)  # back, so that swap_in does the real work
    live.swap_in(built, target)
    assert (target / "index.html").read_text() == "new"
    assert leftovers(tmp_path, "output") == []


def test_without_an_exchange_a_kill_between_the_two_renames_is_recovered(tmp_path, monkeypatch) -> None:
    target = site(tmp_path / "output", "old")
    built = site(live.partial_folder(target), "new")
    monkeypatch.setattr(live, "exchange", lambda a, b: False)
    renames = []

    def killed_on_second_rename(src, dst):
        renames.append((src, dst))
        if len(renames) == 2:
            raise KeyboardInterrupt("killed")
        os.replace(src, dst)

    monkeypatch.setattr(live.os, "rename", killed_on_second_rename)
    try:
        live.swap_in(built, target)
    except KeyboardInterrupt:
        pass
    monkeypatch.undo()
    assert not target.exists(), "the kill left no output/ at all"
    done = live.recover_and_clean(target)
    assert (target / "index.html").read_text() == "old", "the next build restores the last good site first"
    assert any("restored" in line for line in done)
    assert leftovers(tmp_path, "output") == []


def test_leftovers_of_killed_builds_are_removed_by_the_next(tmp_path) -> None:
    target = site(tmp_path / "output", "live")
    partial = site(live.partial_folder(target), "half")
    done = live.recover_and_clean(target)
    assert not partial.exists() and (target / "index.html").read_text() == "live"
    assert done == [f"removed {partial.name}/, left by an interrupted build"]


HOLD = """
import sys, time
sys.path.insert(0, {plugins!r})
from pathlib import Path
from labo_site import output
with output.build_lock(Path({target!r}), "busy {{pid}}"):
    print("locked", flush=True)
    time.sleep(1.5)
"""


def test_a_second_build_waits_for_the_first_and_says_so(tmp_path) -> None:
    target = tmp_path / "output"
    holder = subprocess.Popen([sys.executable, "-c", HOLD.format(plugins=str(ROOT / "plugins"), target=str(target))],
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "locked"
    started = time.perf_counter()
    waited = subprocess.run([sys.executable, "-c", HOLD.format(plugins=str(ROOT / "plugins"), target=str(target))],
                            capture_output=True, text=True, check=True)
    holder.wait()
    assert waited.stderr.strip() == f"busy {holder.pid}"
    assert time.perf_counter() - started > 0.5, "the second one ran while the first held the lock"


def test_two_builds_at_once_in_one_checkout_both_succeed(tmp_path) -> None:
    repo = copy_repository(tmp_path / "site")
    env = {"LABO_LANG": "fr"}
    first = subprocess.Popen([sys.executable, "-m", "invoke", "build"], cwd=repo, stderr=subprocess.PIPE, text=True,
                             env=dict(os.environ, SOURCE_DATE_EPOCH="1795000000", LABO_LANG="fr",
                                      LABO_CACHE_DIR=str(tmp_path / "cache")))
    second = invoke(repo, "build", env={**env, "LABO_CACHE_DIR": str(tmp_path / "cache")})
    first_err = first.communicate()[1]
    assert first.returncode == 0 and second.returncode == 0, first_err + second.stderr
    assert "Site écrit dans output/" in second.stderr
    assert (repo / "output" / "index.html").is_file()
    assert leftovers(repo, "output") == []
