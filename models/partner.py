"""Inference on a partner's GPU, with the city in control: only words and their places leave,
every request is written to the audit log, and when the partner is down, slow or refuses, the
documents are read by the local model instead (retries with backoff first; a circuit breaker
stops asking a partner that keeps failing, and asks again after a cool-down)."""

from __future__ import annotations

import json
import threading
import time
import uuid
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import numpy as np

from extractors.document import ReadDocument
from models.audit import AuditLog
from models.inference import ModelPrediction, Predictor
from models.partner_options import PartnerOptions
from models.pseudonym import pseudonymise, read_vocabulary
from models.remote import MODEL_NAME, ProtocolError, WireWord, infer_request, model_version, parse_response
from models.training import Prepared

RETRYABLE = {429, 500, 502, 503, 504}


class PartnerFailure(Exception):
    """The partner did not give a usable answer; `reason` is short and safe to show."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class CircuitBreaker:
    """Closed: requests go out. After `failures` failures in a row: open, nothing goes out for
    `cooldown` seconds. Then one request may try (half-open); success closes it again."""

    def __init__(self, failures: int, cooldown: float) -> None:
        self.failures, self.cooldown = failures, cooldown
        self.count = 0
        self.opened_at: float | None = None
        self.trial = False
        self._lock = threading.Lock()

    def allow(self) -> bool:
        with self._lock:
            if self.opened_at is None:
                return True
            if time.monotonic() - self.opened_at >= self.cooldown and not self.trial:
                self.trial = True
                return True
            return False

    def succeeded(self) -> None:
        with self._lock:
            self.count, self.opened_at, self.trial = 0, None, False

    def failed(self) -> None:
        with self._lock:
            self.count += 1
            if self.count >= self.failures or self.trial:
                self.opened_at, self.trial = time.monotonic(), False


class PartnerClient:
    """One partner endpoint: sends words, gets logits, writes every attempt to the audit log."""

    def __init__(self, options: PartnerOptions, version: str, audit: AuditLog, token: str) -> None:
        self.options, self.version, self.audit = options, version, audit
        self.url = options.endpoint.rstrip("/") + f"/v2/models/{MODEL_NAME}/infer"
        self.breaker = CircuitBreaker(options.breaker_failures, options.breaker_cooldown_seconds)
        timeout = httpx.Timeout(options.timeout_seconds, connect=options.connect_timeout_seconds)
        self.http = httpx.Client(timeout=timeout, verify=options.ca_file or True)
        self.headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}

    def close(self) -> None:
        self.http.close()

    def logits(
        self, words: Sequence[WireWord], document: str, manifest: Any
    ) -> tuple[np.ndarray, np.ndarray]:
        if not self.breaker.allow():
            raise PartnerFailure("circuit open: the partner failed repeatedly, waiting before asking again")
        body = json.dumps(infer_request(words, uuid.uuid4().hex), ensure_ascii=False).encode("utf-8")
        reason, partner_fault = "no attempt", True
        for attempt in range(self.options.retries + 1):
            if attempt:
                time.sleep(self.options.backoff_seconds * 2 ** (attempt - 1))
            started = time.perf_counter()
            entry: dict[str, Any] = {"document": document, "endpoint": self.url, "bytes_out": len(body)}
            entry["pseudonymised"] = self.options.pseudonymise
            try:
                response = self.http.post(self.url, content=body, headers=self.headers)
            except httpx.TimeoutException:
                reason, retry = "timeout", True
                entry |= {"status": "timeout", "bytes_in": 0}
            except httpx.TransportError as error:
                reason, retry = f"unreachable ({type(error).__name__})", True
                entry |= {"status": "unreachable", "bytes_in": 0}
            else:
                status = response.status_code
                entry |= {"status": status, "bytes_in": len(response.content)}
                self.audit.append(**entry, ms=round((time.perf_counter() - started) * 1000, 1))
                if status == 200:
                    return self._answer(response, len(words), manifest)
                retry = status in RETRYABLE
                # 400 and 413 are this request's fault, not the partner's: no breaker count
                partner_fault = retry or status in (401, 403)
                reason = (
                    f"refused (HTTP {status}): check the token" if status in (401, 403) else f"HTTP {status}"
                )
                if not retry:
                    break
                continue
            self.audit.append(**entry, ms=round((time.perf_counter() - started) * 1000, 1))
        if partner_fault:
            self.breaker.failed()
        raise PartnerFailure(reason)

    def _answer(self, response: httpx.Response, words: int, manifest: Any) -> tuple[np.ndarray, np.ndarray]:
        try:
            answer = parse_response(response.json(), words, manifest, self.version)
        except (ProtocolError, ValueError) as error:
            self.breaker.failed()
            raise PartnerFailure(f"unusable answer: {error}") from None
        self.breaker.succeeded()
        return answer


@dataclass(frozen=True)
class Inferred:
    """A model's reading of one document, and where the model ran."""

    prediction: ModelPrediction
    backend: str = "local"
    fallback: str = ""


class PartnerPredictor:
    """The local model's manifest and decoding, the partner's GPU for the model pass; the local
    model for any document the partner does not answer."""

    def __init__(self, local: Predictor, model_dir: Path, options: PartnerOptions, audit_log: Path) -> None:
        from models.serving import read_token

        self.local, self.options = local, options
        self.vocabulary = read_vocabulary(model_dir) if options.pseudonymise else frozenset()
        version = model_version(model_dir, local.manifest)
        self.client = PartnerClient(
            options, version, AuditLog(audit_log), read_token(Path(options.token_file))
        )

    @property
    def name(self) -> str:
        return self.local.name

    def _remote(self, prepared: Prepared, document: str) -> ModelPrediction:
        words = [WireWord(word.text, word.box) for word in prepared.words]
        if self.options.pseudonymise:
            words = pseudonymise(words, self.vocabulary)
        type_logits, tag_logits = self.client.logits(words, document, self.local.manifest)
        return self.local.decide(prepared, type_logits, tag_logits)

    def infer(self, documents: Sequence[ReadDocument], hashes: Sequence[str]) -> list[Inferred]:
        prepared = self.local.prepare(documents)
        results: list[Inferred | None] = [None] * len(prepared)
        failed: dict[int, str] = {}

        def one(index: int) -> None:
            try:
                results[index] = Inferred(self._remote(prepared[index], hashes[index]), "partner")
            except PartnerFailure as failure:
                failed[index] = failure.reason

        with ThreadPoolExecutor(self.options.concurrency, thread_name_prefix="partner") as pool:
            list(pool.map(one, range(len(prepared))))
        if failed:
            order = sorted(failed)
            raw = self.local.raw([prepared[i] for i in order])
            for index, (type_logits, tag_logits) in zip(order, raw, strict=True):
                prediction = self.local.decide(prepared[index], type_logits, tag_logits)
                results[index] = Inferred(prediction, "local-fallback", failed[index])
        return [result for result in results if result is not None]


def local_inferred(predictor: Predictor, documents: Sequence[ReadDocument]) -> list[Inferred]:
    return [Inferred(prediction) for prediction in predictor.predict(documents)]
