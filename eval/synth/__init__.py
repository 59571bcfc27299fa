"""Synthetic Munich forms, invoices and letters with exact ground truth."""
