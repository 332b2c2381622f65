"""The whole journal read as records of the CareJournal JSON format (docs/interchange.md),
fast: one plain SELECT a table on the DBAPI cursor, and SQLite itself writes each value as
JSON text (`json_quote`), laid out as Python's `json.dumps` lays out a record.

SQLAlchemy stores dates as `YYYY-MM-DD`, times as `HH:MM:SS.ffffff` and UTC moments as
`YYYY-MM-DD HH:MM:SS.ffffff`. A value in exactly that layout is rewritten in SQL to what
`isoformat()` of the value read back would give (microseconds only when not zero, moments
with `+00:00`); anything else goes through SQLAlchemy's own reading, as the ORM would.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, Date, Dialect, Time
from sqlalchemy.dialects.sqlite import DATETIME

Field = tuple[str, str]  # (the record's key, SQL giving the value as JSON text)

_D = "[0-9]"
_DAY = f"{_D * 4}-{_D * 2}-{_D * 2}"
_CLOCK = f"{_D * 2}:{_D * 2}:{_D * 2}.{_D * 6}"
EMPTY = b"[]"


def day(column: str) -> str:
    """SQL: the stored date as JSON text (ISO date, or null)."""
    return (f"CASE WHEN {column} IS NULL THEN 'null' WHEN {column} GLOB '{_DAY}' THEN "
            f"'\"' || {column} || '\"' ELSE json_quote(cj_day({column})) END")


def clock(column: str) -> str:
    """SQL: the stored time as JSON text (`time.isoformat()`, or null)."""
    return (f"CASE WHEN {column} IS NULL THEN 'null' WHEN {column} GLOB '{_CLOCK}' THEN "
            f"'\"' || CASE WHEN substr({column}, 10, 6) = '000000' THEN substr({column}, 1, 8) "
            f"ELSE {column} END || '\"' ELSE json_quote(cj_time({column})) END")


def moment(column: str) -> str:
    """SQL: the stored UTC moment as JSON text (`datetime.isoformat()` with `+00:00`, or
    null)."""
    return (f"CASE WHEN {column} IS NULL THEN 'null' WHEN {column} GLOB '{_DAY} {_CLOCK}' "
            f"THEN '\"' || substr({column}, 1, 10) || 'T' || substr({column}, 12, 8) || "
            f"CASE WHEN substr({column}, 21, 6) = '000000' THEN '' "
            f"ELSE substr({column}, 20, 7) END || "
            f"'+00:00\"' ELSE json_quote(cj_moment({column})) END")


def q(value: str) -> str:
    """SQL: the value as JSON text (null, a number, or a string escaped as json.dumps does
    with ensure_ascii=False)."""
    return f"json_quote({value})"


def flag(column: str) -> str:
    """SQL: a stored boolean as JSON true, false or null."""
    return (f"CASE WHEN {column} IS NULL THEN 'null' WHEN {column} THEN 'true' "
            "ELSE 'false' END")


def obj(fields: Sequence[Field]) -> str:
    """SQL: a JSON object as json.dumps writes it (`{"a": 1, "b": 2}`)."""
    parts = [f"'{'{' if index == 0 else ', '}{json.dumps(key)}: ' || {value}"
             for index, (key, value) in enumerate(fields)]
    return " || ".join(parts) + " || '}'"


def template(keys: Sequence[str]) -> bytes:
    """A %-template of a JSON object whose values are given as JSON text (UTF-8)."""
    return ("{" + ", ".join(f"{json.dumps(key)}: %s" for key in keys) + "}").encode()


def _fallbacks(dialect: Dialect) -> dict[str, Callable[[Any], str | None]]:
    """Python readings of values not in the storage layout (as the ORM reads them)."""
    read_day = Date().dialect_impl(dialect).result_processor(dialect, None)
    read_clock = Time().dialect_impl(dialect).result_processor(dialect, None)
    read_moment = DATETIME().result_processor(dialect, None)

    def iso(read: Callable[[Any], Any] | None) -> Callable[[Any], str | None]:
        def convert(value: Any) -> str | None:
            found = read(value) if read else value
            if isinstance(found, dt.datetime):  # UTCDateTime: stored naive, in UTC
                return found.replace(tzinfo=dt.UTC).isoformat()
            return None if found is None else found.isoformat()
        return convert

    def b64(value: Any) -> str | None:  # evidence files: bytes as base64 text
        return None if value is None else base64.b64encode(bytes(value)).decode("ascii")

    return {"cj_day": iso(read_day), "cj_time": iso(read_clock), "cj_moment": iso(read_moment),
            "cj_b64": b64}


@contextmanager
def json_parts(conn: Connection) -> Iterator[dict[str, Any]]:
    """Every table, inside the caller's transaction: {key: [record as UTF-8 JSON text]} in
    id order, and settings as {key: value}. The entries come as an iterator, read as it is
    consumed: consume it inside the with block.

    Text is read as UTF-8 bytes and stays so: decoding 45 MB only to encode it again for
    the file cost a tenth of a second at 20,000 entries.
    """
    raw = conn.connection.driver_connection
    if raw is None:  # only once the pooled connection has been closed
        raise RuntimeError("the connection is closed")
    for name, function in _fallbacks(conn.dialect).items():
        raw.create_function(name, 1, function, deterministic=True)
    text_factory = raw.text_factory
    raw.text_factory = bytes
    try:
        yield _Reader(raw).parts()
    finally:
        raw.text_factory = text_factory


class _Reader:
    """The queries of one export, on the DBAPI connection."""

    def __init__(self, raw: Any) -> None:
        self.raw = raw
        self.cursor = raw.cursor()

    def texts(self, sql: str) -> list[bytes]:
        """The first column of every row."""
        return [row[0] for row in self.cursor.execute(sql)]

    def owned(self, sql: str) -> dict[int, bytes]:
        """(owner, JSON text) rows as {owner: JSON list of the texts}, in the query's order."""
        grouped: dict[int, list[bytes]] = defaultdict(list)
        for owner, text in self.cursor.execute(sql):
            grouped[owner].append(text)
        return {owner: b"[" + b", ".join(texts) + b"]" for owner, texts in grouped.items()}

    def parts(self) -> dict[str, Any]:
        return {
            "people": self.texts(
                "SELECT " + obj([("name", q("name")), ("nicknames", q("nicknames")),
                                 ("alias", q("alias"))]) + " FROM people ORDER BY id"),
            "tags": self.texts("SELECT json_quote(name) FROM tags ORDER BY id"),
            "kindness_acts": self.texts(
                "SELECT " + obj([("id", q("id")), ("key", q("key")), ("label", q("label")),
                                 ("position", q("position")),
                                 ("retired_at", moment("retired_at"))])
                + " FROM kindness_acts ORDER BY id"),
            "entries": self.entries(),
            "links": self.texts(
                "SELECT " + obj([("source", q("source_id")), ("target", q("target_id")),
                                 ("kind", q("kind"))]) + " FROM entry_links ORDER BY id"),
            "goals": self.goals(),
            "settings": {key.decode(): value.decode() for key, value in self.cursor.execute(
                "SELECT key, value FROM settings ORDER BY key")},
            "supervision_sessions": self.sessions(),
            **self.cpd(),
        }

    def entries(self) -> Iterator[bytes]:
        children = {
            "people": self.owned("SELECT entry_people.entry_id, json_quote(people.name) "
                                 "FROM entry_people JOIN people "
                                 "ON people.id = entry_people.person_id ORDER BY people.name"),
            "tags": self.owned("SELECT entry_tags.entry_id, json_quote(tags.name) FROM entry_tags "
                               "JOIN tags ON tags.id = entry_tags.tag_id ORDER BY tags.name"),
            "dismissed": self.owned("SELECT entry_id, json_quote(key) FROM entry_dismissals "
                                    "ORDER BY key"),
            "acts": self.owned("SELECT entry_id, " + obj([
                ("act", q("act_id")), ("label", q("label")), ("note", q("note"))])
                + " FROM entry_acts ORDER BY id"),
            "sections": self.owned("SELECT entry_id, " + obj([
                ("key", q("key")), ("text", q("text"))])
                + " FROM entry_sections ORDER BY entry_id, position"),
            "decisions": self.owned("SELECT entry_id, " + obj([
                ("text", q("text")), ("rung", q("rung")),
                ("choices_offered", flag("choices_offered"))])
                + " FROM decisions ORDER BY entry_id, position"),
            "actions": self.owned("SELECT entry_id, " + obj([
                ("text", q("text")), ("review_on", day("review_on")),
                ("done_on", day("done_on"))])
                + " FROM action_items ORDER BY entry_id, position"),
            "revisions": self.owned("SELECT entry_id, " + obj([
                ("saved_at", moment("saved_at")), ("reason", q("reason")),
                ("texts", q("texts"))]) + " FROM entry_revisions ORDER BY id"),
        }
        head = [("id", q("id")), ("kind", q("kind")), ("occurred_on", day("occurred_on")),
                ("occurred_time", clock("occurred_time")), ("shift", q("shift")),
                ("title", q("title")), ("body", q("body")), ("strengths", q("strengths")),
                ("model", q("model")), ("created_at", moment("created_at")),
                ("updated_at", moment("updated_at")),
                ("deleted_at", moment("deleted_at"))]
        feeling = ("CASE WHEN feeling_score IS NULL THEN 'null' ELSE "
                   + obj([("score", q("feeling_score")), ("word", q("feeling_word"))]) + " END")
        line = template([key for key, _ in head] + list(children) + ["feeling"])
        sql = ("SELECT id, " + ", ".join(value for _, value in head) + f", {feeling} "
               "FROM entries ORDER BY id")
        people, tags, dismissed, acts, sections, decisions, actions, revisions = (
            found.get for found in children.values())  # one lookup each, no loop: 20,000 rows
        return (line % (*row[1:-1], people(row[0], EMPTY), tags(row[0], EMPTY),
                        dismissed(row[0], EMPTY), acts(row[0], EMPTY), sections(row[0], EMPTY),
                        decisions(row[0], EMPTY), actions(row[0], EMPTY),
                        revisions(row[0], EMPTY), row[-1])
                for row in self.raw.cursor().execute(sql))  # its own cursor: read as written

    def goals(self) -> list[bytes]:
        attempts = self.owned("SELECT goal_id, " + obj([
            ("occurred_on", day("occurred_on")), ("outcome", q("outcome")),
            ("note", q("note")), ("entry", q("entry_id"))]) + " FROM goal_attempts ORDER BY id")
        head = [("person", q("people.name")), ("text", q("goals.text")),
                ("status", q("goals.status")), ("created_at", moment("goals.created_at")),
                ("status_changed_at", moment("goals.status_changed_at")),
                ("asked_at", moment("goals.asked_at")),
                ("own_attempts", q("goals.own_attempts")),
                ("reflection", q("goals.reflection_id"))]
        line = template([key for key, _ in head] + ["attempts"])
        sql = ("SELECT goals.id, " + ", ".join(value for _, value in head)
               + " FROM goals JOIN people ON people.id = goals.person_id ORDER BY goals.id")
        return [line % (*row[1:], attempts.get(row[0], EMPTY))
                for row in self.cursor.execute(sql)]

    def sessions(self) -> list[bytes]:
        actions = self.owned("SELECT session_id, " + obj([
            ("text", q("text")), ("owner", q("owner")), ("due_on", day("due_on")),
            ("status", q("status")), ("function", q("function"))])
            + " FROM supervision_actions ORDER BY session_id, position")
        preps: dict[int, bytes] = {}
        for owner, text in self.cursor.execute("SELECT session_id, " + obj([
                ("state", q("state")), ("created_at", moment("created_at")),
                ("updated_at", moment("updated_at"))]) + " FROM supervision_preparations"):
            preps.setdefault(owner, text)
        head = [("held_on", day("held_on")), ("supervisor", q("supervisor")),
                ("notes", q("notes")), ("created_at", moment("created_at"))]
        line = template([key for key, _ in head] + ["actions", "preparation"])
        sql = ("SELECT id, " + ", ".join(value for _, value in head)
               + " FROM supervision_sessions ORDER BY id")
        return [line % (*row[1:], actions.get(row[0], EMPTY), preps.get(row[0], b"null"))
                for row in self.cursor.execute(sql)]

    def cpd(self) -> dict[str, list[bytes]]:
        """Learning records (with their evidence files as base64), feedback received and
        the reflective accounts written."""
        evidence = self.owned("SELECT learning_id, " + obj([
            ("name", q("name")), ("data", "json_quote(cj_b64(content))")])
            + " FROM learning_evidence ORDER BY id")
        head = [("method", q("method")), ("topic", q("topic")),
                ("started_on", day("started_on")), ("ended_on", day("ended_on")),
                ("minutes", q("minutes")), ("participatory_minutes", q("participatory_minutes")),
                ("themes", q("themes")), ("changed", q("changed")),
                ("peer_reflection", flag("peer_reflection")),
                ("created_at", moment("created_at"))]
        line = template([key for key, _ in head] + ["evidence"])
        sql = ("SELECT id, " + ", ".join(value for _, value in head)
               + " FROM learning_records ORDER BY id")
        learning = [line % (*row[1:], evidence.get(row[0], EMPTY))
                    for row in self.cursor.execute(sql)]
        feedback = self.texts("SELECT " + obj([
            ("received_on", day("received_on")), ("from_role", q("from_role")),
            ("said", q("said")), ("changed", q("changed")),
            ("created_at", moment("created_at"))]) + " FROM feedback_received ORDER BY id")
        accounts = self.texts("SELECT " + obj([
            ("entry", q("entry_id")), ("written_on", day("written_on")),
            ("themes", q("themes"))]) + " FROM reflective_accounts ORDER BY id")
        return {"learning": learning, "feedback": feedback, "reflective_accounts": accounts}
