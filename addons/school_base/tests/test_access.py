from odoo.exceptions import AccessError, UserError

from .common import SchoolBaseCommon


class TestAccess(SchoolBaseCommon):
    def test_staff(self):
        """Staff read the school's places and fill their own inspections, nothing more."""
        Place = self.env["school.place"].with_user(self.staff)
        self.assertIn(self.gate, Place.search([]))
        with self.assertRaises(AccessError):
            Place.create({"name": "新地点"})
        with self.assertRaises(AccessError):
            self.gate.with_user(self.staff).name = "改名"
        with self.assertRaises(AccessError):
            self.template.with_user(self.staff).name = "改名"
        mine = self._new_inspection(user=self.staff)
        others = self._new_inspection(user=self.officer)
        self._answer(mine.with_user(self.staff))
        mine.with_user(self.staff).action_done()
        self.assertEqual(mine.state, "done")
        with self.assertRaises(AccessError):
            others.with_user(self.staff).line_ids[0].check_result = "pass"
        with self.assertRaises(AccessError):
            others.with_user(self.staff).note = "不是我的"
        with self.assertRaises(AccessError):
            others.with_user(self.staff).unlink()

    def test_head_teacher_updates_own_class_only(self):
        """A head teacher updates the headcount of their own class, not another's."""
        term = self.env["school.term"].create({"name": "2026秋", "date_start": "2026-09-01", "date_end": "2027-01-25"})
        teacher = self.env["hr.employee"].create({"name": "王丽", "user_id": self.head_teacher.id})
        own, other = self.env["school.class"].create(
            [
                {"name": "一年级(1)班", "grade": "1", "term_id": term.id, "head_teacher_id": teacher.id},
                {"name": "一年级(2)班", "grade": "1", "class_number": 2, "term_id": term.id},
            ]
        )
        own.with_user(self.head_teacher).headcount = 41
        self.assertEqual(own.headcount, 41)
        with self.assertRaises(AccessError):
            other.with_user(self.head_teacher).headcount = 40
        with self.assertRaises(AccessError):
            own.with_user(self.staff).headcount = 40

    def test_officer_and_manager(self):
        """Officers keep places, checklists and schedules; only managers delete and correct."""
        place = self.env["school.place"].with_user(self.officer).create({"name": "地下车库", "level": "area", "kind": "garage"})
        self.assertEqual(place.company_id, self.school)
        self.template.with_user(self.officer).passing_score = 90
        with self.assertRaises(AccessError):
            place.with_user(self.officer).unlink()
        place.with_user(self.manager).unlink()
        inspection = self._new_inspection(user=self.officer)
        self._answer(inspection)
        inspection.action_done()
        with self.assertRaises(UserError):
            inspection.with_user(self.officer).note = "补记"
        inspection.with_user(self.principal).note = "校长补记"
        self.assertEqual(inspection.note, "校长补记")

    def test_two_schools_kept_apart(self):
        """A user of one school sees none of another school's records."""
        inspection = self._new_inspection(user=self.officer)
        other_ctx = {"allowed_company_ids": self.other_school.ids}
        other = self.env["school.place"].with_user(self.other_officer).with_context(**other_ctx)
        self.assertEqual(other.search([]), self.other_gate)
        for record in (self.gate, self.template, inspection):
            with self.assertRaises(AccessError):
                record.with_user(self.other_officer).with_context(**other_ctx).read(["name"])
        Inspection = self.env["school.inspection"].with_user(self.other_officer).with_context(**other_ctx)
        self.assertFalse(Inspection.search([]))
        with self.assertRaises(UserError):
            # a place of another school cannot be inspected with this school's checklist
            self.env["school.inspection"].create(
                {"template_id": self.template.id, "place_id": self.other_gate.id, "company_id": self.school.id}
            )
        self.assertFalse(
            self.env["school.place"].with_user(self.officer).search([("id", "=", self.other_gate.id)])
        )
