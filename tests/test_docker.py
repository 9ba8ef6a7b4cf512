"""docker/docker-compose.yml runs the same addons as bin/run and bin/test."""

import re
import shlex

import pytest
import yaml
from conftest import REPO, addon_names, read_manifest, school_addons_setting

COMPOSE = REPO / "docker" / "docker-compose.yml"


@pytest.fixture(scope="module")
def compose():
    with COMPOSE.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def _command_text(service):
    command = service.get("command", "")
    return command if isinstance(command, str) else " ".join(command)


def test_services(compose):
    assert set(compose["services"]) >= {"db", "odoo"}
    db, odoo = compose["services"]["db"], compose["services"]["odoo"]
    assert db["image"].split(":")[0] == "postgres"
    assert db["image"].split(":")[1].split(".")[0] == "16"
    env = db["environment"]
    assert env["POSTGRES_USER"] == "odoo" and env["POSTGRES_PASSWORD"] == "odoo"
    assert env["POSTGRES_DB"] == "postgres"
    assert any(
        str(volume).endswith(":/var/lib/postgresql/data") for volume in db["volumes"]
    )
    assert "db" in odoo["depends_on"]
    assert "8069:8069" in [str(port) for port in odoo["ports"]]


def test_odoo_image_matches_addon_versions(compose):
    image = compose["services"]["odoo"]["image"]
    name, _, tag = image.partition(":")
    assert name in ("odoo", "library/odoo", "docker.io/library/odoo")
    assert tag == "18.0"
    for addon in addon_names():
        assert read_manifest(addon)["version"].startswith(tag + ".")


def test_mounts(compose):
    volumes = [str(volume) for volume in compose["services"]["odoo"]["volumes"]]
    assert any(re.fullmatch(r"\.\./addons:/mnt/extra-addons(:ro)?", v) for v in volumes)
    assert any(
        v.startswith("../requirements.txt:/mnt/requirements.txt") for v in volumes
    )
    assert not any("custom_addons" in v for v in volumes)


def test_installs_requirements(compose):
    text = _command_text(compose["services"]["odoo"])
    assert re.search(r"pip install [^\n]*-r /mnt/requirements\.txt", text)
    assert "--no-deps" in text and "--break-system-packages" in text


def test_same_addons_as_scripts(compose):
    text = _command_text(compose["services"]["odoo"])
    lists = []
    for line in text.splitlines():
        words = shlex.split(line)
        for index, word in enumerate(words):
            if word in ("-i", "--init") and index + 1 < len(words):
                lists.append(words[index + 1].split(","))
            elif word.startswith("--init="):
                lists.append(word.split("=", 1)[1].split(","))
    assert lists, "the odoo service installs nothing (-i)"
    expected = school_addons_setting()
    for found in lists:
        assert found == expected
    assert "--load-language=zh_CN" in text


def test_setting_lists_every_addon():
    assert sorted(school_addons_setting()) == addon_names()
    assert school_addons_setting()[0] == "school_base"


@pytest.mark.parametrize("script", ["run", "test"])
def test_scripts_use_the_setting(script):
    text = (REPO / "bin" / script).read_text(encoding="utf-8")
    assert re.search(r"^source .*_common\.sh", text, re.MULTILINE)
    assert "$SCHOOL_ADDONS" in text or "${SCHOOL_TEST_ADDONS:-$SCHOOL_ADDONS}" in text
    assert "school_safety" not in text, "the addon list belongs in bin/_common.sh"
