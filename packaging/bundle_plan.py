"""What the PyInstaller bundle carries that import analysis cannot see, and what it leaves out.

Read by packaging/carejournal.spec when the bundle is built and by tests/test_bundle_plan.py,
so the test checks the very lists the build uses. Plain Python (no PyInstaller here), so the
test runs without it.

PyInstaller follows `import` statements. It cannot see:
- modules imported by a name held in a string: the CLI's command modules (cli/registry.py
  says "commands.entries:run_list"), the charts' drawers (charts/registry.py) and the
  charts' lazy names (charts/__init__.py). Every module of the package is named, so the
  next module imported by name is carried without anyone remembering to list it;
- files read as data: the package's resources/ (core/resources.py finds them beside the
  package), and Alembic's migrations, which Alembic reads as .py files from their folder
  (so they are data, and what they import is named here).
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterable
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "carejournal"
MIGRATIONS = PACKAGE / "store" / "migrations"

# Libraries whose modules or data PyInstaller's own hooks do not bring (the spec collects
# their data files with PyInstaller's collect_data_files):
# lemminflect reads its lookup tables from lemminflect/resources by path.
DATA_PACKAGES = ("lemminflect", "docx")
# Library modules imported by a name in a string: matplotlib saves an .svg chart through
# the backend it registers for the format (`carejournal chart ... --out FILE.svg`).
LIBRARY_IMPORTS = ("matplotlib.backends.backend_svg",)
# Packages whose modules must also be files on disk: python-docx finds its templates as
# docx/parts/../templates, so the docx/parts folder must exist beside them.
ON_DISK = {"docx": "pyz+py"}
# sqlcipher3 (or sqlcipher3-binary, the same import name) is a native module with its
# OpenSSL beside it: collected whole, whichever distribution is installed.
NATIVE_PACKAGES = ("sqlcipher3",)

# Left out of the analysis, with why. Nothing in carejournal imports these (the test checks).
EXCLUDES = {
    "tkinter": "Tk is never used (matplotlib's Tk backends would pull it in)",
    "_tkinter": "as tkinter",
    "PySide6.QtTest": "only the end-to-end test hook types with it, never a worker",
    "PySide6.QtQml": "no QML: the window is Qt Widgets",
    "PySide6.QtQuick": "no QML",
    "PySide6.QtOpenGL": "no OpenGL drawing",
    "PySide6.QtOpenGLWidgets": "no OpenGL drawing",
    "PySide6.QtDBus": "no D-Bus calls",
    "PySide6.QtSql": "SQL goes through SQLAlchemy and sqlite3/sqlcipher3",
    "PySide6.QtXml": "no XML through Qt",
    "PySide6.QtConcurrent": "threads through ui/shared/background.py",
    "PySide6.QtUiTools": "no .ui files",
    "PySide6.QtDesigner": "no .ui files",
    "PySide6.QtHelp": "the guide is Markdown in a QTextBrowser",
    "matplotlib.backends.backend_tkagg": "charts draw with Agg, SVG and the Qt canvas only",
    "matplotlib.backends.backend_tkcairo": "as above",
    "matplotlib.backends.backend_gtk3agg": "as above",
    "matplotlib.backends.backend_gtk4agg": "as above",
    "matplotlib.backends.backend_wxagg": "as above",
    "matplotlib.backends.backend_webagg": "as above (and it needs tornado)",
    "matplotlib.backends.backend_nbagg": "as above (Jupyter)",
    "matplotlib.backends.backend_pgf": "as above (LaTeX)",
    "matplotlib.backends.backend_macosx": "as above",
    "matplotlib.pyplot": "charts use the Figure API, never pyplot",
    "IPython": "not used; matplotlib and others import it only if present",
    "pytest": "tests are not shipped",
    "_pytest": "as pytest",
    "hypothesis": "as pytest",
    "jrnl": "the benchmarks' peer, not the app's",
    "phonenumbers.geocoder": "only numbers are found, never where a number is (40 MB of data)",
    "phonenumbers.geodata": "as phonenumbers.geocoder",
    "phonenumbers.carrier": "no carrier look-ups",
    "phonenumbers.carrierdata": "as phonenumbers.carrier",
    "phonenumbers.timezone": "no time zone look-ups",
    "phonenumbers.tzdata": "as phonenumbers.timezone",
}

# Files PyInstaller's Qt hooks collect that the app never loads (matched against the path in
# the bundle). Qt's platform plugins kept: offscreen (tests, dist-check), xcb (X11) and
# wayland, with the Wayland shell and decoration plugins they load.
LEAVE_OUT = {
    "PySide6/Qt/plugins/platforms/libqeglfs": "full-screen embedded devices, not a desktop",
    "PySide6/Qt/plugins/platforms/libqlinuxfb": "as eglfs",
    "PySide6/Qt/plugins/platforms/libqminimalegl": "as eglfs",
    "PySide6/Qt/plugins/platforms/libqvnc": "a window served over VNC",
    "PySide6/Qt/plugins/platforms/libqvkkhrdisplay": "Vulkan full-screen displays",
    "PySide6/Qt/plugins/egldeviceintegrations": "eglfs only",
    "PySide6/Qt/lib/libQt6EglFS": "eglfs only",
    "PySide6/Qt/plugins/imageformats/libqpdf": "reads PDFs as images; needs QtPdf (large)",
    "PySide6/Qt/plugins/imageformats/libqtiff": "the app shows SVG and PNG only",
    "PySide6/Qt/plugins/imageformats/libqwebp": "as tiff",
    "PySide6/Qt/plugins/imageformats/libqicns": "as tiff (macOS builds use their own Qt)",
    "PySide6/Qt/plugins/imageformats/libqtga": "as tiff",
    "PySide6/Qt/plugins/imageformats/libqwbmp": "as tiff",
    "PySide6/Qt/plugins/sqldrivers": "no SQL through Qt",
    "PySide6/Qt/plugins/qmltooling": "no QML",
    "PySide6/Qt/plugins/designer": "no .ui files",
    "PySide6/Qt/plugins/wayland-graphics-integration-server": "a compositor's, not a client's",
    "PySide6/Qt/plugins/platformthemes/libqgtk3": "GTK's look: it brings GTK, GDK, Cairo, "
    "Pango and ATK from the build machine, which may not match the desktop's own GLib; Qt's "
    "own style and the XDG portal theme (dialogs, colours) remain",
    "PySide6/Qt/plugins/networkinformation": "the app never asks whether it is online",
    "PySide6/Qt/plugins/tls": "no TLS: the only socket is the local single-window one",
    "PySide6/Qt/plugins/generic": "touch and evdev input for eglfs and linuxfb only",
    "PIL/_avif": "Pillow's AVIF codec (and libavif, 5 MB): charts are PNG and SVG only",
    "PIL/_webp": "Pillow's WebP codec, as AVIF",
    "PIL/_imagingtk": "Pillow's Tk bridge: no Tk",
    "matplotlib/mpl-data/sample_data": "matplotlib's example data",
    "matplotlib/mpl-data/fonts/afm": "PostScript font metrics, for the PS and PDF backends: "
    "charts are drawn by Agg and SVG with DejaVu",
    "matplotlib/mpl-data/fonts/pdfcorefonts": "as afm",
    "PySide6/Qt/translations/qtwebengine": "no web engine",
    "PySide6/Qt/translations/assistant": "no Qt Assistant",
    "PySide6/Qt/translations/designer": "no Qt Designer",
    "PySide6/Qt/translations/linguist": "no Qt Linguist",
}


def module_name(path: Path) -> str:
    """The dotted name of a module file under the repository's root."""
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def package_modules() -> list[str]:
    """Every module of carejournal (the migrations' scripts aside: they are data)."""
    return sorted(module_name(path) for path in PACKAGE.rglob("*.py")
                  if MIGRATIONS / "versions" not in path.parents
                  and path != MIGRATIONS / "env.py")


