"""Every PDF paper of the school addons, rendered for real and read back (issue 19).

Each ``qweb-pdf`` report of a ``school_*`` addon is rendered through wkhtmltopdf for the demo
record its entry in ``paper_cases`` names, one record per call, as the user who prints it, in
Chinese. The PDF is read back with ``pdftotext``/``pdfinfo``; the QR codes of labels are decoded
with ``zbarimg``. Debian's wkhtmltopdf draws the Latin text of Odoo's web font as outlines, so
the words are looked for in the PDF's text and in the HTML rendering of the same record, which
must also be free of mojibake and English sentences. ``bin/test`` installs wkhtmltopdf,
poppler-utils, zbar-tools and the Noto CJK fonts: without them this test fails, it does not skip.
"""

import math
import re
import shutil
import subprocess
import tempfile
import unicodedata
from pathlib import Path

from lxml import html as lxml_html

from odoo.tests import HttpCase, tagged

from .paper_cases import PAPERS

#: UTF-8 read as Latin-1: "本部校区" printed as "æœ¬éƒ¨æ ¡åŒº"
MOJIBAKE = re.compile("[æåçÃâ][\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u02c6\u02dc\u2013-\u203a\u20ac\u2122]")
#: four English words in a row: a sentence nobody translated
ENGLISH = re.compile(r"[A-Za-z]{2,}(?:[ ,;:'-]+[A-Za-z]{2,}){3,}")
TOOLS = ("pdftotext", "pdfinfo", "pdftoppm", "zbarimg")


