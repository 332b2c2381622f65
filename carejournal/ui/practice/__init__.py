"""Reflective-practice tools: goals and attempts, due actions, the little things list and the
after-shift reminder.
"""
