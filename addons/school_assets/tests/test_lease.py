import base64
from datetime import timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from odoo.addons.school_base.tests.escalation_checks import ChineseTextChecks

from .common_asset_register import SchoolAssetCommon

CONTRACT = base64.b64encode(b"%PDF-1.4 lease contract")


@tagged("post_install", "-at_install")
class TestLease(SchoolAssetCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.school.write({"asset_manager_user_id": cls.asset_manager.id, "logistics_director_user_id": cls.manager.id})
        cls.shop = cls.env["school.place"].create(
            {"name": "校园小卖部", "level": "area", "kind": "other", "parent_id": cls.campus.id,
             "company_id": cls.school.id}
        )
        cls.tenant = cls.env["res.partner"].create({"name": "孟河镇惠民便利店", "company_id": cls.school.id})
        cls.Lease = cls.env["school.lease"].with_user(cls.asset_manager)

    def _lease(self, **vals):
        return self.Lease.create({
            "tenant_id": self.tenant.id,
            "place_ids": [(6, 0, self.shop.ids)],
            "date_start": "2026-09-01",
            "date_end": "2027-08-31",
            "rent_amount": 36000,
            "deposit_amount": 5000,
            "responsible_user_id": self.asset_manager.id,
            "payment_ids": [(0, 0, {"date_due": "2026-09-01", "amount": 18000}),
                            (0, 0, {"date_due": "2027-03-01", "amount": 18000})],
            "company_id": self.school.id,
            **vals,
        })

    def test_activate_plans_safety_checks_on_the_engine(self):
        """A signed lease plans monthly checks of its premises with the school's 出租场所安全检查
        checklist; a failed item opens the same follow-up as the other safety checklists."""
        today = fields.Date.context_today(self.Lease)
        lease = self._lease(date_start=today - timedelta(days=30), date_end=today + timedelta(days=300))
        self.assertTrue(lease.name.startswith("ZL/"))
        with self.assertRaises(UserError):
            lease.action_activate()  # the signed contract first
        lease.contract_file = CONTRACT
        lease.action_activate()
        self.assertEqual(lease.state, "active")
        schedule = lease.schedule_id
        self.assertEqual(schedule.place_ids, self.shop)
        self.assertEqual(schedule.frequency, "monthly")
        self.assertEqual(schedule.company_id, self.school)
        self.assertEqual(schedule.template_id.premises_kind, "lease")
        self.assertEqual(schedule.template_id.company_id, self.school)
        shipped = self.env.ref("school_assets.inspection_template_lease_safety")
        self.assertEqual(len(schedule.template_id.item_ids), len(shipped.item_ids))
        expected = "school.safety.hazard" if "school.safety.hazard" in self.env else False
        self.assertEqual(schedule.template_id._get_follow_up_model(), expected)

        first_of_next_month = (today.replace(day=1) + timedelta(days=32)).replace(day=1)
        inspections = schedule._generate_inspections(first_of_next_month + timedelta(days=1))
        self.assertTrue(inspections)
        self.assertEqual(lease.check_count, len(inspections))
        inspection = inspections[0].with_user(self.asset_manager)
        self.assertEqual(inspection.place_id, self.shop)
        failing = inspection.line_ids.filtered(lambda line: line.item_type == "check")[:1].mapped("name")
        self._answer(inspection, failing=failing)
        inspection.action_done()
        failed = inspection.line_ids.filtered("is_failed")
        self.assertEqual(len(failed), 1)
        if expected:
            self.assertEqual(failed.follow_up_ref._name, expected)
            self.assertEqual(failed.follow_up_ref.place_id, self.shop)

    def test_rent_settled_before_end_then_locked(self):
        """Rent is recorded instalment by instalment; a lease ends once settled, then nothing changes."""
        lease = self._lease(contract_file=CONTRACT)
        with self.assertRaises(UserError):
            lease.payment_ids[0].action_mark_paid()  # not on a draft lease
        lease.action_activate()
        first, second = lease.payment_ids.sorted("date_due")
        first.with_user(self.asset_manager).action_mark_paid()
        self.assertTrue(first.paid)
        self.assertEqual(first.paid_user_id, self.asset_manager)
        self.assertEqual(lease.paid_amount, 18000)
        self.assertEqual(lease.due_amount, 18000)
        with self.assertRaises(UserError):
            first.action_mark_paid()  # not twice
        with self.assertRaises(UserError):
            lease.action_end()  # 18000 still due
        second.action_mark_paid()
        lease.action_end()
        self.assertEqual(lease.state, "ended")
        self.assertTrue(lease.date_ended)
        self.assertFalse(lease.schedule_id.active)
        with self.assertRaises(UserError):
            lease.write({"tenant_contact": "someone else"})
        with self.assertRaises(UserError):
            lease.unlink()

    def test_state_and_paid_flags_written_directly_are_refused(self):
        """State, paid flags and the schedule move only through the buttons."""
        lease = self._lease(contract_file=CONTRACT)
        with self.assertRaises(UserError):
            lease.write({"state": "active"})
        with self.assertRaises(UserError):
            self._lease(state="active")
        with self.assertRaises(UserError):
            lease.payment_ids[0].write({"paid": True})
        lease.action_activate()
        with self.assertRaises(UserError):
            lease.write({"state": "ended"})
        with self.assertRaises(UserError):
            lease.write({"schedule_id": False})
        with self.assertRaises(UserError):
            lease.write({"expiry_notice_date": "2030-01-01"})  # the reminder cannot be silenced
        self.assertEqual(lease.state, "active")

    def test_bad_input_refused(self):
        """A lease ends after it starts, amounts are not negative, signed terms do not change."""
        with self.assertRaises(ValidationError):
            self._lease(date_start="2027-09-01", date_end="2027-08-31")
        with self.assertRaises(ValidationError):
            self._lease(rent_amount=-1)
        with self.assertRaises(ValidationError):
            self._lease(payment_ids=[(0, 0, {"date_due": "2026-09-01", "amount": 0})])
        lease = self._lease(contract_file=CONTRACT, rent_amount=40000)
        with self.assertRaises(UserError):
            lease.action_activate()  # the instalments do not add up to the rent
        lease.rent_amount = 36000
        lease.action_activate()
        with self.assertRaises(UserError):
            lease.write({"rent_amount": 1000})
        with self.assertRaises(UserError):
            lease.payment_ids[0].write({"amount": 1})
        with self.assertRaises(UserError):
            self.env["school.lease.payment"].with_user(self.asset_manager).create(
                {"lease_id": lease.id, "date_due": "2027-06-01", "amount": 100}
            )

    def test_expiry_reminder_once(self):
        """The asset manager and the director are told once, 60 days before the lease ends."""
        lease = self._lease(contract_file=CONTRACT, date_end="2027-03-31")
        lease.action_activate()
        Lease = self.env["school.lease"]
        with freeze_time("2027-01-20 04:00:00"):
            Lease._cron_run_escalations()
            self.assertFalse(lease.activity_ids)
        with freeze_time("2027-02-05 04:00:00"):
            Lease._cron_run_escalations()
            self.assertEqual(lease.activity_ids.user_id, self.asset_manager | self.manager)
            self.assertEqual(len(lease.activity_ids), 2)
            Lease._cron_run_escalations()
            self.assertEqual(len(lease.activity_ids), 2)

    def test_roles_and_two_schools(self):
        """The asset manager keeps leases; officers and the principal read; another school sees nothing."""
        lease = self._lease()
        self.assertEqual(lease.with_user(self.officer).tenant_id, self.tenant)
        self.assertEqual(lease.with_user(self.principal).rent_amount, 36000)
        with self.assertRaises(AccessError):
            lease.with_user(self.staff).read(["rent_amount"])
        with self.assertRaises(AccessError):
            self.env["school.lease"].with_user(self.officer).create(
                {"tenant_id": self.tenant.id, "place_ids": [(6, 0, self.shop.ids)],
                 "date_start": "2026-09-01", "date_end": "2027-08-31"}
            )
        with self.assertRaises(AccessError):
            lease.with_user(self.head_teacher).read(["rent_amount"])
        other = self.env["school.lease"].with_user(self.other_manager).with_context(
            allowed_company_ids=self.other_school.ids
        )
        self.assertFalse(other.search([]))
        with self.assertRaises(UserError):
            # premises of another school
            self._lease(place_ids=[(6, 0, self.other_gate.ids)])


@tagged("post_install", "-at_install")
class TestLeaseReminderChinese(ChineseTextChecks, SchoolAssetCommon):
    def test_expiry_reminder_in_chinese(self):
        """The expiry reminder reads in Chinese for Chinese-speaking people in charge, whatever the job's language."""
        self.school.write({"asset_manager_user_id": self.asset_manager.id, "logistics_director_user_id": self.manager.id})
        self._speak_chinese(self.asset_manager | self.manager)
        self.env["ir.module.module"]._load_module_terms(["school_assets"], ["zh_CN"])
        shop = self.env["school.place"].create({"name": "校园小卖部", "company_id": self.school.id})
        tenant = self.env["res.partner"].create({"name": "孟河镇惠民便利店"})
        lease = self.env["school.lease"].with_user(self.asset_manager).create({
            "tenant_id": tenant.id, "place_ids": [(6, 0, shop.ids)], "date_start": "2026-09-01",
            "date_end": "2027-03-31", "contract_file": CONTRACT, "company_id": self.school.id,
            "payment_ids": [(0, 0, {"date_due": "2026-09-01", "amount": 100})],
        })
        lease.action_activate()
        before = self._last_ids()
        with freeze_time("2027-02-05 04:00:00"):
            self.assertIn(lease, self.env["school.lease"].with_context(lang="en_US")._cron_run_escalations())
        self.assertPostedInChinese(*before)
