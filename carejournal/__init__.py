"""CareJournal: a private, offline reflective-practice journal for care and social workers."""

__version__ = "0.1.0"
APP_NAME = "CareJournal"
