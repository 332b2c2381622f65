"""People and tags: rename, merge, and a person's other names and alias."""
