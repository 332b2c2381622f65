"""Errors the store raises; each message is written for the person using the app."""


class JournalError(Exception):
    """Base class for problems opening or writing a journal."""


class JournalLocked(JournalError):
    """Another program holds the journal file busy."""


class NotAJournal(JournalError):
    """The file is not a CareJournal database (or is damaged)."""


class JournalDamaged(NotAJournal):
    """SQLite's integrity check found the journal damaged; nothing was written to it."""

    def __init__(self, message: str, problems: list[str]) -> None:
        super().__init__(message)
        self.problems = problems


class JournalClosed(JournalError):
    """The journal was closed (or locked, or is being reopened): nothing may use it now."""


class JournalTooNew(JournalError):
    """The journal was written by a newer CareJournal."""


class JournalFolderMissing(JournalError):
    """The folder for the journal file does not exist."""


class MigrationFailed(JournalError):
    """Upgrading the journal failed; the file was left as it was."""


class EntryNotFound(LookupError):
    """No entry has this id."""

    def __init__(self, entry_id: int) -> None:
        super().__init__(f"There is no entry {entry_id}.")
        self.entry_id = entry_id


class ResourceError(Exception):
    """A data file in resources/ is missing or malformed; the message names file and line."""


class JournalMissing(JournalError):
    """There is no journal file (or it is empty), and creating one was not asked for."""


class PassphraseNeeded(JournalError):
    """The journal is encrypted and was opened without its key."""


class NotSaved(JournalError):
    """A write did not reach the journal; nothing was changed and the text must be kept.

    The subclasses say why; each message says what the worker can do. The window shows
    "Not saved" until a later save succeeds; the CLI prints one line and exits 2.
    """


class DiskFull(NotSaved):
    """The disk (or the user's quota, or a file-size limit) is full."""


class StorageFailed(NotSaved):
    """The operating system reported an input/output error writing the journal."""


class JournalReadOnly(NotSaved):
    """The journal, its folder or its file system can be read but not written."""


class JournalVanished(NotSaved):
    """The journal file was moved or deleted while it was open."""


class WritesHeld(NotSaved):
    """Saving waits until the journal has passed its full integrity check (or it failed)."""
