"""Each addon has the files OCA-style addons have; the README gives the commands."""

import re
import struct
import zlib

from conftest import ADDONS_DIR, REPO

try:
    import tomllib
except ImportError:  # Python 3.10
    tomllib = None


def _png_chunks(data):
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG signature"
    offset = 8
    while offset < len(data):
        (length,) = struct.unpack(">I", data[offset : offset + 4])
        kind = data[offset + 4 : offset + 8]
        body = data[offset + 8 : offset + 8 + length]
        (crc,) = struct.unpack(">I", data[offset + 8 + length : offset + 12 + length])
        assert zlib.crc32(kind + body) & 0xFFFFFFFF == crc, f"bad CRC in {kind!r}"
        yield kind, body
        offset += 12 + length


def test_icon_is_png(addon):
    path = ADDONS_DIR / addon / "static" / "description" / "icon.png"
    assert path.is_file(), f"{addon}: static/description/icon.png missing"
    chunks = list(_png_chunks(path.read_bytes()))
    assert chunks[0][0] == b"IHDR" and chunks[-1][0] == b"IEND"
    width, height = struct.unpack(">II", chunks[0][1][:8])
    assert width == height and width >= 64, (width, height)


def test_pyproject_whool(addon):
    path = ADDONS_DIR / addon / "pyproject.toml"
    assert path.is_file(), f"{addon}: pyproject.toml missing"
    text = path.read_text(encoding="utf-8")
    if tomllib:
        build = tomllib.loads(text)["build-system"]
        assert build["requires"] == ["whool"]
        assert build["build-backend"] == "whool.buildapi"
    else:
        assert re.search(r'requires\s*=\s*\["whool"\]', text)
        assert re.search(r'build-backend\s*=\s*"whool\.buildapi"', text)


def test_readme_fragment(addon):
    path = ADDONS_DIR / addon / "readme" / "DESCRIPTION.md"
    assert path.is_file() and path.read_text(encoding="utf-8").strip()


def test_tests_imported(addon):
    """tests/__init__.py imports every test module, or Odoo never runs it."""
    tests = ADDONS_DIR / addon / "tests"
    assert tests.is_dir(), f"{addon}: no tests/"
    init = (tests / "__init__.py").read_text(encoding="utf-8")
    imported = set(re.findall(r"^from \. import (\w+)", init, re.MULTILINE))
    modules = {path.stem for path in tests.glob("test_*.py")}
    assert modules, f"{addon}: no tests/test_*.py"
    assert modules <= imported, f"{addon}: not imported: {sorted(modules - imported)}"


def test_no_generated_readme_edits(addon):
    """README.rst is generated from readme/ by oca-gen-addon-readme, if at all."""
    assert not (ADDONS_DIR / addon / "README.md").exists()


def test_readme_first_screen():
    lines = (REPO / "README.md").read_text(encoding="utf-8").splitlines()[:25]
    first_screen = "\n".join(lines)
    assert "bin/run" in first_screen and "bin/test" in first_screen
    assert "http://localhost:8069" in first_screen
    assert "passed" in first_screen and "failed" in first_screen
