"""The entry editor and its parts, quick capture, drafts and the welcome page."""
