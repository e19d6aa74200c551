"""Rows of figures the reliability suite measured, for the closing notes (BOOMI_REPORT_DIR)."""

import json
import os
from pathlib import Path


def record(table, **row):
    """Append one row to <BOOMI_REPORT_DIR>/<table>.jsonl (nothing when the variable is unset)."""
    directory = os.environ.get("BOOMI_REPORT_DIR")
    if not directory:
        return
    path = Path(directory) / (table + ".jsonl")
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(json.dumps(row, sort_keys=True) + "\n")
