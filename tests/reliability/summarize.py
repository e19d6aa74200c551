"""Print the reliability suite's figures (the rows tests wrote to BOOMI_REPORT_DIR) as tables."""

import json
import sys
from pathlib import Path

COLUMNS = {
    "fault_profiles": ["profile", "runs", "faults", "retries", "recovered", "duplicates", "first_run_writes",
                       "rerun_writes"],
    "interruption": ["stage", "writes_before_kill", "rerun_writes", "duplicates", "second_rerun_writes"],
    "bad_input": ["cases", "clear_errors", "writes", "requests_for_refused_connections"],
    "secrets": ["option", "texts_searched", "characters", "hits"],
    "pacing_file": ["case", "tasks", "seconds"],
}


def main(directory):
    for table, columns in COLUMNS.items():
        path = Path(directory) / (table + ".jsonl")
        if not path.exists():
            continue
        rows = sorted((json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()),
                      key=lambda row: str(row.get(columns[0])))
        print("\n%s\n| %s |\n|%s" % (table, " | ".join(columns), "---|" * len(columns)))
        for row in rows:
            print("| %s |" % " | ".join(str(row.get(column, "")) for column in columns))


if __name__ == "__main__":
    main(sys.argv[1])
