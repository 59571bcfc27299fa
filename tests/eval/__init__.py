"""Tests for the eval layer."""
