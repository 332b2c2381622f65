"""The errors a window shows to the worker (in a message or a status line), never a traceback."""

from carejournal.core.domain import InvalidInput
from carejournal.core.errors import EntryNotFound, JournalError

PROBLEMS = (InvalidInput, JournalError, EntryNotFound, OSError)
