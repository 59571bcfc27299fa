"""One pre-trained encoder with two heads: the document's type and a BIO tag per word.

Word places enter as sines and cosines of their grid coordinates at many wavelengths, projected
and added to the token embeddings. Unlike a learned vector per grid cell (as large layout-aware
models use), nearby places share their features, and two words in one column or one line have
alike ones whatever the page, which is what a model trained on a few hundred pages can learn from.
The projection starts at zero, so training begins from the plain encoder."""

from __future__ import annotations

import math
import os
import warnings
from copy import deepcopy
from pathlib import Path
from typing import Any, Literal, cast

import torch
from torch import nn

from models.encoding import GRID

# Wavelengths from the whole page down to about a hundredth of it (a word's height on a form).
LAYOUT_FREQUENCIES = 16
LONGEST_WAVELENGTH_ANGLE = 1.0
SHORTEST_WAVELENGTH_ANGLE = 600.0


def place_features(boxes: torch.Tensor) -> torch.Tensor:
    """(..., 4) grid boxes (x0, y0, x1, y1 on 0..GRID) to (..., 4 * 2 * LAYOUT_FREQUENCIES) features."""
    scale = boxes.to(torch.float32) / GRID
    frequencies = torch.exp(
        torch.linspace(
            math.log(LONGEST_WAVELENGTH_ANGLE),
            math.log(SHORTEST_WAVELENGTH_ANGLE),
            LAYOUT_FREQUENCIES,
            device=boxes.device,
        )
    )
    angles = scale.unsqueeze(-1) * frequencies
    return torch.cat((angles.sin(), angles.cos()), dim=-1).flatten(-2)


class DocumentModel(nn.Module):
    def __init__(self, encoder: Any, type_count: int, tag_count: int, layout: bool) -> None:
        super().__init__()
        self.encoder = encoder
        hidden = int(encoder.config.hidden_size)
        self.layout = layout
        if layout:
            self.place_projection = nn.Linear(4 * 2 * LAYOUT_FREQUENCIES, hidden)
            nn.init.zeros_(self.place_projection.weight)
            nn.init.zeros_(self.place_projection.bias)
        self.dropout = nn.Dropout(float(getattr(encoder.config, "hidden_dropout_prob", 0.1)))
        self.type_head = nn.Linear(hidden, type_count)
        self.tag_head = nn.Linear(hidden, tag_count)

    def forward(
        self, input_ids: torch.Tensor, attention_mask: torch.Tensor, boxes: torch.Tensor
    ) -> tuple[torch.Tensor, torch.Tensor]:
        """Type logits per window (batch, types) and tag logits per token (batch, length, tags)."""
        embeddings = self.encoder.get_input_embeddings()(input_ids)
        if self.layout:
            embeddings = embeddings + self.place_projection(place_features(boxes)).to(embeddings.dtype)
        hidden = self.encoder(inputs_embeds=embeddings, attention_mask=attention_mask).last_hidden_state
        hidden = self.dropout(hidden)
        # The window's meaning is the mean of its tokens, the pooling the sentence-embedding base
        # model was trained with (its first token carries little on its own).
        mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
        pooled = (hidden * mask).sum(dim=1) / mask.sum(dim=1).clamp(min=1.0)
        return self.type_head(pooled), self.tag_head(hidden)

    def head_state(self) -> dict[str, torch.Tensor]:
        """Everything but the encoder, which is saved in Hugging Face format on its own."""
        return {
            name: tensor.detach().cpu().contiguous()
            for name, tensor in self.state_dict().items()
            if not name.startswith("encoder.")
        }


def load_encoder(name_or_path: str | Path) -> Any:
    """A pre-trained encoder from a local folder or, where the site allows it, a hub id."""
    from transformers import AutoModel
    from transformers.utils import logging as transformers_logging

    # a progress bar per weight file is noise in a service log
    transformers_logging.disable_progress_bar()  # type: ignore[no-untyped-call]
    return AutoModel.from_pretrained(str(name_or_path))


# OpenMP reads its thread limit once, when torch loads it, which is when this module is first
# imported. A limit set later (the OCR step sets one for Tesseract) binds child processes only.
_THREAD_LIMIT_AT_LOAD = os.environ.get("OMP_THREAD_LIMIT", "")


