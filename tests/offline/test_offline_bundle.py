"""`invoke bundle`: a dated zip, byte-identical for the same site and epoch, with a note inside."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from offline.bundle import bundle_name, write_bundle, zip_time

ROOT = Path(__file__).resolve().parents[2]
EPOCH = 1795000000  # 2026-11-18 11:06:40 UTC


def tiny_site(root: Path) -> Path:
    for rel, text in {"index.html": "<p>accueil</p>", "en/index.html": "<p>home</p>", "theme/css/site.css": "b{}",
                      "organisations/logos/x.webp": "RIFF"}.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return root


def test_name_comes_from_the_site_name_and_date() -> None:
    import datetime as dt

    assert bundle_name("Labo ESS Afrique", dt.date(2026, 11, 18)) == "labo-ess-afrique-2026-11-18"
    assert bundle_name("Réseau Ça va !", dt.date(2027, 1, 2)) == "reseau-ca-va-2027-01-02"


def test_zip_is_deterministic_sorted_and_dated(tmp_path: Path) -> None:
    site = tiny_site(tmp_path / "site")
    first, second = tmp_path / "a" / "x.zip", tmp_path / "b" / "x.zip"
    write_bundle(site, first, folder="x", epoch=EPOCH, extra={"LISEZ-MOI.txt": "Ouvrez index.html\n"})
    os.utime(site / "index.html", (0, 0))  # file times must not leak into the archive
    write_bundle(site, second, folder="x", epoch=EPOCH, extra={"LISEZ-MOI.txt": "Ouvrez index.html\n"})
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as archive:
        names = archive.namelist()
        assert names == sorted(names) == ["x/LISEZ-MOI.txt", "x/en/index.html", "x/index.html",
                                          "x/organisations/logos/x.webp", "x/theme/css/site.css"]
        assert {info.date_time for info in archive.infolist()} == {(2026, 11, 18, 11, 6, 40)}
        assert archive.getinfo("x/organisations/logos/x.webp").compress_type == zipfile.ZIP_STORED
        assert archive.read("x/LISEZ-MOI.txt") == "\ufeffOuvrez index.html\r\n".encode()
        assert archive.testzip() is None


def test_epoch_before_1980_is_clamped() -> None:
    assert zip_time(0) == (1980, 1, 1, 0, 0, 0)


def test_a_folder_without_index_is_refused(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(FileNotFoundError, match="has no index.html: build the site first"):
        write_bundle(tmp_path / "empty", tmp_path / "x.zip", folder="x", epoch=EPOCH)
    assert not (tmp_path / "x.zip").exists()


def test_invoke_bundle_zips_a_built_site_with_its_notes(offline_site: Path, tmp_path: Path) -> None:
    env = dict(os.environ, SOURCE_DATE_EPOCH=str(EPOCH))
    cmd = [sys.executable, "-m", "invoke", "bundle", "--site", str(offline_site), "--dist", str(tmp_path)]
    digests = []
    for _ in range(2):
        result = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
        assert result.returncode == 0, result.stderr
        target = tmp_path / "labo-ess-afrique-2026-11-18.zip"
        digests.append(hashlib.sha256(target.read_bytes()).hexdigest())
    assert digests[0] == digests[1]
    assert "unzip it, then open labo-ess-afrique-2026-11-18/index.html" in result.stderr
    with zipfile.ZipFile(target) as archive:
        names = set(archive.namelist())
        lisez_moi = archive.read("labo-ess-afrique-2026-11-18/LISEZ-MOI.txt").decode("utf-8-sig")
        readme = archive.read("labo-ess-afrique-2026-11-18/README.txt").decode("utf-8-sig")
    site_files = {p.relative_to(offline_site).as_posix() for p in offline_site.rglob("*") if p.is_file()}
    assert names == {f"labo-ess-afrique-2026-11-18/{rel}" for rel in site_files | {"LISEZ-MOI.txt", "README.txt"}}
    assert "puis le fichier index.html" in lisez_moi and "18 novembre 2026" in lisez_moi
    assert "en/index.html (English)" in readme and "November 18, 2026" in readme


def test_invoke_bundle_fails_on_a_folder_that_is_not_a_site(tmp_path: Path) -> None:
    cmd = [sys.executable, "-m", "invoke", "bundle", "--site", str(tmp_path), "--dist", str(tmp_path / "dist")]
    result = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert f"bundle: {tmp_path} has no index.html: build the site first" in result.stderr
