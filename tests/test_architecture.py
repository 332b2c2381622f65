"""The whole dependency contract, checked on every run (docs/ARCHITECTURE.md draws it).

Each folder of carejournal/ is one layer, and a layer may import only the layers listed for
it in ALLOWED. Every import counts: at the top of a module, inside a function, and under
`if TYPE_CHECKING:`. Third-party libraries belong to one layer each (Qt to the window,
SQLite and SQLAlchemy to the store, and so on). No two modules import each other, however
indirectly, when the module is loaded.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "carejournal"

# carejournal/__init__.py (the app's name and version), durable.py (the one durable-write
# helper), logs.py (the owner-only log) and hardening.py (no core dumps, owner-only files) are
# the base every layer may use.
BASE = {"carejournal", "carejournal.durable", "carejournal.logs", "carejournal.hardening"}
PURE = {"core", "lens", "privacy", "charts", "exchange", "pack", "spelling"}
ALLOWED: dict[str, set[str]] = {
    "base": {"base"},
    "core": {"core"},  # and carejournal/__init__ only: no durable writes, no log (below)
    "lens": {"core", "lens"},
    "privacy": {"core", "privacy"},
    "spelling": {"core", "spelling"},
    "charts": {"core", "charts", "base"},  # a saved chart is written through durable.py
    "exchange": {"core", "exchange", "base"},
    "pack": {"core", "pack", "charts", "base"},
    "store": {"core", "store", "base"},
    "services": PURE | {"store", "services", "base"},
    "cli": PURE | {"services", "cli", "base"},
    "ui": PURE | {"services", "ui", "base"},
    "app": PURE | {"services", "ui", "store", "base"},  # the one composition root
    "main": {"cli", "app", "base"},  # __main__ picks the window or the command line
}
# Which layer may import each third-party library (any layer may use the standard library
# and platformdirs).
LIBRARIES: dict[str, set[str]] = {
    "PySide6": {"ui", "app"}, "shiboken6": {"ui", "app"},
    "matplotlib": {"charts", "ui"},
    "sqlalchemy": {"store"}, "alembic": {"store"}, "sqlite3": {"store"},
    "sqlcipher3": {"store"}, "argon2": {"store"}, "cryptography": {"store"},
    "fpdf": {"pack"}, "docx": {"pack"}, "zxcvbn": {"services"},
    "stdnum": {"privacy"}, "phonenumbers": {"privacy"},
    "spylls": {"spelling"}, "lemminflect": {"lens"},
}


def module_name(path: Path, package: Path = PACKAGE) -> str:
    parts = list(path.relative_to(package.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layer_of(module: str) -> str:
    """The layer a carejournal module belongs to."""
    if module in BASE:
        return "base"
    parts = module.split(".")
    if parts[1] == "app":
        return "app"
    if parts[1] == "__main__":
        return "main"
    assert parts[1] in ALLOWED, f"{module} is in no layer: add its folder to ALLOWED"
    return parts[1]


def _resolve(module: str, node: ast.ImportFrom, is_package: bool) -> str:
    if not node.level:
        return node.module or ""
    base = module.split(".") if is_package else module.split(".")[:-1]
    base = base[: len(base) - node.level + 1]
    return ".".join(base + ([node.module] if node.module else []))


def imports(path: Path, package: Path = PACKAGE, top_level_only: bool = False) -> set[str]:
    """Every module a file imports (`from a import b` counts a.b when b is a module)."""
    module = module_name(path, package)
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes: Iterable[ast.AST] = _module_level(tree) if top_level_only else ast.walk(tree)
    names: set[str] = set()
    for node in nodes:
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            source = _resolve(module, node, path.name == "__init__.py")
            names.add(source)
            for alias in node.names:
                candidate = f"{source}.{alias.name}"
                if _exists(candidate, package):
                    names.add(candidate)
    return names


def _module_level(tree: ast.Module) -> Iterable[ast.AST]:
    """Imports run when the module loads: not in functions, nor under TYPE_CHECKING."""
    todo: list[ast.stmt] = list(tree.body)
    while todo:
        node = todo.pop()
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            todo.extend(node.orelse)
        elif isinstance(node, ast.If | ast.Try | ast.With):
            for field in ("body", "orelse", "handlers", "finalbody"):
                for child in getattr(node, field, []):
                    todo.extend(child.body if isinstance(child, ast.ExceptHandler) else [child])
        elif isinstance(node, ast.Import | ast.ImportFrom):
            yield node


def _exists(module: str, package: Path) -> bool:
    if not module.startswith(package.name + "."):
        return False
    where = package.parent.joinpath(*module.split("."))
    return where.with_suffix(".py").exists() or (where / "__init__.py").exists()


def _own(name: str, package: Path = PACKAGE) -> str | None:
    """The carejournal module an imported name refers to, if it is one of ours."""
    if name != package.name and not name.startswith(package.name + "."):
        return None
    while name and not _exists(name, package) and name != package.name:
        name = name.rpartition(".")[0]
    return name or None


def broken_arrows(package: Path = PACKAGE) -> list[str]:
    """Every import that breaks the contract, as "importer -> imported (why)"."""
    found = []
    for path in sorted(package.rglob("*.py")):
        module = module_name(path, package)
        layer = layer_of(module)
        names = imports(path, package)
        for name in sorted(n for n in names if not any(o.startswith(n + ".") for o in names)):
            own = _own(name, package)
            if own is not None:
                target = layer_of(own)
                if layer == "core" and own == package.name:
                    continue
                if target not in ALLOWED[layer]:
                    found.append(f"{module} -> {own} ({layer} may not use {target})")
                continue
            top = name.split(".")[0]
            if top in LIBRARIES and layer not in LIBRARIES[top]:
                found.append(f"{module} -> {top} (only {sorted(LIBRARIES[top])} may)")
    return found


def cycles(package: Path = PACKAGE) -> list[list[str]]:
    """Groups of modules that import each other while loading (Tarjan's algorithm)."""
    graph: dict[str, set[str]] = {}
    for path in package.rglob("*.py"):
        module = module_name(path, package)
        graph[module] = {own for name in imports(path, package, top_level_only=True)
                         if (own := _own(name, package)) and own != module
                         and not module.startswith(own + ".")}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in graph.get(node, ()):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                item = stack.pop()
                group.append(item)
                if item == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10_000))
    for node in sorted(graph):
        if node not in index:
            visit(node)
    return groups


