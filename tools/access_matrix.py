# Regenerates addons/school_base/tests/data/access_matrix.csv from a database with every
# school addon installed:  python3 -m odoo shell -d DB --addons-path=... < tools/access_matrix.py
import csv
import os
import sys

from odoo.tools.misc import file_path

from odoo.addons.school_base.tests.test_access_matrix import (
    OPERATIONS,
    effective_matrix,
)

rows = effective_matrix(env)  # noqa: F821 - env is given by odoo shell
env.cr.rollback()  # noqa: F821 - the test users were only needed to compute the rights
path = os.path.join(file_path("school_base/tests"), "data", "access_matrix.csv")
os.makedirs(os.path.dirname(path), exist_ok=True)
with open(path, "w", encoding="utf-8", newline="") as handle:
    writer = csv.writer(handle, lineterminator="\n")
    writer.writerow(["model", "role", *OPERATIONS])
    writer.writerows(rows)
sys.stdout.write(f"{len(rows)} rows written to {path}\n")
