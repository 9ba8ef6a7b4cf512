from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.school_base.tests.common import SchoolBaseCommon

from ..models.school_inspection_template import SAFETY_CATEGORIES

PNG = b"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
KEY_PLACE_KINDS = ("gate", "toilet", "drinking_water", "stairs", "playground")


@tagged("post_install", "-at_install")
class TestKeyPlaceFollowUp(SchoolBaseCommon):
    """Seed 000: a failed item of the daily patrol opens a hazard at every key place."""

    def test_demo_key_places_open_hazards(self):
        """The guard fails one item of every safety checklist of the demo: each opens a hazard
        at the inspected place, naming the failed item."""
        school = self.env.ref("base.main_company")
        guard = self.env.ref("school_base.res_users_guard_demo")
        env = self.env(context=dict(self.env.context, allowed_company_ids=school.ids))
        templates = env["school.inspection.template"].search(
            [("company_id", "=", school.id), ("category", "in", SAFETY_CATEGORIES)]
        )
        self.assertTrue(set(KEY_PLACE_KINDS) <= set(templates.mapped("place_kind")))
        # none is left without a follow-up unless it says so (the greening upkeep check is scored
        # only: "none" is chosen, visibly); a few open their own addon's record (class property → damage)
        for template in templates:
            if template.follow_up_model == "none":
                self.assertFalse(template.place_kind in KEY_PLACE_KINDS, template.name)
                continue
            self.assertTrue(template._get_follow_up_model(), template.name)
        walked = set()
        for template in templates.filtered(lambda t: t._get_follow_up_model() == "school.safety.hazard"):
            self.assertTrue(template._get_auto_follow_up(), template.name)
            place = env["school.place"].search(
                [("company_id", "=", school.id)]
                + ([("kind", "=", template.place_kind)] if template.place_kind else [("level", "=", "area")]),
                limit=1,
            )
            self.assertTrue(place, template.name)
            inspection = env["school.inspection"].with_user(guard).create(
                {"template_id": template.id, "place_id": place.id, "company_id": school.id}
            )
            failing = inspection.line_ids.filtered(lambda line: line.item_type == "check")[:1]
            self.assertTrue(failing, template.name)
            self._answer_within_limits(inspection.with_user(guard), failing)
            inspection.with_user(guard).action_done()
            hazard = failing.follow_up_ref
            self.assertEqual(hazard._name, "school.safety.hazard", template.name)
            self.assertEqual(hazard.place_id, place, template.name)
            self.assertIn(failing.name, hazard.description)
            self.assertEqual(hazard.inspection_line_id, failing)
            walked.add(template.place_kind)
        self.assertTrue(set(KEY_PLACE_KINDS) <= walked)

    def _answer_within_limits(self, inspection, failing):
        for line in inspection.line_ids:
            vals = {
                "check": {"check_result": "fail" if line == failing else "pass"},
                "number": {"value_number": line.min_value, "value_number_set": True},
                "text": {"value_text": "正常"},
                "photo": {"photo": PNG},
            }[line.item_type]
            if line == failing:
                vals.update(photo=PNG, note="巡查发现")
            line.write(vals)

    def test_new_safety_checklist_opens_hazards_by_default(self):
        """A checklist made without naming a follow-up opens hazards; a hygiene check does not."""
        Template = self.env["school.inspection.template"]
        toilet = Template.create({"name": "厕所巡视", "category": "patrol", "place_kind": "toilet"})
        self.assertEqual(toilet.follow_up_model, "school.safety.hazard")
        self.assertTrue(toilet.auto_follow_up)
        fire = Template.create({"name": "消防点巡视", "category": "patrol", "place_kind": "fire_point"})
        self.assertEqual(fire.hazard_category, "fire")
        hygiene = Template.create({"name": "教室卫生", "category": "hygiene"})
        self.assertEqual(hygiene.follow_up_model, "none")

    def test_no_follow_up_is_a_deliberate_choice(self):
        """'No follow-up' opens nothing, and the follow-up button says so."""
        self.template.follow_up_model = "none"
        inspection = self._new_inspection()
        self._answer(inspection, failing=["报警装置正常"])
        inspection.action_done()
        line = inspection.line_ids.filtered("is_failed")
        self.assertFalse(line.follow_up_ref)
        with self.assertRaisesRegex(UserError, "no follow-up"):
            line.action_create_follow_up()

    def test_checklist_without_choice_falls_back_on_hazard(self):
        """A checklist left empty (made before this addon was installed) still opens a hazard,
        and the install step fills it in."""
        self.env.cr.execute(
            "UPDATE school_inspection_template SET follow_up_model = NULL, auto_follow_up = FALSE WHERE id = %s",
            [self.template.id],
        )
        self.template.invalidate_recordset()
        inspection = self._new_inspection()
        self._answer(inspection, failing=["报警装置正常"])
        inspection.action_done()
        self.assertEqual(inspection.line_ids.filtered("is_failed").follow_up_ref._name, "school.safety.hazard")
        self.env["school.inspection.template"]._fill_default_follow_up()
        self.assertEqual(self.template.follow_up_model, "school.safety.hazard")
