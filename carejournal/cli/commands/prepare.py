"""`carejournal prepare` (the preparation steps, one command each) and `carejournal export`
(the supervision pack, identities protected)."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from carejournal.cli.parser import date_type, function_type, positive
from carejournal.core.domain import InvalidInput
from carejournal.core.i18n import _
from carejournal.core.preparation import AgendaKind, Preparation, Stage, Step
from carejournal.core.supervision import parse_status

if TYPE_CHECKING:
    from carejournal.services.journal import Journal
    from carejournal.services.packs import Written

def add_prepare_arguments(prep: argparse.ArgumentParser) -> None:
    """The steps of `carejournal prepare`, one subcommand each."""
    prep.add_argument("--session", type=positive, metavar="ID",
                      help=_("the session to prepare for (default: the next one)"))
    steps = prep.add_subparsers(dest="prepare_command", metavar="STEP")
    show = steps.add_parser("show", help=_("every step: what is chosen and what is left to do"))
    show.add_argument("--json", action="store_true",
                      help=_("print the situation, how you are and the agenda as JSON"))
    period = steps.add_parser("period", help=_("1: the dates to look back over"))
    period.add_argument("--since", type=date_type, required=True)
    period.add_argument("--until", type=date_type)
    entries = steps.add_parser("entries", help=_("1: bring all entries, or only some"))
    entries.add_argument("which", metavar="all|ID,ID,...")
    discuss = steps.add_parser("discuss", help=_("1: mark an entry to discuss (agenda)"))
    discuss.add_argument("id", type=positive, metavar="ENTRY")
    discuss.add_argument("--off", action="store_true", help=_("unmark it"))
    mark = steps.add_parser("mark", help=_("1: how an action agreed last time stands"))
    mark.add_argument("action_id", type=positive, metavar="ACTION")
    mark.add_argument("status", metavar="done|in-progress|dropped|open")
    reword = steps.add_parser("reword", help=_("2: reword finding N in its entry"))
    reword.add_argument("n", type=positive, metavar="N")
    reword.add_argument("--to", required=True, help=_("the new wording"))
    reword.add_argument("--sentence", action="store_true",
                        help=_("--to replaces the whole sentence the wording is in"))
    keep = steps.add_parser("keep", help=_("2: keep finding N as written, with a reason"))
    keep.add_argument("n", type=positive, metavar="N")
    keep.add_argument("--reason", required=True)
    for name, text in (("question", "2: bring finding N to supervision as a question"),
                       ("undo", "2: forget what was decided about finding N")):
        steps.add_parser(name, help=text).add_argument("n", type=positive, metavar="N")
    strength = steps.add_parser("strength", help=_("3: a strength you saw in someone, or "
                                                 "bring it as a question"))
    strength.add_argument("person", metavar="PERSON")
    how = strength.add_mutually_exclusive_group(required=True)
    how.add_argument("--text", help=_("the strength you saw"))
    how.add_argument("--question", action="store_true", help=_("bring it to supervision"))
    bring = steps.add_parser("bring", help=_("4: put question N of step 4 on the agenda"))
    bring.add_argument("n", type=positive, metavar="N")
    _add_four_functions(steps)
    for name, text in (("ask", _("7: add your own question to the agenda")),
                       ("goal", _("7: add a development goal to the agenda")),
                       ("name", _("8: your name for the cover (empty to leave it off)"))):
        steps.add_parser(name, help=text).add_argument("text", metavar="TEXT")
    move = steps.add_parser("move", help=_("7: move agenda item N to place TO"))
    move.add_argument("n", type=positive, metavar="N")
    move.add_argument("to", type=positive, metavar="TO")
    steps.add_parser("remove", help=_("7: take agenda item N off")).add_argument(
        "n", type=positive, metavar="N")
    tag = steps.add_parser("tag", help=_("7: the function agenda item N serves"))
    tag.add_argument("n", type=positive, metavar="N")
    tag.add_argument("function", type=function_type, metavar="FUNCTION",
                     help=_("support, development, management, mediation or none"))


def _add_four_functions(steps: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Steps 5 and 6: a situation through Kolb's four stages, and how you are."""
    situation = steps.add_parser("situation", help=_("5: bring entry ENTRY as a situation "
                                                   "to work through (none: bring none)"))
    situation.add_argument("entry", metavar="ENTRY|none")
    stage = steps.add_parser("stage", help=_("5: your words for one stage of the situation"))
    stage.add_argument("stage", choices=[s.value for s in Stage],
                       help=_("experience: what happened; reflection: what I noticed; "
                              "thinking: what I make of it; action: what I'll try"))
    stage.add_argument("text", metavar="TEXT")
    how = steps.add_parser("how", help=_("6: how you are and the support you need, in your "
                                       "words (never charted or counted)"))
    how.add_argument("text", metavar="TEXT", nargs="?")
    shown = how.add_mutually_exclusive_group()
    shown.add_argument("--include", dest="include", action="store_true", default=None,
                       help=_("put it in the pack"))
    shown.add_argument("--leave-out", dest="include", action="store_false",
                       help=_("keep it out of the pack (the default)"))


