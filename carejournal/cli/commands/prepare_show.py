"""`carejournal prepare show`: every step of a preparation, as plain text."""

from __future__ import annotations

from typing import TYPE_CHECKING

from carejournal.cli.commands.supervision import action_line
from carejournal.cli.output import print_json
from carejournal.core.i18n import _
from carejournal.core.preparation import STAGE_LABELS, Preparation, Stage
from carejournal.core.supervision import when_text

if TYPE_CHECKING:
    from carejournal.services.journal import Journal


def print_preparation(journal: Journal, prep: Preparation) -> None:
    """Print the eight steps with numbers the other prepare commands take."""
    import datetime as dt

    steps = journal.preparing
    session = steps.session_of(prep)
    print(_("Preparing for supervision {when} ({date}).").format(
        when=when_text(session.held_on, dt.date.today()), date=session.held_on.isoformat()))
    actions = steps.last_actions(prep)
    if actions:
        print(_("\nAgreed last time (mark each: prepare mark ACTION done|in-progress|dropped):"))
        for action in actions:
            print("  " + action_line(action))
    _entries(journal, prep)
    _language(journal, prep)
    _strengths(journal, prep)
    _power(journal, prep)
    _situation(prep)
    _how_i_am(prep)
    print(_("\n7. Agenda (prepare ask TEXT, prepare goal TEXT, prepare move N TO, "
          "prepare remove N, prepare tag N support|development|management|mediation|none)"))
    if not prep.agenda:
        print(_("   Nothing yet."))
    for n, item in enumerate(prep.agenda, 1):
        function = item.function.value if item.function else _("untagged")
        print(f"   {n}. {item.text}  [{item.kind.value}; {function}]")
    print(_("\n8. Export: carejournal export --out pack.pdf   (or .docx, .md)"))


def _situation(prep: Preparation) -> None:
    print(_("\n5. A situation to bring (prepare situation ENTRY|none, "
            "prepare stage experience|reflection|thinking|action TEXT)"))
    if prep.situation is None:
        print(_("   None chosen."))
        return
    print(_("   Entry {id}:").format(id=prep.situation.entry_id))
    for stage in Stage:
        words = prep.situation.words(stage) or _("(not written yet)")
        print(f"   {STAGE_LABELS[stage]}: {words}")


def _how_i_am(prep: Preparation) -> None:
    print(_("\n6. How I am (prepare how TEXT [--include | --leave-out]); yours, never counted"))
    how = prep.how_i_am
    print("   " + (how.text or _("Nothing written.")))
    print(_("   In the pack.") if how.include else _("   Not in the pack."))


def print_functions_json(journal: Journal, prep: Preparation) -> None:
    """The situation, "How I am" and the agenda with its functions, as JSON."""
    situation = prep.situation
    print_json({
        "session_id": prep.session_id, "step": int(prep.step),
        "situation": None if situation is None else {
            "entry_id": situation.entry_id,
            "stages": {stage.value: situation.words(stage) for stage in Stage}},
        "how_i_am": {"text": prep.how_i_am.text, "include": prep.how_i_am.include},
        "agenda": [{"text": a.text, "kind": a.kind.value,
                    "function": a.function.value if a.function else None}
                   for a in prep.agenda]})


def _entries(journal: Journal, prep: Preparation) -> None:
    rows = journal.preparing.period_rows(prep)
    chosen = {r.id for r in journal.preparing.chosen(prep)}
    print(_("\n1. Entries from {since} to {until}: {len} of {len2} brought (prepare period, "
            "prepare entries all|ID,..., prepare discuss ID)")
              .format(since=prep.since, until=prep.until, len=len(chosen), len2=len(rows)))
    for row in rows:
        mark = "x" if row.id in chosen else " "
        discuss = "  [to discuss]" if row.id in prep.to_discuss else ""
        title = row.title or row.summary
        print(f"   [{mark}] {row.id:>5}  {row.occurred_on}  {row.kind.value:<12} "
              f"{title[:60]}{discuss}")


def _language(journal: Journal, prep: Preparation) -> None:
    items = journal.preparing.language(prep)
    now = sum(i.occurrences for i in items)
    print(_("\n2. Language: {value} findings before, {now} now (prepare reword N --to TEXT, "
            "prepare keep N --reason TEXT, prepare question N)")
              .format(value=prep.language_before or 0, now=now))
    for n, item in enumerate(items, 1):
        state = ("kept: " + item.kept.reason if item.kept else
                 "brought as a question" if item.question else "to decide")
        f = item.finding
        print(f"   {n}. \u201c{f.text}\u201d in entry {item.entry.id} ({item.field_label}): "
              f"{state}")
        print(f"      {item.context}")
        print(f"      {f.why}")
        if f.alternatives:
            print(_('      Try: {join}').format(join='; '.join(f.alternatives)))
    for r in prep.rewordings:
        print(_("   reworded in entry {entry_id}: “{before}” → “{after}”")
                  .format(entry_id=r.entry_id, before=r.before, after=r.after))


def _strengths(journal: Journal, prep: Preparation) -> None:
    people = journal.preparing.strengths(prep)
    print(_("\n3. Strengths (prepare strength PERSON --text TEXT | --question)"))
    if not people:
        print(_("   Nobody is named in the chosen entries."))
    for p in people:
        note = f"  a strength you saw: {p.noted}" if p.noted else ""
        ask = "  <- only problems noted: add a strength you saw, or bring it as a question" \
            if p.needs_strength else ""
        print(f"   {p.name}: {p.strengths} strength words, {p.problems} problem words in "
              f"{p.entries} entries{note}{ask}")


def _power(journal: Journal, prep: Preparation) -> None:
    power = journal.preparing.power(prep)
    print(_("\n4. Power and fallibility (prepare bring N puts question N on the agenda)"))
    share = power.share_with
    print(_("   No decisions recorded in the period.") if share is None else
          f"   {power.made_with} of {power.decisions} decisions made with the person "
          f"({share:.0%}).")
    for goal in power.ended_early:
        print(_("   Goal ended after few attempts: {person}: {text} ({attempts} in the period)")
                  .format(person=goal.person, text=goal.text, attempts=goal.attempts))
        for reflection in power.reflections_on(goal.goal_id):
            print(_('     Reflection on ending it: {title}').format(title=reflection.entry.title))
    for reflection in power.other_reflections():
        print(_("   Reflection on ending a goal: {person}: {goal}")
                  .format(person=reflection.person, goal=reflection.goal))
    print(_('   Own-fallibility reflections brought: {len}').format(len=len(power.fallibility)))
    for n, question in enumerate(power.questions, 1):
        print(f"   Q{n}. {question}")
