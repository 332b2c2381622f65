"""One module per family of CLI commands."""
