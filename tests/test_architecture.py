"""The dependency rule, checked on every run: ui -> services -> store -> domain."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "carejournal"
QT_MODULES = ("PySide6", "shiboken6")


def _imports(path: Path) -> set[str]:
    """Every module a file imports, at any depth in the file."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _files(where: Path) -> list[Path]:
    return sorted(where.rglob("*.py"))


def _uses(names: set[str], prefixes: tuple[str, ...]) -> set[str]:
    return {n for n in names if n.split(".")[0] in prefixes or n.startswith(prefixes)}


NON_UI = [p for p in _files(PACKAGE)
          if "ui" not in p.relative_to(PACKAGE).parts[:1] and p.name != "app.py"]
CHARTS = PACKAGE / "charts"


@pytest.mark.parametrize("path", NON_UI, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_core_and_store_do_not_import_qt_or_matplotlib(path: Path) -> None:
    drawing = CHARTS in path.parents  # charts draw with matplotlib's Figure API, never Qt
    assert not _uses(_imports(path), QT_MODULES + (() if drawing else ("matplotlib",)))


@pytest.mark.parametrize("path", _files(CHARTS), ids=lambda p: p.name)
def test_charts_draw_without_pyplot_or_a_gui_backend(path: Path) -> None:
    used = _imports(path)
    assert not {n for n in used if n.startswith(("matplotlib.pyplot", "matplotlib.backends"))
                and not n.startswith("matplotlib.backends.backend_agg")}


@pytest.mark.parametrize("path", _files(PACKAGE / "ui"), ids=lambda p: p.name)
def test_ui_does_not_reach_into_the_store(path: Path) -> None:
    forbidden = _uses(_imports(path), ("sqlalchemy", "alembic", "sqlite3", "carejournal.store"))
    assert not forbidden, f"{path.name} must go through the journal service"


@pytest.mark.parametrize("path", _files(PACKAGE / "store"), ids=lambda p: p.name)
def test_store_does_not_import_services_or_ui(path: Path) -> None:
    upward = _uses(_imports(path), ("carejournal.services", "carejournal.cli", "carejournal.ui",
                                    "carejournal.app"))
    assert not upward


@pytest.mark.parametrize("path", _files(PACKAGE / "cli"), ids=lambda p: p.name)
def test_cli_goes_through_the_services_and_never_opens_the_window(path: Path) -> None:
    """The command line uses services and the pure layers; the window is chosen by
    carejournal/__main__.py, which hands the CLI a way to open it."""
    forbidden = _uses(_imports(path), ("carejournal.store", "carejournal.ui", "carejournal.app",
                                       "sqlalchemy", "alembic", "sqlite3"))
    assert not forbidden, f"{path.name} must go through the services"


@pytest.mark.parametrize("path", [p for p in NON_UI if p.parent.name != "cli"
                                  and "cli" not in p.relative_to(PACKAGE).parts[:1]
                                  and p.name != "__main__.py"],
                         ids=lambda p: str(p.relative_to(PACKAGE)))
def test_nothing_below_imports_the_cli(path: Path) -> None:
    assert not _uses(_imports(path), ("carejournal.cli",))


def test_the_rule_is_also_a_lint_rule() -> None:
    config = (PACKAGE.parent / "pyproject.toml").read_text(encoding="utf-8")
    assert '"PySide6".msg' in config and '"carejournal/ui/**" = ["TID251"]' in config


def test_the_rule_catches_a_violation(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("def f():\n    from PySide6.QtCore import QObject\n")
    assert _uses(_imports(bad), QT_MODULES) == {"PySide6.QtCore"}


def test_opening_the_window_does_not_import_matplotlib(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from PySide6.QtCore import QSettings\n"
        "from carejournal.app import make_application, open_window\n"
        "from carejournal.ui.after_close import Session\n"
        "app = make_application([])\n"
        f"window = open_window(Session(Path({str(tmp_path / 'j.sqlite')!r})),"
        f" QSettings({str(tmp_path / 's.ini')!r}, QSettings.Format.IniFormat), True)\n"
        "window.show(); app.processEvents()\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'matplotlib'))\n"
        "window.close()\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            timeout=60, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_opening_a_current_journal_does_not_import_alembic(tmp_path: Path) -> None:
    from carejournal.services.journal import Journal

    Journal.open(tmp_path / "j.sqlite", create=True).close()  # created (and stamped) here
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from carejournal.services.journal import Journal\n"
        f"Journal.open(Path({str(tmp_path / 'j.sqlite')!r}), create=True).close()\n"
        "print('alembic' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"
