#!/usr/bin/env python3
"""Read an Odoo 18 server log and count test results and install problems.

    odoo_test_log.py tests LOG   a --test-enable run: tests and stray problems
    odoo_test_log.py clean LOG   a plain install: every ERROR/CRITICAL line and
                                 every "no access rules" warning is a problem

Details go to stderr; stdout gets one line "PASSED FAILED" for bin/test.

Counting rules (tests):
- the number of tests run and of failures/errors comes from the final
  "N failed, N error(s) of N tests when loading database" line
  (odoo/tests/result.py); a missing line or zero tests run is one failure;
- a test is passed unless it logged FAIL/ERROR (also for a subtest), was
  skipped ("skipped Class.method : reason", odoo/tests/result.py addSkip), or
  logged an ERROR/CRITICAL line of its own while it ran (unmuted error);
- a failure, error or skip that no started test owns (setUpClass,
  tearDownClass, module level) is one failure each;
- every other ERROR/CRITICAL line (install, data, demo) and every "no access
  rules" warning is one failure each.
"""

import re
import sys
from dataclasses import dataclass, field

LINE_RE = re.compile(
    r"^(?P<date>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}) (?P<pid>\d+) "
    r"(?P<level>[A-Z]+) (?P<db>\S+) (?P<logger>[^\s:]+): (?P<msg>.*)$"
)
ANSI_RE = re.compile(r"\x1b\[[0-9;]*m")
SUMMARY_RE = re.compile(
    r"^(?P<failed>\d+) failed, (?P<errors>\d+) error\(s\) of (?P<run>\d+) tests"
    r"(?: when loading database .*)?$"
)
STARTING_RE = re.compile(r"^Starting (?P<test>.+) \.\.\.$")
RESULT_RE = re.compile(r"^(?P<kind>FAIL|ERROR): (?P<test>.+)$")
SKIP_RE = re.compile(r"^skipped (?P<test>.+?) : (?P<reason>.*)$")
SUBTEST_RE = re.compile(r"^Subtest (?P<test>\S+)")
ACCESS_RE = re.compile(r"ha(?:s|ve) no access rules", re.IGNORECASE)
# ERROR lines that only summarise test results already counted
TEST_SUMMARY_ERRORS = (
    re.compile(r"^At least one test failed when loading the modules\.$"),
    re.compile(r"^Module \S+: \d+ failures, \d+ errors of \d+ tests$"),
)
# loggers whose lines mean that no test is running any more
OUTSIDE_TEST_LOGGERS = (
    "odoo.modules.loading",
    "odoo.modules.registry",
    "odoo.service.server",
    "odoo.tests.stats",
    "odoo.tests.result",
)


@dataclass
class Entry:
    level: str
    logger: str
    msg: str
    text: str  # first line as printed

    @property
    def is_error(self):
        return self.level in ("ERROR", "CRITICAL")


@dataclass
class Report:
    run: int = 0
    passed: int = 0
    failed: int = 0
    skipped: int = 0
    summary_found: bool = False
    problems: list = field(default_factory=list)  # (kind, text)

    def add(self, kind, text):
        self.problems.append((kind, text))


def read_entries(lines):
    """Yield Entry objects; continuation lines (tracebacks) are dropped."""
    for raw in lines:
        line = ANSI_RE.sub("", raw.rstrip("\n"))
        match = LINE_RE.match(line)
        if match:
            # Odoo ends every record with a space
            yield Entry(
                match["level"], match["logger"], match["msg"].rstrip(), line.rstrip()
            )


def _test_key(logger, description):
    sub = SUBTEST_RE.match(description)
    if sub:
        description = sub["test"]
    return (logger, description.strip())


