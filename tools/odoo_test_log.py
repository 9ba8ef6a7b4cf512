#!/usr/bin/env python3
"""Count the test results of an Odoo 18 --test-enable log.

    odoo_test_log.py LOG

stdout gets one line "PASSED FAILED" for bin/test, the failed tests go to
stderr. Only the tests are counted here: checklog-odoo (checklog-odoo.cfg)
judges the rest of the log (errors, "no access rules" warnings).

- tests run: Odoo's final "N failed, N error(s) of N tests" line
  (odoo/tests/result.py); no such line, or zero tests run, is one failure;
- a test fails if it logged FAIL/ERROR (also for a subtest) or was skipped
  ("skipped Class.method : reason", odoo/tests/result.py addSkip);
- a failure, error or skip that no started test owns (setUpClass,
  tearDownClass, module level) is one failure each.
"""

import re
import sys

LINE_RE = re.compile(
    r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} \d+ (?P<level>[A-Z]+) \S+ "
    r"(?P<logger>[^\s:]+): (?P<msg>.*?)\s*$"
)
ANSI_RE = re.compile(r"\x1b\[[0-9;]*m")
SUMMARY_RE = re.compile(r"^\d+ failed, \d+ error\(s\) of (?P<run>\d+) tests")
STARTING_RE = re.compile(r"^Starting (?P<test>.+) \.\.\.$")
RESULT_RE = re.compile(r"^(?P<kind>FAIL|ERROR): (?:Subtest )?(?P<test>\S+)")
SKIP_RE = re.compile(r"^skipped (?P<test>\S+).*? : (?P<reason>.*)$")


def count_tests(lines):
    """(run, passed, problems): problems lists one text per failure."""
    run = None
    started = set()
    bad = {}  # (logger, test) -> why
    problems = []
    for raw in lines:
        match = LINE_RE.match(ANSI_RE.sub("", raw))
        if not match:
            continue  # tracebacks and other continuation lines
        logger, msg = match["logger"], match["msg"]
        summary = SUMMARY_RE.match(msg)
        start = STARTING_RE.match(msg)
        result = RESULT_RE.match(msg) if match["level"] == "ERROR" else None
        skip = SKIP_RE.match(msg) if match["level"] == "INFO" else None
        if logger == "odoo.tests.result" and summary:
            run = int(summary["run"])
        elif start and match["level"] == "INFO":
            started.add((logger, start["test"].strip()))
        elif result or skip:
            key = (logger, (result or skip)["test"])
            why = msg if result else f"skipped {skip['test']}: {skip['reason']}"
            if key in started:
                bad.setdefault(key, f"{logger}: {why}")
            else:
                problems.append(f"{logger}: {why} (outside a test)")
    problems[:0] = bad.values()
    if run is None:
        problems.append("no test summary in the log (the server did not finish)")
        passed = len(started) - len(bad)
    else:
        passed = max(0, run - len(bad))
        if run == 0:
            problems.append("Odoo ran no test")
    return run or 0, passed, problems


def main(argv):
    if len(argv) != 1:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    with open(argv[0], encoding="utf-8", errors="replace") as handle:
        run, passed, problems = count_tests(handle)
    for text in problems:
        print(f"  [test] {text}", file=sys.stderr)
    skipped = sum("skipped " in text for text in problems)
    print(
        f"Odoo tests: {run} run, {passed} passed, {len(problems)} failed "
        f"(skipped {skipped}, counted as failed)",
        file=sys.stderr,
    )
    print(f"{passed} {len(problems)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
