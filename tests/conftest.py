"""Shared fixtures of the repository tests (pure Python: no Odoo import)."""

import ast
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
ADDONS_DIR = REPO / "addons"
BASE_ADDON = "school_base"


def addon_names():
    return sorted(
        path.name
        for path in ADDONS_DIR.iterdir()
        if path.is_dir() and (path / "__manifest__.py").is_file()
    )


def read_manifest(addon):
    source = (ADDONS_DIR / addon / "__manifest__.py").read_text(encoding="utf-8")
    return ast.literal_eval(source)


def school_addons_setting():
    """SCHOOL_ADDONS from bin/_common.sh, the one list the scripts use."""
    text = (REPO / "bin" / "_common.sh").read_text(encoding="utf-8")
    match = re.search(r'^SCHOOL_ADDONS="([^"]*)"', text, re.MULTILINE)
    assert match, "bin/_common.sh defines no SCHOOL_ADDONS"
    return match.group(1).split(",")


@pytest.fixture(scope="session")
def repo():
    return REPO


def pytest_generate_tests(metafunc):
    if "addon" in metafunc.fixturenames:
        metafunc.parametrize("addon", addon_names())
