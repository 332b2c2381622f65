"""Identifiers (NHS numbers, postcodes, phone numbers...) found in text, pseudonyms for people, and
the protection a pack applies. Uses core only.
"""
