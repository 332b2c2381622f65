"""What a package and a bundle must carry: the licence, the third-party notices (naming every
runtime dependency), the changelog, and metadata that agrees with itself."""

from __future__ import annotations

import re
import tomllib
import xml.etree.ElementTree as ET
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement

from carejournal import APP_ID, __version__
from carejournal.core.resources import resource_path

ROOT = Path(__file__).resolve().parent.parent
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def runtime_distributions() -> set[str]:
    """Every distribution the default install brings, by pyproject's dependencies."""
    found: dict[str, str] = {}
    waiting = [Requirement(r) for r in PROJECT["dependencies"]]
    while waiting:
        requirement = waiting.pop()
        if requirement.marker is not None and not requirement.marker.evaluate({"extra": ""}):
            continue
        if _normal(requirement.name) in found:
            continue
        distribution = metadata.distribution(requirement.name)
        found[_normal(requirement.name)] = distribution.metadata["Name"]
        waiting += [Requirement(r) for r in distribution.requires or ()]
    return set(found.values())


def test_the_licence_is_mit_for_the_contributors() -> None:
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License") and "Copyright (c) 2026 CareJournal contributors" in text
    assert PROJECT["license"] == "MIT"
    assert set(PROJECT["license-files"]) == {"LICENSE", "THIRD_PARTY_NOTICES.md"}


def test_the_packaged_notices_are_the_repositorys() -> None:
    packaged = resource_path("licences", "THIRD_PARTY_NOTICES.md")
    assert packaged.read_bytes() == (ROOT / "THIRD_PARTY_NOTICES.md").read_bytes(), (
        "copy THIRD_PARTY_NOTICES.md to resources/licences/ again")


def test_the_notices_name_every_runtime_dependency() -> None:
    notices = (ROOT / "THIRD_PARTY_NOTICES.md").read_text(encoding="utf-8")
    named = {_normal(word) for word in re.findall(r"[A-Za-z0-9][\w.-]*", notices)}
    distributions = runtime_distributions()
    assert {"pyside6-essentials", "fpdf2", "sqlcipher3"} <= {_normal(d) for d in distributions}
    assert sorted(d for d in distributions if _normal(d) not in named) == []


def test_the_old_sqlcipher_package_and_the_encryption_extra_are_gone() -> None:
    names = {_normal(Requirement(r).name) for r in PROJECT["dependencies"]}
    assert "sqlcipher3" in names and "sqlcipher3-binary" not in names
    assert "encryption" not in PROJECT.get("optional-dependencies", {})


def test_classifiers_and_links() -> None:
    classifiers = PROJECT["classifiers"]
    assert not [c for c in classifiers if c.startswith("License ::")]  # PEP 639: `license`
    for system in ("Microsoft :: Windows", "MacOS", "POSIX :: Linux"):
        assert f"Operating System :: {system}" in classifiers
    assert PROJECT["urls"]["Homepage"] == "https://github.com/carejournal/carejournal"
    assert PROJECT["gui-scripts"]["carejournal-gui"] == "carejournal.app:gui_main"


def test_the_changelog_has_this_version_and_the_steps() -> None:
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert text.startswith("# Changelog")
    assert re.search(rf"^## \[{re.escape(__version__)}\] - \d{{4}}-\d{{2}}-\d{{2}}$", text, re.M)
    assert "## [Unreleased]" in text


def test_the_desktop_ids_agree() -> None:
    meta = ET.parse(resource_path(f"{APP_ID}.metainfo.xml")).getroot()
    assert meta.findtext("id") == APP_ID
    assert meta.findtext("launchable") == f"{APP_ID}.desktop"
    assert meta.findtext("project_license") == PROJECT["license"]
    assert meta.find("releases/release").get("version") == __version__  # type: ignore[union-attr]
    launcher = resource_path(f"{APP_ID}.desktop").read_text(encoding="utf-8")
    assert f"\nIcon={APP_ID}\n" in launcher