def migration_files() -> list[Path]:
    """What Alembic reads from the migrations folder: env.py, the template, each version."""
    return [MIGRATIONS / "env.py", MIGRATIONS / "script.py.mako",
            *sorted((MIGRATIONS / "versions").glob("*.py"))]


def imports_of(path: Path) -> set[str]:
    """The absolute module names a Python file imports (from the text, not by running it)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names
                         if node.module == "alembic")  # alembic.op and alembic.context
    return found


def hidden_imports() -> list[str]:
    """Every module of the package, what the migrations import, and LIBRARY_IMPORTS."""
    migrations = set().union(*(imports_of(p) for p in migration_files() if p.suffix == ".py"))
    return sorted(set(package_modules()) | migrations | set(LIBRARY_IMPORTS))


def data_files() -> list[tuple[str, str]]:
    """(source, folder in the bundle) pairs: resources and the migrations' files."""
    pairs = [(str(ROOT / "resources"), "carejournal/resources")]
    for path in migration_files():
        pairs.append((str(path), str(path.parent.relative_to(ROOT))))
    return pairs


def left_out(destination: str) -> bool:
    """True for a collected file the bundle does without (its path in the bundle)."""
    path = destination.replace("\\", "/")
    return any(path.startswith(prefix) for prefix in LEAVE_OUT)


def version() -> str:
    """The version in carejournal/__init__.py (read, not imported)."""
    text = (PACKAGE / "__init__.py").read_text(encoding="utf-8")
    for node in ast.parse(text).body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "__version__":
            return str(ast.literal_eval(node.value))
    raise LookupError("carejournal/__init__.py has no __version__")


def orphans(binaries: Iterable[str], dropped: Iterable[str],
            needed: Callable[[str], Iterable[str]]) -> set[str]:
    """The libraries (paths in the bundle) only the dropped binaries needed.

    `needed(path)` names the libraries a binary links (its ELF NEEDED entries). A library
    reached from a dropped binary goes too, unless a binary that stays reaches it; libraries
    nothing dropped reached (say, found by ctypes) are never touched.
    """
    by_name: dict[str, str] = {}
    for path in binaries:
        by_name.setdefault(PurePosixPath(path.replace("\\", "/")).name, path)

    def closure(start: Iterable[str]) -> set[str]:
        seen: set[str] = set()
        todo = list(start)
        while todo:
            path = todo.pop()
            if path in seen:
                continue
            seen.add(path)
            todo.extend(by_name[name] for name in needed(path) if name in by_name)
        return seen

    gone = set(dropped)
    candidates = closure(gone) - gone
    kept = closure(set(binaries) - gone - candidates)
    return candidates - kept
