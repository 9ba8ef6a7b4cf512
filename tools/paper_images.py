"""Render the README's pictures of the papers (run by tools/paper_images.sh in `odoo shell`).

A page of place labels and the contractor's repair settlement sheet signed by the room's head,
from the demo data, in Chinese, through wkhtmltopdf; pdftoppm turns the first page of each into
a PNG. Nothing is written to the database (the transaction is rolled back).
"""

import os
import subprocess
import tempfile
from pathlib import Path

out = Path(os.environ["PAPER_OUT"])
out.mkdir(parents=True, exist_ok=True)
env["ir.config_parameter"].sudo().set_param("report.url", os.environ["PAPER_URL"])  # noqa: F821
Report = env["ir.actions.report"].with_context(lang="zh_CN")  # noqa: F821
papers = {
    "labels": (
        "school_base.action_report_school_place_qr_labels",
        env["school.place"].search([("kind", "in", ("classroom", "toilet", "fire_point", "stairs"))], limit=8),  # noqa: F821
    ),
    "repair_settlement_sheet": (
        "school_assets.action_report_repair_settlement_sheet",
        env.ref("school_assets.maintenance_request_projector_demo"),  # noqa: F821
    ),
}
with tempfile.TemporaryDirectory() as tmp:
    for name, (report, records) in papers.items():
        pdf, _kind = Report.with_context(report_pdf_no_attachment=True)._render_qweb_pdf(report, records.ids)
        path = Path(tmp) / f"{name}.pdf"
        path.write_bytes(pdf)
        subprocess.run(
            ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", str(path), str(out / name)],
            check=True,
        )
        print(out / f"{name}.png")
env.cr.rollback()  # noqa: F821
