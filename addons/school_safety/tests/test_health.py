import io
from datetime import date

import openpyxl

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .test_visitor import GateCommon

DAY = date(2026, 11, 16)


@tagged("post_install", "-at_install")
class TestHealth(GateCommon):
    """Daily class health reports, the school's figures for the bureau, outbreak alerts, the
    contact network and who reads a student's health details."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()

        user = cls._new_user
        cls.doctor = user("t_doctor", "school_safety.group_safety_health_doctor")
        cls.reporter = user("t_reporter", "school_safety.group_safety_health_reporter")
        cls.other_doctor = user("t_other_doctor", "school_safety.group_safety_health_doctor", cls.other_school)
        cls.class_1.headcount = 40
        cls.class_2.headcount = 42
        cls.other_class.headcount = 30
        cls.school.principal_user_id = cls.principal
        cls.Report = cls.env["school.safety.health.report"]
        cls.Daily = cls.env["school.safety.health.daily"]

    def _report(self, school_class=None, cases=(), user=None, day=DAY, **vals):
        school_class = school_class or self.class_1
        user = user or school_class.head_teacher_user_id
        return self._as(self.Report, user).create({
            "date": day, "class_id": school_class.id,
            "line_ids": [(0, 0, {"student_name": name, **case}) for name, case in cases],
            **vals,
        })

    def _flu(self, count, absent=True):
        return [(f"学生{n}", {"absent": absent, "fever": True, "illness": "influenza_a"}) for n in range(count)]

    def test_report_counts_and_sender(self):
        """The head teacher reports; the counts follow the cases; only they send their class's report."""
        report = self._report(cases=[*self._flu(2), ("周子轩", {"absent": False, "cough": True, "illness": "cold"})],
                              absent_other_count=1)
        self.assertRecordValues(report, [{
            "headcount": 40, "absent_illness_count": 2, "symptom_count": 3, "fever_count": 2,
            "influenza_a_count": 2, "present_count": 37, "state": "draft",
        }])
        with self.assertRaises(UserError):
            self._report(school_class=self.class_1, user=self.head_teacher_2, day=date(2026, 11, 17))
        with self.assertRaises(AccessError):
            self._as(report, self.head_teacher_2).action_submit()
        with self.assertRaises(UserError):
            self._as(report, self.head_teacher).write({"state": "submitted"})
        self._as(report, self.head_teacher).action_submit()
        self.assertEqual(report.state, "submitted")
        self.assertEqual(report.submitted_user_id, self.head_teacher)
        # sent: locked for the head teacher
        with self.assertRaises(UserError):
            self._as(report.line_ids[0], self.head_teacher).student_name = "改名"
        # the case is still followed: back at school
        self._as(report.line_ids[0], self.doctor).return_date = date(2026, 11, 20)

    def test_health_details_access(self):
        """A student's health details: the class's head teacher, the doctor and the reporter; the principal
        and the safety manager read the counts only; other teachers and staff nothing."""
        report = self._report(cases=self._flu(1))
        self._as(report, self.head_teacher).action_submit()
        line = report.line_ids
        for user in (self.head_teacher, self.doctor, self.reporter):
            self.assertEqual(self._as(line, user).student_name, "学生0", user.login)
        for user in (self.principal, self.safety_manager, self.manager):
            self.assertEqual(self._as(report, user).absent_illness_count, 1, user.login)
            with self.assertRaises(AccessError):
                self._as(line, user).read(["student_name"])
        # the principal holds the head teacher's rights, for the classes they lead only: the report's
        # form shows them no case
        self.assertFalse(self._as(report, self.principal).line_ids)
        self.assertEqual(self._as(report, self.principal).web_read({"line_ids": {"fields": {"student_name": {}}}})[0]["line_ids"], [])
        self.assertFalse(self._as(self.env["school.safety.health.report.line"], self.principal).search([]))
        for user in (self.head_teacher_2, self.staff, self.guard):
            with self.assertRaises(AccessError):
                self._as(line, user).read(["student_name"])
        for user in (self.staff, self.guard):
            with self.assertRaises(AccessError):
                self._as(report, user).read(["absent_illness_count"])
        # the other school's doctor sees nothing of this school
        with self.assertRaises(AccessError):
            self._as(line, self.other_doctor).read(["student_name"])

    def test_daily_figures_sent_by_reporter(self):
        """The class reports open the school's figures; only the reporter sends them, then they are frozen."""
        self._as(self._report(cases=self._flu(1)), self.head_teacher).action_submit()
        draft = self._report(school_class=self.class_2, cases=self._flu(2))
        daily = self.Daily.search([("company_id", "=", self.school.id), ("date", "=", DAY)])
        self.assertEqual(len(daily), 1)
        self.assertEqual(daily.absent_illness_count, 1, "the figures follow the reports sent")
        self._as(daily, self.reporter).action_refresh()
        self.assertRecordValues(daily, [{
            "reported_class_count": 1, "class_count": 2, "student_count": 40, "absent_illness_count": 1,
            "influenza_a_count": 1,
        }])
        self.assertEqual(daily.missing_class_names, "三年级(3)班")
        for user in (self.principal, self.head_teacher, self.doctor):
            with self.assertRaises(UserError):
                self._as(daily, user).action_submit()
        with self.assertRaises(UserError):
            self._as(daily, self.reporter).write({"absent_illness_count": 0})
        self._as(daily, self.reporter).action_submit()
        self.assertEqual(daily.state, "submitted")
        self.assertEqual(daily.submitted_user_id, self.reporter)
        # a report sent afterwards does not change what the bureau received
        self._as(draft, self.head_teacher_2).action_submit()
        self.assertEqual(daily.absent_illness_count, 1)
        self.assertEqual(self._as(daily, self.principal).influenza_a_count, 1)

    def test_outbreak_threshold_alerts_principal(self):
        """Reaching the school's class threshold alerts the principal once; each school sets its own."""
        self.school.health_class_case_threshold = 2
        self._as(self._report(cases=self._flu(1)), self.head_teacher).action_submit()
        daily = self.Daily.search([("company_id", "=", self.school.id), ("date", "=", DAY)])
        self.assertFalse(daily.alert_note)
        self._as(self._report(school_class=self.class_2, cases=self._flu(2)), self.head_teacher_2).action_submit()
        self.assertIn("三年级(3)班", daily.alert_note)
        activities = daily.activity_ids.filtered(lambda a: a.user_id == self.principal)
        self.assertEqual(len(activities), 1)
        daily.with_user(self.reporter).action_refresh()
        self.assertEqual(len(daily.activity_ids.filtered(lambda a: a.user_id == self.principal)), 1)
        # the other school keeps the default threshold (3): two cases alert nobody there
        self.assertEqual(self.other_school.health_class_case_threshold, 3)
        other = self.Report.with_user(self.other_head_teacher).with_context(
            allowed_company_ids=self.other_school.ids
        ).create({
            "date": DAY, "class_id": self.other_class.id, "company_id": self.other_school.id,
            "line_ids": [(0, 0, {"student_name": f"二小{n}", "absent": False, "illness": "influenza_a"}) for n in range(2)],
        })
        other.with_user(self.other_head_teacher).with_context(allowed_company_ids=self.other_school.ids).action_submit()
        other_daily = self.Daily.search([("company_id", "=", self.other_school.id), ("date", "=", DAY)])
        self.assertFalse(other_daily.alert_note)

    def test_absence_rate_alert(self):
        """Many students absent for illness alert the principal even without a diagnosis."""
        self.school.health_absence_rate_threshold = 5.0
        cases = [(f"学生{n}", {"absent": True, "illness": "unknown"}) for n in range(2)]
        self._as(self._report(cases=cases), self.head_teacher).action_submit()
        daily = self.Daily.search([("company_id", "=", self.school.id), ("date", "=", DAY)])
        self.assertIn("2", daily.alert_note)
        with self.assertRaises(UserError):
            self.school.with_user(self.principal).sudo().health_absence_rate_threshold = 0

    def test_contact_network_access(self):
        """Parents' contacts: their class's head teacher, the doctor and the reporter; the other levels: all staff."""
        Contact = self.env["school.safety.health.contact"]
        school_level = Contact.create({"level": "school", "name": "周校长", "duty": "组长", "phone": "13900000001"})
        parent = self._as(Contact, self.head_teacher).create({
            "level": "parent", "name": "李海燕", "student_name": "张一鸣", "phone": "13813560231",
            "class_id": self.class_1.id,
        })
        for user in (self.head_teacher, self.doctor, self.reporter):
            self.assertEqual(self._as(parent, user).phone, "13813560231")
        for user in (self.principal, self.safety_manager, self.staff, self.head_teacher_2):
            with self.assertRaises(AccessError):
                self._as(parent, user).read(["phone"])
            self.assertEqual(self._as(school_level, user).phone, "13900000001")
        with self.assertRaises(AccessError):
            self._as(Contact, self.head_teacher_2).create({
                "level": "parent", "name": "x", "student_name": "y", "class_id": self.class_1.id,
            })
        with self.assertRaises(UserError):
            Contact.create({"level": "parent", "name": "无班级", "student_name": "y"})

    def test_influenza_ledger_xlsx(self):
        """甲流防控台帐: the reporter prints every influenza A case; the principal has nothing to print."""
        self._as(self._report(cases=[*self._flu(2), ("周子轩", {"illness": "cold"})]), self.head_teacher).action_submit()
        with Form(self.env["school.safety.health.ledger"].with_user(self.reporter)) as form:
            form.period = "day"
            form.date = DAY
        wizard = form.record
        self.assertEqual(wizard.illness, "influenza_a")
        self.assertEqual(wizard.action_print()["report_type"], "xlsx")
        report = self.env.ref("school_safety.action_report_school_safety_health_ledger_xlsx")
        content, _type = report.with_user(self.reporter)._render(report.report_name, wizard.ids, {})
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        values = [[cell.value for cell in row] for row in sheet.iter_rows()]
        students = [row[3] for row in values if row[3] and str(row[3]).startswith("学生")]
        self.assertEqual(students, ["学生0", "学生1"])
        ledger = self.env["school.safety.health.ledger"].with_user(self.principal).create(
            {"period": "day", "date": DAY}
        )
        with self.assertRaises(UserError):
            ledger.action_print()

    def test_report_form_as_head_teacher(self):
        """The head teacher fills the day's report in the form, one line per student."""
        with Form(self._as(self.Report, self.head_teacher)) as form:
            form.class_id = self.class_1
            form.date = DAY
            self.assertEqual(form.headcount, 40)
            with form.line_ids.new() as line:
                line.student_name = "张一鸣"
                line.fever = True
                line.temperature = 38.5
                line.illness = "influenza_a"
        report = form.record
        self.assertEqual(report.absent_illness_count, 1)
        self.assertEqual(report.present_count, 39)
        with Form(self._as(self.env["school.safety.health.daily"], self.reporter)) as form:
            form.date = date(2026, 11, 18)
        self.assertEqual(form.record.state, "draft")
