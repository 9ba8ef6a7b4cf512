"""docker/docker-compose.yml runs the same addons as bin/run and bin/test, on an image built
FROM odoo:18.0 by docker/Dockerfile with requirements.txt installed at build time."""

import re
import shlex

import pytest
import yaml
from conftest import REPO, addon_names, read_manifest, school_addons_setting

COMPOSE = REPO / "docker" / "docker-compose.yml"
DOCKERFILE = REPO / "docker" / "Dockerfile"
CHECK_SCRIPT = REPO / "docker" / "school-check.sh"


@pytest.fixture(scope="module")
def compose():
    with COMPOSE.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@pytest.fixture(scope="module")
def dockerfile():
    """The Dockerfile's instructions, continuation lines joined, comments left out."""
    text = DOCKERFILE.read_text(encoding="utf-8")
    text = re.sub(r"\\\n", " ", text)
    return [line.strip() for line in text.splitlines() if line.strip() and not line.strip().startswith("#")]


def _instructions(dockerfile, name):
    return [line.split(None, 1)[1] for line in dockerfile if line.split(None, 1)[0].upper() == name]


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


def test_odoo_image_matches_addon_versions(dockerfile):
    [base] = _instructions(dockerfile, "FROM")
    name, _, tag = base.split()[0].partition(":")
    assert name in ("odoo", "library/odoo", "docker.io/library/odoo")
    assert tag == "18.0"
    for addon in addon_names():
        assert read_manifest(addon)["version"].startswith(tag + ".")


def test_compose_builds_the_image(compose):
    odoo = compose["services"]["odoo"]
    build = odoo["build"]
    assert (COMPOSE.parent / build["context"]).resolve() == REPO.resolve()
    assert (REPO / build["dockerfile"]).resolve() == DOCKERFILE.resolve()
    # a name of its own: never mistaken for (or pulled as) the official image
    assert not odoo.get("image", "").startswith("odoo:")


def test_mounts(compose):
    volumes = [str(volume) for volume in compose["services"]["odoo"]["volumes"]]
    assert any(re.fullmatch(r"\.\./addons:/mnt/extra-addons(:ro)?", v) for v in volumes)
    assert not any("requirements.txt" in v for v in volumes)
    assert not any("custom_addons" in v for v in volumes)


def test_installs_requirements_at_build(dockerfile, compose):
    copies = [line.split() for line in _instructions(dockerfile, "COPY")]
    [target] = [words[-1] for words in copies if words[0] == "requirements.txt"]
    runs = " ".join(_instructions(dockerfile, "RUN"))
    assert re.search(r"pip3? install [^&;]*-r " + re.escape(target), runs)
    assert "--no-deps" in runs and "--break-system-packages" in runs
    # as root, the packages copied before they are installed; Odoo then runs as odoo
    kinds = [line.split(None, 1)[0].upper() for line in dockerfile]
    copy_at = next(i for i, line in enumerate(dockerfile) if kinds[i] == "COPY" and "requirements.txt" in line)
    pip_at = next(i for i, line in enumerate(dockerfile) if kinds[i] == "RUN" and "pip" in line)
    assert copy_at < pip_at
    assert _instructions(dockerfile, "USER")[0] == "root"
    assert _instructions(dockerfile, "USER")[-1] == "odoo"
    # nothing installs at start any more
    assert "pip" not in _command_text(compose["services"]["odoo"])


def test_checks_wkhtmltopdf(dockerfile):
    [entrypoint] = _instructions(dockerfile, "ENTRYPOINT")
    assert "school-check.sh" in entrypoint and "/entrypoint.sh" in entrypoint
    assert any("docker/school-check.sh" in line for line in _instructions(dockerfile, "COPY"))
    script = CHECK_SCRIPT.read_text(encoding="utf-8")
    assert script.startswith("#!/bin/bash")
    assert "wkhtmltopdf --version" in script and "patched qt" in script
    assert re.search(r'^exec "\$@"$', script, re.MULTILINE)
    [healthcheck] = _instructions(dockerfile, "HEALTHCHECK")
    assert "wkhtmltopdf" in healthcheck and "/web/health" in healthcheck


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
    # the administrator speaks Chinese too
    assert re.search(r"base\.user_admin.*'lang': 'zh_CN'", text)


def test_setting_lists_every_addon():
    assert sorted(school_addons_setting()) == addon_names()
    assert school_addons_setting()[0] == "school_base"


@pytest.mark.parametrize("script", ["run", "test"])
def test_scripts_use_the_setting(script):
    text = (REPO / "bin" / script).read_text(encoding="utf-8")
    assert re.search(r"^source .*_common\.sh", text, re.MULTILINE)
    assert "$SCHOOL_ADDONS" in text or "${SCHOOL_TEST_ADDONS:-$SCHOOL_ADDONS}" in text
    assert "school_safety" not in text, "the addon list belongs in bin/_common.sh"


DISTRICT = REPO / "docker" / "district"


@pytest.fixture(scope="module")
def district():
    with (DISTRICT / "docker-compose.yml").open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def _odoo_conf():
    import configparser

    parser = configparser.ConfigParser()
    parser.read(DISTRICT / "odoo.conf", encoding="utf-8")
    return parser["options"]


def test_district_scale_out(district):
    """Several HTTP containers with workers, one cron container, all on one filestore."""
    services = district["services"]
    odoo_services = {name: s for name, s in services.items()
                     if "./odoo.conf:/etc/odoo/odoo.conf:ro" in [str(v) for v in s.get("volumes", ())]}
    assert set(odoo_services) == {"odoo", "odoo-cron"}
    for service in odoo_services.values():
        assert service["image"] == "school-logistics-odoo:18.0"
        assert "odoo-data:/var/lib/odoo" in service["volumes"], "one shared filestore and session store"
        assert "../../addons:/mnt/extra-addons:ro" in service["volumes"]
    http = " ".join(odoo_services["odoo"]["command"])
    cron = " ".join(odoo_services["odoo-cron"]["command"])
    assert re.search(r"--workers=[1-9]", http) and "--max-cron-threads=0" in http
    assert "--workers=0" in cron and re.search(r"--max-cron-threads=[1-9]", cron)
    assert "ports" not in odoo_services["odoo"], "only the proxy is published: the HTTP service scales"


def test_district_proxy_and_replica(district):
    services = district["services"]
    nginx = (DISTRICT / "nginx.conf").read_text(encoding="utf-8")
    assert "server odoo:8069" in nginx and "server odoo:8072" in nginx
    assert re.search(r"location /websocket \{[^}]*proxy_pass http://odoo_websocket", nginx)
    conf = _odoo_conf()
    assert conf["proxy_mode"] == "True"
    assert conf["data_dir"] == "/var/lib/odoo"
    assert conf["db_host"] == "db" and conf["db_replica_host"] == "db-replica"
    assert conf["gevent_port"] == "8072"
    assert int(conf["limit_time_real"]) >= int(conf["limit_time_cpu"])
    assert "pg_basebackup" in " ".join(services["db-replica"]["entrypoint"])
    assert "wal_level=replica" in services["db"]["command"]
    assert (DISTRICT / "primary-init.sh").read_text(encoding="utf-8").count("REPLICATION") == 1


def test_readme_upgrades_every_addon():
    """The README's upgrade command names the same addons as the scripts (school_fee was once left out)."""
    text = (CHECK_SCRIPT.parent / "README.md").read_text(encoding="utf-8")
    lists = re.findall(r"(?:^|\s)-u\s+([\w,]+)", text)
    assert lists, "docker/README.md tells no upgrade command (-u)"
    for found in lists:
        assert found.split(",") == school_addons_setting()
