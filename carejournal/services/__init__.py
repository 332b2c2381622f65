"""The journal's operations, each a small service over the store: entries, goals, little things,
lens, patterns, supervision, preparation, settings, drafts, backups, off-site copies,
encryption, salvage, import and export, supervision packs, the demo journal, the window's
operations that return what they changed (operations.py) and cheap questions about a
journal's files (files.py).
"""