class _TestLog:
    """State while reading a --test-enable log, one entry at a time."""

    def __init__(self):
        self.report = Report()
        self.started = set()
        self.bad = {}  # test key -> reason
        self.orphan = []  # (kind, text) that no started test owns
        self.current = None  # the test running now, if any
        self.summary_failed = 0

    def _blame(self, key, kind, text):
        if key in self.started:
            self.bad.setdefault(key, text)
        else:
            self.orphan.append((f"{kind}-outside-test", text))

    def _read_info(self, entry):
        """Handle summary, start and skip lines; True when handled."""
        summary = SUMMARY_RE.match(entry.msg)
        if entry.logger == "odoo.tests.result" and summary:
            self.report.summary_found = True
            self.report.run = int(summary["run"])
            self.summary_failed = int(summary["failed"]) + int(summary["errors"])
            return True
        if entry.level != "INFO":
            return False
        start = STARTING_RE.match(entry.msg)
        if start:
            self.current = (entry.logger, start["test"].strip())
            self.started.add(self.current)
            return True
        skip = SKIP_RE.match(entry.msg)
        if skip:
            self.report.skipped += 1
            text = f"skipped {skip['test']}: {skip['reason']}"
            self._blame(_test_key(entry.logger, skip["test"]), "skipped", text)
            return True
        return False

    def _read_error(self, entry):
        result = RESULT_RE.match(entry.msg)
        if result:
            text = f"{result['kind']}: {result['test']}"
            key = _test_key(entry.logger, result["test"])
            self._blame(key, result["kind"].lower(), text)
        elif any(pattern.match(entry.msg) for pattern in TEST_SUMMARY_ERRORS):
            pass
        elif self.current is not None:
            # an unmuted error logged while a test ran fails that test
            self.bad.setdefault(self.current, f"logged an error: {entry.text}")
            self.report.add("test-log", entry.text)
        else:
            self.report.add("error", entry.text)

    def read(self, entry):
        if entry.logger in OUTSIDE_TEST_LOGGERS:
            self.current = None
        if self._read_info(entry):
            return
        if entry.is_error:
            self._read_error(entry)
        elif entry.level == "WARNING" and ACCESS_RE.search(entry.msg):
            self.report.add("access", entry.text)

    def finish(self):
        report = self.report
        for key, reason in self.bad.items():
            report.add("test", f"{key[0]}: {reason}")
        for kind, text in self.orphan:
            report.add(kind, text)
        bad_count = len(self.bad) + len(self.orphan)
        if report.summary_found:
            if bad_count == 0 and self.summary_failed:
                # should not happen; never report fewer failures than Odoo did
                bad_count = self.summary_failed
                report.add(
                    "summary", f"Odoo reports {bad_count} failed/errored test(s)"
                )
            report.passed = max(0, report.run - len(self.bad))
            if report.run == 0:
                report.add("no-tests", "Odoo ran no test")
                bad_count += 1
        else:
            report.add(
                "no-summary", "no test summary in the log (the server did not finish)"
            )
            report.passed = max(0, len(self.started) - len(self.bad))
            bad_count += 1
        stray = sum(1 for kind, _ in report.problems if kind in ("error", "access"))
        report.failed = bad_count + stray
        return report


def analyse_tests(lines):
    state = _TestLog()
    for entry in read_entries(lines):
        state.read(entry)
    return state.finish()


def analyse_clean(lines):
    report = Report()
    for entry in read_entries(lines):
        if entry.is_error:
            report.add("error", entry.text)
        elif entry.level == "WARNING" and ACCESS_RE.search(entry.msg):
            report.add("access", entry.text)
    report.failed = len(report.problems)
    return report


def main(argv):
    if len(argv) != 2 or argv[0] not in ("tests", "clean"):
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    mode, path = argv
    with open(path, encoding="utf-8", errors="replace") as handle:
        report = (analyse_tests if mode == "tests" else analyse_clean)(handle)
    for kind, text in report.problems:
        print(f"  [{kind}] {text}", file=sys.stderr)
    if mode == "tests":
        print(
            f"Odoo tests: {report.run} run, {report.passed} passed, "
            f"{report.failed} failed (skipped {report.skipped}, counted as failed)",
            file=sys.stderr,
        )
    print(f"{report.passed} {report.failed}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
