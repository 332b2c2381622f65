"""`python -m carejournal` and the `carejournal` command: a command, or with none the window.

The command line (carejournal/cli) never imports the window: it is handed the way to open it
from here, so `carejournal` and `carejournal --journal FILE` open the window as they always
have, and every other word runs that command.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from carejournal.cli.main import main as cli_main


def main(argv: Sequence[str] | None = None) -> int:
    """Run `carejournal` with these arguments (default: the process's own)."""
    return cli_main(sys.argv[1:] if argv is None else argv, window=open_window)


def open_window(journal: str | None) -> int:
    """Open the journal window (imported only now: commands never load Qt)."""
    from carejournal.app import main as gui_main

    return gui_main(journal=journal)


if __name__ == "__main__":
    raise SystemExit(main())
