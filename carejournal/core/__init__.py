"""Pure values and rules: entries and kinds, goals, little things, supervision, preparation,
patterns' periods and series, shifts, templates, catalogues, errors, paths and resources. No
SQL, no Qt, no I/O beyond reading packaged data.
"""
