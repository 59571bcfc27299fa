"""What the machines cost per document, for the three places the model can run: the city's CPUs,
a GPU of its own, or a partner's GPU. Reading (and OCR) stays on the city's CPUs in every case;
only the model pass moves. The partner's price is per GPU hour plus a monthly fee, so it pays
off only from some monthly volume on: the volume at which its lower cost per document has
earned the fee back."""

from __future__ import annotations

import math
from typing import Any

from eval.costs import CostParameters

PER = 1000


def economics(read_seconds: float, model_cpu_seconds: float, p: CostParameters) -> dict[str, Any]:
    """€ per 1,000 documents for cpu, local_gpu and partner_gpu, and the partner's break-even
    monthly volume against running the model on the city's CPUs. Seconds are per document."""
    price = p.compute.eur_per_hour
    gpu = p.compute.gpu_seconds_per_doc
    read_eur = read_seconds / 3600 * price["cpu"]
    per_doc = {
        "cpu": read_eur + model_cpu_seconds / 3600 * price["cpu"],
        "local_gpu": read_eur + gpu / 3600 * price["local_gpu"],
        "partner_gpu": read_eur + gpu / 3600 * price["partner_gpu"],
    }
    fee = p.compute.partner_monthly_fee_eur
    saving = per_doc["cpu"] - per_doc["partner_gpu"]
    break_even = math.ceil(fee / saving) if saving > 0 else None
    return {
        "eur_per_1000_documents": {name: round(value * PER, 4) for name, value in per_doc.items()},
        "partner_monthly_fee_eur": fee,
        "partner_break_even_documents_per_month": break_even,
        "seconds_per_document": {
            "read_on_cpu": round(read_seconds, 4),
            "model_on_cpu": round(model_cpu_seconds, 4),
            "model_on_gpu": gpu,
        },
        "note": (
            "the partner pays off from this many documents a month"
            if break_even is not None
            else "at these prices the partner never pays off on machine cost alone: the model pass "
            "costs less on the city's CPUs; a partner is for models too large for them or for "
            "peaks beyond their capacity"
        ),
        "placeholder": p.compute.placeholder,
    }
