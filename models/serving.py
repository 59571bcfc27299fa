"""`docflow serve-model`: the inference server a partner runs on its GPU.

It speaks the Open Inference Protocol (KServe v2 REST) so that the city can later point the
pipeline at any server that does (Triton, KServe, MLServer). Concurrent requests are batched
for the GPU (dynamic batching: up to `max_batch` documents, waiting at most `max_delay_ms` for
more). Every model endpoint wants the bearer token; health endpoints do not (they carry
nothing). Log lines name status, size and time, never what a request contains.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from models.encoding import Encoded, encode_words
from models.inference import Predictor
from models.remote import MODEL_NAME, ProtocolError, infer_response, model_version, parse_request

log = logging.getLogger("docflow.serve-model")
MIN_TOKEN_LENGTH = 16


@dataclass
class ServerOptions:
    max_batch: int = 16
    max_delay_ms: float = 10.0
    max_request_bytes: int = 4_000_000
    max_words: int = 20_000


def read_token(path: Path) -> str:
    """The shared secret from a file (never from the command line, where `ps` shows it)."""
    try:
        token = path.read_text("utf-8").strip()
    except OSError as error:
        raise ValueError(f"cannot read the token file {path}: {error.strerror}") from None
    if len(token) < MIN_TOKEN_LENGTH:
        raise ValueError(
            f"the token in {path} is shorter than {MIN_TOKEN_LENGTH} characters; make one with "
            "`python -c 'import secrets; print(secrets.token_urlsafe(32))' > FILE`"
        )
    return token


class Batcher:
    """Collects documents from concurrent requests and runs them through the model together."""

    def __init__(self, predictor: Predictor, options: ServerOptions) -> None:
        self.predictor, self.options = predictor, options
        self.queue: asyncio.Queue[tuple[Encoded, asyncio.Future[tuple[np.ndarray, np.ndarray]]]] = (
            asyncio.Queue()
        )
        self.task: asyncio.Task[None] | None = None

    async def logits(self, encoded: Encoded) -> tuple[np.ndarray, np.ndarray]:
        if self.task is None:
            self.task = asyncio.create_task(self._run())
        future: asyncio.Future[tuple[np.ndarray, np.ndarray]] = asyncio.get_running_loop().create_future()
        await self.queue.put((encoded, future))
        return await future

    async def _run(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            batch = [await self.queue.get()]
            deadline = loop.time() + self.options.max_delay_ms / 1000
            while len(batch) < self.options.max_batch:
                remaining = deadline - loop.time()
                if remaining <= 0:
                    break
                try:
                    batch.append(await asyncio.wait_for(self.queue.get(), remaining))
                except TimeoutError:
                    break
            encoded = [item for item, _ in batch]
            try:
                results = await asyncio.to_thread(self.predictor.logits, encoded, self.options.max_batch)
            except Exception as error:  # one bad batch fails its requests, not the server
                log.error("model pass failed: %s", type(error).__name__)
                for _, future in batch:
                    if not future.done():
                        future.set_exception(error)
                continue
            for (_, future), result in zip(batch, results, strict=True):
                if not future.done():
                    future.set_result(result)


def _error(status: int, message: str) -> JSONResponse:
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    return JSONResponse({"error": message}, status_code=status, headers=headers)


def create_app(
    predictor: Predictor, model_dir: Path, token: str, options: ServerOptions | None = None
) -> Starlette:
    options = options or ServerOptions()
    version = model_version(model_dir, predictor.manifest)
    batcher = Batcher(predictor, options)
    expected = f"Bearer {token}".encode()

    def authorised(request: Request) -> bool:
        given = request.headers.get("authorization", "").encode()
        return hmac.compare_digest(given, expected)

    def metadata() -> dict[str, Any]:
        tags = len(predictor.manifest.tags)
        return {
            "name": MODEL_NAME,
            "versions": [version],
            "platform": "pytorch",
            "inputs": [
                {"name": "word_text", "datatype": "BYTES", "shape": [-1]},
                {"name": "word_box", "datatype": "INT32", "shape": [-1, 4]},
            ],
            "outputs": [
                {"name": "type_logits", "datatype": "FP32", "shape": [len(predictor.manifest.types)]},
                {"name": "tag_logits", "datatype": "FP32", "shape": [-1, tags]},
            ],
        }

    async def live(request: Request) -> JSONResponse:
        return JSONResponse({"live": True})

    async def ready(request: Request) -> JSONResponse:
        return JSONResponse({"ready": True})

    async def server_metadata(request: Request) -> JSONResponse:
        return JSONResponse({"name": "docflow-serve-model", "version": version, "extensions": []})

    async def model(request: Request) -> JSONResponse:
        if not authorised(request):
            return _error(401, "a valid bearer token is needed")
        if request.path_params["name"] != MODEL_NAME:
            return _error(404, f"no model {request.path_params['name']!r}; this server has {MODEL_NAME!r}")
        if request.url.path.endswith("/ready"):
            return JSONResponse({"name": MODEL_NAME, "ready": True})
        return JSONResponse(metadata())

    async def infer(request: Request) -> JSONResponse:
        started = time.perf_counter()
        status, response = await _infer(request)
        size = request.headers.get("content-length", "?")
        log.info("infer %d, %s bytes in, %.0f ms", status, size, (time.perf_counter() - started) * 1000)
        return response

    async def _infer(request: Request) -> tuple[int, JSONResponse]:
        if not authorised(request):
            return 401, _error(401, "a valid bearer token is needed")
        if request.path_params["name"] != MODEL_NAME:
            return 404, _error(404, f"no model {request.path_params['name']!r}")
        declared = request.headers.get("content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > options.max_request_bytes):
            return 413, _error(413, f"requests are limited to {options.max_request_bytes} bytes")
        body = bytearray()
        async for chunk in request.stream():
            body += chunk
            if len(body) > options.max_request_bytes:
                return 413, _error(413, f"requests are limited to {options.max_request_bytes} bytes")
        try:
            request_id, words = parse_request(json.loads(body))
        except (ValueError, ProtocolError) as error:
            message = str(error) if isinstance(error, ProtocolError) else "the body is not JSON"
            return 400, _error(400, message)
        if len(words) > options.max_words:
            return 413, _error(413, f"at most {options.max_words} words per request")
        encoded = encode_words(words, predictor.tokenizer, predictor.manifest.config.max_word_tokens)
        if not words:
            type_logits = np.zeros(len(predictor.manifest.types), dtype=np.float32)
            tag_logits = np.zeros((0, len(predictor.manifest.tags)), dtype=np.float32)
        else:
            try:
                type_logits, tag_logits = await batcher.logits(encoded)
            except Exception:
                return 500, _error(500, "the model failed on this request")
        return 200, JSONResponse(infer_response(request_id, version, type_logits, tag_logits))

    routes = [
        Route("/v2/health/live", live),
        Route("/v2/health/ready", ready),
        Route("/v2", server_metadata),
        Route("/v2/models/{name}", model),
        Route("/v2/models/{name}/ready", model),
        Route("/v2/models/{name}/infer", infer, methods=["POST"]),
    ]
    app = Starlette(routes=routes)
    app.state.version = version
    return app


def serve_model(
    model_dir: Path,
    host: str,
    port: int,
    token: str,
    device: str = "auto",
    tls: tuple[Path, Path] | None = None,
    options: ServerOptions | None = None,
) -> None:
    """Load the model and serve it until interrupted."""
    import uvicorn

    predictor = Predictor.load(model_dir, device)
    app = create_app(predictor, model_dir, token, options)
    log.info("model %s version %s on %s", MODEL_NAME, app.state.version, predictor.device)
    config = uvicorn.Config(
        app,
        host=host,
        port=port,
        access_log=False,  # the access log would show paths and clients; our own line is enough
        log_level="warning",
        ssl_certfile=str(tls[0]) if tls else None,
        ssl_keyfile=str(tls[1]) if tls else None,
        timeout_graceful_shutdown=5,
    )
    uvicorn.Server(config).run()
