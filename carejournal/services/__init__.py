"""The journal's operations, each a small service over the store: entries, goals, little things,
lens, patterns, supervision, preparation, settings, drafts, backups, off-site copies,
encryption, salvage, import and export, demo.
"""