def add_export_arguments(export: argparse.ArgumentParser) -> None:
    """The arguments of `carejournal export` (a pack, or with --format json the journal)."""
    export.add_argument("--since", type=date_type, metavar="DATE")
    export.add_argument("--since-last-supervision", action="store_true")
    export.add_argument("--until", type=date_type, metavar="DATE")
    export.add_argument("--format", choices=("pdf", "docx", "md", "json", "nmc-account",
                                              "swe-cpd"),
                        help=_("default: from the --out file name; nmc-account (an NMC "
                               "reflective account, .pdf, .docx or .md by --out) and swe-cpd "
                               "(Social Work England's CPD fields as text) need --entry"))
    export.add_argument("--out", type=Path, required=True, metavar="FILE")
    export.add_argument("--entries", metavar="ID,...", help=_("only these entries"))
    export.add_argument("--keep", action="append", default=[], metavar="TEXT",
                        help=_("a detected word to keep as written, e.g. a place (repeat)"))
    export.add_argument("--session", type=positive, metavar="ID", help=argparse.SUPPRESS)
    from carejournal.cli.commands.accounts import add_account_arguments

    add_account_arguments(export)


def is_json_export(args: argparse.Namespace) -> bool:
    """Whether `export` writes the whole journal as JSON (commands/interchange.py), which
    only reads it, rather than a supervision pack."""
    return args.format == "json" or (args.format is None and args.out.suffix.lower() == ".json")


def _load(journal: Journal, args: argparse.Namespace) -> Preparation:
    today = dt.date.today()
    if args.session:
        return journal.supervision.preparation(args.session, today)
    return journal.supervision.prepare_next(today)


def run(journal: Journal, args: argparse.Namespace) -> int:
    """One step of `carejournal prepare`; every change is saved at once."""
    from carejournal.cli.commands.prepare_show import print_preparation

    prep = _load(journal, args)
    command = args.prepare_command or "show"
    if command == "show":
        journal.preparing.start_language(prep)
        journal.supervision.save(prep)
        if args.json:
            from carejournal.cli.commands.prepare_show import print_functions_json

            print_functions_json(journal, prep)
        else:
            print_preparation(journal, prep)
        return 0
    message = _apply(journal, prep, command, args)
    journal.supervision.save(prep)
    print(message)
    return 0


def _apply(journal: Journal, prep: Preparation, command: str,
           args: argparse.Namespace) -> str:
    steps = journal.preparing
    if command == "period":
        prep.since, prep.until = args.since, args.until or prep.until
        if prep.until < prep.since:
            raise InvalidInput(_("the period ends ({until}) before it starts ({since})")
                                   .format(until=prep.until, since=prep.since))
        prep.language_before = None
        return f"The preparation now looks back from {prep.since} to {prep.until}."
    if command == "entries":
        prep.entry_ids = entry_ids(args.which)
        prep.language_before = None
        return "Bringing every entry in the period." if prep.entry_ids is None else \
            f"Bringing {len(prep.entry_ids)} chosen entries."
    if command == "discuss":
        steps.set_discuss(prep, args.id, not args.off)
        return f"Entry {args.id} is {'no longer ' if args.off else ''}marked to discuss."
    if command == "mark":
        status = parse_status(args.status)
        journal.supervision.set_action_status(args.action_id, status)
        return f"Marked action {args.action_id} {status.value}."
    if command in ("reword", "keep", "question", "undo"):
        return _language(journal, prep, command, args)
    if command in ("situation", "stage", "how", "tag"):
        return _four_functions(journal, prep, command, args)
    return _later_steps(journal, prep, command, args)


def _four_functions(journal: Journal, prep: Preparation, command: str,
                    args: argparse.Namespace) -> str:
    steps = journal.preparing
    if command == "situation":
        if args.entry.strip().casefold() == "none":
            steps.drop_situation(prep)
            return _("No situation is brought now.")
        if not args.entry.strip().isdigit():
            raise InvalidInput(_("'{entry}' is not an entry id").format(entry=args.entry))
        situation = steps.bring_situation(prep, int(args.entry))
        return _("Bringing entry {id} as the situation ({n} of 4 stages filled from it).") \
            .format(id=situation.entry_id, n=len(situation.stages))
    if command == "stage":
        steps.write_stage(prep, Stage(args.stage), args.text)
        return _("Kept your words for that stage.")
    if command == "how":
        steps.how_i_am(prep, prep.how_i_am.text if args.text is None else args.text,
                       args.include)
        return _("Kept. It will be in the pack.") if prep.how_i_am.include else \
            _("Kept. It stays out of the pack.")
    steps.tag(prep, args.n - 1, args.function)
    return _("Agenda item {n} now serves: {function}.").format(
        n=args.n, function=args.function.value if args.function else _("no function"))


