"""Charts of practice over time, drawn with matplotlib's Figure API (never Qt, never pyplot)."""
