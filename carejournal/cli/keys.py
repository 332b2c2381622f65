"""Passphrases on the command line: asking for them, and `encrypt`, `decrypt`, `passphrase`.

A passphrase is read from the terminal without echo, or for scripts from the first line of
`--passphrase-file FILE` (never from an argument, which other users could see in the process
list). A recovery key works wherever a passphrase is asked for.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from carejournal.core.domain import InvalidInput
from carejournal.core.i18n import _
from carejournal.core.paths import journal_path

if TYPE_CHECKING:
    from carejournal.services.encryption import Resumed

EXIT_OK = 0


def add_encrypt_arguments(enc: argparse.ArgumentParser) -> None:
    """The arguments of `carejournal encrypt`."""
    _add_new_passphrase_file(enc)


def add_decrypt_arguments(_decrypt: argparse.ArgumentParser) -> None:
    """`carejournal decrypt` takes only the global options."""


def add_passphrase_arguments(change: argparse.ArgumentParser) -> None:
    """The arguments of `carejournal passphrase`."""
    _add_new_passphrase_file(change)


def _add_new_passphrase_file(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--new-passphrase-file", metavar="FILE",
                        help=_("read the new passphrase from FILE instead of asking twice"))


def journal_key(path: Path, args: argparse.Namespace) -> bytes | None:
    """The data key for an encrypted journal (asking for its passphrase), or None."""
    from carejournal.services.files import may_be_encrypted

    if not may_be_encrypted(path):  # a plain SQLite file (or none yet): no passphrase
        return None
    from carejournal.services import encryption

    from_file = bool(getattr(args, "passphrase_file", None))
    if not encryption.needs_unlock(path) and not (from_file
                                                  and encryption.may_be_encrypted(path)):
        return None  # (a recovery key in a passphrase file opens one whose key file is lost)
    if not encryption.is_encrypted(path) and not from_file:  # the key file is lost
        if not sys.stdin.isatty():
            raise InvalidInput(_("the key file {name} beside the journal is missing, so only the "
                                 "recovery key opens it; type it when asked, or give it with "
                                 "--passphrase-file FILE")
                                   .format(name=encryption.key_file(path).name))
        return encryption.unlock(path, getpass.getpass(
            f"The key file is missing. Recovery key for {path.name}: "))
    secret = _secret(args, f"Passphrase for {path.name}: ")
    return encryption.unlock(path, secret)


def finish_interrupted(path: Path, args: argparse.Namespace) -> Resumed | None:
    """Finish an encrypt or decrypt cut short (saying so on stderr); what was done, or None.

    Finishing needs the passphrase (or recovery key): asked for on the terminal after one
    line saying why, or read from --passphrase-file; with neither, status 2 and one line.
    """
    from carejournal.services import encryption

    operation = encryption.interrupted_operation(path)
    if operation is None:
        return None
    secret = None
    if encryption.needs_secret_to_resume(path):
        why = encryption.resume_question(operation)
        if getattr(args, "passphrase_file", None):
            secret = _first_line(Path(args.passphrase_file).expanduser())
        elif not sys.stdin.isatty():
            raise InvalidInput(_("{why} There is no terminal to ask for it: give it with "
                                 "--passphrase-file FILE (nothing was changed).").format(why=why))
        else:
            sys.stderr.write(f"carejournal: {path.name}: {why}\n")
            secret = getpass.getpass(f"Passphrase or recovery key for {path.name}: ")
    done = encryption.resume_interrupted(path, secret)
    if done is None:
        return None
    if done.operation == encryption.ENCRYPT:
        sys.stderr.write(_("carejournal: the interrupted encryption of {name} and its backups is "
                           "finished.\n").format(name=path.name))
        _tell_recovery_key(done)
    else:
        sys.stderr.write(_("carejournal: the interrupted decryption of {name} and its backups is "
                           "finished; they are no longer encrypted.\n").format(name=path.name))
    return done


def _tell_recovery_key(done: Resumed) -> None:
    if not done.recovery_key:
        return
    if done.new_recovery:
        sys.stderr.write(_("A new recovery key was made for it: a recovery key shown for this "
                           "journal before no longer works. Write the new one down, away from "
                           "this computer:\n\n    {recovery_key}\n\n")
                             .format(recovery_key=done.recovery_key))
    else:
        sys.stderr.write(_("Your recovery key (write it down, away from this computer): "
                           "{recovery_key}\n").format(recovery_key=done.recovery_key))


def run_encrypt(args: argparse.Namespace) -> int:
    """`carejournal encrypt`: encrypt in place, then print the recovery key once."""
    from carejournal.services import encryption

    path = journal_path(args.journal)
    resumed = finish_interrupted(path, args)
    if resumed is not None and resumed.operation == encryption.ENCRYPT:
        print(_('{name} is now encrypted. Its backups are encrypted too.').format(name=path.name))
        return EXIT_OK
    if encryption.is_encrypted(path):
        raise InvalidInput(_("{name} is already encrypted. To change its passphrase: carejournal "
                             "passphrase").format(name=path.name))
    new = _new_passphrase(args, path)
    if sys.stderr.isatty():
        sys.stderr.write(_("Encrypting the journal and its backups…\n"))
    done = encryption.encrypt(path, new)
    print(_('{name} is now encrypted. Its backups are encrypted too.').format(name=path.name))
    print("")
    print(_("Your recovery key opens the journal if you forget the passphrase or lose {name}.")
              .format(name=encryption.key_file(path).name))
    print(_("Write it down or print it, and keep it away from this computer:"))
    print("")
    print(f"    {done.recovery_key}")
    print("")
    print(_('A backup made just before, now encrypted too: {backup}').format(backup=done.backup))
    return EXIT_OK


def run_decrypt(args: argparse.Namespace) -> int:
    """`carejournal decrypt`: store the journal and its backups without encryption."""
    from carejournal.services import encryption

    path = journal_path(args.journal)
    resumed = finish_interrupted(path, args)
    if resumed is not None and resumed.operation == encryption.DECRYPT:
        return EXIT_OK
    key = journal_key(path, args)
    if key is None:
        raise InvalidInput(_('{name} is not encrypted.').format(name=path.name))
    backup = encryption.decrypt(path, key)
    print(_("{name} is no longer encrypted: anyone who can use this computer account can read "
            "it. A backup made just before: {backup}").format(name=path.name, backup=backup))
    return EXIT_OK


def run_passphrase(args: argparse.Namespace) -> int:
    """`carejournal passphrase`: change the passphrase; the data key and recovery key too."""
    from carejournal.services import encryption

    path = journal_path(args.journal)
    resumed = finish_interrupted(path, args)
    key = resumed.key if resumed is not None and resumed.key else journal_key(path, args)
    if key is None:
        raise InvalidInput(_("{name} is not encrypted. To protect it: carejournal encrypt")
                               .format(name=path.name))
    rotated = encryption.change_passphrase(path, key, _new_passphrase(args, path))
    print(_("The passphrase of {name} is changed, and it and its backups are re-encrypted with a "
            "new key: the old passphrase, old copies of the key file and the old recovery key no "
            "longer open them.").format(name=path.name))
    print("")
    print(_("Your new recovery key (write it down and keep it away from this computer):"))
    print("")
    print(f"    {rotated.recovery_key}")
    return EXIT_OK


def _new_passphrase(args: argparse.Namespace, journal: Path) -> str:
    """A new passphrase from --new-passphrase-file, or typed twice on the terminal.

    A weak one is refused (status 2, one line saying why) before anything is changed.
    """
    if args.new_passphrase_file:
        new = _first_line(Path(args.new_passphrase_file).expanduser())
    else:
        _need_terminal("--new-passphrase-file")
        new = getpass.getpass("New passphrase: ")
        _refuse_if_weak(new, journal)
        if getpass.getpass("The same again: ") != new:
            raise InvalidInput(_("the two passphrases are not the same; nothing was changed"))
    _refuse_if_weak(new, journal)
    return new


def _refuse_if_weak(passphrase: str, journal: Path) -> None:
    from carejournal.services import encryption

    problem = encryption.passphrase_problem(passphrase, encryption.personal_words(journal))
    if problem:
        raise InvalidInput(_('{problem} Nothing was changed.').format(problem=problem))


def _secret(args: argparse.Namespace, prompt: str) -> str:
    if getattr(args, "passphrase_file", None):
        return _first_line(Path(args.passphrase_file).expanduser())
    _need_terminal("--passphrase-file")
    return getpass.getpass(prompt)


def _need_terminal(option: str) -> None:
    if not sys.stdin.isatty():
        raise InvalidInput(_("this journal needs a passphrase and there is no terminal to ask "
                             "for it; give it with {option} FILE").format(option=option))


def _first_line(path: Path) -> str:
    """The first line of a passphrase file, without its line ending."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidInput(_("cannot read the passphrase file {path} ({exc})")
                               .format(path=path, exc=exc)) from exc
    lines = text.splitlines()
    return lines[0] if lines else ""
