"""Keeping the journal safe: backups, off-site copies, the full check, a damaged journal and "Not
saved".
"""
