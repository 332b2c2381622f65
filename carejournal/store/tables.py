"""The journal's tables named lightly for SQL without the ORM: `list`, `search` and `add`.

Declaring the ORM models and configuring their mappers costs more than everything else a
command does after SQLAlchemy is imported, so the everyday commands read and write through
these plain table names instead. models.py defines the schema; tests/store/test_tables.py
checks that every column named here is in it, with the same type.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    Boolean,
    CursorResult,
    Date,
    DateTime,
    Integer,
    String,
    Text,
    Time,
    TypeDecorator,
    column,
    table,
)
from sqlalchemy.sql.expression import TableClause


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Stores aware datetimes as UTC; reads them back as aware UTC."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: object) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(dt.UTC).replace(tzinfo=None)

    def process_result_value(self, value: dt.datetime | None, dialect: object
                             ) -> dt.datetime | None:
        return None if value is None else value.replace(tzinfo=dt.UTC)


ENTRIES = table(
    "entries", column("id", Integer), column("kind", String), column("occurred_on", Date),
    column("occurred_time", Time), column("shift", String), column("title", Text),
    column("body", Text), column("summary", Text), column("feeling_score", Integer),
    column("feeling_word", String), column("strengths", Text), column("model", String),
    column("details", Text), column("word_count", Integer), column("strength_words", Integer),
    column("problem_words", Integer), column("lens_version", String),
    column("created_at", UTCDateTime), column("updated_at", UTCDateTime),
    column("deleted_at", UTCDateTime))
PEOPLE = table("people", column("id", Integer), column("name", String))
TAGS = table("tags", column("id", Integer), column("name", String))
ENTRY_PEOPLE = table("entry_people", column("entry_id", Integer), column("person_id", Integer))
ENTRY_TAGS = table("entry_tags", column("entry_id", Integer), column("tag_id", Integer))
KINDNESS_ACTS = table("kindness_acts", column("id", Integer), column("key", String),
                      column("label", String), column("position", Integer))
ENTRY_ACTS = table("entry_acts", column("entry_id", Integer), column("act_id", Integer),
                   column("label", String), column("note", Text))
SECTIONS = table("entry_sections", column("entry_id", Integer), column("key", String),
                 column("position", Integer), column("text", Text))
DECISIONS = table("decisions", column("entry_id", Integer), column("position", Integer),
                  column("text", Text), column("rung", String),
                  column("choices_offered", Boolean))
ACTIONS = table("action_items", column("id", Integer), column("entry_id", Integer),
                column("position", Integer),
                column("text", Text), column("review_on", Date), column("done_on", Date))
FINDINGS = table("entry_findings", column("entry_id", Integer), column("rule", String),
                 column("category", String), column("count", Integer))
DISMISSALS = table("entry_dismissals", column("entry_id", Integer), column("key", Text))
LINKS = table("entry_links", column("source_id", Integer), column("target_id", Integer),
              column("kind", String))
SETTINGS = table("settings", column("key", String), column("value", Text))

ALL: tuple[TableClause, ...] = (
    ENTRIES, PEOPLE, TAGS, ENTRY_PEOPLE, ENTRY_TAGS, KINDNESS_ACTS, ENTRY_ACTS, SECTIONS,
    DECISIONS, ACTIONS, FINDINGS, DISMISSALS, LINKS, SETTINGS)


def inserted_id(result: CursorResult[Any]) -> int:
    """The id SQLite gave the row a single-row INSERT just wrote."""
    key = result.inserted_primary_key
    if key is None:  # only for statements other than a single-row INSERT
        raise ValueError("not the result of a single-row INSERT")
    return int(key[0])
