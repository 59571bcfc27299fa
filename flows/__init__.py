"""Prefect flows and the docflow command line.

Importing this package turns Prefect's telemetry off (unless an operator set it explicitly)
before any flow module imports Prefect.
"""

from flows.settings import configure_prefect

configure_prefect()
