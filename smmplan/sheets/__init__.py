"""Spreadsheets: readers, one exporter per target, and what every export shares (`safe`)."""
