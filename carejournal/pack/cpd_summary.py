"""The revalidation / CPD summary as a Document: the tracker's line, then the learning
records with their hours and Code themes, then the feedback received, for one period.
Every worker-written text passes through scrub (identity protection) on its way in."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from carejournal.core.cpd import THEME_LABELS, Feedback, Learning, hours_text
from carejournal.core.dates import short_day
from carejournal.core.i18n import ngettext
from carejournal.pack.document import Block, Bullets, Document, Heading, Paragraph, Table

Scrub = Callable[[str], str]


def build_summary(title: str, period: str, tracker: str, learning: Sequence[Learning],
                  feedback: Sequence[Feedback], scrub: Scrub, closing: str,
                  nmc: bool = True) -> Document:
    """The summary for the period (learning oldest first, then feedback). Participatory
    hours and the Code's themes are the NMC's: for another register (nmc False) they are
    left out."""
    minutes = sum(r.minutes for r in learning)
    part = sum(r.participatory_minutes for r in learning)
    blocks: list[Block] = [Paragraph(period)]
    if tracker:
        blocks.append(Paragraph(tracker, "note"))
    blocks += [Heading("Learning (CPD)", 1),
               Paragraph(_counted(len(learning), minutes, part, nmc))]
    if learning:
        blocks.append(_table(learning, scrub, nmc))
        changes = [f"{scrub(r.topic)}: {scrub(r.changed)}" for r in learning if r.changed]
        if changes:
            blocks += [Heading("What changed in my practice", 2), Bullets(tuple(changes))]
    blocks += [Heading("Feedback received", 1),
               Paragraph(ngettext("{n} piece of feedback.", "{n} pieces of feedback.",
                                  len(feedback)).format(n=len(feedback)))]
    for f in sorted(feedback, key=lambda f: (f.received_on, f.id)):
        role = scrub(f.from_role)
        blocks += [Heading(f"{short_day(f.received_on)}, from {_article(role)} {role}", 2),
                   Paragraph(scrub(f.said))]
        if f.changed:
            blocks.append(Paragraph(f"What I changed: {scrub(f.changed)}"))
    blocks += [Heading("How identities were protected", 1), Paragraph(closing, "note")]
    return Document(title, "Learning records, hours and feedback", tuple(blocks))


def _counted(records: int, minutes: int, participatory: int, nmc: bool) -> str:
    """'5 records, 22 hours, of which 16 participatory.' (no participatory hours but the
    NMC's)."""
    if nmc:
        return ngettext("{n} record, {hours} hours, of which {part} participatory.",
                        "{n} records, {hours} hours, of which {part} participatory.",
                        records).format(n=records, hours=hours_text(minutes),
                                        part=hours_text(participatory))
    return ngettext("{n} record, {hours} hours.", "{n} records, {hours} hours.",
                    records).format(n=records, hours=hours_text(minutes))


def _table(learning: Sequence[Learning], scrub: Scrub, nmc: bool) -> Table:
    """The learning records, oldest first; the NMC's columns only for the NMC."""
    rows = []
    for r in sorted(learning, key=lambda r: (r.ended_on, r.id)):
        row: tuple[str, ...] = (_dates(r), scrub(r.method), scrub(r.topic),
                                hours_text(r.minutes))
        if nmc:
            row += (hours_text(r.participatory_minutes),
                    ", ".join(THEME_LABELS[t] for t in r.themes) or "-")
        rows.append(row)
    head = ("Dates", "Method", "Topic", "Hours")
    return Table(head + ("Participatory", "Code themes") if nmc else head, tuple(rows))


def _article(role: str) -> str:
    """'a' or 'an' before a role ('an occupational therapist')."""
    return "an" if role[:1].lower() in ("a", "e", "i", "o", "u") else "a"


def _dates(record: Learning) -> str:
    if record.started_on == record.ended_on:
        return short_day(record.ended_on)
    return f"{short_day(record.started_on)} to {short_day(record.ended_on)}"