def _flat(text):
    """Text as compared: compatibility forms folded (pdftotext reads some CJK glyphs as Kangxi
    radicals, ⼀ for 一), without spaces (letter-spaced titles)."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text or ""))


@tagged("post_install", "-at_install")
class TestPapers(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Report = cls.env["ir.actions.report"]
        cls.reports = cls.Report.search([("report_type", "=", "qweb-pdf")]).filtered(
            lambda report: report.get_external_id()[report.id].startswith("school_")
        )

    def setUp(self):
        super().setUp()
        missing = [tool for tool in TOOLS if not shutil.which(tool)]
        state = self.Report.get_wkhtmltopdf_state()
        if state != "ok" or missing:
            self.fail(
                f"wkhtmltopdf is {state!r}, missing tools: {missing}: install wkhtmltopdf, poppler-utils, "
                "zbar-tools and fonts-noto-cjk (bin/test does)"
            )
        # wkhtmltopdf fetches the report's styles from this test server
        self.env["ir.config_parameter"].sudo().set_param("report.url", self.base_url())
        self.tmp = Path(tempfile.mkdtemp(prefix="school_paper_"))
        self.addCleanup(shutil.rmtree, self.tmp, True)

    # ------------------------------------------------------------------ helpers
    def _run(self, *args):
        return subprocess.run(args, capture_output=True, check=False, timeout=120)

    def render(self, report_xmlid, records, user):
        """(pdf bytes, pdf text, page count, html text) of ``records`` printed by ``user``."""
        user.lang = "zh_CN"
        report = self.Report.with_user(user).with_context(lang="zh_CN", force_report_rendering=True)
        pdf, kind = report._render_qweb_pdf(report_xmlid, records.ids)
        self.assertEqual(kind, "pdf", f"{report_xmlid} was not rendered as a PDF")
        self.assertTrue(pdf.startswith(b"%PDF"), f"{report_xmlid}: not a PDF")
        path = self.tmp / "paper.pdf"
        path.write_bytes(pdf)
        text = self._run("pdftotext", "-layout", str(path), "-").stdout.decode()
        info = self._run("pdfinfo", str(path)).stdout.decode()
        pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
        html = report.with_context(force_report_rendering=False)._render_qweb_html(report_xmlid, records.ids)[0]
        body = lxml_html.fromstring(html).find("body")
        for node in body.xpath(".//script|.//style"):
            node.getparent().remove(node)
        return pdf, text, pages, body.text_content()

    def decode_qr(self, pdf_path_name="paper.pdf"):
        prefix = self.tmp / "page"
        self._run("pdftoppm", "-r", "300", "-png", str(self.tmp / pdf_path_name), str(prefix))
        found = []
        for image in sorted(self.tmp.glob("page*.png")):
            out = self._run("zbarimg", "-q", "--raw", str(image)).stdout.decode()
            found += [line.strip() for line in out.splitlines() if line.strip()]
            image.unlink()
        return found

    def check_paper(self, xmlid, case):
        user = self.env.ref(case.user)
        self.assertTrue(case.record, f"{xmlid}: the demo has no record to print")
        pdf, text, pages, html_text = self.render(xmlid, case.record, user)
        for name, content in (("PDF", text), ("HTML", html_text)):
            bad = MOJIBAKE.search(content)
            self.assertFalse(bad, f"{xmlid}: mojibake in the {name}: {content[max(0, bad.start() - 20):bad.end() + 20]!r}"
                             if bad else "")
        english = ENGLISH.search(html_text)
        self.assertFalse(english, f"{xmlid}: English on the Chinese paper: {english and english.group(0)!r}")
        self.assertTrue(re.search(r"[\u4e00-\u9fff]", _flat(text)), f"{xmlid}: no Chinese text in the PDF")
        flat_pdf, flat_html = _flat(text), _flat(html_text)
        for word in case.texts:
            self.assertTrue(word, f"{xmlid}: an expected word is empty (demo data missing?)")
            self.assertTrue(
                _flat(word) in flat_pdf or _flat(word) in flat_html,
                f"{xmlid}: {word!r} is not on the paper",
            )
        # the Chinese words must be readable in the PDF itself, not only in its HTML
        chinese = [word for word in case.texts if re.fullmatch(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+", word)]
        for word in chinese:
            self.assertIn(_flat(word), flat_pdf, f"{xmlid}: {word!r} is not in the PDF's text")
        self.assertEqual(pages, case.pages, f"{xmlid}: {pages} pages instead of {case.pages}")
        if case.qr_urls:
            self.assertEqual(sorted(self.decode_qr()), sorted(case.qr_urls), f"{xmlid}: QR codes")
        return pdf, text, html_text

    # ------------------------------------------------------------------ tests
    def test_every_paper_has_a_rendering_test(self):
        xmlids = {report.get_external_id()[report.id] for report in self.reports}
        self.assertTrue(xmlids, "no qweb-pdf report found")
        self.assertFalse(
            xmlids - set(PAPERS),
            "qweb-pdf reports without a rendering test: register them in school_base/tests/paper_cases.py",
        )

    def test_every_paper_renders_in_chinese(self):
        """Each paper, printed as its role in Chinese, reads back with its title, labels and values."""
        for report in self.reports:
            xmlid = report.get_external_id()[report.id]
            if xmlid not in PAPERS:
                continue
            with self.subTest(report=xmlid):
                self.check_paper(xmlid, PAPERS[xmlid](self.env))

    def test_label_sheet_pages(self):
        """Labels fill the sheets of the paper format (2 × 4) and each QR code opens its own place."""
        places = self.env["school.place"].search([("company_id", "=", self.env.ref("base.main_company").id)], limit=11)
        self.assertEqual(len(places), 11)
        report = self.env.ref("school_base.action_report_school_place_qr_labels")
        paperformat = report.get_paperformat()
        per_page = paperformat.school_label_columns * paperformat.school_label_rows
        self.assertEqual(per_page, 8)
        pdf, text, pages, html_text = self.render(
            "school_base.action_report_school_place_qr_labels", places, self.env.ref("school_base.res_users_manager_demo")
        )
        self.assertEqual(pages, math.ceil(len(places) / per_page))
        self.assertEqual(sorted(self.decode_qr()), sorted(places.mapped("qr_url")))
        self.assertFalse(MOJIBAKE.search(text))
        # a school with another stock changes the paper format: 3 × 7 labels on a page
        paperformat.write({"school_label_columns": 3, "school_label_rows": 7})
        pdf, text, pages, html_text = self.render(
            "school_base.action_report_school_place_qr_labels", places, self.env.ref("school_base.res_users_manager_demo")
        )
        self.assertEqual(pages, 1)
        self.assertEqual(len(self.decode_qr()), len(places))
