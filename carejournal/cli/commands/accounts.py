"""`carejournal export --format nmc-account|swe-cpd --entry ID --out FILE`: one entry as an
NMC reflective account or as Social Work England's CPD fields, identities protected."""

from __future__ import annotations

import argparse
import sys

from carejournal.cli.parser import positive
from carejournal.core.cpd import parse_themes
from carejournal.core.domain import InvalidInput
from carejournal.core.i18n import _
from carejournal.services.journal import Journal


def add_account_arguments(export: argparse.ArgumentParser) -> None:
    """--entry, --themes and --code, for the two regulators' formats."""
    export.add_argument("--entry", type=positive, metavar="ID",
                        help=_("nmc-account, swe-cpd: the entry to write it from"))
    export.add_argument("--themes", default="", metavar="THEMES",
                        help=_("nmc-account: the Code's themes it relates to (people, "
                               "effectively, safety, professionalism)"))
    export.add_argument("--code", default="", metavar="TEXT",
                        help=_("nmc-account: how it is relevant to the Code, in your words"))


def run_account_export(journal: Journal, args: argparse.Namespace) -> int:
    """Write the account (or the SWE fields); each identifier replaced goes to stderr."""
    from carejournal.pack.write import format_for
    from carejournal.services.accounts import plan_account, write_account, write_swe

    if args.entry is None:
        raise InvalidInput(_("--format {format} needs --entry ID").format(format=args.format))
    plan = plan_account(journal, args.entry, parse_themes(args.themes), args.code)
    if args.format == "swe-cpd":
        written = write_swe(plan, args.out, set(args.keep))
        what = _("Social Work England's CPD fields")
    else:
        written = write_account(journal, plan, args.out, format_for(args.out),
                                set(args.keep))
        what = _("the reflective account")
    for item in written.replaced:
        sys.stderr.write(_("Replaced {label} “{text}”.\n").format(label=item.label,
                                                                  text=item.text))
    for item in written.kept:
        sys.stderr.write(_("Kept {label} “{text}” as you asked.\n").format(
            label=item.label, text=item.text))
    print(_("Wrote {what} of entry {id} to {out}.").format(what=what, id=args.entry,
                                                           out=args.out))
    return 0
