import xlrd

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, tagged

from .common_asset_register import SchoolAssetCommon


class AssetCountCommon(SchoolAssetCommon):
    """Room 302's register with planted differences: the projector is there, the desks are
    missing, a computer booked in room 303 is found in 302, a printer the register does not know
    is found, and a booked speaker is found in room 303."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, lang="en_US"))
        Equipment = cls.env["maintenance.equipment"]
        cls.computer = Equipment.create(
            {"name": "教师电脑", "asset_value": 5200, "school_place_id": cls.room_b.id, "company_id": cls.school.id}
        )
        cls.speaker = Equipment.create(
            {"name": "教室音箱", "asset_value": 800, "school_place_id": cls.room.id, "company_id": cls.school.id}
        )

    def _count(self, user=None):
        count = self.env["school.stocktake"].with_user(user or self.asset_manager).create(
            {"scope": "assets", "place_id": self.room.id, "kind": "term_end", "term_id": self.term.id,
             "company_id": self.school.id}
        )
        count.action_start()
        return count


@tagged("post_install", "-at_install")
class TestAssetCount(AssetCountCommon):
    def test_planted_differences_reconcile(self):
        count = self._count()
        self.assertEqual(count.asset_line_ids.equipment_id, self.projector | self.desks | self.speaker,
                         "the register's assets of the room are listed")
        self.assertEqual(count.asset_missing_count, 3, "nothing is found before it is scanned")
        count.action_scan_asset(self.projector)
        count.action_scan_asset(self.projector)  # twice: no second line
        count.action_scan_asset(self.computer)
        count.action_scan_asset(self.speaker, found_place=self.room_b)
        self.env["school.stocktake.asset.line"].with_user(self.asset_manager).create(
            {"stocktake_id": count.id, "name": "激光打印机", "scanned": True, "found_place_id": self.room.id}
        )
        results = {line.display_name: line.result for line in count.asset_line_ids}
        self.assertEqual(results, {
            "投影仪": "found", "学生课桌椅": "missing", "教室音箱": "wrong_place",
            "教师电脑": "wrong_place", "激光打印机": "surplus",
        })
        self.assertEqual(
            (count.asset_found_count, count.asset_missing_count, count.asset_surplus_count,
             count.asset_wrong_place_count),
            (1, 1, 1, 2),
        )

        # differences are resolved with approval, by someone other than the counter
        with self.assertRaisesRegex(UserError, "choose how to resolve"):
            count.with_user(self.manager).action_approve_differences()
        line = {line.display_name: line for line in count.asset_line_ids}
        with self.assertRaises(ValidationError):
            line["学生课桌椅"].resolution = "transfer"  # missing is not moved
        line["学生课桌椅"].write({"resolution": "loss", "resolution_note": "学期末清点未见"})
        line["教师电脑"].resolution = "transfer"
        line["教室音箱"].resolution = "return"
        line["激光打印机"].resolution = "correction"
        count.witness_id = self.manager
        with self.assertRaisesRegex(UserError, "approved before"):
            count.with_user(self.manager).action_apply()
        with self.assertRaisesRegex(UserError, "someone other than the counter"):
            count.with_user(self.asset_manager).action_approve_differences()
        count.with_user(self.manager).action_approve_differences()
        self.assertEqual(count.resolution_approved_by_id, self.manager)
        with self.assertRaises(UserError):
            line["教室音箱"].with_user(self.asset_manager).resolution = "correction"
        count.with_user(self.manager).action_apply()

        self.assertEqual(count.state, "done")
        self.assertEqual(self.computer.school_place_id, self.room, "transferred to where it was found")
        self.assertEqual(self.speaker.school_place_id, self.room, "brought back: the register stays")
        printer = line["激光打印机"].equipment_id
        self.assertEqual((printer.name, printer.school_place_id), ("激光打印机", self.room), "booked in the register")
        disposal = count.disposal_id
        self.assertEqual(disposal.line_ids.equipment_id, self.desks)
        self.assertEqual(disposal.line_ids.reason, "lost")
        self.assertEqual(disposal.state, "draft", "the loss goes through the disposal's approvals")
        with self.assertRaises(UserError):
            line["投影仪"].with_user(self.asset_manager).scanned = False

    def test_scan_only_while_counting_by_its_counter(self):
        count = self._count()
        with self.assertRaises(AccessError):
            count.with_user(self.repairer).action_scan_asset(self.projector)
        with self.assertRaisesRegex(UserError, "not an asset of"):
            count.action_scan_asset(self.other_asset)
        count.action_cancel()
        with self.assertRaises(UserError):
            count.action_scan_asset(self.projector)

    def test_roles_and_schools(self):
        count = self._count()
        with self.assertRaises(AccessError):
            count.with_user(self.staff).read(["name"])
        other_env = self.env(user=self.other_manager,
                             context=dict(self.env.context, allowed_company_ids=self.other_school.ids))
        with self.assertRaises(AccessError):
            other_env["school.stocktake"].browse(count.id).read(["name"])
        self.assertFalse(other_env["school.stocktake.asset.line"].search([("stocktake_id", "=", count.id)]))


@tagged("post_install", "-at_install")
class TestAssetCountQr(AssetCountCommon, HttpCase):
    def test_phone_scan_of_the_label_counts_the_asset(self):
        count = self._count()
        self.authenticate("t_asset_manager", "t_asset_manager")
        response = self.url_open(f"/school/asset/{self.projector.id}", allow_redirects=False)
        self.assertIn(f"school_stocktake_asset_action/{count.id}", response.headers.get("Location", ""))
        self.env.invalidate_all()
        line = count.asset_line_ids.filtered(lambda line: line.equipment_id == self.projector)
        self.assertEqual(line.result, "found")


@tagged("post_install", "-at_install")
class TestAssetMonthlyClose(AssetCountCommon):
    """每月结账: the summary by GB/T 14885 category, frozen with the month."""

    def _close(self, date_end="2026-10-31"):
        return self.env["school.asset.close"].with_user(self.asset_manager).create(
            {"date_end": date_end, "company_id": self.school.id}
        )

    def test_summary_ledger_and_close_freezes_the_month(self):
        Equipment = self.env["maintenance.equipment"]
        self.desks.acquisition_date = "2024-09-01"
        (self.computer | self.speaker).acquisition_date = False
        general = self.env.ref("school_assets.asset_class_equipment_general")
        camera = Equipment.create({"name": "录播摄像机", "asset_class_id": general.id, "asset_value": 1000,
                                   "acquisition_date": "2026-10-15", "company_id": self.school.id})
        later = Equipment.create({"name": "空调", "asset_class_id": general.id, "asset_value": 3000,
                                  "acquisition_date": "2026-11-05", "company_id": self.school.id})
        close = self._close()
        close.action_compute()
        figures = {
            line.asset_class_id.code: (line.opening_quantity, line.opening_value, line.added_quantity,
                                       line.added_value, line.closing_quantity, line.closing_value)
            for line in close.line_ids
        }
        self.assertEqual(figures, {"3": (1, 4200, 1, 1000, 2, 5200), "6": (45, 13500, 0, 0, 45, 13500)})
        with self.assertRaises(UserError):
            close.line_ids[0].with_user(self.asset_manager).closing_value = 1

        with self.assertRaises(UserError):
            close.with_user(self.staff).action_close()
        close.with_user(self.asset_manager).action_close()
        self.assertEqual((close.state, close.closed_by_id), ("closed", self.asset_manager))
        self.assertEqual(close.closing_value, 18700)

        # the closed month's figures stay; a later month's do not
        with self.assertRaisesRegex(UserError, "closed"):
            self.projector.with_user(self.asset_manager).asset_value = 3000
        with self.assertRaisesRegex(UserError, "closed"):
            Equipment.with_user(self.asset_manager).create(
                {"name": "补录电脑", "asset_value": 4000, "acquisition_date": "2026-10-20", "company_id": self.school.id})
        with self.assertRaisesRegex(UserError, "closed"):
            later.with_user(self.asset_manager).acquisition_date = "2026-10-30"
        later.with_user(self.asset_manager).asset_value = 3200
        camera.with_user(self.asset_manager).name = "录播摄像机（主）"  # not a figure
        with self.assertRaises(UserError):
            close.with_user(self.asset_manager).write({"note": "改"})
        with self.assertRaisesRegex(UserError, "before the last closed month"):
            self._close("2026-09-30").action_close()
        with self.assertRaisesRegex(UserError, "not over"):
            self._close("2026-12-31").action_close()
        with self.assertRaises(ValidationError):
            self._close("2026-11-15")

        # the summary ledger (总帐)
        report = self.env.ref("school_assets.action_report_school_asset_close_xlsx")
        content, kind = report.with_user(self.asset_manager)._render(report.report_name, close.ids, {})
        self.assertEqual(kind, "xlsx")
        sheet = xlrd.open_workbook(file_contents=content).sheet_by_index(0)
        values = [sheet.row_values(row) for row in range(sheet.nrows)]
        total = next(row for row in values if row[1] == "Total")
        self.assertEqual(total[-1], 18700)

    def test_other_school_sees_nothing(self):
        close = self._close()
        other_env = self.env(user=self.other_manager,
                             context=dict(self.env.context, allowed_company_ids=self.other_school.ids))
        self.assertFalse(other_env["school.asset.close"].search([("id", "=", close.id)]))
