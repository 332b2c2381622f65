"""The supervision pack as a Document: every text passes through scrub (identity
protection) on its way in, and charts are drawn from protected labels."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from carejournal.charts.registry import pack_charts
from carejournal.core.dates import long_day, readable_dates, short_day
from carejournal.core.preparation import (
    STAGE_LABELS,
    AgendaItem,
    AgendaKind,
    GoalReflection,
    Power,
)
from carejournal.core.supervision import FUNCTION_LABELS, STATUS_LABELS, Function
from carejournal.pack.content import PackContent, PackEntry
from carejournal.pack.document import (
    Block,
    Bullets,
    Contents,
    Document,
    Heading,
    Image,
    Paragraph,
    Table,
)

Scrub = Callable[[str], str]
AGENDA_LABELS = {"question": "My question", "language": "Language", "strength": "Strengths",
                 "power": "Power and fallibility", "entry": "Entry", "development":
                 "Development", "action": "Agreed action"}


def build_document(content: PackContent, scrub: Scrub, closing: str,
                   charts: bool = True) -> Document:
    """The whole pack in the order a supervisor reads it: the cover and contents, then
    what the session is about (agenda, figures, the entries to discuss), then the rest."""
    blocks: list[Block] = [*_cover(content, scrub), Contents(),
                           *_how_i_am(content, scrub), *_agenda(content, scrub),
                           *_situation(content, scrub), *_figures(content),
                           *_to_discuss(content, scrub), *_actions(content, scrub),
                           *_power(content, scrub), *_language(content, scrub),
                           *_strengths(content, scrub), *_others(content, scrub),
                           *((Heading("The period in charts", 1), *_charts(content, scrub))
                             if charts else ()),
                           Heading("How identities were protected", 1),
                           Paragraph(closing, "note")]
    subtitle = f"For supervision on {long_day(content.session.held_on)}"
    return Document("Supervision pack", subtitle, tuple(blocks))


def _cover(content: PackContent, scrub: Scrub) -> list[Block]:
    period = content.period
    lines = [f"Period: {short_day(period.since)} to {short_day(period.until)}"]
    if content.worker:
        lines.append(f"Prepared by: {content.worker}")
    if content.session.supervisor:
        lines.append(f"Supervisor: {scrub(content.session.supervisor)}")
    lines.append(f"Entries brought: {len(content.entries)} of {content.entries_in_period} "
                 "in the period")
    return [Paragraph(line) for line in lines]


def _actions(content: PackContent, scrub: Scrub) -> list[Block]:
    blocks: list[Block] = [Heading("Actions agreed last time", 1)]
    if not content.last_actions:
        return [*blocks, Paragraph("No actions were recorded at the last session.", "note")]
    rows = tuple((scrub(a.text), scrub(a.owner) or "-",
                  short_day(a.due_on), STATUS_LABELS[a.status])
                 for a in content.last_actions)
    return [*blocks, Table(("Action", "Who", "Due", "Status"), rows)]


def _figures(content: PackContent) -> list[Block]:
    power = content.power
    kinds: dict[str, int] = {}
    for entry in content.entries:
        kinds[entry.kind] = kinds.get(entry.kind, 0) + 1
    share = power.share_with
    discuss = sum(1 for e in content.entries if e.to_discuss)
    rows = [("Entries brought", str(len(content.entries))),
            *((f"  {kind}", str(n)) for kind, n in sorted(kinds.items())),
            ("Marked to discuss", str(discuss)),
            ("Language findings before the check", str(content.language_before)),
            ("Language findings now", str(sum(i.occurrences for i in content.language))),
            ("Decisions recorded", str(power.decisions)),
            ("Decisions made with the person",
             "-" if share is None else f"{power.made_with} ({share:.0%})"),
            ("Goals ended after few attempts", str(len(power.ended_early))),
            ("Own-fallibility reflections", str(len(power.fallibility)))]
    return [Heading("The period in figures", 1), Table(("Measure", "Count"), tuple(rows))]


def _charts(content: PackContent, scrub: Scrub) -> list[Block]:
    """The charts declared in_pack, each from PackContent.<its series>; a per-person
    chart's names and words pass through scrub first."""
    from carejournal.charts import png_bytes

    blocks: list[Block] = []
    for spec in pack_charts():
        series = getattr(content, spec.series)
        if spec.scrub_names is not None:
            series = spec.scrub_names(series, scrub)
        png, info = png_bytes(spec.key, series, period=content.period)
        blocks.append(Image(png, info.title, info.caption))
    return blocks


