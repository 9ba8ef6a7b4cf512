from odoo.exceptions import AccessError, UserError

from .common import SchoolBaseCommon


class TestRegulation(SchoolBaseCommon):
    """制度汇编: rules with versions and an effective date, acknowledged by the staff they concern."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Employee = cls.env["hr.employee"]
        cls.guard_job = cls.env["hr.job"].create({"name": "保安", "company_id": cls.school.id})
        cls.guard_employee = Employee.create(
            {"name": "王建国", "user_id": cls.staff.id, "job_id": cls.guard_job.id, "company_id": cls.school.id}
        )
        cls.teacher_employee = Employee.create(
            {"name": "陈丽", "user_id": cls.head_teacher.id, "company_id": cls.school.id}
        )
        cls.regulation = cls.env["school.regulation"].with_user(cls.officer).create({
            "name": "门卫管理制度", "code": "HQ-01", "category": "safety",
            "job_ids": [(6, 0, cls.guard_job.ids)], "employee_ids": [(6, 0, cls.teacher_employee.ids)],
            "template_ids": [(6, 0, cls.template.ids)],
        })

    def _version(self, name="2025年版", date="2025-09-01"):
        return self.env["school.regulation.version"].with_user(self.officer).create(
            {"regulation_id": self.regulation.id, "name": name, "date_effective": date, "body": "<p>24小时值班</p>"}
        )

    def test_publish_and_acknowledge(self):
        """Publishing asks the post's holders and the named staff; each acknowledges only their own."""
        version = self._version()
        self.assertFalse(self.regulation.current_version_id)
        with self.assertRaises(UserError):
            version.with_user(self.staff).action_publish()
        version.with_user(self.officer).action_publish()
        self.assertEqual(self.regulation.current_version_id, version)
        self.assertEqual(set(version.ack_ids.employee_id), {self.guard_employee, self.teacher_employee})
        guard_ack = version.ack_ids.filtered(lambda ack: ack.employee_id == self.guard_employee)
        with self.assertRaises(UserError):
            guard_ack.with_user(self.head_teacher).action_acknowledge()
        # staff see their own acknowledgement requests, not the others'
        self.assertEqual(self.env["school.regulation.ack"].with_user(self.staff).search([]), guard_ack)
        guard_ack.with_user(self.staff).action_acknowledge()
        self.assertEqual(guard_ack.state, "done")
        self.assertTrue(guard_ack.date_ack)
        self.assertEqual(version.ack_done_count, 1)
        with self.assertRaises(UserError):
            guard_ack.with_user(self.staff).write({"state": "pending"})
        with self.assertRaises(AccessError):
            version.ack_ids.filtered(lambda ack: ack.state == "pending").with_user(self.staff).read(["state"])
        # a published version is the text in force: locked
        with self.assertRaises(UserError):
            version.with_user(self.officer).write({"body": "<p>改了</p>"})

    def test_newer_version_takes_over_on_its_date(self):
        old = self._version("2023年版", "2023-09-01")
        old.with_user(self.officer).action_publish()
        new = self._version("2099年版", "2099-09-01")
        new.with_user(self.officer).action_publish()
        self.assertEqual(self.regulation.current_version_id, old)
        self.assertEqual(self.regulation.date_effective.isoformat(), "2023-09-01")

    def test_linked_from_checklists_and_posts(self):
        self.assertEqual(self.template.regulation_ids, self.regulation)
        self.assertEqual(self.guard_job.regulation_ids, self.regulation)

    def test_two_schools_kept_apart(self):
        other = self.env["school.regulation"].with_user(self.other_officer).with_context(
            allowed_company_ids=self.other_school.ids
        )
        self.assertFalse(other.search([]))
        with self.assertRaises(AccessError):
            self.regulation.with_user(self.other_officer).with_context(
                allowed_company_ids=self.other_school.ids).read(["name"])
        with self.assertRaises(AccessError):
            self.env["school.regulation"].with_user(self.staff).create({"name": "x"})
