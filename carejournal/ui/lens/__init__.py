"""The language lens in the window: underlines, the panel beside the entry and the lens window."""