def _to_discuss(content: PackContent, scrub: Scrub) -> list[Block]:
    """The entries marked to discuss, each listed in the contents."""
    blocks: list[Block] = [Heading("Entries to discuss", 1)]
    chosen = [e for e in content.entries if e.to_discuss]
    if not chosen:
        return [*blocks, Paragraph("No entries were marked to discuss. The entries brought "
                                   "are under \u201cOther entries brought\u201d.", "note")]
    for entry in chosen:
        blocks.extend(_entry(entry, scrub, listed=True))
    return blocks


def _others(content: PackContent, scrub: Scrub) -> list[Block]:
    """The entries brought but not marked to discuss."""
    others = [e for e in content.entries if not e.to_discuss]
    if not content.entries:
        return [Heading("Other entries brought", 1),
                Paragraph("No entries were chosen for this pack.", "note")]
    if not others:
        return []
    blocks: list[Block] = [Heading("Other entries brought", 1)]
    for entry in others:
        blocks.extend(_entry(entry, scrub))
    return blocks


def _entry(entry: PackEntry, scrub: Scrub, listed: bool = False) -> list[Block]:
    kind = f"{entry.kind} ({entry.model})" if entry.model else entry.kind
    title = scrub(entry.title) or entry.kind
    blocks: list[Block] = [Heading(f"{long_day(entry.occurred_on)} \u00b7 {title}", 2,
                                   listed=listed or None)]
    notes = [kind]
    if entry.people:
        notes.append("With: " + ", ".join(scrub(p) for p in entry.people))
    if entry.to_discuss and not listed:  # under "Entries to discuss" it goes without saying
        notes.append("Marked to discuss in supervision")
    blocks.append(Paragraph(" \u00b7 ".join(notes), "note"))
    blocks.extend(_paragraphs(scrub(entry.body)))
    for heading, text in entry.sections:
        blocks.extend([Heading(heading, 3), *_paragraphs(scrub(text))])
    if entry.strengths.strip():
        blocks.extend([Heading("Strengths noticed", 3), *_paragraphs(scrub(entry.strengths))])
    if entry.decisions:
        blocks.extend([Heading("Decisions", 3), Bullets(tuple(
            f"{scrub(text)} ({rung})" for text, rung in entry.decisions))])
    return blocks


def _paragraphs(text: str) -> list[Block]:
    parts = [p.strip() for p in text.replace("\r\n", "\n").split("\n\n")]
    return [Paragraph(p) for p in parts if p]


def _language(content: PackContent, scrub: Scrub) -> list[Block]:
    now = sum(i.occurrences for i in content.language)
    blocks: list[Block] = [Heading("Language check", 1), Paragraph(
        f"Before the check: {content.language_before} wording(s) the language lens "
        f"noticed. Now: {now}, of which {len(content.kept)} kept with a reason and "
        f"{sum(1 for i in content.language if i.question)} brought as a question.")]
    if content.rewordings:
        dates = {e.id: e.occurred_on for e in content.entries}
        blocks.extend([Heading("Reworded", 2), Table(("Entry", "Was", "Now"), tuple(
            (short_day(dates.get(r.entry_id)), scrub(r.before), scrub(r.after))
            for r in content.rewordings))])
    if content.kept:
        blocks.extend([Heading("Kept, with the reason", 2), Table(
            ("Entry", "Wording", "In", "Reason"), tuple(
                (short_day(item.entry.occurred_on), scrub(item.finding.text),
                 scrub(item.context), scrub(kept.reason)) for item, kept in content.kept))])
    open_items = [i for i in content.language if not i.decided]
    if open_items:
        blocks.extend([Heading("Not yet looked at", 2), Bullets(tuple(
            f"\u201c{scrub(i.finding.text)}\u201d ({short_day(i.entry.occurred_on)}): "
            f"{i.finding.why}" for i in open_items))])
    return blocks


def _strengths(content: PackContent, scrub: Scrub) -> list[Block]:
    blocks: list[Block] = [Heading("Strengths and problems noted", 1)]
    if not content.strengths:
        return [*blocks, Paragraph("Nobody was named in the chosen entries.", "note")]
    rows = tuple((scrub(p.name), str(p.entries), str(p.strengths), str(p.problems),
                  scrub(p.noted) or "-") for p in content.strengths)
    return [*blocks, Table(("Person", "Entries", "Strength words", "Problem words",
                            "A strength I saw"), rows)]


