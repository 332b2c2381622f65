"""Save a screenshot of the real main window, filled with made-up demo entries.

    python scripts/screenshot.py OUT.png [--dark] [--wizard WIZARD.png]

A supervision session is planned two days ahead, so the prompt shows; --wizard also
saves the preparation wizard on its language step.

Runs offscreen (QT_QPA_PLATFORM=offscreen unless already set), in a temporary journal
and a temporary settings file, so it never touches your own journal or window layout.
`--dark` applies a dark Fusion palette, to check contrast by eye.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from carejournal.app import make_application
from carejournal.core.domain import EntryFilter, EntryKind
from carejournal.services.demo import fill_demo
from carejournal.services.journal import Journal
from carejournal.ui.main_window import MainWindow

WIDTH, HEIGHT = 1280, 800
LOOK_AT = 12  # pick from the newest few entries, so the highlight is near the top


def dark_palette() -> QPalette:
    """A plain dark palette for the Fusion style."""
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    palette = QPalette()
    colours = {
        role.Window: "#2b2b2b", role.WindowText: "#e8e8e8", role.Base: "#1e1e1e",
        role.AlternateBase: "#2f2f2f", role.ToolTipBase: "#3a3a3a", role.ToolTipText: "#e8e8e8",
        role.Text: "#e8e8e8", role.Button: "#353535", role.ButtonText: "#e8e8e8",
        role.BrightText: "#ff6b6b", role.Link: "#8ab4f8", role.Highlight: "#3d6fb4",
        role.HighlightedText: "#ffffff", role.PlaceholderText: "#9a9a9a",
        role.Light: "#4a4a4a", role.Midlight: "#3e3e3e", role.Mid: "#2a2a2a",
        role.Dark: "#1a1a1a", role.Shadow: "#000000",
    }
    for colour_role, colour in colours.items():
        palette.setColor(colour_role, QColor(colour))
    for colour_role in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(group.Disabled, colour_role, QColor("#7a7a7a"))
    return palette


def interesting_entry(journal: Journal) -> int | None:
    """A recent interaction with a person and a feeling; the fullest of the newest few."""
    best: tuple[tuple[bool, bool, bool, int], int] | None = None
    for row in journal.rows(EntryFilter(limit=LOOK_AT)):
        if row.kind is not EntryKind.INTERACTION or not row.people:
            continue
        entry = journal.get(row.id)
        if entry.feeling is None:
            continue
        score = (bool(journal.lens.check_draft(entry.draft())),  # shows the language lens
                 bool(entry.title and entry.feeling.word), entry.occurred_time is not None,
                 len(entry.body))
        if best is None or score > best[0]:
            best = (score, entry.id)
    if best is None:  # an unlucky seed: settle for any interaction with a person
        rows = journal.rows(EntryFilter(kinds=frozenset([EntryKind.INTERACTION])))
        return next((row.id for row in rows if row.people), None)
    return best[1]


def grab_wizard(window: MainWindow, journal: Journal, out: Path) -> None:
    """The preparation wizard on its language step, as the worker would see it."""
    from carejournal.core.preparation import Step
    from carejournal.ui.supervision.wizard import PrepareWizard

    prep = journal.supervision.prepare_next(dt.date.today())
    prep.step = Step.LANGUAGE
    wizard = PrepareWizard(journal, prep, window)
    wizard.resize(1000, 700)
    wizard.show()
    for _ in range(3):
        QApplication.processEvents()
    if not wizard.grab().save(str(out)):
        raise SystemExit(f"screenshot: could not write {out}")
    wizard.close()


def take(out: Path, dark: bool, wizard: Path | None = None) -> Path:
    """Build the window on a temporary demo journal and save its picture to out."""
    app = make_application([sys.argv[0]])
    # The offscreen platform's one screen is 800x800, and every window is fitted to its
    # screen (ui/window_state.py): picture the window on a 1280x800 screen instead.
    from PySide6.QtCore import QRect

    from carejournal.ui import window_state

    window_state.available_geometry = lambda _widget: QRect(0, 0, WIDTH, HEIGHT)
    if dark:
        app.setStyle("Fusion")
        app.setPalette(dark_palette())
    with tempfile.TemporaryDirectory(prefix="carejournal-shot-") as tmp:
        journal = Journal.open(Path(tmp) / "journal.sqlite", create=True)
        try:
            fill_demo(journal)  # with supervision: sessions held, the next in two days
            settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
            window = MainWindow(journal, settings)
            window.resize(WIDTH, HEIGHT)
            window.show()
            QApplication.processEvents()
            entry_id = interesting_entry(journal)
            if entry_id is not None:
                window.timeline.select(entry_id, quiet=False)
                window.timeline.view.setFocus()
            settle = time.monotonic() + 0.5  # the word count follows a short pause
            while time.monotonic() < settle:
                QApplication.processEvents()
                time.sleep(0.02)
            out.parent.mkdir(parents=True, exist_ok=True)
            if not window.grab().save(str(out)):
                raise SystemExit(f"screenshot: could not write {out}")
            if wizard is not None:
                grab_wizard(window, journal, wizard)
            window.autosaver.discard()
            window.close()
            QApplication.processEvents()
        finally:
            journal.close()
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, metavar="OUT.png")
    parser.add_argument("--dark", action="store_true", help="use a dark Fusion palette")
    parser.add_argument("--wizard", type=Path, metavar="WIZARD.png",
                        help="also save the preparation wizard's language step")
    args = parser.parse_args()
    print(f"Wrote {take(args.out, args.dark, args.wizard)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
