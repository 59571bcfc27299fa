"""Documents cut into windows and windows packed into padded batches, for training and inference."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np
import torch

from models.encoding import Box, Encoded, Tokenizer, Window, window_inputs, windows

IGNORE = -100  # positions without a tag to learn (special tokens, a word's later pieces)


@dataclass(frozen=True)
class WindowExample:
    document: int
    ids: list[int]
    boxes: list[Box]
    word_at: list[int]  # per position: the word whose first token stands there, or -1
    start: int
    end: int


def document_windows(
    encoded: Sequence[Encoded], tokenizer: Tokenizer, length: int, stride: int
) -> list[WindowExample]:
    examples = []
    for document, tokens in enumerate(encoded):
        if not tokens.token_ids:  # a page without words still gets a type
            ids, boxes, word_at = window_inputs(tokens, Window(0, 0), tokenizer)
            examples.append(WindowExample(document, ids, boxes, word_at, 0, 0))
            continue
        for window in windows(tokens, length, stride):
            ids, boxes, word_at = window_inputs(tokens, window, tokenizer)
            examples.append(WindowExample(document, ids, boxes, word_at, window.start, window.end))
    return examples


@dataclass
class Batch:
    input_ids: torch.Tensor
    attention_mask: torch.Tensor
    boxes: torch.Tensor
    examples: list[WindowExample]

    def to(self, device: torch.device) -> Batch:
        return Batch(
            self.input_ids.to(device), self.attention_mask.to(device), self.boxes.to(device), self.examples
        )


def collate(examples: Sequence[WindowExample], pad_id: int) -> Batch:
    width = max(len(example.ids) for example in examples)
    ids = torch.full((len(examples), width), pad_id, dtype=torch.long)
    mask = torch.zeros((len(examples), width), dtype=torch.long)
    boxes = torch.zeros((len(examples), width, 4), dtype=torch.long)
    for row, example in enumerate(examples):
        n = len(example.ids)
        ids[row, :n] = torch.tensor(example.ids)
        mask[row, :n] = 1
        boxes[row, :n] = torch.tensor(example.boxes)
    return Batch(ids, mask, boxes, list(examples))


def tag_targets(batch: Batch, word_tags: Sequence[Sequence[int]]) -> torch.Tensor:
    """The tag to learn at each position: the word's tag at its first token, IGNORE elsewhere."""
    targets = torch.full(batch.input_ids.shape, IGNORE, dtype=torch.long)
    for row, example in enumerate(batch.examples):
        tags = word_tags[example.document]
        for position, word in enumerate(example.word_at):
            if word >= 0:
                targets[row, position] = tags[word]
    return targets


def inference_batches(examples: Sequence[WindowExample], batch_size: int, pad_id: int) -> Iterator[Batch]:
    """Batches of similar length (less padding), in a fixed order."""
    order = sorted(range(len(examples)), key=lambda i: len(examples[i].ids))
    for start in range(0, len(order), batch_size):
        yield collate([examples[i] for i in order[start : start + batch_size]], pad_id)


def merge_windows(
    examples: Sequence[WindowExample],
    type_logits: Sequence[np.ndarray],
    tag_logits: Sequence[np.ndarray],
    encoded: Sequence[Encoded],
    type_count: int,
    tag_count: int,
) -> list[tuple[np.ndarray, np.ndarray]]:
    """Per document: the type logits averaged over its windows, and per word the tag logits from
    the window where the word stands farthest from an edge (the most context on both sides)."""
    type_sums = [np.zeros(type_count) for _ in encoded]
    window_counts = [0 for _ in encoded]
    words = [np.zeros((tokens.words, tag_count), dtype=np.float32) for tokens in encoded]
    margin = [np.full(tokens.words, -1) for tokens in encoded]
    for example, type_row, tag_rows in zip(examples, type_logits, tag_logits, strict=True):
        document = example.document
        type_sums[document] += type_row
        window_counts[document] += 1
        last = len(example.word_at) - 1
        for position, word in enumerate(example.word_at):
            if word < 0:
                continue
            room = min(position, last - position)
            if room > margin[document][word]:
                margin[document][word] = room
                words[document][word] = tag_rows[position]
    return [(type_sums[d] / max(1, window_counts[d]), words[d]) for d in range(len(encoded))]
