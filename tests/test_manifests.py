"""Every addon has a proper Odoo 18 manifest and files that load."""

import csv
import re
import xml.etree.ElementTree as ET

from conftest import ADDONS_DIR, BASE_ADDON, addon_names, read_manifest

REQUIRED_KEYS = {
    "name",
    "summary",
    "version",
    "category",
    "author",
    "website",
    "license",
    "depends",
    "data",
    "demo",
    "installable",
}
LICENSES = {"LGPL-3", "AGPL-3", "GPL-3", "OPL-1", "OEEL-1", "Other proprietary"}
VERSION_RE = re.compile(r"^18\.0\.\d+\.\d+\.\d+$")
# the core apps each domain addon extends (DESIGN.md, "Addons")
CORE_DEPENDS = {
    "school_safety": {"maintenance", "hr"},
    "school_assets": {"maintenance", "stock", "purchase", "hr"},
    "school_canteen": {"stock", "purchase", "hr"},
    "school_union": {"hr"},
    "school_maintenance": {"maintenance"},
    "school_chemical": {"stock"},
}
# bridges hold what two domain addons share; they depend on school_base and core apps only
BRIDGE_ADDONS = {"school_maintenance"}
ACCESS_HEADER = [
    "id",
    "name",
    "model_id:id",
    "group_id:id",
    "perm_read",
    "perm_write",
    "perm_create",
    "perm_unlink",
]


def test_all_expected_addons_present():
    assert set(CORE_DEPENDS) | {BASE_ADDON} <= set(addon_names())


def test_manifest_keys(addon):
    manifest = read_manifest(addon)
    assert isinstance(manifest, dict)
    missing = REQUIRED_KEYS - set(manifest)
    assert not missing, f"{addon}: manifest lacks {sorted(missing)}"
    assert "description" not in manifest, "use readme/DESCRIPTION.md, not description"
    assert VERSION_RE.match(manifest["version"]), manifest["version"]
    assert manifest["license"] in LICENSES
    assert manifest["author"].strip()
    assert manifest["name"].strip() and manifest["summary"].strip()
    assert manifest["installable"] is True


def test_depends(addon):
    depends = set(read_manifest(addon)["depends"])
    domain_addons = set(addon_names()) - {BASE_ADDON, addon} - BRIDGE_ADDONS
    assert not depends & domain_addons, (
        f"{addon} depends on another domain addon: {sorted(depends & domain_addons)}"
    )
    if addon == BASE_ADDON:
        return
    assert BASE_ADDON in depends
    expected = CORE_DEPENDS.get(addon, set())
    assert expected <= depends, f"{addon} lacks core apps {sorted(expected - depends)}"


def test_listed_files_exist(addon):
    manifest = read_manifest(addon)
    for key in ("data", "demo"):
        for name in manifest.get(key, []):
            assert (ADDONS_DIR / addon / name).is_file(), (
                f"{addon}: {key} file {name} missing"
            )
    demo_files = set(manifest.get("demo", []))
    for name in manifest.get("data", []):
        assert not name.startswith("demo/") and name not in demo_files, (
            f"{addon}: demo file {name} listed under data"
        )


def test_security_first_in_data(addon):
    """Groups, then access rights, before anything else in data."""
    data = read_manifest(addon)["data"]
    if "security/ir.model.access.csv" not in data:
        return
    position = data.index("security/ir.model.access.csv")
    groups = f"security/{addon}_groups.xml"
    if groups in data:
        assert data.index(groups) < position


def test_xml_files_parse(addon):
    for path in sorted((ADDONS_DIR / addon).rglob("*.xml")):
        ET.parse(path)  # raises on malformed XML


def test_access_csv(addon):
    path = ADDONS_DIR / addon / "security" / "ir.model.access.csv"
    assert path.is_file(), f"{addon}: security/ir.model.access.csv missing"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows and rows[0] == ACCESS_HEADER
    ids = [row[0] for row in rows[1:] if row]
    assert len(ids) == len(set(ids)), f"{addon}: duplicate ACL ids"
    for row in rows[1:]:
        if not row:
            continue
        assert len(row) == len(ACCESS_HEADER), row
        assert all(flag in ("0", "1") for flag in row[4:]), row
