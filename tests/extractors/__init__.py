"""Tests for the extractors layer."""