def _language(journal: Journal, prep: Preparation, command: str,
              args: argparse.Namespace) -> str:
    steps = journal.preparing
    steps.start_language(prep)
    items = steps.language(prep)
    if args.n > len(items):
        raise InvalidInput(_("there is no finding {n}; 'prepare show' lists {len}")
                               .format(n=args.n, len=len(items)))
    item = items[args.n - 1]
    prep.step = max(prep.step, Step.LANGUAGE)
    if command == "reword":
        steps.reword(prep, item.key, args.to, sentence=args.sentence)
        return (f"Reworded \u201c{item.finding.text}\u201d in entry {item.entry.id}; "
                "the earlier wording is kept in its history.")
    if command == "keep":
        steps.keep(prep, item.key, args.reason)
        return f"Keeping \u201c{item.finding.text}\u201d, with your reason."
    if command == "question":
        steps.question(prep, item.key)
        return f"\u201c{item.finding.text}\u201d is on the agenda as a question."
    steps.undecide(prep, item.key)
    return f"Nothing is decided about \u201c{item.finding.text}\u201d now."


def _later_steps(journal: Journal, prep: Preparation, command: str,
                 args: argparse.Namespace) -> str:
    steps = journal.preparing
    if command == "strength":
        names = {p.name.casefold(): p.name for p in steps.strengths(prep)}
        person = names.get(args.person.strip().casefold())
        if person is None:
            raise InvalidInput(_("'{person}' is not named in the chosen entries")
                                   .format(person=args.person))
        if args.question:
            steps.strength_question(prep, person)
            return f"On the agenda: the strengths you might be missing in {person}."
        steps.note_strength(prep, person, args.text)
        return f"Noted a strength you saw in {person}."
    if command == "bring":
        questions = steps.power(prep).questions
        if args.n > len(questions):
            raise InvalidInput(_('there is no question {n} in step 4').format(n=args.n))
        steps.bring_question(prep, questions[args.n - 1])
        return "The question is on the agenda."
    if command in ("ask", "goal"):
        kind = AgendaKind.QUESTION if command == "ask" else AgendaKind.DEVELOPMENT
        steps.bring_question(prep, args.text, kind)
        return f"Added to the agenda as item {len(prep.agenda)}."
    if command == "move":
        prep.move(args.n - 1, args.to - 1)
        return f"Moved agenda item {args.n} to place {args.to}."
    if command == "remove":
        item = prep.remove(args.n - 1)
        return f"Took \u201c{item.text}\u201d off the agenda."
    journal.settings.set_worker_name(args.text)
    prep.worker_name = journal.settings.worker_name()
    return "Your name will be on the cover." if prep.worker_name else \
        "The cover will not show a name."


def entry_ids(text: str) -> list[int] | None:
    """None for "all", else the ids listed ("12,15,20")."""
    if text.strip().casefold() == "all":
        return None
    ids = []
    for part in text.split(","):
        part = part.strip()
        if not part.isdigit() or int(part) < 1:
            raise InvalidInput(_("'{part}' is not an entry id; give ids like 12,15,20 or 'all'")
                                   .format(part=part))
        ids.append(int(part))
    return list(dict.fromkeys(ids))


def run_export(journal: Journal, args: argparse.Namespace) -> int:
    """Write the pack; every identifier replaced is listed on standard error."""
    from carejournal.pack.write import format_for
    from carejournal.services.packs import plan_pack, write_plan

    if args.format in ("nmc-account", "swe-cpd"):
        from carejournal.cli.commands.accounts import run_account_export

        return run_account_export(journal, args)
    fmt = format_for(args.out, args.format)
    prep = export_preparation(journal, args)
    plan = plan_pack(journal, prep)
    written = write_plan(plan, args.out, fmt, keep=set(args.keep))
    _report(written)
    print(_("Wrote the supervision pack to {out} ({len} entries).")
              .format(out=args.out, len=len(plan.content.entries)))
    return 0


def export_preparation(journal: Journal, args: argparse.Namespace) -> Preparation:
    """The saved preparation for the next session, or one for the period asked for."""
    today = args.until or dt.date.today()
    if args.since and args.since_last_supervision:
        raise InvalidInput(_("give --since or --since-last-supervision, not both"))
    upcoming = journal.supervision.next_session(dt.date.today())
    wanted = args.session or (upcoming.id if upcoming is not None and not args.since and
                              not args.since_last_supervision else None)
    if wanted:
        prep = journal.supervision.preparation(wanted, today)
    else:
        since = args.since or journal.supervision.since_last(today).since
        session_id = upcoming.id if upcoming is not None and upcoming.id else 0
        prep = Preparation(session_id, since, today)
        prep.worker_name = journal.settings.worker_name()
    if args.entries:
        prep.entry_ids = entry_ids(args.entries)
    return prep


def _report(written: Written) -> None:
    for item in written.replaced:
        times = "" if item.count == 1 else f" ({item.count} times)"
        sys.stderr.write(_("Replaced {label} “{text}”{times}.\n")
                             .format(label=item.label, text=item.text, times=times))
    for item in written.kept:
        sys.stderr.write(_("Kept {label} “{text}” as you asked.\n")
                             .format(label=item.label, text=item.text))

