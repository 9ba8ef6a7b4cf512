from datetime import date
from unittest.mock import patch

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user
from odoo.tools import mute_logger

from .common_canteen_daily import CanteenDailyCommon

HEALTH_FIELDS = ["health_cert_number", "health_cert_issue_date", "health_cert_expiry_date"]


class TestHealthCertificate(CanteenDailyCommon):
    def _group_users(self):
        """One user per role of the suite that is not a canteen manager."""
        xmlids = [
            "school_base.group_school_staff",
            "school_base.group_school_head_teacher",
            "school_base.group_school_logistics_officer",
            "school_canteen.group_canteen_staff",
            "hr.group_hr_user",
            "hr.group_hr_manager",
            "school_union.group_union_member",
            "school_union.group_union_chair",
            "school_safety.group_safety_manager",
            "school_assets.group_assets_manager",
        ]
        users = []
        for xmlid in xmlids:
            if self.env.ref(xmlid, raise_if_not_found=False):
                users.append(new_test_user(
                    self.env, login=f"t_health_{xmlid.replace('.', '_')}", groups=f"base.group_user,{xmlid}",
                    company_id=self.school.id, company_ids=[(6, 0, self.school.ids)],
                ))
        return users

    def test_health_data_hidden_from_other_groups(self):
        """Health certificates are read by canteen managers only: every other role is refused."""
        for user in self._group_users():
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    self.env["school.canteen.health.certificate"].with_user(user).search([])
                with self.assertRaises(AccessError):
                    self.cook_cert.with_user(user).read(["name", "expiry_date"])
                with self.assertRaises(AccessError):
                    self.cook.with_user(user).read(HEALTH_FIELDS)

    def test_canteen_manager_reads_health_data(self):
        """The canteen manager reads the certificates; with HR rights also on the employee form."""
        certs = self.env["school.canteen.health.certificate"].with_user(self.canteen_manager).search([])
        self.assertIn(self.cook_cert, certs)
        self.assertEqual(certs.with_user(self.canteen_manager).mapped("name"), certs.mapped("name"))
        hr_manager = new_test_user(
            self.env, login="t_hr_canteen", groups="base.group_user,hr.group_hr_user,school_canteen.group_canteen_manager",
            company_id=self.school.id, company_ids=[(6, 0, self.school.ids)],
        )
        self.assertRecordValues(self.cook.with_user(hr_manager), [{
            "health_cert_number": "JK-2026-001", "health_cert_issue_date": date(2026, 3, 1),
            "health_cert_expiry_date": date(2027, 2, 28),
        }])
        # another school's manager does not see this school's certificates
        other = self.env["school.canteen.health.certificate"].with_user(self.other_canteen_manager).with_context(
            allowed_company_ids=[self.other_school.id]).search([])
        self.assertNotIn(self.cook_cert, other)

    def test_dates_in_order(self):
        """A certificate expires after it is issued."""
        with self.assertRaises(ValidationError):
            self.env["school.canteen.health.certificate"].with_user(self.canteen_manager).create({
                "name": "JK-X", "employee_id": self.washer.id,
                "issue_date": date(2026, 5, 1), "expiry_date": date(2026, 4, 1),
            })

    def test_expiring_within_30_days(self):
        """Certificates expiring within 30 days are listed, except those already renewed."""
        Cert = self.env["school.canteen.health.certificate"].with_user(self.canteen_manager)
        washer_cert = Cert.create({
            "name": "JK-2026-003", "employee_id": self.washer.id,
            "issue_date": date(2025, 12, 20), "expiry_date": date(2026, 12, 20),
        })
        with freeze_time("2026-11-10"):
            expiring = Cert.search([("is_expiring", "=", True)])
            self.assertIn(self.helper_cert, expiring)  # 20 days left
            self.assertNotIn(washer_cert, expiring)  # 40 days left
            self.assertNotIn(self.cook_cert, expiring)
            self.assertEqual(self.helper_cert.with_user(self.canteen_manager).status, "expiring")
            renewed = Cert.create({
                "name": "JK-2026-009", "employee_id": self.helper.id,
                "issue_date": date(2026, 11, 5), "expiry_date": date(2027, 11, 4),
            })
            expiring = Cert.search([("is_expiring", "=", True)])
            self.assertNotIn(self.helper_cert, expiring)
            self.assertNotIn(renewed, expiring)
            self.helper_cert.invalidate_recordset(["status"])
            self.assertEqual(self.helper_cert.with_user(self.canteen_manager).status, "replaced")

    def test_cron_reminds_manager_once(self):
        """The daily cron gives the canteen manager one activity per certificate expiring soon."""
        cron = self.env.ref("school_canteen.ir_cron_school_canteen_health_cert_reminder")
        activity_type = self.env.ref("school_canteen.mail_activity_type_canteen_health_cert")

        def reminders():
            return self.env["mail.activity"].search([
                ("res_model", "=", "school.canteen.health.certificate"), ("activity_type_id", "=", activity_type.id),
            ])

        with freeze_time("2026-10-01"):
            cron.method_direct_trigger()
            self.assertFalse(reminders())
        with freeze_time("2026-11-10"):
            cron.method_direct_trigger()
            self.assertEqual(len(reminders()), 1)
            self.assertRecordValues(reminders(), [{
                "res_id": self.helper_cert.id, "user_id": self.canteen_manager.id,
                "date_deadline": date(2026, 11, 30),
            }])
        with freeze_time("2026-11-11"):
            cron.method_direct_trigger()
            self.assertEqual(len(reminders()), 1, "a second run reminds nobody again")


