"""Evaluation: synthetic corpora with ground truth, metrics, the manual-time model, reports."""
