from psycopg2 import IntegrityError

from odoo.exceptions import ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import SchoolUnionCommon


@tagged("post_install", "-at_install")
class TestUnionMember(SchoolUnionCommon):
    def test_member_number_from_sequence(self):
        """A new member gets a number of the union's sequence."""
        self.assertTrue(self.member.member_number.startswith("GH"))
        self.assertNotEqual(self.member.member_number, self.member2.member_number)
        self.assertIn(self.member.member_number, self.member.display_name)

    def test_one_membership_per_employee(self):
        """An employee has one union membership."""
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            self.env["school.union.member"].create(
                {"employee_id": self.member.employee_id.id, "company_id": self.school.id}
            )

    def test_leaving_sets_date(self):
        """A member who leaves or retires gets a leave date; it cannot precede joining."""
        self.member3.with_user(self.union_officer).action_retire()
        self.assertEqual(self.member3.status, "retired")
        self.assertTrue(self.member3.leave_date)
        with self.assertRaises(ValidationError):
            self.member3.leave_date = "2000-01-01"

    def test_get_for_user(self):
        """The current user's active membership in the school is found; none once left."""
        Member = self.env["school.union.member"]
        self.assertEqual(Member.with_user(self.member_user)._get_for_user(company=self.school), self.member)
        self.assertFalse(Member.with_user(self.member_user)._get_for_user(company=self.other_school))
        self.member.status = "left"
        self.assertFalse(Member.with_user(self.member_user)._get_for_user(company=self.school))

    def test_dues_once_a_year(self):
        """Dues are recorded once a year per member and the unpaid are counted."""
        Dues = self.env["school.union.dues"]
        Dues.create({"member_id": self.member.id, "year": 2025, "amount": 120, "paid": True})
        Dues.create({"member_id": self.member.id, "year": 2026, "amount": 120})
        self.assertEqual(self.member.dues_unpaid_count, 1)
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            Dues.create({"member_id": self.member.id, "year": 2026, "amount": 100})

    def test_retiree_visits(self):
        """A retiree keeps contacts and the date of the last visit."""
        retiree = self.env["school.union.retiree"].create({
            "name": "陈老师", "contact_consent": True, "phone": "13900000000", "contact_name": "陈小明", "contact_phone": "13900000001",
            "company_id": self.school.id,
            "visit_ids": [
                (0, 0, {"date": "2026-01-20", "visit_type": "festival", "gift": "春节慰问品"}),
                (0, 0, {"date": "2026-10-11", "visit_type": "birthday", "amount": 200}),
            ],
        })
        self.assertEqual(retiree.visit_count, 2)
        self.assertEqual(str(retiree.last_visit_date), "2026-10-11")

    def test_membership_on_employee(self):
        """The employee form shows the union status to officers and opens the membership."""
        employee = self.member.employee_id.with_user(self.union_officer)
        self.assertEqual(employee.union_status, "active")
        action = employee.action_open_union_membership()
        self.assertEqual((action["res_model"], action["res_id"]), ("school.union.member", self.member.id))
        newcomer = self.env["hr.employee"].create({"name": "新教师", "company_id": self.school.id})
        action = newcomer.with_user(self.union_officer).action_open_union_membership()
        self.assertNotIn("res_id", action)
        self.assertEqual(action["context"]["default_employee_id"], newcomer.id)

    def test_retiring_adds_retiree(self):
        """A member who retires is added once to the retirees, without the HR-private details."""
        self.member3.employee_id.write({
            "private_phone": "13912345678", "emergency_contact": "张小明", "emergency_phone": "13900000009",
            "birthday": "1966-05-04",
        })
        self.member3.with_user(self.union_officer).action_retire()
        retiree = self.env["school.union.retiree"].search([("member_id", "=", self.member3.id)])
        self.assertRecordValues(retiree, [{
            "name": "张老师", "phone": False, "contact_name": False, "contact_phone": False, "birthday": False,
            "retire_date": self.member3.leave_date, "contact_consent": False,
        }])
        self.member3.with_user(self.union_officer).action_reactivate()
        self.member3.with_user(self.union_officer).action_retire()
        self.assertEqual(self.env["school.union.retiree"].search_count([("member_id", "=", self.member3.id)]), 1)
