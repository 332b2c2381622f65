"""`carejournal cpd ...` (learning records, the register and the tracker) and
`carejournal feedback ...` (feedback received)."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from carejournal.cli.output import print_json
from carejournal.cli.parser import date_type, positive
from carejournal.core.cpd import (
    THEME_LABELS,
    Feedback,
    FeedbackDraft,
    Learning,
    LearningDraft,
    hours_text,
    parse_hours,
    parse_themes,
)
from carejournal.core.dates import short_day
from carejournal.core.domain import InvalidInput
from carejournal.core.i18n import _
from carejournal.core.registration import REGISTER_LABELS, Register, parse_register
from carejournal.services.journal import Journal


def add_arguments(cpd: argparse.ArgumentParser) -> None:
    """The subcommands of `carejournal cpd`."""
    actions = cpd.add_subparsers(dest="cpd_command", metavar="ACTION", required=True)
    add = actions.add_parser("add", help=_("record a piece of learning (CPD)"))
    add.add_argument("method", metavar="METHOD",
                     help=_("how: course, e-learning, reading, shadowing, ..."))
    add.add_argument("topic", metavar="TOPIC", help=_("what it was about"))
    add.add_argument("--start", type=date_type, required=True, help=_("YYYY-MM-DD"))
    add.add_argument("--end", type=date_type, help=_("YYYY-MM-DD (default: the start)"))
    add.add_argument("--hours", type=_hours, required=True, help=_("e.g. 1.5 or 1:30"))
    add.add_argument("--participatory", type=_hours, default=0,
                     help=_("hours of it spent learning with others"))
    add.add_argument("--themes", type=_themes, default=(),
                     help=_("Code themes: people, effectively, safety, professionalism"))
    add.add_argument("--changed", default="", help=_("what changed in your practice"))
    add.add_argument("--peer-reflection", action="store_true",
                     help=_("you reflected on it with a peer"))
    add.add_argument("--evidence", action="append", type=Path, default=[], metavar="FILE",
                     help=_("a file kept inside the journal (repeat; 5 MB each at most)"))
    listing = actions.add_parser("list", help=_("learning records, newest first"))
    listing.add_argument("--search", default="", help=_("only records with these words"))
    listing.add_argument("--since", type=date_type, help=_("ended on or after"))
    listing.add_argument("--until", type=date_type, help=_("ended on or before"))
    listing.add_argument("--json", action="store_true", help=_("print JSON"))
    delete = actions.add_parser("delete", help=_("delete a learning record and its evidence"))
    delete.add_argument("id", type=positive, metavar="ID")
    evidence = actions.add_parser("evidence", help=_("save an evidence file to disk"))
    evidence.add_argument("id", type=positive, metavar="EVIDENCE_ID")
    evidence.add_argument("--out", type=Path, required=True, metavar="FILE")
    status = actions.add_parser("status", help=_("what your register asks, and how far you are"))
    status.add_argument("--json", action="store_true", help=_("print JSON"))
    summary = actions.add_parser("summary", help=_(
        "write the revalidation / CPD summary (.pdf, .docx or .md), identities protected"))
    summary.add_argument("--out", type=Path, required=True, metavar="FILE")
    summary.add_argument("--since", type=date_type, help=_("default: the tracker's period"))
    summary.add_argument("--until", type=date_type, help=_("default: the deadline"))
    summary.add_argument("--keep", action="append", default=[], metavar="TEXT",
                         help=_("a detected word to keep as written, e.g. a guide's title "
                                "(repeat)"))
    register = actions.add_parser("register", help=_("your register and its dates"))
    register.add_argument("register", type=_register, nargs="?", metavar="REGISTER",
                          help=", ".join(r.value for r in Register))
    register.add_argument("--revalidation", type=date_type,
                          help=_("NMC: your revalidation date"))
    register.add_argument("--discussion", type=date_type,
                          help=_("NMC: when you had your reflective discussion"))


def add_feedback_arguments(feedback: argparse.ArgumentParser) -> None:
    """The subcommands of `carejournal feedback`."""
    actions = feedback.add_subparsers(dest="feedback_command", metavar="ACTION", required=True)
    add = actions.add_parser("add", help=_("record feedback you received"))
    add.add_argument("role", metavar="ROLE",
                     help=_("who gave it, by role only: relative, colleague, manager, ..."))
    add.add_argument("said", metavar="TEXT", help=_("what it said, in your words"))
    add.add_argument("--date", type=date_type, default=None, help=_("YYYY-MM-DD (default today)"))
    add.add_argument("--changed", default="", help=_("what you changed"))
    listing = actions.add_parser("list", help=_("feedback received, newest first"))
    listing.add_argument("--search", default="", help=_("only feedback with these words"))
    listing.add_argument("--json", action="store_true", help=_("print JSON"))
    delete = actions.add_parser("delete", help=_("delete a feedback record"))
    delete.add_argument("id", type=positive, metavar="ID")


def _arg(parse: Any, text: str) -> Any:
    try:
        return parse(text)
    except InvalidInput as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _hours(text: str) -> int:
    return int(_arg(parse_hours, text))


def _themes(text: str) -> tuple[Any, ...]:
    return tuple(_arg(parse_themes, text))


def _register(text: str) -> Register:
    return Register(_arg(parse_register, text))


def run(journal: Journal, args: argparse.Namespace) -> int:
    """Run one `cpd` subcommand."""
    from carejournal.services.cpd import evidence_from

    cpd, command = journal.cpd, args.cpd_command
    if command == "add":
        draft = LearningDraft(args.method, args.topic, args.start, args.end or args.start,
                              args.hours, args.participatory, args.themes, args.changed,
                              args.peer_reflection,
                              tuple(evidence_from(path) for path in args.evidence))
        print(_("Added learning record {id}.").format(id=cpd.add_learning(draft)))
    elif command == "list":
        records = cpd.learning(args.search, args.since, args.until)
        if args.json:
            print_json([learning_json(r) for r in records])
        else:
            _print_learning(records)
    elif command == "delete":
        cpd.delete_learning(args.id)
        print(_("Deleted learning record {id}.").format(id=args.id))
    elif command == "evidence":
        _save_evidence(journal, args.id, args.out)
    elif command == "summary":
        _write_summary(journal, args)
    elif command == "status":
        status = cpd.status()
        if args.json:
            print_json(status.as_json())
        else:
            print(status.text or _("No register chosen: carejournal cpd register swe|nmc|scw"))
    else:
        _set_register(journal, args)
    return 0


def _write_summary(journal: Journal, args: argparse.Namespace) -> None:
    import sys

    from carejournal.pack.write import format_for
    from carejournal.services.accounts import write_summary

    written = write_summary(journal, args.out, format_for(args.out), args.since, args.until,
                            keep=args.keep)
    for item in written.replaced:
        sys.stderr.write(_("Replaced {label} “{text}”.\n").format(label=item.label,
                                                                  text=item.text))
    print(_("Wrote the summary to {out}.").format(out=args.out))


def _save_evidence(journal: Journal, evidence_id: int, out: Path) -> None:
    from carejournal import durable

    item = journal.cpd.evidence(evidence_id)
    with durable.writing(out, durable.PRIVATE) as handle:
        handle.write(item.data)
    print(_("Saved {name} to {out}.").format(name=item.name, out=out))


def _set_register(journal: Journal, args: argparse.Namespace) -> None:
    cpd = journal.cpd
    if args.register is not None:
        cpd.set_register(args.register)
    if args.revalidation is not None:
        cpd.set_revalidation_on(args.revalidation)
    if args.discussion is not None:
        cpd.set_discussion_on(args.discussion)
    dates = [f"{label} {short_day(day)}" for label, day in (
        (_("revalidation"), cpd.revalidation_on()), (_("discussion"), cpd.discussion_on()))
        if day is not None]
    print(_("Register: {name}").format(name=REGISTER_LABELS[cpd.register()])
          + (f" ({', '.join(dates)})" if dates else ""))


def learning_json(record: Learning) -> dict[str, Any]:
    """A learning record as `cpd list --json` prints it."""
    return {"id": record.id, "method": record.method, "topic": record.topic,
            "start": record.started_on.isoformat(), "end": record.ended_on.isoformat(),
            "hours": round(record.minutes / 60, 2),
            "participatory_hours": round(record.participatory_minutes / 60, 2),
            "themes": [t.value for t in record.themes], "changed": record.changed,
            "peer_reflection": record.peer_reflection,
            "evidence": [{"id": e.id, "name": e.name, "bytes": e.size}
                         for e in record.evidence]}


def _print_learning(records: list[Learning]) -> None:
    if not records:
        print(_("No learning records."))
    for r in records:
        when = short_day(r.started_on) if r.started_on == r.ended_on else \
            f"{short_day(r.started_on)} – {short_day(r.ended_on)}"
        part = f", {hours_text(r.participatory_minutes)} participatory" \
            if r.participatory_minutes else ""
        print(f"[{r.id}] {when}  {r.method}: {r.topic} ({hours_text(r.minutes)} h{part})")
        if r.themes:
            print("      " + ", ".join(THEME_LABELS[t] for t in r.themes))
        for e in r.evidence:
            print(f"      evidence [{e.id}] {e.name} ({e.size:,} bytes)")


def run_feedback(journal: Journal, args: argparse.Namespace) -> int:
    """Run one `feedback` subcommand."""
    cpd, command = journal.cpd, args.feedback_command
    if command == "add":
        draft = FeedbackDraft(args.date or dt.date.today(), args.role, args.said, args.changed)
        print(_("Added feedback record {id}.").format(id=cpd.add_feedback(draft)))
    elif command == "list":
        found = cpd.feedback(args.search)
        if args.json:
            print_json([feedback_json(f) for f in found])
        elif not found:
            print(_("No feedback records."))
        for f in [] if args.json else found:
            print(f"[{f.id}] {short_day(f.received_on)}  {f.from_role}: {f.said}")
            if f.changed:
                print(f"      {_('changed')}: {f.changed}")
    else:
        cpd.delete_feedback(args.id)
        print(_("Deleted feedback record {id}.").format(id=args.id))
    return 0


def feedback_json(record: Feedback) -> dict[str, Any]:
    """A feedback record as `feedback list --json` prints it."""
    return {"id": record.id, "received_on": record.received_on.isoformat(),
            "from_role": record.from_role, "said": record.said, "changed": record.changed}
