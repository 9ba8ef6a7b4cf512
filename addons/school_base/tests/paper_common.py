"""Rendering PDF papers for real and reading them back (issue 19): the shared helpers.

Each ``qweb-pdf`` report of a ``school_*`` addon is rendered through wkhtmltopdf for the demo
record its entry in ``paper_cases`` names, one record per call, as the user who prints it, in
Chinese. The PDF is read back with ``pdftotext``/``pdfinfo``; the QR codes of labels are decoded
with ``zbarimg``. Debian's wkhtmltopdf draws the Latin text of Odoo's web font as outlines, so
the words are looked for in the PDF's text and in the HTML rendering of the same record, which
must also be free of mojibake and English sentences. ``bin/test`` installs wkhtmltopdf,
poppler-utils, zbar-tools and the Noto CJK fonts: without them this test fails, it does not skip.
"""

import re
import shutil
import subprocess
import tempfile
import unicodedata
from pathlib import Path

from lxml import html as lxml_html

from odoo.tests import HttpCase

#: UTF-8 read as Latin-1: "本部校区" printed as "æœ¬éƒ¨æ ¡åŒº"
MOJIBAKE = re.compile("[æåçÃâ][\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u02c6\u02dc\u2013-\u203a\u20ac\u2122]")
#: four English words in a row: a sentence nobody translated
ENGLISH = re.compile(r"[A-Za-z]{2,}(?:[ ,;:'-]+[A-Za-z]{2,}){3,}")
TOOLS = ("pdftotext", "pdfinfo", "pdftoppm", "zbarimg")


def contains(text, word):
    """``word`` is in ``text`` (both flattened); pdftotext reads some simplified characters as CJK
    radicals without a compatibility mapping (⻓ for 长, ⻅ for 见): any radical matches any
    character."""
    pattern = "".join(
        f"(?:{re.escape(char)}|[\u2e80-\u2eff])" if "\u4e00" <= char <= "\u9fff" else re.escape(char)
        for char in flat(word)
    )
    return bool(re.search(pattern, flat(text)))


