"""The app's name appears once in the title bar: "CareJournal — journal.sqlite"."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from carejournal import APP_NAME
from carejournal.app import make_application
from carejournal.ui.main_window import MainWindow


def shown_title(title: str, app: QApplication) -> str:
    """The title as X11, Wayland and Windows show it: Qt adds " — <display name>" when a
    display name was set and the title does not end with it already."""
    name = app.applicationName()
    app.setApplicationName("\x01probe")  # the display name falls back to this if unset
    display = app.applicationDisplayName()
    app.setApplicationName(name)
    if display != "\x01probe" and display and not title.endswith(display):
        return f"{title} \N{EM DASH} {display}"
    return title


def test_the_main_window_names_the_app_once(window: MainWindow) -> None:
    app = make_application()
    assert app.applicationName() == APP_NAME
    assert window.windowTitle() == "CareJournal — journal.sqlite"
    assert shown_title(window.windowTitle(), app) == "CareJournal — journal.sqlite"
