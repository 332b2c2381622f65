"""`carejournal kindness ...`: the little things from the command line."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from carejournal.cli.output import print_json
from carejournal.cli.parser import date_type
from carejournal.core.i18n import _
from carejournal.core.kindness import Act
from carejournal.services.journal import Journal


def add_arguments(kindness: argparse.ArgumentParser) -> None:
    """The subcommands of `carejournal kindness`."""
    actions = kindness.add_subparsers(dest="kindness_command", metavar="ACTION", required=True)
    log = actions.add_parser("log", help=_("log a little thing you did"))
    log.add_argument("act", metavar="ACT", help=_("key, number or words of the act (see 'acts')"))
    log.add_argument("--person", default="", help=_("who it was for"))
    log.add_argument("--note", default="", help=_("a few words about it"))
    log.add_argument("--date", type=date_type, help=_("YYYY-MM-DD, today or yesterday"))
    listing = actions.add_parser("list", help=_("little things logged, newest first"))
    listing.add_argument("--since", type=date_type, help=_("from this date"))
    listing.add_argument("--until", type=date_type, help=_("up to this date"))
    listing.add_argument("--person", default="", help=_("only for this person"))
    listing.add_argument("-n", type=int, metavar="N", help=_("keep only the newest N"))
    listing.add_argument("--json", action="store_true", help=_("print JSON"))
    acts = actions.add_parser("acts", help=_("your list of little things"))
    acts.add_argument("--all", action="store_true", help=_("include retired acts"))
    acts.add_argument("--json", action="store_true", help=_("print JSON"))
    add = actions.add_parser("add-act", help=_("add a little thing of your own"))
    add.add_argument("label", metavar="WORDS")
    rename = actions.add_parser("rename-act", help=_("reword an act (old entries keep theirs)"))
    rename.add_argument("act", metavar="ACT")
    rename.add_argument("label", metavar="WORDS")
    retire = actions.add_parser("retire-act", help=_("stop offering an act (old entries keep it)"))
    retire.add_argument("act", metavar="ACT")
    retire.add_argument("--undo", action="store_true", help=_("offer it again"))


def run(journal: Journal, args: argparse.Namespace) -> int:
    """Carry out one kindness action."""
    handlers: dict[str, Callable[[Journal, argparse.Namespace], None]] = {
        "log": _log, "list": _list, "acts": _acts, "add-act": _add,
        "rename-act": _rename, "retire-act": _retire,
    }
    handlers[args.kindness_command](journal, args)
    return 0


def _log(journal: Journal, args: argparse.Namespace) -> None:
    act = journal.kindness.find(args.act)
    entry_id = journal.kindness.log(act, person=args.person, note=args.note, day=args.date)
    print(_('Logged “{label}” as entry {entry_id}.').format(label=act.label, entry_id=entry_id))


def _list(journal: Journal, args: argparse.Namespace) -> None:
    logged = journal.kindness.logged(args.since, args.until, args.person, args.n)
    if args.json:
        print_json([{"entry_id": x.entry_id, "date": x.occurred_on.isoformat(),
                     "kind": x.kind.value, "act_id": x.act_id, "act": x.label,
                     "note": x.note, "people": [p for p in x.people.split(", ") if p]}
                    for x in logged])
        return
    if not logged:
        print(_("No little things logged yet. Try: carejournal kindness log cup-of-tea"))
    for x in logged:
        who = f"  ({x.people})" if x.people else ""
        note = f" — {x.note}" if x.note else ""
        print(f"{x.occurred_on.isoformat()}  {x.label}{note}{who}")


def _act_json(act: Act) -> dict[str, Any]:
    return {"id": act.id, "key": act.key, "label": act.label, "retired": act.retired,
            "uses": act.uses}


def _acts(journal: Journal, args: argparse.Namespace) -> None:
    acts = journal.kindness.acts(include_retired=args.all)
    if args.json:
        print_json([_act_json(a) for a in acts])
        return
    for act in acts:
        retired = "  (retired)" if act.retired else ""
        print(f"{act.id:>4}  {act.key or '':<20}  {act.label}  ×{act.uses}{retired}")


def _add(journal: Journal, args: argparse.Namespace) -> None:
    act = journal.kindness.add_act(args.label)
    print(_('Added “{label}” (number {id}).').format(label=act.label, id=act.id))


def _rename(journal: Journal, args: argparse.Namespace) -> None:
    act = journal.kindness.find(args.act, include_retired=True)
    journal.kindness.rename_act(act, args.label)
    print(_("Renamed. Entries already written keep the words they were logged with."))


def _retire(journal: Journal, args: argparse.Namespace) -> None:
    act = journal.kindness.find(args.act, include_retired=True)
    journal.kindness.retire_act(act, retired=not args.undo)
    print(_("Offered again.") if args.undo else
          _("Retired: it stays on entries already written, and is no longer offered."))
