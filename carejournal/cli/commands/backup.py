"""`carejournal backup [--out FILE]`, `carejournal backup list` and `carejournal restore FILE`.

These work on the journal file without opening it as a journal, so that a damaged journal's
backups can still be listed and a good one put back in its place. A damaged journal itself is
not backed up: `backup` refuses it in one line (exit 2), so no damaged copy is ever listed.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from carejournal.cli import keys as cli_keys
from carejournal.cli.output import print_json
from carejournal.core.domain import InvalidInput
from carejournal.core.i18n import _, ngettext
from carejournal.core.paths import journal_path
from carejournal.services.backups import BackupService, is_automatic

EXIT_OK = 0


def add_arguments(backup: argparse.ArgumentParser) -> None:
    """The arguments of `carejournal backup` (restore FILE shares `restore`'s)."""
    backup.add_argument("--out", metavar="FILE",
                        help=_("where to write the backup (default: the backups folder "
                             "beside the journal)"))
    actions = backup.add_subparsers(dest="backup_command", metavar="ACTION")
    lst = actions.add_parser("list", help=_("list the journal's backups, newest first"))
    lst.add_argument("--json", action="store_true", help=_("print JSON"))
    actions.add_parser("fix", help=_("encrypt any backup left unencrypted beside an encrypted "
                                   "journal"))
    from carejournal.cli.commands import offsite as cli_offsite

    cli_offsite.register(actions)


def names_a_backup(args: argparse.Namespace) -> bool:
    """For `restore ID|FILE`: whether it names a backup file rather than an entry."""
    return not is_entry_id(args.id)


def is_entry_id(target: str) -> bool:
    """For `restore`: a positive whole number that is not an existing file is an entry id."""
    return target.isdigit() and int(target) > 0 and not Path(target).exists()


def run(args: argparse.Namespace) -> int:
    """`carejournal backup` (and `backup list`, `backup offsite`)."""
    if getattr(args, "backup_command", None) == "offsite":  # needs the journal's settings
        from carejournal.cli.commands import offsite as cli_offsite

        return cli_offsite.run_opening(args)
    path = journal_path(args.journal)
    service = BackupService(path, key=cli_keys.journal_key(path, args))
    if getattr(args, "backup_command", None) == "list":
        return _list(service, args.json)
    if getattr(args, "backup_command", None) == "fix":
        return _fix(service)
    if args.out:
        return _backup_to(service, Path(args.out).expanduser())
    print(service.back_up_now())  # a damaged journal is refused: BackupProblem, exit 2
    return EXIT_OK


def _backup_to(service: BackupService, out: Path) -> int:
    """A backup to a file the worker names (never over an existing file)."""
    if out.exists():
        raise InvalidInput(_("{out} already exists; choose a new file name for the backup")
                               .format(out=out))
    if not out.parent.is_dir():
        raise InvalidInput(_('the folder {parent} does not exist').format(parent=out.parent))
    if not service.journal.is_file():
        raise InvalidInput(_("there is no journal at {journal} to back up yet")
                               .format(journal=service.journal))
    print(service.back_up_to(out.absolute()))
    return EXIT_OK


def _list(service: BackupService, as_json: bool) -> int:
    backups = service.backups()
    unlike = {b.path for b in service.unlike_the_journal()}
    if as_json:
        print_json([{"path": str(b.path), "made_at": b.made_at.isoformat(), "reason": b.reason,
                     "size": b.size, "automatic": is_automatic(b), "number": b.number or None,
                     "protected_like_the_journal": b.path not in unlike}
                    for b in backups])
        return EXIT_OK
    _warn_unlike(service, len(unlike))
    _warn_rescue_copies(service)
    if not backups:
        print(_("No backups yet in {folder}. Make one with: carejournal backup")
                  .format(folder=service.folder()))
        return EXIT_OK
    print(_('Backups in {folder}, newest first:').format(folder=service.folder()))
    for b in backups:
        when = b.made_at.astimezone().strftime("%Y-%m-%d %H:%M")
        print(f"  {when}  {b.reason:<26} {_size(b.size):>9}  {b.path.name}")
    return EXIT_OK


def _warn_unlike(service: BackupService, count: int) -> None:
    """One warning line when backups are protected differently from the journal."""
    if not count:
        return
    if service.key is not None:
        print(ngettext("Warning: {count} backup is not encrypted, unlike the journal: anyone "
                       "who can use this computer account can read it. Encrypt it with: "
                       "carejournal backup fix",
                       "Warning: {count} backups are not encrypted, unlike the journal: anyone "
                       "who can use this computer account can read them. Encrypt them with: "
                       "carejournal backup fix", count).format(count=count))
    else:
        print(ngettext("Warning: {count} backup is encrypted, unlike the journal: it opens "
                       "only with the key it was encrypted with.",
                       "Warning: {count} backups are encrypted, unlike the journal: they open "
                       "only with the key they were encrypted with.", count).format(count=count))


def _warn_rescue_copies(service: BackupService) -> None:
    """One warning line when rescue copies of a damaged journal are not protected like it."""
    unlike = service.rescue_copies_unlike()
    if unlike:
        print(ngettext(
            "Warning: {count} rescue copy of a damaged journal in the backups folder (ending "
            ".damaged) is not protected like the journal: it is not encrypted, or only an "
            "earlier passphrase with an old copy of its key file opens it. Delete it once you "
            "no longer need it: {names}",
            "Warning: {count} rescue copies of a damaged journal in the backups folder (ending "
            ".damaged) are not protected like the journal: they are not encrypted, or only an "
            "earlier passphrase with an old copy of its key file opens them. Delete them once "
            "you no longer need them: {names}", len(unlike)).format(
                count=len(unlike), names=", ".join(path.name for path in unlike)))


def _fix(service: BackupService) -> int:
    """`carejournal backup fix`: encrypt the plain backups of an encrypted journal."""
    fixed, left = service.protect_like_the_journal()
    for path in fixed:
        print(_('Encrypted {name}').format(name=path.name))
    if not fixed and not left:
        print(_("Every backup is protected like the journal; nothing to fix."))
    for path in left:
        print(_("Left as it is: {name} (it cannot be converted to match the journal)")
                  .format(name=path.name))
    return EXIT_OK


def _size(size: int) -> str:
    """A file size people read easily."""
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


def run_restore(args: argparse.Namespace) -> int:
    """`carejournal restore FILE`: back up the current journal, then put FILE in its place."""
    backup = Path(args.id).expanduser()
    if not backup.is_file():
        raise InvalidInput(_('there is no backup file {backup}').format(backup=backup))
    path = journal_path(args.journal)
    done = BackupService(path, key=cli_keys.journal_key(path, args)).restore(backup)
    if done.saved_first is not None:
        print(_("Saved the journal as it was to {saved_first}")
                  .format(saved_first=done.saved_first))
    print(_('Restored {journal} from {backup}').format(journal=done.journal, backup=done.backup))
    return EXIT_OK
