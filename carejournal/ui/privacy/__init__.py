"""Passphrases, locking and unlocking."""
