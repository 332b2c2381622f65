"""`carejournal demo`: fill an empty journal with made-up sample entries."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from carejournal.cli.parser import positive
from carejournal.core.domain import InvalidInput
from carejournal.core.i18n import _
from carejournal.core.registration import Register

if TYPE_CHECKING:
    from carejournal.services.journal import Journal


def add_arguments(demo: argparse.ArgumentParser) -> None:
    from carejournal.services.demo_cpd import CPD_FILES

    demo.add_argument("--entries", type=positive, default=None,
                      help=_("how many entries (default: about three months' worth)"))
    demo.add_argument("--register", choices=[r.value for r in CPD_FILES],
                      default=Register.NMC.value, metavar="|".join(r.value for r in CPD_FILES),
                      help=_("whose year of learning and feedback the sample shows: nmc, a "
                             "nurse's towards revalidation (the default), or swe, a social "
                             "worker's Social Work England registration year"))
    demo.add_argument("--seed", type=int, default=7, help=argparse.SUPPRESS)


def run(journal: Journal, args: argparse.Namespace) -> int:
    from carejournal.services.demo import fill_demo

    if journal.count() or journal.count(trashed=True):
        raise InvalidInput(
            _("{path} already has entries; sample entries only go into an empty journal. Choose "
              "a new file with --journal PATH.").format(path=journal.path))
    added = fill_demo(journal, count=args.entries, seed=args.seed,
                      register=Register(args.register))
    print(_("Added {added} made-up sample entries to {path}.")
              .format(added=added, path=journal.path))
    tracker = journal.cpd.status().text
    if tracker:
        print(tracker)
    return 0
