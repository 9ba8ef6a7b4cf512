"""The access matrix: every school model × every school role × read/write/create/delete.

``data/access_matrix.csv`` is the one table of who may do what on which model; the
README shows it. This test is generated from it: for each row, a user holding only that
role (plus the internal user group every school login has) gets exactly the rights the
table says, and every school model and role is in the table. To regenerate the table
after a deliberate change: ``python3 -m odoo shell -d DB < tools/access_matrix.py``.
"""

import csv

from odoo.tests import TransactionCase, new_test_user, tagged
from odoo.tools.misc import file_path

OPERATIONS = ("read", "write", "create", "unlink")


def school_roles(env):
    """The groups of the School Logistics category, by external id."""
    category = env.ref("school_base.module_category_school_logistics")
    groups = env["res.groups"].search([("category_id", "child_of", category.id)], order="id")
    xmlids = groups.get_external_id()
    return {xmlids[group.id]: group for group in groups if xmlids.get(group.id)}


def school_models(env):
    return sorted(name for name in env.registry if name.startswith("school.") and not env[name]._abstract)


def effective_matrix(env):
    """[(model, role, r, w, c, u)] for a user holding only the role (plus base.group_user)."""
    rows = []
    Access = env["ir.model.access"]
    for xmlid, group in school_roles(env).items():
        user = new_test_user(env, login=f"matrix_{group.id}", groups=f"base.group_user,{xmlid}")
        for model in school_models(env):
            rights = [Access.with_user(user).check(model, op, raise_exception=False) for op in OPERATIONS]
            rows.append((model, xmlid, *("1" if right else "0" for right in rights)))
    return rows


@tagged("post_install", "-at_install")
class TestAccessMatrix(TransactionCase):
    def test_rights_are_the_table(self):
        with open(file_path("school_base/tests/data/access_matrix.csv"), encoding="utf-8") as handle:
            table = {
                (row["model"], row["role"]): tuple(row[op] for op in OPERATIONS)
                for row in csv.DictReader(handle)
            }
        actual = {(model, role): tuple(rights) for model, role, *rights in effective_matrix(self.env)}
        missing = sorted(set(actual) - set(table))
        self.assertFalse(missing, f"models or roles missing from the access matrix: {missing[:10]}")
        different = sorted(
            f"{model} {role}: table {table[model, role]} actual {rights}"
            for (model, role), rights in actual.items()
            if table[model, role] != rights
        )
        self.assertFalse(different, "the access rights differ from the matrix:\n" + "\n".join(different[:30]))
