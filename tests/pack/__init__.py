"""Tests for the supervision pack: the plain Document, its three writers and the safe write."""
