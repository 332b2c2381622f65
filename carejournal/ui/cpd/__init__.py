"""Learning (CPD), feedback and the registration tracker in the window."""
