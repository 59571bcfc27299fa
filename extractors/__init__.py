"""Files to text to fields: readers, the catalogue, normalisation and validation (no Prefect, no torch)."""
