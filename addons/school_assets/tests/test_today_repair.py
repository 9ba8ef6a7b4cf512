from datetime import timedelta

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from odoo.addons.school_base.models.school_workflow_mixin import workflow_step

from .common_repair import SchoolAssetsRepairCommon


@tagged("post_install", "-at_install")
class TestRepairToday(SchoolAssetsRepairCommon):
    """The repairer's today screen, the teacher's report from their room, and who will come."""

    def _count(self, xmlid, user):
        self.env.invalidate_all()  # a count is computed once per request
        return self.env.ref(xmlid).with_user(user).with_context(lang="zh_CN").count

    def test_repairer_cards_late_first(self):
        late = self._report(user_id=self.repairer.id)
        with workflow_step():
            late.write({"date_reported": fields.Datetime.now() - timedelta(days=10)})
        self.assertLess(late.fix_deadline, fields.Datetime.now())
        self._report(name="门锁坏了", user_id=self.repairer.id)
        self._report(name="灯不亮")  # nobody assigned yet, in the repairer's team
        self.assertEqual(self._count("school_assets.today_card_repairer_late", self.repairer), 1)
        self.assertEqual(self._count("school_assets.today_card_repairer_open", self.repairer), 2)
        self.assertEqual(self._count("school_assets.today_card_repairer_unassigned", self.repairer), 1)
        self.assertEqual(self._count("school_assets.today_card_repairer_unassigned", self.outsider_repairer), 0)
        self.assertEqual(self._count("school_assets.today_card_director_repair_late", self.manager), 1)
        self.assertEqual(self._count("school_assets.today_card_teacher_repair", self.staff), 3)
        cards = self.env["school.today.card"].with_user(self.repairer).search(
            [("role", "=", "repairer"), ("can_read", "=", True)]
        )
        self.assertEqual(cards[0], self.env.ref("school_assets.today_card_repairer_late"))
        self.assertEqual(self.repairer.action_id.id, self.env.ref("school_assets.school_today_action_repairer").id)
        self.assertEqual(cards[0].with_context(lang="zh_CN").name, "我的超时维修")

    def test_teacher_report_from_their_room(self):
        action = self.env["ir.actions.act_window"]._for_xml_id("school_assets.maintenance_request_action_report_new")
        self.assertIn("'school_repair_report': True", action["context"])
        form = Form(
            self.env["maintenance.request"].with_user(self.head_teacher).with_context(
                default_maintenance_type="corrective", school_repair_report=True,
                allowed_company_ids=[self.school.id],
            ),
            view="school_assets.maintenance_request_view_form_report",
        )
        self.assertEqual(form.school_place_id, self.classroom)
        form.name = "窗帘轨道掉了"
        request = form.save()
        result = request.with_user(self.head_teacher).with_context(lang="zh_CN").action_submit_report()
        self.assertEqual(result["tag"], "display_notification")
        who = request.user_id.name or request.maintenance_team_id.name
        self.assertIn(who, result["params"]["message"])
        self.assertIn("已提交", result["params"]["message"])
        self.assertEqual(result["params"]["next"]["res_id"], request.id)

    def test_teacher_cannot_move_deadlines(self):
        request = self._report(user=self.head_teacher)
        for field in ("response_deadline", "fix_deadline"):
            with self.assertRaises(UserError):
                request.with_user(self.head_teacher).write({field: fields.Datetime.now() + timedelta(days=30)})

    def test_repair_ledger_has_repairs_only(self):
        self._report()
        self._report(name="灭火器月检", maintenance_type="preventive")
        wizard = self.env["school.assets.ledger.report"].create({"ledger": "repair", "company_id": self.school.id})
        repairs = wizard._get_repairs()
        self.assertEqual(repairs.mapped("name"), ["投影仪不亮"])
