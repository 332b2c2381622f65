"""The window's translations: extract, check, pseudo-translate and compile them.

    python scripts/translations.py extract     resources/translations/*.ts from the code
    python scripts/translations.py release     each .ts compiled to its .qm beside it (and
                                               each CLI .po to its .mo, with Babel)
    python scripts/translations.py pseudo DIR  carejournal_pseudo.ts/.qm in DIR
    python scripts/translations.py audit       the calls pyside6-lupdate misses or misfiles
    python scripts/translations.py pot         resources/translations/messages.pot (the CLI)

`extract` runs pyside6-lupdate over carejournal/ui and app.py; English keeps one file of
its own, carejournal_en.ts, with only the plural forms (Qt's "%n entries" needs its
"1 entry" from a translation, even in English). The pseudo-locale accents every letter,
makes each text about 35% longer and wraps it in brackets ("[Ŝàvé ~~~]"), so a text the
code never sends through a translator, or a box too narrow for a longer language, shows.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
SOURCES = (ROOT / "carejournal" / "ui", ROOT / "carejournal" / "app.py")
CLI_SOURCES = (ROOT / "carejournal" / "cli", ROOT / "carejournal" / "core")


def tool(name: str) -> str:
    """The path of pyside6-<name> (lupdate, lrelease): beside Python, or on the PATH."""
    beside = Path(sys.executable).parent / f"pyside6-{name}"
    if beside.exists():
        return str(beside)
    found = shutil.which(f"pyside6-{name}")
    if found is None:
        raise SystemExit(f"pyside6-{name} is not installed (it comes with PySide6-Essentials)")
    return found


def source_files() -> list[Path]:
    """Every Python file of the window, in a stable order."""
    files: list[Path] = []
    for source in SOURCES:
        files.extend(sorted(source.rglob("*.py")) if source.is_dir() else [source])
    return files


def extract(ts: Path, plurals_only: bool = False) -> None:
    """Run pyside6-lupdate over the window's code into this .ts (kept translations stay)."""
    ts.parent.mkdir(parents=True, exist_ok=True)
    args = [tool("lupdate"), *map(str, source_files()), "-locations", "none", "-no-obsolete"]
    if plurals_only:
        args.append("-pluralonly")
    subprocess.run([*args, "-ts", str(ts)], check=True, capture_output=True)


def release(ts: Path, qm: Path) -> None:
    """Compile a .ts into a .qm with pyside6-lrelease."""
    qm.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([tool("lrelease"), str(ts), "-qm", str(qm)], check=True,
                   capture_output=True)


def messages(ts: Path) -> dict[tuple[str, str], bool]:
    """Every (context, source text) in a .ts file, and whether it has plural forms."""
    found: dict[tuple[str, str], bool] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message.get("numerus") == "yes"
    return found


def pot() -> None:
    """resources/translations/messages.pot: the command line's messages, by Babel."""
    from babel.messages.frontend import CommandLineInterface

    CommandLineInterface().run([
        "pybabel", "-q", "extract", "-k", "_", "-k", "ngettext:1,2", "--no-location",
        "--sort-output", "--project", "CareJournal", "-o", str(TRANSLATIONS / "messages.pot"),
        *map(str, CLI_SOURCES)])


