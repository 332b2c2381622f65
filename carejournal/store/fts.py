"""SQLite FTS5 full-text index over entry titles, bodies and details.

The details column holds the structured parts of an entry as text (strengths, the
sections of a reflective model, decisions, action items), so one search finds them all.
"""

from __future__ import annotations

import re

from sqlalchemy import Connection

FTS_TABLE = "entries_fts"

CREATE_TABLE = (
    "CREATE VIRTUAL TABLE entries_fts USING fts5("
    "title, body, details, content='entries', content_rowid='id', "
    "tokenize='unicode61 remove_diacritics 2')"
)
INSERT_TRIGGER = (
    "CREATE TRIGGER entries_fts_ai AFTER INSERT ON entries BEGIN "
    "INSERT INTO entries_fts(rowid, title, body, details) "
    "VALUES (new.id, new.title, new.body, new.details); END"
)
DELETE_TRIGGER = (
    "CREATE TRIGGER entries_fts_ad AFTER DELETE ON entries BEGIN "
    "INSERT INTO entries_fts(entries_fts, rowid, title, body, details) "
    "VALUES ('delete', old.id, old.title, old.body, old.details); END"
)
UPDATE_TRIGGER = (
    "CREATE TRIGGER entries_fts_au AFTER UPDATE OF title, body, details ON entries BEGIN "
    "INSERT INTO entries_fts(entries_fts, rowid, title, body, details) "
    "VALUES ('delete', old.id, old.title, old.body, old.details); "
    "INSERT INTO entries_fts(rowid, title, body, details) "
    "VALUES (new.id, new.title, new.body, new.details); END"
)
TRIGGERS = ("entries_fts_ai", "entries_fts_ad", "entries_fts_au")
ALL_DDL = (CREATE_TABLE, INSERT_TRIGGER, DELETE_TRIGGER, UPDATE_TRIGGER)

_WORD = re.compile(r"\w", re.UNICODE)


def create(conn: Connection) -> None:
    """Create the index and the triggers that keep it in step, then fill it."""
    for statement in ALL_DDL:
        conn.exec_driver_sql(statement)
    rebuild(conn)


def drop(conn: Connection) -> None:
    """Remove the index and its triggers (a migration then creates the new shape)."""
    for name in TRIGGERS:
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
    conn.exec_driver_sql(f"DROP TABLE IF EXISTS {FTS_TABLE}")


def optimize(conn: Connection) -> None:
    """Merge the index into one piece, leaving out the words of deleted entries (FTS5 keeps
    them until then). Not FTS5's secure-delete option: it changes the index's format, which
    SQLite before 3.42 then cannot read, so an older SQLite could no longer save entries."""
    conn.exec_driver_sql("INSERT INTO entries_fts(entries_fts) VALUES ('optimize')")


def rebuild(conn: Connection) -> None:
    """Rebuild the whole index from the entries table."""
    conn.exec_driver_sql("INSERT INTO entries_fts(entries_fts) VALUES ('rebuild')")


def pause_insert_trigger(conn: Connection) -> None:
    """Drop the insert trigger for a bulk load; call resume_insert_trigger after."""
    conn.exec_driver_sql("DROP TRIGGER IF EXISTS entries_fts_ai")


def resume_insert_trigger(conn: Connection) -> None:
    """Put the insert trigger back and rebuild the index once."""
    conn.exec_driver_sql(INSERT_TRIGGER)
    rebuild(conn)


def to_match_query(text: str) -> str:
    """Turn what a person typed into a safe FTS5 query; '' if there is nothing to search.

    Each word becomes a quoted phrase (so FTS5 operators and quotes are harmless),
    all words must match, and the last word matches as a prefix for search-as-you-type.
    """
    text = text.replace("\x00", " ")  # FTS5 would stop reading the query at a NUL
    chunks = [c for c in text.split() if _WORD.search(c)]
    if not chunks:
        return ""
    phrases = ['"' + c.replace('"', '""') + '"' for c in chunks]
    phrases[-1] += "*"
    return " ".join(phrases)
