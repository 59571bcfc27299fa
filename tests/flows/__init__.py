"""Tests for the flows layer."""