class TestMorningCheck(CanteenDailyCommon):
    def _check(self, employee=None, **vals):
        return self.env["school.canteen.morning.check"].with_user(self.cook_user).create({
            "date": "2026-11-10", "employee_id": (employee or self.helper).id, "temperature": 36.6, **vals,
        })

    def test_pass_fail(self):
        """Fever, a symptom, a hand wound or a dirty uniform fail the morning check."""
        self.assertEqual(self._check().result, "pass")
        self.assertEqual(self._check(employee=self.cook, temperature=37.5).result, "fail")
        self.assertTrue(self.env["school.canteen.morning.check"].search([("employee_id", "=", self.cook.id)]).has_fever)
        self.assertEqual(self._check(employee=self.washer, hand_wound=True).result, "fail")
        self.assertEqual(self._check(employee=self.manager_employee, uniform_ok=False).result, "fail")
        check = self._check(employee=self.helper, date="2026-11-11", diarrhoea=True)
        self.assertEqual(check.result, "fail")
        with self.assertRaises(UserError):  # a failed check is corrected by the canteen manager only
            check.diarrhoea = False
        check.with_user(self.canteen_manager).diarrhoea = False
        self.assertEqual(check.result, "pass")

    def test_fever_threshold_configurable(self):
        """The fever threshold comes from the settings."""
        self.school.canteen_fever_temperature = 37.0
        self.assertEqual(self._check(temperature=37.1).result, "fail")

    def test_one_check_per_employee_per_day(self):
        """An employee has one morning check a day."""
        self._check()
        # refused with the constraint's message (school_base turns a user's duplicate into a ValidationError)
        with self.assertRaises(ValidationError), mute_logger("odoo.sql_db"):
            self._check()
            self.env.flush_all()

    def test_implausible_temperature(self):
        """A typo such as 365 °C is refused."""
        with self.assertRaises(ValidationError):
            self._check(temperature=365)


class TestShift(CanteenDailyCommon):
    def _shift(self, employees, day="2026-11-10"):
        return self.env["school.canteen.shift"].with_user(self.canteen_manager).create({
            "date": day, "meal": "lunch", "post": "cooking", "employee_ids": [(6, 0, employees.ids)],
        })

    def _check(self, employee, **vals):
        return self.env["school.canteen.morning.check"].with_user(self.cook_user).create({
            "date": "2026-11-10", "employee_id": employee.id, "temperature": 36.5, **vals,
        })

    def test_failed_morning_check_blocks_shift(self):
        """Someone who failed that day's morning check cannot be put on that day's shift."""
        self._check(self.cook, hand_wound=True)
        self._check(self.helper)
        with self.assertRaises(ValidationError):
            self._shift(self.cook | self.helper)
        shift = self._shift(self.helper)
        with self.assertRaises(ValidationError):
            shift.employee_ids |= self.cook
        # the next day the cook passed no check yet but holds a valid certificate
        self.assertTrue(self._shift(self.cook, day="2026-11-11"))

    def test_no_valid_certificate_blocks_shift(self):
        """Someone without a valid health certificate on the shift day cannot work it."""
        with self.assertRaises(ValidationError):
            self._shift(self.washer)  # no certificate at all
        with self.assertRaises(ValidationError):
            self._shift(self.helper, day="2026-12-01")  # expired on 30 November
        self.assertTrue(self._shift(self.helper, day="2026-11-30"))

    def test_batch_of_shifts_checked_in_one_search(self):
        """A batch of shifts looks up the certificates of all its workers at once, not one by one."""
        Certificate = type(self.env["school.canteen.health.certificate"])
        with patch.object(Certificate, "search", autospec=True, side_effect=Certificate.search) as search:
            shifts = self.env["school.canteen.shift"].with_user(self.canteen_manager).create([
                {"date": day, "meal": meal, "post": "cooking", "employee_ids": [(6, 0, (self.cook | self.helper).ids)]}
                for day in ("2026-11-10", "2026-11-11") for meal in ("breakfast", "lunch")
            ])
        self.assertEqual(len(shifts), 4)
        self.assertEqual(search.call_count, 1, "one search for the certificates of every worker of the batch")
        with self.assertRaises(ValidationError):
            self.env["school.canteen.shift"].with_user(self.canteen_manager).create([
                {"date": "2026-11-10", "meal": "dinner", "post": "cooking", "employee_ids": [(6, 0, self.cook.ids)]},
                {"date": "2026-12-01", "meal": "lunch", "post": "cooking", "employee_ids": [(6, 0, self.helper.ids)]},
            ])

    def test_failing_after_planning_asks_for_replacement(self):
        """A worker already on the shift who then fails the check gives the manager a to-do."""
        shift = self._shift(self.cook | self.helper)
        self._check(self.cook, temperature=38.2)
        self.assertEqual(shift.activity_ids.user_id, self.canteen_manager)
        self.assertIn("王师傅", shift.activity_ids.summary)

    def test_check_corrected_to_fail_warns_once(self):
        """A passed check corrected to failed warns the manager once, not at every later edit."""
        shift = self._shift(self.helper)
        check = self._check(self.helper)
        self.assertFalse(shift.activity_ids)
        check.hand_wound = True
        self.assertEqual(len(shift.activity_ids), 1)
        check.note = "已包扎，调离切配岗位"
        self.assertEqual(len(shift.activity_ids), 1)
