"""`carejournal desktop install|uninstall`: CareJournal in a Linux desktop's menus."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

from carejournal.cli.output import print_json
from carejournal.core.domain import InvalidInput

NOT_LINUX = ("carejournal desktop is for Linux only (it writes to the folders Linux desktops "
             "read their menus from). On Windows and macOS the installer puts CareJournal "
             "in the Start menu or the Applications folder.")


def add_arguments(desktop: argparse.ArgumentParser) -> None:
    actions = desktop.add_subparsers(dest="desktop_command", metavar="ACTION", required=True)
    install = actions.add_parser(
        "install", help="add CareJournal to the applications menu, with its icon and "
                        "AppStream metadata (in your own data folder; no root needed)")
    install.add_argument("--exec", dest="exec_path", metavar="PATH",
                         help="the program the menu starts (default: this installation's "
                              "carejournal-gui, or the bundle's own executable)")
    install.add_argument("--json", action="store_true", help="print JSON")
    uninstall = actions.add_parser("uninstall", help="remove exactly what install added")
    uninstall.add_argument("--json", action="store_true", help="print JSON")


def run(args: argparse.Namespace) -> int:
    from carejournal.services import desktop

    if not desktop.supported(sys.platform):
        raise InvalidInput(NOT_LINUX)
    data = desktop.data_home(os.environ, Path.home())
    if args.desktop_command == "install":
        program = _program(args.exec_path)
        written = desktop.install(data, program)
        if args.json:
            print_json({"installed": [str(p) for p in written], "exec": program})
        else:
            print(f"CareJournal is in the applications menu now; it starts {program}.")
            print(f"{len(written)} files written under {data}:")
            for path in written:
                print(f"  {path}")
        return 0
    removed = desktop.uninstall(data)
    if args.json:
        print_json({"removed": [str(p) for p in removed]})
    elif removed:
        print(f"CareJournal is no longer in the applications menu; {len(removed)} files "
              f"removed from {data}.")
    else:
        print(f"CareJournal was not in the applications menu (nothing of it in {data}).")
    return 0


def _program(chosen: str | None) -> str:
    """The program the launcher starts: the one given (which must exist), else this copy's."""
    if chosen is not None:
        path = Path(chosen).expanduser().absolute()
        if not path.is_file() or not os.access(path, os.X_OK):
            raise InvalidInput(f"{path} is not a program that can be run (--exec names the "
                               "program the menu starts).")
        return str(path)
    if getattr(sys, "frozen", False):  # the bundle: its executable opens the window
        return str(Path(sys.executable).absolute())
    beside = Path(sys.executable).parent / "carejournal-gui"
    if beside.is_file():  # a virtual environment's scripts are not on the desktop's PATH
        return str(beside.absolute())
    return shutil.which("carejournal-gui") or "carejournal-gui"
