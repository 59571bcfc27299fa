"""Transformer models: training, inference and serving, on a local or partner device."""
