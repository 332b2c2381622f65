"""`carejournal actions`: action items with review dates, and ticking them off."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from carejournal.cli.output import print_json
from carejournal.cli.parser import date_type, positive
from carejournal.core.domain import DueAction
from carejournal.core.i18n import _
from carejournal.services.journal import Journal

ALL_AHEAD_DAYS = 36_500  # review dates are at most ten years ahead; this takes in every one


def add_arguments(actions: argparse.ArgumentParser) -> None:
    """The arguments of `carejournal actions` (and `actions done`)."""
    actions.add_argument("--due", action="store_true",
                         help=_("only those due for review today or earlier"))
    actions.add_argument("--days", type=_days, metavar="N",
                         help=_("only those due within the next N days (0 means today)"))
    actions.add_argument("--json", action="store_true", help=_("print JSON"))
    sub_actions = actions.add_subparsers(dest="actions_command", metavar="ACTION")
    done = sub_actions.add_parser("done", help=_("mark an action item done"))
    done.add_argument("item", type=positive, metavar="ITEM_ID",
                      help=_("the item's number (shown by 'actions' and 'show')"))
    done.add_argument("--date", type=date_type, help=_("when it was done (default today)"))
    done.add_argument("--undo", action="store_true", help=_("mark it not done again"))


def _days(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(_("'{text}' is not a whole number of days")
                                             .format(text=text))
    return int(text)


def due_json(item: DueAction, today: dt.date) -> dict[str, Any]:
    """An open action item with its review date and the entry it belongs to."""
    return {"id": item.id, "text": item.text, "review_on": item.review_on.isoformat(),
            "due": item.review_on <= today, "entry_id": item.entry_id,
            "entry_summary": item.entry_summary}


def run(journal: Journal, args: argparse.Namespace) -> int:
    """List open action items, or mark one done."""
    if args.actions_command == "done":
        return _done(journal, args)
    today = dt.date.today()
    ahead = args.days if args.days is not None else 0 if args.due else ALL_AHEAD_DAYS
    items = journal.actions_due(today, days_ahead=ahead)
    if args.json:
        print_json([due_json(item, today) for item in items])
        return 0
    if not items:
        print(_("Nothing is due for review.") if args.due or args.days is not None else
              _("No open action items with a review date."))
    for item in items:
        mark = "due" if item.review_on <= today else "   "
        print(f"{item.id:>5}  {item.review_on.isoformat()} {mark}  {item.text}  "
              f"(entry {item.entry_id}: {item.entry_summary})")
    return 0


def _done(journal: Journal, args: argparse.Namespace) -> int:
    if args.undo:
        journal.set_action_done(args.item, None)
        print(_('Action item {item} is open again.').format(item=args.item))
        return 0
    day = args.date or dt.date.today()
    journal.set_action_done(args.item, day)
    print(_("Marked action item {item} done on {isoformat}.")
              .format(item=args.item, isoformat=day.isoformat()))
    return 0
