"""Export and import: the lossless JSON format, jrnl, CSV and Markdown."""
