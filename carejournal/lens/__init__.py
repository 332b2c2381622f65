"""The "no us and them" language lens: the lexicon, the phrase matcher and the strengths/problems
balance. Uses core only.
"""
