"""Qt widgets and item models. Talks to the journal service only, never to the database."""
