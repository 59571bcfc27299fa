"""What travels between the city and a partner's inference server, in the Open Inference Protocol
(KServe v2 REST, JSON tensors).

A request carries one document as the model needs it and nothing more: its words in reading
order (`word_text`, BYTES) and their places on a 0..1000 grid (`word_box`, INT32 [n, 4]). No
image, no file name, no validated value. The answer is numbers only: the document type logits
(`type_logits`, FP32 [types]) and per-word tag logits (`tag_logits`, FP32 [n, tags]). The city
calibrates and decodes them with its own copy of the model's manifest, so what a value is never
comes back over the wire, and words sent pseudonymised decode to the original words.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from models.encoding import GRID, Box
from models.store import HEADS_NAME, Manifest

MODEL_NAME = "docflow"
# Logits travel as float32 written with nine significant digits, the fewest that read back to
# the same float32: rounding further (four decimals were tried) flipped near-tied tags, so the
# partner's answers differed from the local model's.
FLOAT32_DIGITS = 9


class ProtocolError(ValueError):
    """A request or an answer that does not follow the protocol; the message says what is wrong."""


@dataclass(frozen=True)
class WireWord:
    """A word as the partner sees it: its text (perhaps pseudonymised) and its place on the grid."""

    text: str
    box: Box


def model_version(directory: Path, manifest: Manifest) -> str:
    """A fingerprint of the weights and labels: client and server must run the same model for the
    city's calibration and decoding to fit the partner's logits."""
    digest = hashlib.sha256()
    digest.update(json.dumps([manifest.types, manifest.tags, manifest.config.model_dump()]).encode())
    for path in sorted([directory / HEADS_NAME, *directory.glob("encoder/*.safetensors")]):
        with path.open("rb") as stream:
            for chunk in iter(lambda: stream.read(1 << 20), b""):
                digest.update(chunk)
    return digest.hexdigest()[:16]


def infer_request(words: Sequence[WireWord], request_id: str) -> dict[str, Any]:
    return {
        "id": request_id,
        "inputs": [
            {
                "name": "word_text",
                "datatype": "BYTES",
                "shape": [len(words)],
                "data": [w.text for w in words],
            },
            {
                "name": "word_box",
                "datatype": "INT32",
                "shape": [len(words), 4],
                "data": [value for w in words for value in w.box],
            },
        ],
        "outputs": [{"name": "type_logits"}, {"name": "tag_logits"}],
    }


def _tensor(inputs: Sequence[Any], name: str) -> dict[str, Any]:
    for item in inputs:
        if isinstance(item, dict) and item.get("name") == name:
            return item
    raise ProtocolError(f"input {name!r} is missing")


def parse_request(body: Any) -> tuple[str, list[WireWord]]:
    """The request id and words of an infer request; ProtocolError says what is malformed."""
    if not isinstance(body, dict) or not isinstance(body.get("inputs"), list):
        raise ProtocolError("expected a JSON object with an 'inputs' list")
    texts = _tensor(body["inputs"], "word_text")
    boxes = _tensor(body["inputs"], "word_box")
    words, flat = texts.get("data"), boxes.get("data")
    if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
        raise ProtocolError("word_text: data must be a list of strings")
    if not isinstance(flat, list) or len(flat) != 4 * len(words):
        raise ProtocolError("word_box: data must hold 4 integers per word")
    if not all(isinstance(v, int) and 0 <= v <= GRID for v in flat):
        raise ProtocolError(f"word_box: values are integers in 0..{GRID}")
    parsed = [
        WireWord(text, (flat[4 * i], flat[4 * i + 1], flat[4 * i + 2], flat[4 * i + 3]))
        for i, text in enumerate(words)
    ]
    return str(body.get("id", "")), parsed


def infer_response(
    request_id: str, version: str, type_logits: np.ndarray, tag_logits: np.ndarray
) -> dict[str, Any]:
    tags = np.asarray(tag_logits, dtype=np.float32)
    return {
        "model_name": MODEL_NAME,
        "model_version": version,
        "id": request_id,
        "outputs": [
            {
                "name": "type_logits",
                "datatype": "FP32",
                "shape": [int(type_logits.shape[0])],
                "data": _exact(type_logits),
            },
            {
                "name": "tag_logits",
                "datatype": "FP32",
                "shape": [int(tags.shape[0]), int(tags.shape[1]) if tags.ndim == 2 else 0],
                "data": _exact(tags),
            },
        ],
    }


def _exact(values: np.ndarray) -> list[float]:
    return [
        float(f"{value:.{FLOAT32_DIGITS}g}")
        for value in np.asarray(values, dtype=np.float32).ravel().tolist()
    ]


def parse_response(body: Any, words: int, manifest: Manifest, version: str) -> tuple[np.ndarray, np.ndarray]:
    """Type and tag logits from an answer, checked against what the city's model expects."""
    if not isinstance(body, dict) or not isinstance(body.get("outputs"), list):
        raise ProtocolError("the answer has no 'outputs' list")
    if body.get("model_version") != version:
        raise ProtocolError(
            f"the partner runs model version {body.get('model_version')!r}, this site {version!r}: "
            "give the partner the same model folder"
        )
    outputs = {item.get("name"): item for item in body["outputs"] if isinstance(item, dict)}
    try:
        type_logits = np.asarray(outputs["type_logits"]["data"], dtype=np.float32)
        tag_logits = np.asarray(outputs["tag_logits"]["data"], dtype=np.float32)
    except (KeyError, TypeError, ValueError) as error:
        raise ProtocolError(f"the answer's outputs are malformed ({error})") from None
    if type_logits.shape != (len(manifest.types),) or tag_logits.size != words * len(manifest.tags):
        raise ProtocolError("the answer's tensors do not have the model's shapes")
    return type_logits, tag_logits.reshape(words, len(manifest.tags))
