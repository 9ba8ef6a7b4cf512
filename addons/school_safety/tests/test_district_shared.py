from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .test_drill import SafetyDrillCommon

# the rows every school shares (school.district.mixin), with a shipped row of each
SHARED = (
    ("school.safety.hazard.severity", "school_safety.hazard_severity_major"),
    ("school.safety.education.day", "school_safety.school_safety_education_day_students"),
    ("school.safety.agreement.template", "school_safety.school_safety_agreement_template_teacher"),
)


@tagged("post_install", "-at_install")
class TestDistrictSharedRows(SafetyDrillCommon):
    """What the district shares belongs to the district: a school changes only its own copy."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.bureau = new_test_user(
            cls.env, login="t_bureau", groups="base.group_user,school_base.group_school_bureau",
            company_id=cls.school.id, company_ids=[(6, 0, (cls.school | cls.other_school).ids)],
        )

    def _shared(self):
        return [(model, self.env.ref(xmlid)) for model, xmlid in SHARED]

    def test_no_school_role_changes_a_district_row(self):
        for model, row in self._shared():
            self.assertFalse(row.company_id)
            for user in (self.principal, self.manager, self.safety, self.other_safety):
                as_user = row.with_user(user).with_context(allowed_company_ids=user.company_ids.ids)
                with self.assertRaises(AccessError):
                    as_user.write({"name": "被改掉的名称"})
                with self.assertRaises(AccessError):
                    as_user.unlink()
                with self.assertRaises(AccessError):
                    self.env[model].with_user(user).with_context(allowed_company_ids=user.company_ids.ids).create(
                        {**self._required(model), "company_id": False}
                    )
            self.assertNotEqual(row.name, "被改掉的名称")

    def test_bureau_changes_a_district_row(self):
        for model, row in self._shared():
            row.with_user(self.bureau).with_context(allowed_company_ids=(self.school | self.other_school).ids).write({"name": f"{row.name}（区）"})
            self.assertTrue(row.name.endswith("（区）"))
            created = self.env[model].with_user(self.bureau).with_context(allowed_company_ids=(self.school | self.other_school).ids).create(self._required(model))
            self.assertFalse(created.company_id, "the bureau's new rows are the district's")

    def test_school_copy_replaces_the_district_row_for_that_school_alone(self):
        for model, row in self._shared():
            action = row.with_user(self.safety).action_make_school_copy()
            copy = self.env[model].browse(action["res_id"])
            self.assertEqual(copy.company_id, self.school)
            self.assertEqual(copy.district_origin_id, row)
            copy.with_user(self.safety).write({"name": "本校的措辞"})
            self.assertEqual(copy.name, "本校的措辞")
            # the school sees its copy in place of the district's row
            mine = self.env[model].with_user(self.safety).search([])
            self.assertIn(copy, mine)
            self.assertNotIn(row, mine)
            # the other school still sees the district's row, and not the copy
            theirs = self.env[model].with_user(self.other_safety).with_context(allowed_company_ids=self.other_school.ids).search([])
            self.assertIn(row, theirs)
            self.assertNotIn(copy, theirs)
            with self.assertRaises(AccessError):
                copy.with_user(self.other_safety).with_context(allowed_company_ids=self.other_school.ids).write({"name": "二小改的"})
            # the bureau keeps sight of both
            everything = self.env[model].with_user(self.bureau).with_context(allowed_company_ids=(self.school | self.other_school).ids).search([])
            self.assertIn(row, everything)
            self.assertIn(copy, everything)
            # once replaced, the district's row is out of the school's sight
            with self.assertRaises(AccessError):
                row.with_user(self.safety).action_make_school_copy()

    @staticmethod
    def _required(model):
        return {
            "school.safety.hazard.severity": {"name": "特别重大"},
            "school.safety.education.day": {"name": "防灾减灾日", "month": 5, "day": 12},
            "school.safety.agreement.template": {"name": "校车安全责任状", "role": "other"},
        }[model]