def test_every_import_follows_the_arrows() -> None:
    assert broken_arrows() == []


def test_no_module_level_import_cycle() -> None:
    assert cycles() == []


def test_core_does_no_io_of_its_own() -> None:
    """Core is values and rules: it never writes a file or logs (reading resources is fine)."""
    for path in (PACKAGE / "core").rglob("*.py"):
        used = imports(path)
        assert not used & {"carejournal.durable", "carejournal.logs", "shutil", "tempfile"}, path


def test_only_ui_and_app_import_qt_and_nothing_imports_ui() -> None:
    for path in PACKAGE.rglob("*.py"):
        module = module_name(path)
        if layer_of(module) not in ("ui", "app"):
            assert not {n for n in imports(path) if n.startswith("carejournal.ui")}, module


def test_the_top_of_the_package_stays_small() -> None:
    top = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(top) <= 8, top
    ui_top = sorted(p.name for p in (PACKAGE / "ui").glob("*.py"))
    assert len(ui_top) <= 13, ui_top
    features = [p for p in (PACKAGE / "ui").iterdir() if (p / "__init__.py").exists()]
    assert len(features) >= 5


def _package(tmp_path: Path, files: dict[str, str]) -> Path:
    package = tmp_path / "carejournal"
    for name, text in files.items():
        path = package / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    for folder in [package, *(p for p in package.rglob("*") if p.is_dir())]:
        (folder / "__init__.py").touch()
    return package


def test_the_check_catches_each_kind_of_violation(tmp_path: Path) -> None:
    package = _package(tmp_path, {
        "core/values.py": "def f():\n    from carejournal.services import jobs\n",
        "store/rows.py": "from carejournal.ui.timeline import model\n",
        "lens/rules.py": "import sqlite3\n",
        "pack/write.py": "if 1:\n    from carejournal.store import rows\n",
        "services/jobs.py": "from carejournal.core.values import f\n",
        "ui/timeline/model.py": "from PySide6.QtCore import QObject\n",
        "cli/main.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                       "    from carejournal.ui.timeline import model\n",
    })
    assert broken_arrows(package) == [
        "carejournal.cli.main -> carejournal.ui.timeline.model (cli may not use ui)",
        "carejournal.core.values -> carejournal.services.jobs (core may not use services)",
        "carejournal.lens.rules -> sqlite3 (only ['store'] may)",
        "carejournal.pack.write -> carejournal.store.rows (pack may not use store)",
        "carejournal.store.rows -> carejournal.ui.timeline.model (store may not use ui)",
    ]


def test_the_check_finds_a_cycle_but_not_a_deferred_import(tmp_path: Path) -> None:
    package = _package(tmp_path, {
        "core/a.py": "from carejournal.core import b\n",
        "core/b.py": "from carejournal.core.c import x\n",
        "core/c.py": "from carejournal.core.a import y\n",
        "core/d.py": "from carejournal.core import e\n",
        "core/e.py": "def f():\n    from carejournal.core import d\n",
    })
    assert cycles(package) == [["carejournal.core.a", "carejournal.core.b",
                                "carejournal.core.c"]]


def test_the_rule_is_also_a_lint_rule() -> None:
    config = (PACKAGE.parent / "pyproject.toml").read_text(encoding="utf-8")
    assert '"PySide6".msg' in config and '"carejournal/ui/**" = ["TID251"]' in config


@pytest.mark.parametrize("path", sorted((PACKAGE / "charts").rglob("*.py")), ids=lambda p: p.name)
def test_charts_draw_without_pyplot_or_a_gui_backend(path: Path) -> None:
    used = imports(path)
    assert not {n for n in used if n.startswith(("matplotlib.pyplot", "matplotlib.backends"))
                and not n.startswith("matplotlib.backends.backend_agg")}


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


def test_the_command_line_never_imports_the_window() -> None:
    script = ("import sys, contextlib, io\nfrom carejournal.cli.main import main\n"
              "with contextlib.redirect_stdout(io.StringIO()):\n"
              "    try:\n        main(['models'])\n    except SystemExit:\n        pass\n"
              "print(sorted(m for m in sys.modules if m.startswith(('PySide6', "
              "'carejournal.ui', 'carejournal.app'))))\n")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            timeout=60)
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
