"""`carejournal shifts ...` and `carejournal settings ...`: usual shifts and journal settings."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from carejournal.cli.output import print_json
from carejournal.core.domain import InvalidInput, clean_name
from carejournal.core.i18n import _
from carejournal.core.shifts import Shift, days_text, parse_shift
from carejournal.services.journal import Journal

SETTING_NAMES = ("attempts-threshold", "shift-reminders")
SWITCH = {"on": True, "off": False}


def add_shifts_arguments(shifts: argparse.ArgumentParser) -> None:
    """The arguments and subcommands of `carejournal shifts`."""
    shifts.add_argument("--json", action="store_true", help=_("print JSON"))
    actions = shifts.add_subparsers(dest="shifts_command", metavar="ACTION")
    add = actions.add_parser("add", help=_("add a usual shift (or change one with this name)"))
    add.add_argument("name", metavar="NAME", help=_("e.g. early, late, night"))
    add.add_argument("hours", metavar="HH:MM-HH:MM", help=_("e.g. 07:00-15:00; 22:00-07:00 "
                                                          "ends the next morning"))
    add.add_argument("--days", default="", help=_("only on these days, e.g. mon,tue,sat "
                                                "(default every day)"))
    remove = actions.add_parser("remove", help=_("forget a usual shift"))
    remove.add_argument("name", metavar="NAME")
    reminders = actions.add_parser("reminders", help=_("ask how a shift went, shortly after it"))
    reminders.add_argument("switch", choices=tuple(SWITCH), metavar="on|off")


def add_settings_arguments(settings: argparse.ArgumentParser) -> None:
    """The arguments of `carejournal settings`."""
    settings.add_argument("name", nargs="?", choices=SETTING_NAMES, metavar="NAME",
                          help="one of: " + ", ".join(SETTING_NAMES))
    settings.add_argument("value", nargs="?", metavar="VALUE", help=_("a new value to set"))
    settings.add_argument("--json", action="store_true", help=_("print JSON"))


def shift_json(shift: Shift) -> dict[str, Any]:
    """A usual shift; days is a list like ["mon", "tue"], empty for every day."""
    return {"name": shift.name, "start": f"{shift.start:%H:%M}", "end": f"{shift.end:%H:%M}",
            "days": [d for d in days_text(shift.weekdays).split(",") if d],
            "overnight": shift.overnight}


def run_shifts(journal: Journal, args: argparse.Namespace) -> int:
    """List, add or remove usual shifts, or switch the reminder."""
    handlers: dict[str | None, Callable[[Journal, argparse.Namespace], None]] = {
        None: _list, "add": _add, "remove": _remove, "reminders": _reminders,
    }
    handlers[args.shifts_command](journal, args)
    return 0


def _list(journal: Journal, args: argparse.Namespace) -> None:
    shifts, on = journal.settings.shifts(), journal.settings.reminders_on()
    if args.json:
        print_json({"reminders": on, "shifts": [shift_json(s) for s in shifts]})
        return
    if not shifts:
        print(_("No usual shifts yet. Add one with: carejournal shifts add late 14:00-22:00"))
    for shift in shifts:
        days = days_text(shift.weekdays) or "every day"
        print(f"{shift.name:<14}{shift.hours_text()}  {days}")
    print(_('Reminders after a shift: {value}').format(value='on' if on else 'off'))


def _add(journal: Journal, args: argparse.Namespace) -> None:
    new = parse_shift(args.name, args.hours, args.days)
    shifts = journal.settings.shifts()
    same = [n for n, s in enumerate(shifts) if s.name.casefold() == new.name.casefold()]
    if same:
        shifts[same[0]] = new
    else:
        shifts.append(new)
    journal.settings.set_shifts(shifts)
    days = days_text(new.weekdays) or _("every day")
    done = (_("Changed the {name} shift: {hours}, {days}.") if same else
            _("Added the {name} shift: {hours}, {days}."))
    print(done.format(name=new.name, hours=new.hours_text(), days=days))


def _remove(journal: Journal, args: argparse.Namespace) -> None:
    shifts = journal.settings.shifts()
    wanted = clean_name(args.name).casefold()
    gone = [s for s in shifts if s.name.casefold() == wanted]
    if not gone:
        names = ", ".join(s.name for s in shifts) or "none yet"
        raise InvalidInput(_("there is no usual shift called '{name}': yours are {names}")
                               .format(name=args.name, names=names))
    journal.settings.set_shifts([s for s in shifts if s not in gone])
    print(_('Removed the {name} shift.').format(name=gone[0].name))


def _reminders(journal: Journal, args: argparse.Namespace) -> None:
    journal.settings.set_reminders_on(SWITCH[args.switch])
    print(_("Reminders are on: the window will ask how a shift went, shortly after it ends.")
          if SWITCH[args.switch] else
          _("Reminders are off. Missing one is never counted against anyone."))


def run_settings(journal: Journal, args: argparse.Namespace) -> int:
    """Print the settings, print one, or set one."""
    current = {"attempts-threshold": journal.settings.attempts_threshold(),
               "shift-reminders": "on" if journal.settings.reminders_on() else "off"}
    if args.value is not None:
        _set(journal, args.name, args.value)
        print(_('{name} is now {lower}.').format(name=args.name, lower=args.value.strip().lower()))
        return 0
    if args.json:
        print_json({args.name: current[args.name]} if args.name else
                   current | {"shifts": len(journal.settings.shifts())})
    elif args.name:
        print(current[args.name])
    else:
        print(_("attempts-threshold  {current}  (ending a goal after fewer attempts first asks "
                "the fallibility question)").format(current=current['attempts-threshold']))
        print(_('shift-reminders     {current}').format(current=current['shift-reminders']))
        print(_("shifts              {len}  (see: carejournal shifts)")
                  .format(len=len(journal.settings.shifts())))
    return 0


def _set(journal: Journal, name: str, value: str) -> None:
    value = value.strip().lower()
    if name == "shift-reminders":
        if value not in SWITCH:
            raise InvalidInput(_("shift-reminders is on or off, not '{value}'").format(value=value))
        journal.settings.set_reminders_on(SWITCH[value])
        return
    if not value.isdigit():
        raise InvalidInput(_("attempts-threshold is a whole number, such as 5, not '{value}'")
                               .format(value=value))
    journal.settings.set_attempts_threshold(int(value))
