"""The errors a window shows to the worker (in a message or a status line), never a traceback."""

from carejournal.domain import InvalidInput
from carejournal.errors import EntryNotFound, JournalError

PROBLEMS = (InvalidInput, JournalError, EntryNotFound, OSError)
