"""`carejournal supervision`, `status` and `person`: sessions, agreed actions, the prompt
before the next session, and the names people go by in exports."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import TYPE_CHECKING

from carejournal.cli.output import print_json
from carejournal.cli.parser import date_type, function_type, positive
from carejournal.core.domain import InvalidInput, clean_name
from carejournal.core.i18n import _, ngettext
from carejournal.core.supervision import (
    STATUS_LABELS,
    AgreedAction,
    Session,
    days_until,
    parse_status,
    when_text,
)

if TYPE_CHECKING:
    from carejournal.services.journal import Journal


def add_supervision_arguments(sup: argparse.ArgumentParser) -> None:
    """The subcommands of `carejournal supervision`."""
    acts = sup.add_subparsers(dest="supervision_command", metavar="ACTION")
    add = acts.add_parser("add", help=_("record a session, held or planned"))
    add.add_argument("--date", type=date_type, required=True, help=_("YYYY-MM-DD"))
    add.add_argument("--supervisor", default="", help=_("your supervisor's name or role"))
    add.add_argument("--notes", default="", help=_("notes from the session"))
    lst = acts.add_parser("list", help=_("list sessions, oldest first"))
    lst.add_argument("--json", action="store_true", help=_("print JSON"))
    show = acts.add_parser("show", help=_("one session with its agreed actions"))
    show.add_argument("id", type=positive, metavar="ID")
    show.add_argument("--json", action="store_true", help=_("print JSON"))
    action = acts.add_parser("action", help=_("add an action agreed in a session"))
    action.add_argument("id", type=positive, metavar="SESSION")
    action.add_argument("text", metavar="TEXT")
    action.add_argument("--owner", default="", help=_("who will do it (default: you)"))
    action.add_argument("--due", type=date_type, help=_("when it is due (YYYY-MM-DD)"))
    action.add_argument("--function", type=function_type, default=None, metavar="FUNCTION",
                        help=_("the function of supervision it serves: support, development, "
                               "management or mediation (default: none)"))
    function = acts.add_parser("function", help=_("link an agreed action to the function of "
                                                "supervision it serves"))
    function.add_argument("action_id", type=positive, metavar="ACTION")
    function.add_argument("function", type=function_type, metavar="FUNCTION",
                          help=_("support, development, management, mediation or none"))
    mark = acts.add_parser("mark", help=_("mark an agreed action done, in-progress, dropped "
                                        "or open"))
    mark.add_argument("action_id", type=positive, metavar="ACTION")
    mark.add_argument("status", metavar="STATUS")
    delete = acts.add_parser("delete", help=_("delete a session, its actions and preparation"))
    delete.add_argument("id", type=positive, metavar="ID")


def add_status_arguments(status: argparse.ArgumentParser) -> None:
    """The arguments of `carejournal status`."""
    status.add_argument("--quiet", action="store_true",
                        help=_("print only when it is time to prepare"))


def add_person_arguments(person: argparse.ArgumentParser) -> None:
    """The arguments of `carejournal person`."""
    person.add_argument("name", metavar="NAME", nargs="?", help=_("omit to list everyone"))
    person.add_argument("--nickname", action="append", default=None,
                        help=_("another name they go by (repeat; give '' to clear)"))
    person.add_argument("--alias", default=None,
                        help=_("the alias exports use (default: their initials)"))
    person.add_argument("--json", action="store_true", help=_("print JSON"))


def run(journal: Journal, args: argparse.Namespace) -> int:
    """`carejournal supervision ACTION`."""
    service = journal.supervision
    command = args.supervision_command or "list"
    if command == "add":
        new = service.add(Session(args.date, args.supervisor, args.notes))
        print(_("Recorded supervision session {new} on {isoformat}.")
                  .format(new=new, isoformat=args.date.isoformat()))
    elif command == "list":
        _list(journal, args.json)
    elif command == "show":
        session = service.session(args.id)
        if args.json:
            print_json(session.as_json())
        else:
            _print_session(session)
    elif command == "action":
        service.add_action(args.id, args.text, args.owner, args.due, args.function)
        print(_('Added the action to session {id}.').format(id=args.id))
    elif command == "function":
        service.set_action_function(args.action_id, args.function)
        print(_("Action {action_id} now serves: {function}.").format(
            action_id=args.action_id,
            function=args.function.value if args.function else _("no function")))
    elif command == "mark":
        status = parse_status(args.status)
        service.set_action_status(args.action_id, status)
        print(_("Marked action {action_id} {STATUS_LABELS}.")
                  .format(action_id=args.action_id, STATUS_LABELS=STATUS_LABELS[status]))
    elif command == "delete":
        service.delete(args.id)
        print(_('Deleted supervision session {id}.').format(id=args.id))
    return 0


def _list(journal: Journal, as_json: bool) -> None:
    sessions = journal.supervision.sessions()
    if as_json:
        print_json([s.as_json() for s in sessions])
        return
    if not sessions:
        print(_("No supervision sessions yet. Record one with: "
              "carejournal supervision add --date YYYY-MM-DD"))
        return
    today = dt.date.today()
    for s in sessions:
        when = "planned" if s.held_on > today else "held"
        who = f"  with {s.supervisor}" if s.supervisor else ""
        done = sum(1 for a in s.actions if a.status.value in ("done", "dropped"))
        print(f"{s.id:>4}  {s.held_on.isoformat()}  {when:<7}{who}  "
              f"({len(s.actions)} actions, {done} closed)")


def _print_session(session: Session) -> None:
    print(_("Supervision session {id} on {isoformat}")
              .format(id=session.id, isoformat=session.held_on.isoformat()))
    if session.supervisor:
        print(_('Supervisor: {supervisor}').format(supervisor=session.supervisor))
    if session.notes:
        print(f"\n{session.notes}")
    if session.actions:
        print(_("\nAgreed actions:"))
        for action in session.actions:
            print("  " + action_line(action))


def action_line(action: AgreedAction) -> str:
    """An agreed action on one line: id, status, text, owner and due date."""
    owner = f" ({action.owner})" if action.owner else ""
    due = f", due {action.due_on.isoformat()}" if action.due_on else ""
    serves = f" [{action.function.value}]" if action.function else ""
    return f"[{action.id}] {STATUS_LABELS[action.status]}: {action.text}{owner}{due}{serves}"


def run_status(journal: Journal, args: argparse.Namespace) -> int:
    """The prompt line when the next session is near; otherwise a calm status line."""
    today = dt.date.today()
    due = journal.supervision.prompt(today)
    if due is not None:
        print(_('{due} Start with: carejournal prepare show').format(due=due[1]))
        return 0
    if args.quiet:
        return 0
    upcoming = journal.supervision.next_session(today)
    if upcoming is None:
        print(_("No supervision session is planned. "
              "Add one with: carejournal supervision add --date YYYY-MM-DD"))
    else:
        days = days_until(upcoming, today)
        print(ngettext("Next supervision {when} ({date}, in {days} day).",
                       "Next supervision {when} ({date}, in {days} days).", days).format(
            when=when_text(upcoming.held_on, today), date=upcoming.held_on.isoformat(),
            days=days))
    return 0


def run_person(journal: Journal, args: argparse.Namespace) -> int:
    """List people with their nicknames and aliases, or set them for one person."""
    people = journal.supervision.people()
    if args.name is None:
        if args.json:
            print_json([{"name": p.name, "nicknames": list(p.nicknames), "alias": p.alias}
                        for p in people])
        else:
            for p in people:
                extra = f"  also: {', '.join(p.nicknames)}" if p.nicknames else ""
                alias = f"  alias: {p.alias}" if p.alias else ""
                print(f"{p.name}{extra}{alias}")
        return 0
    wanted = clean_name(args.name).casefold()
    found = next((p for p in people if p.name.casefold() == wanted), None)
    if found is None:
        raise InvalidInput(_("there is nobody called '{name}' in the journal")
                               .format(name=args.name))
    nicknames = found.nicknames if args.nickname is None else tuple(args.nickname)
    alias = found.alias if args.alias is None else args.alias
    journal.supervision.set_names(found.name, nicknames, alias)
    print(_('Saved the names for {name}.').format(name=found.name))
    return 0
