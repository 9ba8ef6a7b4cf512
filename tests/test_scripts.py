"""bin/run, bin/test, bin/lint and .ci/run: shape, and the one-line failure without Odoo."""

import os
import re
import stat
import subprocess
import sys

import pytest
from conftest import REPO

SCRIPTS = ["bin/run", "bin/test", "bin/lint", ".ci/run"]
#: the benchmarks' shell scripts, outside bin/test but held to the same shape
BENCH_SCRIPTS = ["tests/benchmarks/load_test.sh", "tests/benchmarks/replica_check.sh"]


@pytest.mark.parametrize("script", SCRIPTS + BENCH_SCRIPTS + ["bin/_common.sh"])
def test_bash_syntax(script):
    subprocess.run(["bash", "-n", str(REPO / script)], check=True)


@pytest.mark.parametrize("script", SCRIPTS + BENCH_SCRIPTS)
def test_executable_and_strict(script):
    path = REPO / script
    assert path.stat().st_mode & stat.S_IXUSR, f"{script} is not executable"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("#!/usr/bin/env bash\n")
    assert "set -euo pipefail" in text


def test_ci_runs_the_full_test():
    lines = [
        line.strip()
        for line in (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert lines[-1] == "exec bin/test"


def test_test_runs_the_lint_gate():
    text = (REPO / "bin" / "test").read_text(encoding="utf-8")
    assert '"$SCHOOL_REPO/bin/lint"' in text
    lint = (REPO / "bin" / "lint").read_text(encoding="utf-8")
    assert "--rcfile=.pylintrc-mandatory" in lint and "ruff check" in lint


def test_pre_commit_runs_offline():
    """Every hook is local: pre-commit must not fetch repositories (no network)."""
    text = (REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    repos = re.findall(r"^\s*- repo: (\S+)", text, re.MULTILINE)
    assert repos and set(repos) == {"local"}, repos
    languages = set(re.findall(r"^\s*language: (\S+)", text, re.MULTILINE))
    assert languages <= {"system", "fail"}, languages
    assert "--rcfile=.pylintrc-mandatory" in text


def test_lint_tools_pinned():
    lines = [
        line.split("#")[0].strip()
        for line in (REPO / "requirements-lint.txt")
        .read_text(encoding="utf-8")
        .splitlines()
    ]
    pins = dict(line.split("==") for line in lines if line)
    assert {"ruff", "pylint-odoo", "pylint", "pre-commit"} <= set(pins)


def test_scripts_start_odoo_as_module():
    for script in ("bin/run", "bin/test", "bin/lint", "bin/_common.sh"):
        text = (REPO / script).read_text(encoding="utf-8")
        assert "odoo-bin" not in text and "/opt/" not in text
    assert '"$PYTHON" -m odoo' in (REPO / "bin" / "_common.sh").read_text(
        encoding="utf-8"
    )


def _ensure_odoo(tmp_path, python):
    env = dict(os.environ, PYTHON=str(python), SCHOOL_PROG="bin/run")
    return subprocess.run(
        [
            "bash",
            "-c",
            'set -euo pipefail; source bin/_common.sh; ensure_odoo; echo "reached"',
        ],
        check=False,
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_no_odoo_is_one_line(tmp_path):
    """A python without Odoo: exit 2 with exactly one line saying so."""
    fake = tmp_path / "python-without-odoo"
    # -S: no site-packages, hence no Odoo (nor anything pip installed)
    fake.write_text(f'#!/bin/sh\nexec "{sys.executable}" -S "$@"\n')
    fake.chmod(0o755)
    result = _ensure_odoo(tmp_path, fake)
    assert result.returncode == 2
    assert "reached" not in result.stdout
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Odoo 18" in lines[0] and lines[0].startswith("bin/run: ")


def test_missing_python_is_one_line(tmp_path):
    result = _ensure_odoo(tmp_path, tmp_path / "no-such-python")
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
