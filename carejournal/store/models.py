"""SQLAlchemy 2 typed ORM models for the journal."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    CheckConstraint,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    Time,
    TypeDecorator,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


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


class Base(DeclarativeBase):
    """Declarative base for all journal tables."""


entry_people = Table(
    "entry_people",
    Base.metadata,
    Column("entry_id", ForeignKey("entries.id", ondelete="CASCADE"), primary_key=True),
    Column("person_id", ForeignKey("people.id", ondelete="CASCADE"), primary_key=True,
           index=True),
)

entry_tags = Table(
    "entry_tags",
    Base.metadata,
    Column("entry_id", ForeignKey("entries.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True, index=True),
)


class Person(Base):
    """Someone the worker supports, by the name or pseudonym the worker uses."""

    __tablename__ = "people"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80, collation="NOCASE"), unique=True)


class Tag(Base):
    """A free-text label on entries."""

    __tablename__ = "tags"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80, collation="NOCASE"), unique=True)


class EntryRecord(Base):
    """One journal entry as stored."""

    __tablename__ = "entries"
    __table_args__ = (
        CheckConstraint(
            "kind IN ('interaction', 'kindness', 'fallibility', 'reflection')", name="ck_kind"),
        CheckConstraint("feeling_score IS NULL OR feeling_score BETWEEN 1 AND 5",
                        name="ck_feeling"),
        Index("ix_entries_timeline", "deleted_at", "occurred_on", "occurred_time", "id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    occurred_on: Mapped[dt.date] = mapped_column(Date)
    occurred_time: Mapped[dt.time | None] = mapped_column(Time)
    shift: Mapped[str] = mapped_column(String(40), default="")
    title: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text, default="")
    summary: Mapped[str] = mapped_column(Text, default="", server_default="")  # as 0002 adds it
    feeling_score: Mapped[int | None] = mapped_column(Integer)
    feeling_word: Mapped[str] = mapped_column(String(40), default="")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    deleted_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)

    people: Mapped[list[Person]] = relationship(secondary=entry_people, order_by=Person.name)
    tags: Mapped[list[Tag]] = relationship(secondary=entry_tags, order_by=Tag.name)
    acts: Mapped[list[EntryAct]] = relationship(
        cascade="all, delete-orphan", order_by="EntryAct.id", passive_deletes=True)


class KindnessAct(Base):
    """A little thing in the worker's catalogue: built in (with a key) or their own."""

    __tablename__ = "kindness_acts"
    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str | None] = mapped_column(String(60), unique=True)
    label: Mapped[str] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(Integer, default=0)
    retired_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)


class EntryAct(Base):
    """A little thing done, recorded on an entry with the act's label as it was then."""

    __tablename__ = "entry_acts"
    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("entries.id", ondelete="CASCADE"),
                                          index=True)
    act_id: Mapped[int] = mapped_column(ForeignKey("kindness_acts.id", ondelete="RESTRICT"),
                                        index=True)
    label: Mapped[str] = mapped_column(String(200))
    note: Mapped[str] = mapped_column(Text, default="", server_default="")