def _power(content: PackContent, scrub: Scrub) -> list[Block]:
    power = content.power
    share = power.share_with
    text = ("No decisions were recorded in the period." if share is None else
            f"{power.made_with} of {power.decisions} decisions ({share:.0%}) were made with "
            "the person rather than for them.")
    blocks: list[Block] = [Heading("Power and fallibility", 1), Paragraph(text)]
    if power.ended_early or power.goal_reflections:
        blocks.extend([Heading("Goals ended after few attempts", 2), *_goals(power, scrub)])
    if power.fallibility:
        blocks.extend([Heading("My own fallibility", 2), Bullets(tuple(
            f"{short_day(r.occurred_on)}: {scrub(r.title or r.summary)}"
            for r in power.fallibility))])
    blocks.extend([Heading("Questions to keep in mind", 2), Bullets(power.questions)])
    return blocks


def _goals(power: Power, scrub: Scrub) -> list[Block]:
    """Each goal ended early, with the reflection written on ending it beneath."""
    blocks: list[Block] = []
    for goal in power.ended_early:
        tries = "1 attempt" if goal.attempts == 1 else f"{goal.attempts} attempts"
        blocks.append(Paragraph(f"{scrub(goal.person)}: {scrub(goal.text)} "
                                f"({tries} in the period)"))
        for reflection in power.reflections_on(goal.goal_id):
            blocks.extend(_reflection(reflection, scrub))
    for reflection in power.other_reflections():
        blocks.append(Paragraph(f"{scrub(reflection.person)}: {scrub(reflection.goal)}"))
        blocks.extend(_reflection(reflection, scrub))
    return blocks


def _reflection(reflection: GoalReflection, scrub: Scrub) -> list[Block]:
    """The reflection written on ending a goal, in the worker's words."""
    entry = reflection.entry
    words = reflection.words or entry.summary
    return [Paragraph(f"My reflection on ending it, {short_day(entry.occurred_on)}:", "note"),
            *(Paragraph(p.text, "quote") for p in _paragraphs(scrub(words))
              if isinstance(p, Paragraph))]


def _how_i_am(content: PackContent, scrub: Scrub) -> list[Block]:
    """How the worker is, only when they chose to include it (PackContent is empty else)."""
    if not content.how_i_am.strip():
        return []
    return [Heading("How I am", 1), *_paragraphs(scrub(content.how_i_am))]


def _agenda(content: PackContent, scrub: Scrub) -> list[Block]:
    """The agenda grouped by the function each item serves, in the worker's order within
    a group; untagged items last (under "Not yet tagged" when some items are tagged)."""
    blocks: list[Block] = [Heading("Agenda", 1)]
    if not content.agenda:
        return [*blocks, Paragraph("No agenda items were added.", "note")]
    item = partial(_agenda_item, scrub=scrub)
    if all(a.function is None for a in content.agenda):
        return [*blocks, Bullets(tuple(map(item, content.agenda)), numbered=True)]
    groups: list[tuple[str, list[AgendaItem]]] = [
        (FUNCTION_LABELS[f], [a for a in content.agenda if a.function is f]) for f in Function]
    groups.append(("Not yet tagged", [a for a in content.agenda if a.function is None]))
    for label, items in groups:
        if items:
            blocks.extend([Heading(label, 2), Bullets(tuple(map(item, items)))])
    return blocks


def _situation(content: PackContent, scrub: Scrub) -> list[Block]:
    """The situation brought, through Kolb's four stages."""
    situation = content.situation
    if situation is None:
        return []
    title, *stages = _together(scrub, (situation.title,
                                       *(words for _s, words in situation.stages)))
    day = long_day(situation.occurred_on)
    blocks: list[Block] = [Heading("A situation to work through", 1),
                           Paragraph(f"{day} \u00b7 {title}" if title else day, "note")]
    if not situation.stages:
        return [*blocks, Paragraph("Nothing written for its stages yet.", "note")]
    for (stage, _words), words in zip(situation.stages, stages, strict=True):
        blocks.extend([Heading(STAGE_LABELS[stage], 2), *_paragraphs(words)])
    return blocks


APART = "\n\n\ue000\n\n"  # between the parts of one text scrubbed together (never typed)


def _together(scrub: Scrub, texts: tuple[str, ...]) -> list[str]:
    """Texts that belong together scrubbed as one, so a name the detector knows from one
    part ("Fern Ashworth" in what happened) is protected in the others too ("Fern seemed
    calmer", where "Fern" alone could be a plant); each part alone if that cannot split."""
    parts = scrub(APART.join(t.replace("\ue000", "") for t in texts)).split(APART)
    return parts if len(parts) == len(texts) else [scrub(t) for t in texts]


def _agenda_item(item: AgendaItem, scrub: Scrub) -> str:
    """One agenda item, with where it came from unless its words already say so."""
    text = readable_dates(scrub(item.text))
    if item.kind is AgendaKind.ENTRY:
        return text
    return f"{text} ({AGENDA_LABELS.get(item.kind.value, item.kind.value)})"
