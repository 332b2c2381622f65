"""Supervision: the prompt, sessions and their agreed actions, and the six-step preparation wizard.
"""
