"""The deployments `docflow serve` offers in the UI, served by this process (`python -m flows.runner`)."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, cast

from flows.settings import configure_prefect

if TYPE_CHECKING:
    from prefect.deployments.runner import RunnerDeployment


def main(limit: int) -> None:
    configure_prefect()
    from prefect import serve

    from flows.batch import process_inbox_batch
    from flows.bench import run_benchmark
    from flows.evaluate import evaluate_models
    from flows.process import process_documents
    from flows.review import review_document
    from flows.train import train_models

    deployments = [
        process_documents.to_deployment("process", tags=["docflow"]),
        process_inbox_batch.to_deployment("inbox-batch", tags=["docflow"]),
        train_models.to_deployment("train", tags=["docflow"]),
        evaluate_models.to_deployment("evaluate", tags=["docflow"]),
        run_benchmark.to_deployment("bench", tags=["docflow"]),
        review_document.to_deployment("review", tags=["docflow", "review"]),
    ]
    serve(
        *cast("list[RunnerDeployment]", deployments),  # synchronous here: no event loop runs
        limit=limit,
        print_starting_message=False,
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 4)
