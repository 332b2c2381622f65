"""CareJournal: a private, offline reflective-practice journal for care and social workers."""

__version__ = "0.1.0"
APP_NAME = "CareJournal"
# The desktop id: the launcher's file name, the icon's name, the AppStream id and the
# window's desktop file name (app.py), so the desktop ties the window to its launcher.
APP_ID = "io.github.carejournal.CareJournal"