def compile_po(po: Path) -> None:
    """A command-line catalogue (.po) compiled to the .mo gettext reads, with Babel."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as source:
        catalog = read_po(source)
    with po.with_suffix(".mo").open("wb") as target:
        write_mo(target, catalog)


# -- the pseudo-locale ------------------------------------------------------------------------

ACCENTS = dict(zip("AEIOUYCNSZaeiouycnsz", "ÀÉÎÕÜÝÇÑŠŽàéîõüýçñšž", strict=True))


def _placeholder_end(text: str, start: int) -> int:
    """Where a placeholder that starts here ends ({name}, %n, %1, &&, HTML tags), or start."""
    if text[start] == "{":
        end = text.find("}", start)
        return end + 1 if end > 0 else start
    if text[start] == "%" and start + 1 < len(text) and (text[start + 1].isdigit()
                                                         or text[start + 1] in "nL%"):
        end = start + 2
        while end < len(text) and (text[end].isdigit() or text[end] == "n"):
            end += 1
        return end
    if text[start] == "<":
        end = text.find(">", start)
        return end + 1 if end > 0 else start
    if text[start] == "&":  # a mnemonic (&Save) or an entity (&amp;): kept as it is
        end = text.find(";", start)
        return end + 1 if 0 < end < start + 8 else start + 2
    return start


def pseudo(text: str) -> str:
    """The pseudo-translation of a text: accented, about 35% longer, in brackets.

    Placeholders, HTML tags, mnemonics and line breaks are kept as they are; a text that
    has no letters (a separator, "%1") is left alone.
    """
    if not any(ch.isalpha() for ch in text):
        return text
    out: list[str] = []
    i = 0
    while i < len(text):
        end = _placeholder_end(text, i)
        if end > i:
            out.append(text[i:end])
            i = end
            continue
        out.append(ACCENTS.get(text[i], text[i]))
        i += 1
    padding = "~" * max(2, round(len(text) * 0.35))
    lines = "".join(out).split("\n")
    lines[0] = "[" + lines[0]
    lines[-1] = lines[-1] + " " + padding + "]"
    return "\n".join(lines)


def write_pseudo(source_ts: Path, ts: Path) -> None:
    """A .ts whose every message is pseudo-translated (plural forms too)."""
    tree = ET.parse(source_ts)
    root = tree.getroot()
    root.set("language", "eo")  # a language with the same two plural forms as English
    for message in root.iter("message"):
        text = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        translation.attrib.pop("type", None)
        for child in list(translation):
            translation.remove(child)
        if message.get("numerus") == "yes":
            translation.text = None
            for _form in range(2):
                ET.SubElement(translation, "numerusform").text = pseudo(text)
        else:
            translation.text = pseudo(text)
    ts.parent.mkdir(parents=True, exist_ok=True)
    tree.write(ts, encoding="utf-8", xml_declaration=True)


def make_pseudo(folder: Path) -> Path:
    """carejournal_pseudo.ts and .qm in this folder, from the code as it is; the .qm."""
    extracted = folder / "carejournal_source.ts"
    extracted.unlink(missing_ok=True)
    extract(extracted)
    ts, qm = folder / "carejournal_pseudo.ts", folder / "carejournal_pseudo.qm"
    write_pseudo(extracted, ts)
    release(ts, qm)
    return qm


# -- the audit: what lupdate misses or files under a context the code does not look in ------

@dataclass(frozen=True)
class Call:
    """One translated text in the code: where, the context it is looked up in, the text."""

    path: str
    line: int
    context: str | None  # None: not known from the code (tr through another object)
    text: str | None  # None: not a literal (a variable, an f-string)
    problem: str = ""
    plural: bool = False  # given a number (n), so it needs the language's plural forms

    def where(self) -> str:
        return f"{self.path}:{self.line}"


def _literal(node: ast.expr | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _helpers(tree: ast.Module) -> dict[str, str]:
    """Module functions that translate their first argument in a fixed context:
    {name: context}."""
    found: dict[str, str] = {}
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef) or not node.args.args:
            continue
        param = node.args.args[0].arg
        for call in ast.walk(node):
            if (isinstance(call, ast.Call) and _name(call.func) == "translate"
                    and len(call.args) >= 2 and isinstance(call.args[1], ast.Name)
                    and call.args[1].id == param):
                context = _literal(call.args[0])
                if context is None and isinstance(call.args[0], ast.Name):
                    context = _constants(tree).get(call.args[0].id)
                if context is not None:
                    found[node.name] = context
    return found


def _constants(tree: ast.Module) -> dict[str, str]:
    found: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 \
                and isinstance(node.targets[0], ast.Name) and _literal(node.value) is not None:
            found[node.targets[0].id] = _literal(node.value) or ""
    return found


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return ""


class _Finder(ast.NodeVisitor):
    def __init__(self, path: str, helpers: dict[str, str], constants: dict[str, str]) -> None:
        self.path, self.helpers, self.constants = path, helpers, constants
        self.classes: list[str] = []
        self.calls: list[Call] = []
        self.aliases: set[str] = set()  # names given to translate: `t = QCoreApplication.translate`
        self.helper_bodies: set[str] = set(helpers)

    def visit_Assign(self, node: ast.Assign) -> None:
        if isinstance(node.value, ast.Attribute) and node.value.attr == "translate":
            self.aliases.update(t.id for t in node.targets
                                if isinstance(t, ast.Name) and t.id != "translate")
        self.generic_visit(node)

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        if not self.classes and node.name in self.helper_bodies:
            return  # the helper itself: its calls are counted where it is called
        self.generic_visit(node)

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_Call(self, node: ast.Call) -> None:
        name = _name(node.func)
        text_node = node.args[0] if node.args else None
        if name == "tr":
            self._tr(node, text_node)
        elif name == "translate" and len(node.args) >= 2:
            context = _literal(node.args[0])
            if context is None and isinstance(node.args[0], ast.Name):
                known = self.constants.get(node.args[0].id)
                self._add(node, known, node.args[1], "context not a literal" if known
                          else "context unknown")
            else:
                self._add(node, context, node.args[1])
        elif isinstance(node.func, ast.Name) and name in self.aliases and len(node.args) >= 2:
            self._add(node, _literal(node.args[0]), node.args[1], "through an alias")
        elif isinstance(node.func, ast.Name) and name in self.helpers:
            self._add(node, self.helpers[name], text_node, "through a helper")
        self.generic_visit(node)

    def _tr(self, node: ast.Call, text_node: ast.expr | None) -> None:
        receiver = node.func.value if isinstance(node.func, ast.Attribute) else None
        if isinstance(receiver, ast.Name) and receiver.id in ("self", "cls") and self.classes:
            self._add(node, self.classes[-1], text_node)
        elif isinstance(receiver, ast.Name) and receiver.id[:1].isupper():
            self._add(node, receiver.id, text_node)  # a class's tr: its name is the context
        else:
            self._add(node, None, text_node, "tr through another object")

    def _add(self, node: ast.Call, context: str | None, text_node: ast.expr | None,
             problem: str = "") -> None:
        text = _literal(text_node)
        if text is None:
            problem = problem or ("an f-string" if isinstance(text_node, ast.JoinedStr)
                                  else "not a literal")
        plural = len(node.args) >= 3 or any(k.arg == "n" for k in node.keywords)
        self.calls.append(Call(self.path, node.lineno, context, text, problem, plural))


def calls(files: list[Path] | None = None) -> list[Call]:
    """Every translation call in the window's code, with what the audit makes of it."""
    found: list[Call] = []
    all_files = files or source_files()
    trees = {path: ast.parse(path.read_text(encoding="utf-8")) for path in all_files}
    helpers: dict[str, str] = {}
    for tree in trees.values():
        helpers.update(_helpers(tree))
    for path, tree in trees.items():
        imported = {alias.asname or alias.name for node in ast.walk(tree)
                    if isinstance(node, ast.ImportFrom) for alias in node.names}
        local = _helpers(tree)
        usable = {name: ctx for name, ctx in helpers.items() if name in imported} | local
        finder = _Finder(str(path.relative_to(ROOT)), usable, _constants(tree))
        finder.visit(tree)
        found.extend(finder.calls)
    return found


