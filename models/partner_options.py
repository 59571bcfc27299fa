"""Settings of the partner backend (kept apart from models.partner, which needs torch)."""

from __future__ import annotations

from pydantic import BaseModel, Field

AUDIT_FILE = "partner-audit.jsonl"


class PartnerOptions(BaseModel):
    """How to reach the partner, and how patient to be with it."""

    endpoint: str = Field(
        description="base URL of the partner's server, e.g. https://gpu.partner.example:8443"
    )
    token_file: str = Field(description="file holding the bearer token (never the token itself)")
    timeout_seconds: float = Field(default=20.0, gt=0, description="answer time per request")
    connect_timeout_seconds: float = Field(default=3.0, gt=0)
    retries: int = Field(default=2, ge=0, description="further tries after a timeout, 429 or 5xx")
    backoff_seconds: float = Field(
        default=0.5, ge=0, description="first wait between tries, doubled each time"
    )
    breaker_failures: int = Field(
        default=3, ge=1, description="failed documents in a row that open the breaker"
    )
    breaker_cooldown_seconds: float = Field(default=30.0, ge=0, description="how long an open breaker waits")
    concurrency: int = Field(default=4, ge=1, description="requests in flight (the server batches them)")
    pseudonymise: bool = Field(default=False, description="replace digits and non-form words before sending")
    ca_file: str | None = Field(default=None, description="CA bundle for a partner's own TLS certificate")
    audit_log: str | None = Field(default=None, description=f"audit log (default: OUT/{AUDIT_FILE})")
