"""The revalidation / CPD summary as a Document: the tracker's line, then the learning
records with their hours and Code themes, then the feedback received, for one period.
Every worker-written text passes through scrub (identity protection) on its way in."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from carejournal.core.cpd import THEME_LABELS, Feedback, Learning, hours_text
from carejournal.core.dates import short_day
from carejournal.pack.document import Block, Bullets, Document, Heading, Paragraph, Table

Scrub = Callable[[str], str]


def build_summary(title: str, period: str, tracker: str, learning: Sequence[Learning],
                  feedback: Sequence[Feedback], scrub: Scrub, closing: str) -> Document:
    """The summary for the period (learning oldest first, then feedback)."""
    minutes = sum(r.minutes for r in learning)
    part = sum(r.participatory_minutes for r in learning)
    blocks: list[Block] = [Paragraph(period)]
    if tracker:
        blocks.append(Paragraph(tracker, "note"))
    blocks += [Heading("Learning (CPD)", 1),
               Paragraph(f"{len(learning)} records, {hours_text(minutes)} hours, of which "
                         f"{hours_text(part)} participatory.")]
    if learning:
        blocks.append(Table(
            ("Dates", "Method", "Topic", "Hours", "Participatory", "Code themes"),
            tuple((_dates(r), scrub(r.method), scrub(r.topic), hours_text(r.minutes),
                   hours_text(r.participatory_minutes),
                   ", ".join(THEME_LABELS[t] for t in r.themes) or "-")
                  for r in sorted(learning, key=lambda r: (r.ended_on, r.id)))))
        changes = [f"{scrub(r.topic)}: {scrub(r.changed)}" for r in learning if r.changed]
        if changes:
            blocks += [Heading("What changed in my practice", 2), Bullets(tuple(changes))]
    blocks += [Heading("Feedback received", 1),
               Paragraph(f"{len(feedback)} pieces of feedback.")]
    for f in sorted(feedback, key=lambda f: (f.received_on, f.id)):
        blocks += [Heading(f"{short_day(f.received_on)}, from a {scrub(f.from_role)}", 2),
                   Paragraph(scrub(f.said))]
        if f.changed:
            blocks.append(Paragraph(f"What I changed: {scrub(f.changed)}"))
    blocks += [Heading("How identities were protected", 1), Paragraph(closing, "note")]
    return Document(title, "Learning records, hours and feedback", tuple(blocks))


def _dates(record: Learning) -> str:
    if record.started_on == record.ended_on:
        return short_day(record.ended_on)
    return f"{short_day(record.started_on)} to {short_day(record.ended_on)}"