def honour_thread_limit() -> None:
    """Keep torch's CPU threads within the $OMP_THREAD_LIMIT OpenMP started with. torch counts
    the cores and ignores the limit, OpenMP honours it, and on a processor with AVX512-BF16 the
    bfloat16 kernels then returned wrong logits, NaN among them (torch 2.13, OMP_THREAD_LIMIT=1
    on 2 cores): a partner server started after OCR inherited the limit and answered so."""
    limit = _THREAD_LIMIT_AT_LOAD
    if limit.isdigit() and 0 < int(limit) < torch.get_num_threads():
        torch.set_num_threads(int(limit))


def best_device(requested: str = "auto") -> torch.device:
    """'auto' takes a CUDA GPU when there is one; 'cuda' without one is an error, not a fallback.
    Whatever it picks, torch keeps to the thread limit (`honour_thread_limit`)."""
    honour_thread_limit()
    if requested == "auto":
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    if requested == "cuda" and not torch.cuda.is_available():
        raise RuntimeError("--device cuda was asked for, but torch sees no CUDA GPU on this machine")
    return torch.device(requested)


PRECISIONS = ("auto", "float32", "bfloat16", "int8")
Precision = Literal["float32", "bfloat16", "int8"]


def _native_bfloat16(device: torch.device) -> bool:
    if device.type == "cuda":
        return bool(torch.cuda.is_bf16_supported())
    # torch has no public question for this; these two have been in torch.cpu since 2.1
    cpu: Any = torch.cpu
    checks = (getattr(cpu, "_is_avx512_bf16_supported", None), getattr(cpu, "_is_amx_tile_supported", None))
    return any(check is not None and check() for check in checks)


def _int8_engine() -> str | None:
    """The CPU kernels for int8 matrix products this torch build has (x86/fbgemm, ARM/qnnpack)."""
    engines = torch.backends.quantized.supported_engines
    return next((engine for engine in ("x86", "fbgemm", "qnnpack") if engine in engines), None)


def inference_precision(device: torch.device, requested: str | None = None) -> Precision:
    """What model passes run in, from `requested` or $DOCFLOW_PRECISION.

    'auto' takes bfloat16 where the processor computes in it natively (AVX512-BF16 or AMX on x86,
    Ampere and later GPUs): on 2 cores with AVX512-BF16 that took the model from 85-94 to 53-58 ms
    a page on three test splits (279 documents), with the same types and field F1 within 0.004.
    On other CPUs bfloat16 is emulated and slower, so 'auto' takes int8 there (`quantized`), and
    float32 on a GPU without bfloat16."""
    chosen = requested or os.environ.get("DOCFLOW_PRECISION") or "auto"
    if chosen not in PRECISIONS:
        choices = ", ".join(PRECISIONS)
        raise ValueError(f"precision {chosen!r} is not one of {choices} (set by DOCFLOW_PRECISION)")
    if chosen == "auto":
        if _native_bfloat16(device):
            return "bfloat16"
        return "int8" if device.type == "cpu" and _int8_engine() else "float32"
    if chosen == "int8" and (device.type != "cpu" or _int8_engine() is None):
        raise ValueError(
            f"precision int8 runs on a CPU with int8 kernels, not on {device.type} here: "
            "set DOCFLOW_PRECISION=float32 or bfloat16"
        )
    return cast(Precision, chosen)


def inference_dtype(precision: Precision) -> torch.dtype | None:
    """The dtype autocast runs matrix products in (None: as the weights are)."""
    return torch.bfloat16 if precision == "bfloat16" else None


def quantized(model: DocumentModel) -> DocumentModel:
    """A copy of `model` whose encoder multiplies in int8 (dynamic quantisation: weights stored
    in int8 per output channel, activations scaled per batch), for CPUs without bfloat16. The
    heads, the place projection, norms and softmax stay float32. On 2 cores without AVX512 it
    took the default model from 114-127 to 88-92 ms a page (seeds 8383 and 9191), cross-checked
    field F1 within 0.002; the trained weights stay as they are."""
    from torch.ao.quantization import per_channel_dynamic_qconfig, quantize_dynamic

    engine = _int8_engine()
    if engine is None:
        raise RuntimeError("this torch build has no int8 CPU kernels")
    torch.backends.quantized.engine = engine
    copy = deepcopy(model).cpu().eval()
    # torch 2.13 (pinned) marks torch.ao's eager quantisation deprecated in favour of torchao and
    # says so at each conversion; the conversion itself is what it was.
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r"torch\.ao\.quantization is deprecated")
        warnings.filterwarnings("ignore", message=r"torch\.quantize_per_tensor, .* are deprecated")
        copy.encoder = quantize_dynamic(  # type: ignore[no-untyped-call]  # unannotated in torch
            copy.encoder, {nn.Linear: per_channel_dynamic_qconfig}, dtype=torch.qint8
        )
    return copy
