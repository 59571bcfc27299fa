"""The rule-based baseline: keyword classifier and label/pattern extractor from the catalogue alone."""
