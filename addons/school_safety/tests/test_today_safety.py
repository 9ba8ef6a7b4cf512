from datetime import timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.tests import tagged

from .test_visitor import GateCommon

# 2026-10-14 is a Wednesday, 10:00 in Shanghai
NOW = "2026-10-14 02:00:00"


@tagged("post_install", "-at_install")
class TestGuardToday(GateCommon):
    """The guard's and the head teacher's today screens count what is due at the gate today."""

    def _count(self, xmlid, user):
        self.env.invalidate_all()  # a count is computed once per request
        return self.env.ref(xmlid).with_user(user).with_context(lang="zh_CN", allowed_company_ids=user.company_ids.ids).count

    @freeze_time(NOW)
    def test_guard_cards(self):
        now = fields.Datetime.now()
        self._new_inspection(user=self.guard, date_planned=now - timedelta(minutes=30))
        self._new_inspection(user=self.guard, date_planned=now + timedelta(hours=5))
        self._new_inspection(
            user=self.guard, date_planned=now - timedelta(days=1), date_deadline=now - timedelta(hours=20)
        )
        self.env["school.inspection"]._mark_missed()
        self._check_in()
        self._check_in(visitor_name="王芳", phone="13915012346", id_number_entry=False)
        self._check_in(visitor_name="赵强", phone="13915012347", id_number_entry=False).with_user(self.guard).action_check_out()
        self._as(self.Slip, self.head_teacher).browse(self._slip(leave_date="2026-10-14").id).action_issue()
        self._slip(leave_date="2026-10-15")
        self._as(self.env["school.safety.dismissal"], self.guard).action_start_today()

        self.assertEqual(self._count("school_safety.today_card_guard_patrol_due", self.guard), 1)
        self.assertEqual(self._count("school_safety.today_card_guard_patrol_missed", self.guard), 1)
        self.assertEqual(self._count("school_safety.today_card_guard_visitor", self.guard), 2)
        self.assertEqual(self._count("school_safety.today_card_guard_leave_slip", self.guard), 1)
        self.assertEqual(self._count("school_safety.today_card_guard_dismissal", self.guard), 2)
        # the other school's guard sees none of it
        self.assertEqual(self._count("school_safety.today_card_guard_visitor", self.other_guard), 0)
        # the head teacher ticks their own class only
        self.assertEqual(self._count("school_safety.today_card_teacher_dismissal", self.head_teacher), 1)
        self.assertEqual(self._count("school_safety.today_card_teacher_leave_slip", self.head_teacher), 1)

        self.assertEqual(self.guard.action_id.id, self.env.ref("school_safety.school_today_action_guard").id)
        self.assertEqual(
            self.env.ref("school_safety.today_card_guard_visitor").with_context(lang="zh_CN").name, "在校访客"
        )
        action = self.env.ref("school_safety.today_card_guard_visitor").with_user(self.guard).action_open()
        self.assertEqual(self.env["school.safety.visitor"].with_user(self.guard).search_count(action["domain"]), 2)

    @freeze_time(NOW)
    def test_director_overdue_hazard(self):
        now = fields.Datetime.now()
        hazard = self.env["school.safety.hazard"].create({
            "description": "楼梯扶手松动", "place_id": self.stairs.id, "category": "building",
            "date_reported": now - timedelta(days=3), "date_deadline": now - timedelta(hours=2),
            "company_id": self.school.id,
        })
        self.assertTrue(hazard.is_overdue)
        self.assertEqual(self._count("school_safety.today_card_director_hazard_overdue", self.manager), 1)
        # the guard's screen: its five cards, all of models the guard may read
        cards = self.env["school.today.card"].with_user(self.guard).search(
            [("role", "=", "guard"), ("can_read", "=", True)]
        )
        self.assertEqual(len(cards), 5)
