"""Every PDF report of the addons has a rendering test (issue 19).

A ``qweb-pdf`` report (an ``ir.actions.report`` record in an addon's XML) must be registered in
``school_base/tests/paper_cases.py``, where ``school_base/tests/test_paper.py`` renders it
through wkhtmltopdf and reads it back. This test reads the XML and the register; the Odoo test
checks the same against the reports of an installed database.
"""

import re

from conftest import ADDONS_DIR, BASE_ADDON, addon_names
from lxml import etree

REGISTER = ADDONS_DIR / BASE_ADDON / "tests" / "paper_cases.py"


def pdf_reports():
    """{xmlid: file} of every qweb-pdf report declared by the addons."""
    reports = {}
    for addon in addon_names():
        for path in sorted((ADDONS_DIR / addon).rglob("*.xml")):
            if "/static/" in str(path) or "/demo/" in str(path):
                continue
            try:
                tree = etree.parse(str(path))
            except etree.XMLSyntaxError:
                continue
            for record in tree.iter("record"):
                if record.get("model") != "ir.actions.report":
                    continue
                kind = record.find("field[@name='report_type']")
                if kind is not None and (kind.text or "").strip() == "qweb-pdf":
                    xmlid = record.get("id")
                    reports[xmlid if "." in xmlid else f"{addon}.{xmlid}"] = path.relative_to(ADDONS_DIR)
    return reports


def test_every_pdf_report_has_a_rendering_test():
    registered = set(re.findall(r"""@paper\(\s*["']([\w.]+)["']\s*\)""", REGISTER.read_text(encoding="utf-8")))
    reports = pdf_reports()
    assert reports, "no qweb-pdf report found"
    missing = {xmlid: str(path) for xmlid, path in reports.items() if xmlid not in registered}
    assert not missing, f"qweb-pdf reports without a rendering test in {REGISTER.name}: {missing}"
