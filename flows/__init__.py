"""Prefect flows and the docflow command line."""
