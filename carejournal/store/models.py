"""SQLAlchemy 2 typed ORM models for the journal."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, ClassVar

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    Time,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from carejournal.core.kinds import KINDS
from carejournal.store.tables import UTCDateTime

KIND_CHECK = "kind IN ({})".format(", ".join(f"'{spec.key}'" for spec in KINDS))

class Base(DeclarativeBase):
    """Declarative base for all journal tables."""

    if TYPE_CHECKING:
        # Every model here is mapped to a plain Table (SQLAlchemy types it as any FromClause,
        # which has no insert()/update()/delete()); a declaration for the checker only, so
        # the declarative scan at run time sees nothing new.
        __table__: ClassVar[Table]


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
    # 0006, identity protection in exports: other names the person goes by (one per line)
    # and the alias a supervision pack uses for them (empty: their initials).
    nicknames: Mapped[str] = mapped_column(Text, default="", server_default="")
    alias: Mapped[str] = mapped_column(String(80), default="", server_default="")


class Tag(Base):
    """A free-text label on entries."""

    __tablename__ = "tags"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80, collation="NOCASE"), unique=True)


class EntryRecord(Base):
    """One journal entry as stored."""

    __tablename__ = "entries"
    __table_args__ = (
        # core/kinds.py declares the kinds; a new one also needs a migration of this CHECK.
        CheckConstraint(KIND_CHECK, name="ck_kind"),
        CheckConstraint("feeling_score IS NULL OR feeling_score BETWEEN 1 AND 5",
                        name="ck_feeling"),
        Index("ix_entries_timeline", "deleted_at", "occurred_on", "occurred_time", "id"),
        # 0005: period sums of the lens counts read this index alone, never the long rows.
        Index("ix_entries_lens", "deleted_at", "occurred_on", "lens_version", "word_count",
              "strength_words", "problem_words"),
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
    strengths: Mapped[str] = mapped_column(Text, default="", server_default="")  # 0004
    model: Mapped[str] = mapped_column(String(40), default="", server_default="")  # 0004
    details: Mapped[str] = mapped_column(Text, default="", server_default="")  # 0004, for FTS
    # 0005, the language lens: counts stored at save; lens_version NULL means not yet counted.
    word_count: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    strength_words: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    problem_words: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    lens_version: Mapped[str | None] = mapped_column(String(40))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    deleted_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)

    people: Mapped[list[Person]] = relationship(secondary=entry_people, order_by=Person.name)
    tags: Mapped[list[Tag]] = relationship(secondary=entry_tags, order_by=Tag.name)
    acts: Mapped[list[EntryAct]] = relationship(
        cascade="all, delete-orphan", order_by="EntryAct.id", passive_deletes=True)
    sections: Mapped[list[EntrySection]] = relationship(
        cascade="all, delete-orphan", order_by="EntrySection.position", passive_deletes=True)
    decisions: Mapped[list[DecisionRecord]] = relationship(
        cascade="all, delete-orphan", order_by="DecisionRecord.position", passive_deletes=True)
    actions: Mapped[list[ActionRecord]] = relationship(
        cascade="all, delete-orphan", order_by="ActionRecord.position", passive_deletes=True)


class EntryFindingRecord(Base):
    """How often one lens rule found something in an entry (dismissed findings left out)."""

    __tablename__ = "entry_findings"
    entry_id: Mapped[int] = mapped_column(ForeignKey("entries.id", ondelete="CASCADE"),
                                          primary_key=True)
    rule: Mapped[str] = mapped_column(String(80), primary_key=True)
    category: Mapped[str] = mapped_column(String(40))
    count: Mapped[int] = mapped_column(Integer)


class EntryDismissalRecord(Base):
    """A lens finding the worker dismissed in one entry, by its key (rule and words)."""

    __tablename__ = "entry_dismissals"
    entry_id: Mapped[int] = mapped_column(ForeignKey("entries.id", ondelete="CASCADE"),
                                          primary_key=True)
    key: Mapped[str] = mapped_column(Text, primary_key=True)


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


class EntrySection(Base):
    """The text of one section of a reflective model (or a fallibility prompt)."""

    __tablename__ = "entry_sections"
    entry_id: Mapped[int] = mapped_column(ForeignKey("entries.id", ondelete="CASCADE"),
                                          primary_key=True)
    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text, default="")


class DecisionRecord(Base):
    """A decision recorded on an interaction, with its rung of the co-production ladder."""

    __tablename__ = "decisions"
    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("entries.id", ondelete="CASCADE"),
                                          index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text, default="")
    rung: Mapped[str] = mapped_column(String(40))
    choices_offered: Mapped[bool | None] = mapped_column(Boolean)


class ActionRecord(Base):
    """An action plan item of a reflection, with an optional review date."""

    __tablename__ = "action_items"
    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("entries.id", ondelete="CASCADE"),
                                          index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text, default="")
    review_on: Mapped[dt.date | None] = mapped_column(Date, index=True)
    done_on: Mapped[dt.date | None] = mapped_column(Date)


class EntryLinkRecord(Base):
    """A link between two entries, such as a fallibility entry mirroring an interaction."""

    __tablename__ = "entry_links"
    __table_args__ = (UniqueConstraint("source_id", "target_id", "kind", name="uq_entry_link"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("entries.id", ondelete="CASCADE"),
                                           index=True)
    target_id: Mapped[int] = mapped_column(ForeignKey("entries.id", ondelete="CASCADE"),
                                           index=True)
    kind: Mapped[str] = mapped_column(String(20))


class GoalRecord(Base):
    """A person's goal, in their own words."""

    __tablename__ = "goals"
    __table_args__ = (CheckConstraint(
        "status IN ('active', 'paused', 'achieved', 'discontinued', 'unattainable')",
        name="ck_goal_status"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="RESTRICT"),
                                           index=True)
    text: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), default="active")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    status_changed_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    asked_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    own_attempts: Mapped[int | None] = mapped_column(Integer)
    reflection_id: Mapped[int | None] = mapped_column(
        ForeignKey("entries.id", ondelete="SET NULL"))


