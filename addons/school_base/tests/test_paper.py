"""Every PDF paper of the school addons, rendered for real and read back (issue 19).

The register of papers and how each is checked is ``paper_cases``; the rendering and reading
helpers are ``paper_common``.
"""

import math

from odoo.tests import tagged

from .paper_cases import PAPERS
from .paper_common import MOJIBAKE, PaperCommon


@tagged("post_install", "-at_install")
class TestPapers(PaperCommon):
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

    def test_every_paper_in_a_print_menu(self):
        """Each paper is in the Print menu of records its role opens from its own menus."""
        Menu = self.env["ir.ui.menu"]
        for report in self.reports:
            xmlid = report.get_external_id()[report.id]
            if xmlid not in PAPERS:
                continue
            with self.subTest(report=xmlid):
                case = PAPERS[xmlid](self.env)
                user = self.env.ref(case.user)
                if report.binding_model_id:
                    printable = self.env["ir.actions.actions"].with_user(user).get_bindings(report.model).get("report", [])
                    self.assertIn(report.id, [action["id"] for action in printable],
                                  f"{xmlid}: not in {user.login}'s Print menu")
                else:
                    # a wizard's paper: its Print button
                    action = case.record.with_user(user).action_print()
                    self.assertEqual(action.get("report_name"), report.report_name, f"{xmlid}: not its Print button")
                menus = Menu.browse(Menu.with_user(user)._visible_menu_ids())
                opened = {
                    menu.action.res_model for menu in menus if menu.action and menu.action._name == "ir.actions.act_window"
                }
                self.assertIn(report.model, opened, f"{xmlid}: {user.login} finds no {report.model} from the menus")

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
