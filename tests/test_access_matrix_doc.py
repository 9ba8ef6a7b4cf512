"""The access matrix page shown to readers is the table the Odoo tests check."""

import importlib.util

from conftest import REPO


def test_access_matrix_page_up_to_date():
    spec = importlib.util.spec_from_file_location("access_matrix_md", REPO / "tools" / "access_matrix_md.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    page = REPO / "docs" / "ACCESS_MATRIX.md"
    assert page.is_file(), "docs/ACCESS_MATRIX.md missing: run python3 tools/access_matrix_md.py"
    assert page.read_text(encoding="utf-8") == module.render(), (
        "docs/ACCESS_MATRIX.md is out of date: run python3 tools/access_matrix_md.py"
    )