def audit(ts: Path) -> dict[str, list[Call]]:
    """The calls lupdate misses, and those it files under another context than the code
    looks in, by kind of problem."""
    extracted = messages(ts)
    texts = {text for _context, text in extracted}
    problems: dict[str, list[Call]] = {}
    for call in calls():
        if call.text is None or call.context is None:
            problems.setdefault(call.problem, []).append(call)
        elif (call.context, call.text) not in extracted:
            kind = "wrong context" if call.text in texts else "missed"
            if call.problem:
                kind += f" ({call.problem})"
            problems.setdefault(kind, []).append(call)
        elif call.plural and not extracted[(call.context, call.text)]:
            problems.setdefault("a number with no plural forms", []).append(call)
    return problems


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "audit"
    if command == "extract":
        extract(TRANSLATIONS / "carejournal_en.ts", plurals_only=True)
        for ts in sorted(TRANSLATIONS.glob("carejournal_*.ts")):
            if ts.stem != "carejournal_en":
                extract(ts)
    elif command == "release":
        for ts in sorted(TRANSLATIONS.glob("*.ts")):
            release(ts, ts.with_suffix(".qm"))
        for po in sorted(TRANSLATIONS.glob("locale/*/LC_MESSAGES/*.po")):
            compile_po(po)
    elif command == "pot":
        pot()
    elif command == "pseudo":
        print(make_pseudo(Path(argv[1]) if len(argv) > 1 else ROOT / "build" / "translations"))
    elif command == "audit":
        folder = ROOT / "build" / "translations"
        folder.mkdir(parents=True, exist_ok=True)
        ts = folder / "carejournal_audit.ts"
        ts.unlink(missing_ok=True)
        extract(ts)
        print(f"lupdate finds {len(messages(ts))} texts")
        problems = audit(ts)
        for kind, found in sorted(problems.items()):
            print(f"\n{kind}: {len(found)}")
            for call in found:
                print(f"  {call.where()}  [{call.context}] {call.text!r}")
        return 1 if problems else 0
    else:
        raise SystemExit(__doc__)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
