"""Tests, one folder per layer."""
