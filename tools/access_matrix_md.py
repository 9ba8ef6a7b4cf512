"""Renders the access matrix (addons/school_base/tests/data/access_matrix.csv) as docs/ACCESS_MATRIX.md.

Pure Python, no Odoo: ``python3 tools/access_matrix_md.py``. tests/test_access_matrix_doc.py
checks that the page is up to date with the table.
"""

import csv
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TABLE = REPO / "addons" / "school_base" / "tests" / "data" / "access_matrix.csv"
PAGE = REPO / "docs" / "ACCESS_MATRIX.md"
LETTERS = (("read", "r"), ("write", "w"), ("create", "c"), ("unlink", "d"))


def render(table_path=TABLE):
    with open(table_path, encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    roles = sorted({row["role"] for row in rows})
    rights = defaultdict(dict)
    for row in rows:
        rights[row["model"]][row["role"]] = "".join(
            letter for op, letter in LETTERS if row[op] == "1"
        ) or "-"
    short = [role.split(".", 1)[1].removeprefix("group_") for role in roles]
    lines = [
        "# Access matrix",
        "",
        "Generated from `addons/school_base/tests/data/access_matrix.csv` by `tools/access_matrix_md.py`;",
        "do not edit by hand. Each cell is what a user holding only that role (and the internal user",
        "group every school login has) may do on the model: r read, w write, c create, d delete, - nothing.",
        "Record rules narrow these rights further (own school, own class, own records);",
        "`school_base/tests/test_access_matrix.py` checks the table against a live database.",
        "",
        "Roles: " + ", ".join(f"`{name}` = {role}" for name, role in zip(short, roles, strict=True)),
        "",
        "| model | " + " | ".join(short) + " |",
        "| --- | " + " | ".join("---" for _role in roles) + " |",
    ]
    for model in sorted(rights):
        lines.append(f"| {model} | " + " | ".join(rights[model].get(role, "?") for role in roles) + " |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    PAGE.parent.mkdir(exist_ok=True)
    PAGE.write_text(render(), encoding="utf-8")
    sys.stdout.write(f"written {PAGE}\n")
