"""Translatable labels shared by several widgets."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from carejournal.core.domain import EntryKind


def _t(text: str) -> str:
    return QCoreApplication.translate("CareJournal", text)


def kind_label(kind: EntryKind) -> str:
    """A short, friendly name for a kind of entry."""
    labels = {
        EntryKind.INTERACTION: _t("Interaction"),
        EntryKind.KINDNESS: _t("Little thing"),
        EntryKind.FALLIBILITY: _t("Own fallibility"),
        EntryKind.REFLECTION: _t("Reflection"),
    }
    return labels[kind]


def kind_description(kind: EntryKind) -> str:
    """One or two sentences on what a kind of entry is for."""
    descriptions = {
        EntryKind.INTERACTION: _t(
            "Time with a person you support: what happened, what they wanted, "
            "the strengths you noticed."),
        EntryKind.KINDNESS: _t(
            "A little thing that makes a big difference: introducing yourself, "
            "a cup of tea, really listening, calling back when you said you would."),
        EntryKind.FALLIBILITY: _t(
            "Your own off day or mistake. We all have them; remembering ours helps us "
            "not to write off someone else's plan after one or two tries."),
        EntryKind.REFLECTION: _t("Anything else you want to think through, in your own words."),
    }
    return descriptions[kind]


def new_entry_label(kind: EntryKind) -> str:
    """The label of a button or menu item that starts a new entry of this kind."""
    labels = {
        EntryKind.INTERACTION: _t("New interaction"),
        EntryKind.KINDNESS: _t("New little thing"),
        EntryKind.FALLIBILITY: _t("New own-fallibility note"),
        EntryKind.REFLECTION: _t("New reflection"),
    }
    return labels[kind]