def flat(text):
    """Text as compared: compatibility forms folded (pdftotext reads some CJK glyphs as Kangxi
    radicals, ⼀ for 一), without spaces (letter-spaced titles)."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text or ""))


class PaperCommon(HttpCase):
    """Render papers through wkhtmltopdf and read them back (no tests of its own)."""

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
        """The distinct URLs of the QR codes of the paper.

        zbarimg now and then misses one code of a full label sheet at a given resolution (a
        scanner's weakness, not the label's), so the pages are read at three resolutions and
        what any of them finds counts.
        """
        found = set()
        for resolution in ("300", "200", "400"):
            prefix = self.tmp / "page"
            self._run("pdftoppm", "-r", resolution, "-png", str(self.tmp / pdf_path_name), str(prefix))
            for image in sorted(self.tmp.glob("page*.png")):
                out = self._run("zbarimg", "-q", "--raw", str(image)).stdout.decode()
                found.update(line.strip() for line in out.splitlines() if line.strip())
                image.unlink()
        return sorted(found)

    def footer_html(self, xmlid, records, user):
        """The footer of the paper as Odoo hands it to wkhtmltopdf (``--footer-html``)."""
        report = self.Report.with_user(user).with_context(lang="zh_CN")
        html = report._render_qweb_html(xmlid, records.ids, data={"report_type": "pdf"})[0]
        _bodies, _ids, _header, footer, _options = report._prepare_html(html, report_model=report._get_report(xmlid).model)
        return footer.decode() if isinstance(footer, bytes) else footer

    def paper_html(self, xmlid, records, user):
        """The HTML of the paper of ``records`` printed by ``user`` in Chinese."""
        user.lang = "zh_CN"
        return self.Report.with_user(user).with_context(lang="zh_CN")._render_qweb_html(xmlid, records.ids)[0].decode()

    def assert_signatures(self, html, drawn=0, given=0, lines=0, signers=()):
        """The paper shows ``drawn`` drawn signatures, ``given`` signatures with their time,
        ``lines`` empty lines to sign with a pen, and the names of ``signers``."""
        self.assertEqual(html.count('class="o_school_signature_image"'), drawn, "drawn signatures")
        self.assertEqual(html.count('class="o_school_signed_on"'), given, "signatures with their time")
        self.assertEqual(html.count('class="o_school_signature_line"'), lines, "lines to sign with a pen")
        for times in re.findall(r'class="o_school_signed_on"[^>]*>([^<]*)<', html):
            self.assertRegex(times, r"\d{1,2}[:时]\d{2}", "a signature prints its time")
        for signer in signers:
            self.assertIn(signer, html)

    def keep_signed_paper(self, xmlid, record, sign):
        """Sign ``record`` by calling ``sign(context)`` (the context renders the paper for real)
        and return the PDF kept as its attachment: its text, after checking that printing the
        record afterwards gives that very file."""
        Attachment = self.env["ir.attachment"]
        domain = [("res_model", "=", record._name), ("res_id", "=", record.id), ("res_field", "=", False)]
        before = Attachment.search(domain)
        sign({"force_report_rendering": True})
        kept = Attachment.search(domain) - before
        self.assertEqual(len(kept), 1, f"{xmlid}: one PDF kept when {record.display_name} is signed")
        self.assertEqual(kept.mimetype, "application/pdf")
        (self.tmp / "kept.pdf").write_bytes(kept.raw)
        pdf, _kind = self.Report.with_context(force_report_rendering=True)._render_qweb_pdf(xmlid, record.ids)
        self.assertEqual(pdf, kept.raw, f"{xmlid}: the paper printed after the signature is the one kept")
        return flat(self._run("pdftotext", str(self.tmp / "kept.pdf"), "-").stdout.decode())

    def check_paper(self, xmlid, case):
        user = self.env.ref(case.user)
        self.assertTrue(case.record, f"{xmlid}: the demo has no record to print")
        pdf, text, pages, html_text = self.render(xmlid, case.record, user)
        for name, content in (("PDF", text), ("HTML", html_text)):
            bad = MOJIBAKE.search(content)
            self.assertFalse(bad, f"{xmlid}: mojibake in the {name}: {content[max(0, bad.start() - 20):bad.end() + 20]!r}"
                             if bad else "")
        ours = html_text
        for value in sorted(case.data, key=len, reverse=True):
            ours = ours.replace(value, " ")
        english = ENGLISH.search(ours)
        self.assertFalse(english, f"{xmlid}: English on the Chinese paper: {english and english.group(0)!r}")
        self.assertTrue(re.search(r"[\u4e00-\u9fff]", flat(text)), f"{xmlid}: no Chinese text in the PDF")
        flat_pdf, flat_html = flat(text), flat(html_text)
        for word in case.texts:
            self.assertTrue(word, f"{xmlid}: an expected word is empty (demo data missing?)")
            self.assertTrue(
                contains(flat_pdf, word) or contains(flat_html, word),
                f"{xmlid}: {word!r} is not on the paper",
            )
        # the Chinese words must be readable in the PDF itself, not only in its HTML
        chinese = [word for word in case.texts if re.fullmatch(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+", word)]
        for word in chinese:
            self.assertTrue(contains(flat_pdf, word), f"{xmlid}: {word!r} is not in the PDF's text: {flat_pdf}")
        self.assertEqual(pages, case.pages, f"{xmlid}: {pages} pages instead of {case.pages}")
        # the footer wkhtmltopdf puts on every page (with patched Qt) numbers the pages: "1 / 5"
        footer = self.footer_html(xmlid, case.record, user)
        if case.page_numbers:
            self.assertIn('class="topage"', footer, f"{xmlid}: no page numbers in the footer")
        else:
            self.assertNotIn('class="topage"', footer, f"{xmlid}: a label sheet or certificate has no footer")
        if case.qr_urls:
            self.assertEqual(sorted(self.decode_qr()), sorted(case.qr_urls), f"{xmlid}: QR codes")
        return pdf, text, html_text

