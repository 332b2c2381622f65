"""`carejournal chart NAME --out FILE.png|.svg`: one chart to a file, without a window.

The names, their order and each chart's series come from charts/registry.py (CHARTS).
Draws with matplotlib's Agg canvas (never Qt); matplotlib is imported only when a chart
is drawn, so building the command-line grammar stays quick.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from carejournal.charts.registry import NAMES, chart_named
from carejournal.cli.commands.stats import add_period_options, period_from
from carejournal.core.domain import InvalidInput, clean_name
from carejournal.core.i18n import _

if TYPE_CHECKING:
    from carejournal.core.patterns import Period
    from carejournal.services.journal import Journal

SUFFIXES = (".png", ".svg")


def today() -> dt.date:
    """Today's local date (the worker's dates are local dates)."""
    return dt.date.today()


def _name(text: str) -> str:
    try:
        return chart_named(text).key
    except InvalidInput as exc:  # names the known ones
        raise argparse.ArgumentTypeError(str(exc)) from None


def _out(text: str) -> Path:
    path = Path(text)
    if path.suffix.lower() not in SUFFIXES:
        raise argparse.ArgumentTypeError(
            _("cannot save a chart as '{name}': the file name must end in .png or .svg")
                .format(name=path.name))
    return path


def add_arguments(chart: argparse.ArgumentParser) -> None:
    """The arguments of `carejournal chart`."""
    chart.add_argument("name", type=_name, metavar="NAME", help="one of: " + ", ".join(NAMES))
    add_period_options(chart)
    chart.add_argument("--dark", action="store_true", help=_("use the dark theme"))
    chart.add_argument("--out", type=_out, required=True, metavar="FILE",
                       help=_("where to save it: a file name ending in .png or .svg"))


def _series(journal: Journal, name: str, period: Period) -> Any:
    """Only the series this chart draws (not all seven), from its PatternsService method."""
    spec = chart_named(name)
    method = getattr(journal.patterns, spec.series)
    return method(period, today()) if spec.needs_today else method(period)


def _person(journal: Journal, name: str) -> str:
    """The journal's own spelling of a name typed in any case."""
    wanted = clean_name(name).casefold()
    return next((p for p in journal.people() if p.casefold() == wanted), clean_name(name))


def run(journal: Journal, args: argparse.Namespace) -> int:
    """Draw the chart and save it; a file that cannot be written is a one-line error."""
    from carejournal.charts import dark_theme, light_theme, save

    person = _person(journal, args.person) if args.person.strip() else ""
    period = period_from(args, today(), person, journal)
    theme = dark_theme() if args.dark else light_theme()
    path: Path = args.out
    try:
        info = save(args.name, _series(journal, args.name, period), path, theme, period=period)
    except OSError as exc:
        raise InvalidInput(_("cannot write {path}: {value}")
                               .format(path=path, value=exc.strerror or exc)) from None
    print(_("Saved the {name} chart ({since} to {until}) to {path}.")
              .format(name=args.name, since=period.since, until=period.until, path=path))
    if info.empty:
        print(_("Nothing was recorded for it in this period yet, so it says so in words."))
    return 0
