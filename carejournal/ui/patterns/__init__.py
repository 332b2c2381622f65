"""The Patterns view: charts of practice over a period."""
