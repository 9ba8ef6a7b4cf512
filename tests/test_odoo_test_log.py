"""bin/test reads the Odoo logs the way it promises: tools/odoo_test_log.py counts
the tests, checklog-odoo with checklog-odoo.cfg judges everything else."""

import subprocess
import sys

import pytest
from conftest import REPO

sys.path.insert(0, str(REPO / "tools"))
import odoo_test_log

PREFIX = "2025-01-01 10:00:00,000 4242 {level} school_test_1 {logger}: "
MOD = "odoo.addons.school_safety.tests.test_install"


def line(level, logger, msg):
    # like Odoo's formatter, end the record with a space
    return PREFIX.format(level=level, logger=logger) + msg + " \n"


def start(test, logger=MOD):
    return line("INFO", logger, f"Starting {test} ...")


def summary(failed, errors, run):
    return line(
        "INFO" if not failed + errors else "ERROR",
        "odoo.tests.result",
        f"{failed} failed, {errors} error(s) of {run} tests "
        "when loading database 'school_test_1'",
    )


def loading(msg="Modules loaded."):
    return line("INFO", "odoo.modules.loading", msg)


class Report:
    def __init__(self, lines):
        self.run, self.passed, self.problems = odoo_test_log.count_tests(lines)
        self.failed = len(self.problems)
        self.skipped = sum("skipped " in text for text in self.problems)


def analyse(lines):
    return Report(lines)


def checklog(tmp_path, lines):
    """checklog-odoo's verdict on LINES as bin/test asks for it: (status, output)."""
    log = tmp_path / "odoo.log"
    log.write_text("".join(lines), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "checklog_odoo", "--no-echo", "-c", "checklog-odoo.cfg", str(log)],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    return result.returncode, result.stdout + result.stderr


def test_all_pass():
    report = analyse(
        [loading(), start("T.test_a"), start("T.test_b"), summary(0, 0, 2)]
    )
    assert (report.passed, report.failed) == (2, 0)


def test_failure_and_traceback():
    report = analyse(
        [
            start("T.test_a"),
            line("INFO", MOD, "=" * 70),
            line("ERROR", MOD, "FAIL: T.test_a"),
            "Traceback (most recent call last):\n",
            "AssertionError: 1 != 2\n",
            start("T.test_b"),
            loading("Module school_safety: 1 failures, 0 errors of 2 tests"),
            line(
                "ERROR",
                "odoo.modules.loading",
                "At least one test failed when loading the modules.",
            ),
            summary(1, 0, 2),
        ]
    )
    assert (report.passed, report.failed) == (1, 1)


def test_skip_counts_as_failed():
    report = analyse(
        [
            start("T.test_tour"),
            line("INFO", MOD, "skipped T.test_tour : Chrome executable not found"),
            start("T.test_b"),
            summary(0, 0, 2),
        ]
    )
    assert (report.passed, report.failed) == (1, 1)
    assert report.skipped == 1


def test_class_level_skip_and_error():
    report = analyse(
        [
            line("INFO", "odoo.tests.suite", "skipped setUpClass (x.T) : no chrome"),
            line("ERROR", "odoo.tests.suite", "ERROR: setUpClass (x.U)"),
            start("V.test_a"),
            summary(0, 1, 1),
        ]
    )
    assert (report.passed, report.failed) == (1, 2)


def test_subtests_count_once():
    report = analyse(
        [
            start("T.test_a"),
            line("ERROR", MOD, "FAIL: Subtest T.test_a (i=1)"),
            line("ERROR", MOD, "FAIL: Subtest T.test_a (i=2)"),
            summary(2, 0, 1),
        ]
    )
    assert (report.passed, report.failed) == (0, 1)


@pytest.mark.parametrize("lines", [[], [loading()], [start("T.test_a")]])
def test_no_summary_fails(lines):
    assert analyse(lines).failed == 1


def test_zero_tests_fails():
    report = analyse([summary(0, 0, 0)])
    assert (report.passed, report.failed) == (0, 1)


def test_colours_are_ignored():
    coloured = start("T.test_a").replace("INFO", "\x1b[1;32m\x1b[1;49mINFO\x1b[0m")
    report = analyse([coloured, summary(0, 0, 1)])
    assert (report.passed, report.failed) == (1, 0)


ACCESS = line(
    "WARNING",
    "odoo.modules.loading",
    "The models ['school.x'] have no access rules in module school_safety, "
    "consider adding some, like:",
)


@pytest.mark.parametrize(
    "bad",
    [
        line("ERROR", "odoo.sql_db", "bad query: SELECT"),
        line("CRITICAL", "odoo.service.server", "Failed to initialize database `x`."),
        ACCESS,
        # an unmuted error logged while a test runs
        line("ERROR", "odoo.http", "Exception during request handling."),
    ],
)
def test_checklog_fails_on(tmp_path, bad):
    status, output = checklog(
        tmp_path, [loading(), start("T.test_a"), bad, summary(0, 0, 1)]
    )
    assert status != 0
    assert "errors that caused failure (1)" in output


def test_checklog_lets_pass(tmp_path):
    """Other warnings and the test results (counted per test above) pass."""
    status, output = checklog(
        tmp_path,
        [
            loading(),
            line("WARNING", "odoo.models", "some other warning"),
            start("T.test_a"),
            line("ERROR", MOD, "FAIL: T.test_a"),
            "Traceback (most recent call last):\n",
            "AssertionError: 1 != 2\n",
            line("ERROR", MOD, "ERROR: Subtest T.test_a (i=1)"),
            line(
                "ERROR",
                "odoo.modules.loading",
                "Module school_safety: 1 failures, 0 errors of 2 tests",
            ),
            line(
                "ERROR",
                "odoo.modules.loading",
                "At least one test failed when loading the modules.",
            ),
            summary(1, 0, 2),
            line("WARNING", "odoo.tests.result", "0 failed, 0 error(s) of 0 tests"),
        ],
    )
    assert status == 0, output
