"""Help: the short guide and the keyboard shortcuts sheet."""
