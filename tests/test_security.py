"""Every model an addon declares has access rights in that addon."""

import ast
import csv

from conftest import ADDONS_DIR

MODEL_DIRS = ("models", "wizard", "wizards", "report")
CONCRETE_BASES = {"Model", "TransientModel"}


def _base_names(node):
    for base in node.bases:
        if isinstance(base, ast.Attribute):
            yield base.attr
        elif isinstance(base, ast.Name):
            yield base.id


def _literal(value):
    try:
        return ast.literal_eval(value)
    except ValueError:
        return None


def declared_models(addon):
    """(model, file) for every new concrete model (not an extension)."""
    found = []
    for folder in MODEL_DIRS:
        for path in sorted((ADDONS_DIR / addon / folder).glob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
            for node in ast.walk(tree):
                if not isinstance(node, ast.ClassDef):
                    continue
                if not CONCRETE_BASES & set(_base_names(node)):
                    continue
                attrs = {}
                for statement in node.body:
                    if isinstance(statement, ast.Assign):
                        for target in statement.targets:
                            if isinstance(target, ast.Name):
                                attrs[target.id] = _literal(statement.value)
                name = attrs.get("_name")
                if not isinstance(name, str) or attrs.get("_auto") is False:
                    continue
                inherit = attrs.get("_inherit") or []
                inherit = [inherit] if isinstance(inherit, str) else inherit
                if name in inherit:
                    continue  # extension of an existing model
                found.append((name, path.relative_to(ADDONS_DIR)))
    return found


def access_models(addon):
    path = ADDONS_DIR / addon / "security" / "ir.model.access.csv"
    if not path.is_file():
        return set()
    with path.open(encoding="utf-8", newline="") as handle:
        refs = {row["model_id:id"] for row in csv.DictReader(handle)}
    return {ref.split(".")[-1] for ref in refs if ref}


def test_models_have_access_rows(addon):
    rows = access_models(addon)
    missing = [
        f"{name} ({path})"
        for name, path in declared_models(addon)
        if "model_" + name.replace(".", "_") not in rows
    ]
    assert not missing, f"{addon}: no row in security/ir.model.access.csv for {missing}"


def test_declared_models_found_by_scanner():
    """The scanner itself sees class-level _name assignments."""
    source = (
        "from odoo import models\n"
        "class A(models.Model):\n    _name = 'school.a'\n"
        "class B(models.TransientModel):\n    _name = 'school.b.wizard'\n"
        "class C(models.AbstractModel):\n    _name = 'school.c.mixin'\n"
        "class D(models.Model):\n"
        "    _name = 'res.partner'\n    _inherit = 'res.partner'\n"
    )
    names = []
    for node in ast.parse(source).body:
        if isinstance(node, ast.ClassDef) and CONCRETE_BASES & set(_base_names(node)):
            names.append(node.name)
    assert names == ["A", "B", "D"]
