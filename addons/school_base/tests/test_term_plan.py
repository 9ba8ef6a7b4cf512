from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import Form

from .common import SchoolBaseCommon


class TestTermPlan(SchoolBaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Term = cls.env["school.term"]
        cls.term_2025 = Term.create({"name": "2025秋", "date_start": "2025-08-20", "date_end": "2026-01-31"})
        cls.term_2026 = Term.create({"name": "2026秋", "date_start": "2026-08-20", "date_end": "2027-01-31"})
        cls.plan = cls.env["school.term.plan"].create(
            {
                "name": "2025秋后勤工作计划",
                "term_id": cls.term_2025.id,
                "responsible_user_id": cls.manager.id,
                "task_ids": [
                    (0, 0, {"name": "制订新学期后勤工作计划", "date_deadline": "2025-08-31", "responsible_user_id": cls.manager.id}),
                    (0, 0, {"name": "紧急疏散演练", "date_deadline": "2025-09-30", "responsible_user_id": cls.officer.id}),
                    (0, 0, {"name": "冬季消防安全检查", "date_deadline": "2025-11-30", "responsible_user_id": cls.officer.id}),
                    (0, 0, {"name": "做好寒假教师值班表", "date_deadline": "2026-01-31", "responsible_user_id": cls.staff.id}),
                ],
            }
        )
        cls.activity_type = cls.env.ref("school_base.mail_activity_type_term_plan_task")

    def _activities(self, tasks):
        return self.env["mail.activity"].search(
            [("res_model", "=", "school.term.plan.task"), ("res_id", "in", tasks.ids),
             ("activity_type_id", "=", self.activity_type.id)]
        )

    def test_start_reminds_responsible(self):
        """Starting the plan reminds each responsible person with an activity due on the deadline."""
        self.assertFalse(self._activities(self.plan.task_ids))
        self.plan.action_start()
        activities = self._activities(self.plan.task_ids)
        self.assertEqual(len(activities), 4)
        drill = self.plan.task_ids.filtered(lambda t: t.name == "紧急疏散演练")
        drill_activity = self._activities(drill)
        self.assertEqual(drill_activity.user_id, self.officer)
        self.assertEqual(drill_activity.date_deadline, date(2025, 9, 30))
        # reassigning moves the reminder
        drill.responsible_user_id = self.staff
        self.assertEqual(self._activities(drill).user_id, self.staff)
        # a task added to a running plan is reminded at once
        new = self.env["school.term.plan.task"].create(
            {"plan_id": self.plan.id, "name": "教辅材料结算", "date_deadline": "2025-11-20", "responsible_user_id": self.manager.id}
        )
        self.assertEqual(len(self._activities(new)), 1)
        drill.with_user(self.staff).action_done()
        self.assertFalse(self._activities(drill))
        self.assertEqual(drill.state, "done")

    def test_late_and_progress(self):
        """A task not done by its deadline is late; the plan shows progress and late tasks."""
        with freeze_time("2025-10-05"):
            tasks = self.plan.task_ids
            self.assertEqual(tasks.mapped("is_late"), [True, True, False, False])
            self.assertEqual(self.plan.late_count, 2)
            tasks[0].action_done()
            self.assertTrue(tasks[0].is_late, "done after its deadline still counts as late")
            self.assertEqual(self.plan.progress, 25.0)
            late = self.env["school.term.plan.task"].search([("is_late", "=", True), ("plan_id", "=", self.plan.id)])
            self.assertEqual(late, tasks[1])
            self.assertEqual(tasks[2].month, "2025-11")

    def test_copy_to_next_term(self):
        """Copying to another term keeps the tasks and moves deadlines to the same months."""
        self.plan.task_ids[3].action_cancel()
        with Form(self.env["school.term.plan.copy"].with_context(default_plan_id=self.plan.id)) as wizard:
            wizard.term_id = self.term_2026
        action = wizard.record.action_copy()
        new_plan = self.env["school.term.plan"].browse(action["res_id"])
        self.assertEqual(new_plan.term_id, self.term_2026)
        self.assertEqual(new_plan.state, "draft")
        self.assertRecordValues(
            new_plan.task_ids,
            [
                {"name": "制订新学期后勤工作计划", "date_deadline": date(2026, 8, 31), "state": "todo", "responsible_user_id": self.manager.id},
                {"name": "紧急疏散演练", "date_deadline": date(2026, 9, 30), "state": "todo", "responsible_user_id": self.officer.id},
                {"name": "冬季消防安全检查", "date_deadline": date(2026, 11, 30), "state": "todo", "responsible_user_id": self.officer.id},
            ],
        )
        self.assertEqual(len(self.plan.task_ids), 4, "the source plan is untouched")
        with self.assertRaises(UserError):
            self.plan._copy_to_term(self.term_2025)

    def test_start_needs_tasks(self):
        """An empty plan cannot be started."""
        empty = self.env["school.term.plan"].create({"name": "空计划", "term_id": self.term_2026.id})
        with self.assertRaises(UserError):
            empty.action_start()
