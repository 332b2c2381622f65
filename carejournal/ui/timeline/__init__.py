"""The timeline: search, filters and the list of entries."""