class AttemptRecord(Base):
    """One try at a goal, and how it went."""

    __tablename__ = "goal_attempts"
    __table_args__ = (CheckConstraint("outcome IN ('managed', 'partly', 'not-this-time')",
                                      name="ck_attempt_outcome"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    goal_id: Mapped[int] = mapped_column(ForeignKey("goals.id", ondelete="CASCADE"), index=True)
    occurred_on: Mapped[dt.date] = mapped_column(Date)
    outcome: Mapped[str] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(Text, default="", server_default="")
    entry_id: Mapped[int | None] = mapped_column(
        ForeignKey("entries.id", ondelete="SET NULL"), index=True)


class SettingRecord(Base):
    """A journal setting shared by the window and the command line (JSON value)."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class SupervisionSession(Base):
    """A supervision meeting, held or planned (a date after today is planned)."""

    __tablename__ = "supervision_sessions"
    id: Mapped[int] = mapped_column(primary_key=True)
    held_on: Mapped[dt.date] = mapped_column(Date, index=True)
    supervisor: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="", server_default="")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    actions: Mapped[list[AgreedActionRecord]] = relationship(
        cascade="all, delete-orphan", order_by="AgreedActionRecord.position",
        passive_deletes=True)


class AgreedActionRecord(Base):
    """An action agreed in a supervision session, with its owner, due date and status."""

    __tablename__ = "supervision_actions"
    __table_args__ = (CheckConstraint(
        "status IN ('open', 'in-progress', 'done', 'dropped')", name="ck_agreed_status"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("supervision_sessions.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text)
    owner: Mapped[str] = mapped_column(String(200), default="")
    due_on: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="open")
    function: Mapped[str | None] = mapped_column(String(20))  # core Function, NULL for none


class PreparationRecord(Base):
    """The worker's preparation for one supervision session (its steps' state as JSON)."""

    __tablename__ = "supervision_preparations"
    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("supervision_sessions.id", ondelete="CASCADE"), unique=True)
    state: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class EntryRevisionRecord(Base):
    """An entry's earlier wording, kept when it was reworded (its texts as JSON)."""

    __tablename__ = "entry_revisions"
    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("entries.id", ondelete="CASCADE"),
                                          index=True)
    saved_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    reason: Mapped[str] = mapped_column(Text, default="")
    texts: Mapped[str] = mapped_column(Text)


class DraftRecord(Base):
    """Unsaved typing kept through a crash: one per entry being edited (None: a new one)."""

    __tablename__ = "drafts"
    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int | None] = mapped_column(
        ForeignKey("entries.id", ondelete="CASCADE"), unique=True)
    content: Mapped[str] = mapped_column(Text)
    saved_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class LearningRecord(Base):
    """A piece of learning (CPD): method, topic, dates, minutes, Code themes, what changed."""

    __tablename__ = "learning_records"
    id: Mapped[int] = mapped_column(primary_key=True)
    method: Mapped[str] = mapped_column(String(200))
    topic: Mapped[str] = mapped_column(String(200))
    started_on: Mapped[dt.date] = mapped_column(Date)
    ended_on: Mapped[dt.date] = mapped_column(Date, index=True)
    minutes: Mapped[int] = mapped_column(Integer)
    participatory_minutes: Mapped[int] = mapped_column(Integer, default=0)
    themes: Mapped[str] = mapped_column(Text, default="", server_default="")
    changed: Mapped[str] = mapped_column(Text, default="", server_default="")
    peer_reflection: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class LearningEvidenceRecord(Base):
    """An evidence file kept inside the journal (so encrypted with it), for a learning record."""

    __tablename__ = "learning_evidence"
    id: Mapped[int] = mapped_column(primary_key=True)
    learning_id: Mapped[int] = mapped_column(
        ForeignKey("learning_records.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(255))
    content: Mapped[bytes] = mapped_column(LargeBinary)


class FeedbackRecord(Base):
    """Feedback received: from whom by role only, what it said, what the worker changed."""

    __tablename__ = "feedback_received"
    id: Mapped[int] = mapped_column(primary_key=True)
    received_on: Mapped[dt.date] = mapped_column(Date, index=True)
    from_role: Mapped[str] = mapped_column(String(200))
    said: Mapped[str] = mapped_column(Text)
    changed: Mapped[str] = mapped_column(Text, default="", server_default="")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class ReflectiveAccountRecord(Base):
    """A reflective account written from an entry (NMC revalidation counts them)."""

    __tablename__ = "reflective_accounts"
    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int | None] = mapped_column(
        ForeignKey("entries.id", ondelete="SET NULL"), index=True)
    written_on: Mapped[dt.date] = mapped_column(Date)
    themes: Mapped[str] = mapped_column(Text, default="", server_default="")
