import re

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form

from .common import SchoolBaseCommon


class TestInspection(SchoolBaseCommon):
    def test_lines_copied_from_template(self):
        """An inspection copies the checklist's items in order, with a reference."""
        inspection = self._new_inspection()
        self.assertEqual(inspection.line_ids.mapped("name"), ["来访登记完整", "报警装置正常", "门卫室温度", "值班记录"])
        self.assertTrue(inspection.name.startswith("INS/"))
        self.assertEqual(inspection.state, "draft")
        with Form(self.env["school.inspection"]) as form:
            form.template_id = self.template
            form.place_id = self.gate
            self.assertEqual(len(form.line_ids), 4)
        self.assertEqual(form.record.inspector_user_id, self.env.user)

    def test_score(self):
        """The score is the weighted share of passed items; text items do not count."""
        inspection = self._new_inspection()
        self._answer(inspection)
        self.assertEqual(inspection.score, 100)
        self.assertEqual(inspection.result, "pass")
        inspection.line_ids.filtered(lambda line: line.name == "来访登记完整").check_result = "fail"
        # weights: 2 (failed) + 1 + 1 = 4 scored → 50 %
        self.assertAlmostEqual(inspection.score, 50.0)
        self.assertEqual(inspection.failed_count, 1)
        self.assertEqual(inspection.result, "fail")
        inspection.line_ids.filtered(lambda line: line.name == "来访登记完整").check_result = "na"
        self.assertEqual(inspection.score, 100)

    def test_number_limits(self):
        """A number outside its limits fails the item."""
        inspection = self._new_inspection()
        line = inspection.line_ids.filtered(lambda line: line.item_type == "number")
        line.value_number = 0
        self.assertTrue(line.has_answer, "zero is a reading too")
        self.assertTrue(line.is_failed)
        line.value_number = 25
        self.assertFalse(line.is_failed)
        line.value_number = 31
        self.assertTrue(line.is_failed)

    def test_finish_needs_answers_and_photos(self):
        """An inspection is finished only when every item is answered and failures have photos."""
        inspection = self._new_inspection()
        with self.assertRaises(ValidationError):
            inspection.action_done()
        self._answer(inspection, failing=["报警装置正常"], photo=False)
        with self.assertRaises(ValidationError):
            inspection.action_done()
        self.assertEqual(inspection.state, "draft")
        self._answer(inspection, failing=["报警装置正常"], photo=True)
        inspection.with_user(self.staff).action_done()
        self.assertEqual(inspection.state, "done")
        self.assertEqual(inspection.done_user_id, self.staff)
        self.assertTrue(inspection.date_done)

    def test_done_is_locked(self):
        """A finished inspection cannot be changed except by the logistics manager."""
        inspection = self._new_inspection()
        self._answer(inspection)
        inspection.with_user(self.staff).action_done()
        as_staff = inspection.with_user(self.staff)
        with self.assertRaises(UserError):
            as_staff.note = "改一下"
        with self.assertRaises(UserError):
            as_staff.line_ids[0].check_result = "fail"
        with self.assertRaises(UserError):
            inspection.with_user(self.officer).place_id = self.stairs
        with self.assertRaises(UserError):
            inspection.with_user(self.officer).action_reset_draft()
        with self.assertRaises(UserError):
            inspection.with_user(self.manager).unlink()
        as_staff.message_post(body="已完成巡查")  # discussing stays possible
        inspection.with_user(self.manager).line_ids[0].check_result = "fail"
        self.assertEqual(inspection.failed_count, 1)
        inspection.with_user(self.manager).action_reset_draft()
        self.assertEqual(inspection.state, "draft")
        self.assertFalse(inspection.done_user_id)

    def test_lock_message_names_the_record(self):
        """The lock message, data on the model, names the record and the fields it mentions, in the user's language."""
        inspection = self._new_inspection()
        self._answer(inspection)
        inspection.with_user(self.staff).action_done()
        name, user = re.escape(inspection.name), re.escape(self.staff.name)
        with self.assertRaisesRegex(UserError, f"{name} was finished by {user} on "):
            inspection.with_user(self.staff).note = "改一下"
        if self.env["res.lang"]._lang_get("zh_CN"):
            with self.assertRaisesRegex(UserError, f"检查 {name} 已由 {user} 于 .* 完成并锁定"):
                inspection.with_user(self.staff).with_context(lang="zh_CN").note = "改一下"

    def test_follow_up_needs_configuration(self):
        """A failed item asks for a follow-up target when the checklist has none."""
        inspection = self._new_inspection()
        self._answer(inspection, failing=["来访登记完整"])
        inspection.action_done()
        failed = inspection.line_ids.filtered("is_failed")
        with self.assertRaises(UserError):
            failed.action_create_follow_up()
        with self.assertRaises(UserError):
            inspection.line_ids.filtered(lambda line: not line.is_failed)[0].action_create_follow_up()

    def test_batch_create(self):
        """Inspections are created in batch with their lines."""
        inspections = self.env["school.inspection"].create(
            [
                {"template_id": self.template.id, "place_id": place.id, "company_id": self.school.id}
                for place in (self.gate, self.stairs)
            ]
        )
        self.assertRecordValues(
            inspections, [{"place_id": self.gate.id, "state": "draft"}, {"place_id": self.stairs.id, "state": "draft"}]
        )
        self.assertEqual(len(inspections.line_ids), 8)

    def test_start_from_place(self):
        """Opening a place from its QR starts my due inspection there, or a new one with the right checklist."""
        generic = self.env["school.inspection.template"].create({"name": "通用检查", "place_kind": False})
        action = self.gate.with_user(self.staff).action_start_inspection()
        self.assertNotIn("res_id", action)
        self.assertEqual(action["context"]["default_template_id"], self.template.id, "the gate's own checklist first")
        self.assertEqual(self.stairs.action_start_inspection()["context"]["default_template_id"], generic.id)
        with Form(self.env["school.inspection"].with_user(self.staff).with_context(**action["context"])) as form:
            self.assertEqual(len(form.line_ids), 4)
        self.assertEqual(form.record.place_id, self.gate)
        due = self._new_inspection(user=self.staff, date_planned="2026-01-01 00:00:00", date_deadline="2099-01-01 00:00:00")
        self._new_inspection(user=self.officer, date_planned="2025-12-31 00:00:00")
        action = self.gate.with_user(self.staff).action_start_inspection()
        self.assertEqual(action["res_id"], due.id)
        self.assertEqual(self.gate.inspection_count, 3)

    def test_kanban_columns_in_workflow_order(self):
        """Grouped by status, inspections show To Do, Done, Missed in that order, empty ones too."""
        inspection = self._new_inspection()
        groups = self.env["school.inspection"].read_group(
            [("id", "in", inspection.ids)], ["state"], ["state"]
        )
        self.assertEqual([group["state"] for group in groups], ["draft", "done", "missed"])
