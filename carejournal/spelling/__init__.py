"""Spell checking: which words to look at, a Hunspell dictionary (through spylls) with the
worker's own words beside it, and which dictionaries are installed. On core only."""
