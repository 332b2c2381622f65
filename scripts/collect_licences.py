"""Copy the licence files of every runtime dependency into one folder, for a frozen build.

PyInstaller does not copy the packages' .dist-info folders, where their licence files are;
MIT and BSD licences ask that the notice goes with every copy, so the bundle carries them
here. THIRD_PARTY_NOTICES.md says which licence each is under; this copies the texts.
    .venv/bin/python scripts/collect_licences.py dist/CareJournal/licences
"""

from __future__ import annotations

import argparse
import re
import shutil
import tomllib
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parent.parent
LICENCE_FILE = re.compile(r"(LICEN[CS]E|COPYING|NOTICE|AUTHORS)", re.IGNORECASE)


def runtime_distributions() -> list[metadata.Distribution]:
    """The distributions the default install brings (pyproject's dependencies, and theirs)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    found: dict[str, metadata.Distribution] = {}
    waiting = [Requirement(r) for r in project["dependencies"]]
    while waiting:
        requirement = waiting.pop()
        if requirement.marker is not None and not requirement.marker.evaluate({"extra": ""}):
            continue
        key = re.sub(r"[-_.]+", "-", requirement.name).lower()
        if key in found:
            continue
        found[key] = metadata.distribution(requirement.name)
        waiting += [Requirement(r) for r in found[key].requires or ()]
    return [found[key] for key in sorted(found)]


def licence_files(distribution: metadata.Distribution) -> list[Path]:
    """The licence files a distribution installed (in its .dist-info, or its package)."""
    return [Path(str(distribution.locate_file(f))) for f in distribution.files or ()
            if LICENCE_FILE.search(f.name) and not f.name.endswith((".py", ".pyc"))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="where to copy them (one folder per package)")
    args = parser.parse_args()
    copied = 0
    for distribution in runtime_distributions():
        name = f"{distribution.metadata['Name']}-{distribution.version}"
        for file in licence_files(distribution):
            target = args.folder / name / file.name
            target.parent.mkdir(parents=True, exist_ok=True)
            if target.exists():  # two files of one name (numpy's vendored parts)
                target = target.with_name(f"{file.parent.name}-{file.name}")
            shutil.copyfile(file, target)
            copied += 1
    for own in ("LICENSE", "THIRD_PARTY_NOTICES.md"):
        shutil.copyfile(ROOT / own, args.folder / own)
    print(f"copied {copied} licence files of {len(runtime_distributions())} packages "
          f"to {args.folder}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
