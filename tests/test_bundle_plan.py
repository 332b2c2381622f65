"""packaging/bundle_plan.py: what the PyInstaller spec collects by hand, checked without
building (the build itself is `make dist`, and `make dist-check` runs it)."""

from __future__ import annotations

import ast
import importlib.util
import re
from pathlib import Path
from types import ModuleType

import pytest

from carejournal.charts.registry import CHARTS
from carejournal.core import resources

ROOT = Path(__file__).resolve().parent.parent
TARGET = re.compile(r"^([a-z_][a-z0-9_.]*):[a-z_][a-z0-9_]*$")


def load_plan() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bundle_plan",
                                                  ROOT / "packaging" / "bundle_plan.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


plan = load_plan()


def test_every_module_the_cli_registry_names_is_a_hidden_import() -> None:
    """Read as text, so a module named anywhere in the registry counts (variants too)."""
    tree = ast.parse((ROOT / "carejournal" / "cli" / "registry.py").read_text("utf-8"))
    named = {f"carejournal.cli.{match.group(1)}" for node in ast.walk(tree)
             if isinstance(node, ast.Constant) and isinstance(node.value, str)
             for match in [TARGET.match(node.value)] if match}
    assert len(named) > 10  # the commands' families, keys, ...
    assert named <= set(plan.hidden_imports())


def test_every_chart_drawer_module_is_a_hidden_import() -> None:
    drawers = {f"carejournal.charts.{spec.drawer.split('.')[0]}" for spec in CHARTS}
    assert drawers <= set(plan.hidden_imports())


def test_the_resources_go_where_core_resources_looks_for_them() -> None:
    folder = dict((dest, source) for source, dest in plan.data_files())["carejournal/resources"]
    assert Path(folder) == resources.resources_dir()
    package = Path(resources.__file__).resolve().parent.parent
    assert (package.relative_to(ROOT) / "resources").as_posix() == "carejournal/resources"


def test_alembic_reads_every_migration_from_the_bundle_and_what_they_import_is_there() -> None:
    carried = {Path(source).name: dest for source, dest in plan.data_files()}
    versions = sorted((ROOT / "carejournal/store/migrations/versions").glob("*.py"))
    assert versions
    for path in versions:
        assert carried[path.name] == "carejournal/store/migrations/versions"
    assert carried["env.py"] == carried["script.py.mako"] == "carejournal/store/migrations"
    assert {"alembic.op", "alembic.context", "sqlalchemy",
            "carejournal.store.models"} <= set(plan.hidden_imports())
    assert "carejournal.store.migrations.env" not in plan.hidden_imports()


def test_nothing_left_out_is_imported_by_the_app() -> None:
    """Only the end-to-end test hook types with QtTest; no one else imports what is left out."""
    importers: dict[str, set[str]] = {}
    for path in (ROOT / "carejournal").rglob("*.py"):
        for name in plan.imports_of(path):
            for excluded in plan.EXCLUDES:
                if name == excluded or name.startswith(excluded + "."):
                    importers.setdefault(excluded, set()).add(path.name)
    assert importers == {"PySide6.QtTest": {"test_hook.py"}}


@pytest.mark.parametrize("kept", [
    "PySide6/Qt/plugins/platforms/libqxcb.so", "PySide6/Qt/plugins/platforms/libqwayland.so",
    "PySide6/Qt/plugins/platforms/libqoffscreen.so", "PySide6/Qt/plugins/imageformats/libqsvg.so",
    "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
    "PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so",
    "PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so",
    "PIL/_imaging.cpython-311-x86_64-linux-gnu.so", "matplotlib/mpl-data/fonts/ttf/DejaVuSans.ttf",
    "carejournal/resources/icons/carejournal.svg",
])
def test_what_the_window_needs_is_kept(kept: str) -> None:
    assert not plan.left_out(kept)


def test_gtk_and_eglfs_are_left_out() -> None:
    assert plan.left_out("PySide6/Qt/plugins/platformthemes/libqgtk3.so")
    assert plan.left_out("PySide6\\Qt\\plugins\\platforms\\libqeglfs.so")


def test_orphans_are_the_libraries_only_what_is_dropped_needed() -> None:
    links = {"plugins/gtk3.so": ["libgtk.so", "libglib.so", "libQtGui.so"],
             "libgtk.so": ["libglib.so", "libcairo.so"], "libcairo.so": [],
             "plugins/portal.so": ["libQtGui.so", "libdbus.so"], "libQtGui.so": ["libglib.so"],
             "libglib.so": [], "libdbus.so": [], "libfound-by-ctypes.so": []}
    gone = plan.orphans(links, {"plugins/gtk3.so"}, lambda path: links[path])
    assert gone == {"libgtk.so", "libcairo.so"}
