import logging

from psycopg2 import errors as pg_errors

from odoo import models, tools

_logger = logging.getLogger(__name__)


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    def _school_keep_signed_paper(self, records):
        """Store the PDF of records just signed, so that the paper matches what was signed.

        The report's ``attachment`` expression names the file (and is empty until the record
        is signed) and ``attachment_use`` prints the stored file afterwards: Odoo's own way.
        Rendering now, at the signature, rather than at the first print keeps the paper as it
        was signed. One record per call (Debian's wkhtmltopdf fails on several). A paper that
        cannot be rendered (no wkhtmltopdf) is logged, never blocks the signature; tests render
        only when they ask to (``force_report_rendering``). Rendered as the superuser: the
        signer (a witness, a room's head) may not read every field the paper shows, and the
        stored file is readable only by those who read the record.
        """
        report = self.sudo()
        if not report.attachment or (
            (tools.config["test_enable"] or tools.config["test_file"])
            and not self.env.context.get("force_report_rendering")
        ):
            return
        for record in records:
            try:
                # in the school's language, as the paper is printed
                company = record.company_id if "company_id" in record._fields else self.env.company
                with self.env.cr.savepoint():
                    report.with_context(lang=company.partner_id.lang or self.env.lang)._render_qweb_pdf(
                        report.id, record.ids
                    )
            except (pg_errors.SerializationFailure, pg_errors.DeadlockDetected, pg_errors.LockNotAvailable):
                raise  # a concurrent update: Odoo retries the whole request, the user sees nothing
            except Exception:  # noqa: BLE001 - the signature stands; the PDF is made at the next print
                _logger.warning("Could not keep the signed paper %s of %s", report.report_name, record, exc_info=True)
