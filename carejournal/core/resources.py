"""The one place that finds CareJournal's data files."""

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent.parent  # carejournal/, from carejournal/core/


def resources_dir() -> Path:
    """Return the resources folder, inside an installed package or in a checkout."""
    installed = _PACKAGE_DIR / "resources"
    if installed.is_dir():
        return installed
    return _PACKAGE_DIR.parent / "resources"


def resource_path(*parts: str) -> Path:
    """Return the path of one resource file, e.g. resource_path("icons", "carejournal.svg")."""
    return resources_dir().joinpath(*parts)
