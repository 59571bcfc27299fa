"""One pre-trained encoder with two heads: the document's type and a BIO tag per word.

Word places enter as learned embeddings of their grid coordinates added to the token embeddings
(as layout-aware models do); they start at zero, so training begins from the plain encoder."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import torch
from torch import nn

from models.encoding import GRID


class DocumentModel(nn.Module):
    def __init__(self, encoder: Any, type_count: int, tag_count: int, layout: bool) -> None:
        super().__init__()
        self.encoder = encoder
        hidden = int(encoder.config.hidden_size)
        self.layout = layout
        if layout:
            self.x_embeddings = nn.Embedding(GRID + 1, hidden)
            self.y_embeddings = nn.Embedding(GRID + 1, hidden)
            nn.init.zeros_(self.x_embeddings.weight)
            nn.init.zeros_(self.y_embeddings.weight)
        self.dropout = nn.Dropout(float(getattr(encoder.config, "hidden_dropout_prob", 0.1)))
        self.type_head = nn.Linear(hidden, type_count)
        self.tag_head = nn.Linear(hidden, tag_count)

    def forward(
        self, input_ids: torch.Tensor, attention_mask: torch.Tensor, boxes: torch.Tensor
    ) -> tuple[torch.Tensor, torch.Tensor]:
        """Type logits per window (batch, types) and tag logits per token (batch, length, tags)."""
        embeddings = self.encoder.get_input_embeddings()(input_ids)
        if self.layout:
            embeddings = (
                embeddings
                + self.x_embeddings(boxes[..., 0])
                + self.y_embeddings(boxes[..., 1])
                + self.x_embeddings(boxes[..., 2])
                + self.y_embeddings(boxes[..., 3])
            )
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


def best_device(requested: str = "auto") -> torch.device:
    """'auto' takes a CUDA GPU when there is one; 'cuda' without one is an error, not a fallback."""
    if requested == "auto":
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    if requested == "cuda" and not torch.cuda.is_available():
        raise RuntimeError("--device cuda was asked for, but torch sees no CUDA GPU on this machine")
    return torch.device(requested)
