from odoo_test_helper import FakeModelLoader

from odoo.exceptions import UserError

from .common import SchoolBaseCommon


class TestFollowUp(SchoolBaseCommon):
    """The follow-up override point, plugged by a fake domain model."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.loader = FakeModelLoader(cls.env, cls.__module__)
        cls.loader.backup_registry()
        from .fake_models import SchoolTestFollowUp

        cls.loader.update_registry((SchoolTestFollowUp,))
        cls.template.follow_up_model = "school.test.follow.up"
        cls.env["ir.model.access"].create(
            {
                "name": "test follow-up staff",
                "model_id": cls.env["ir.model"]._get_id("school.test.follow.up"),
                "group_id": cls.env.ref("school_base.group_school_staff").id,
                "perm_read": True, "perm_write": True, "perm_create": True,
            }
        )

    @classmethod
    def tearDownClass(cls):
        cls.loader.restore_registry()
        super().tearDownClass()

    def test_model_offered_on_templates(self):
        """Every model inheriting the mixin is offered as a follow-up target, and only those."""
        selection = dict(self.env["school.inspection.template"]._selection_follow_up_model())
        self.assertIn("school.test.follow.up", selection)
        self.assertNotIn("school.inspection.follow.up.mixin", selection)

    def test_failed_item_creates_follow_up(self):
        """A failed item creates one record through the override point and links it."""
        inspection = self._new_inspection()
        self._answer(inspection, failing=["报警装置正常"])
        inspection.action_done()
        line = inspection.line_ids.filtered("is_failed")
        action = line.with_user(self.staff).action_create_follow_up()
        record = self.env["school.test.follow.up"].browse(action["res_id"])
        self.assertEqual(action["res_model"], "school.test.follow.up")
        self.assertEqual(record.name, "整改: 报警装置正常")
        self.assertEqual(record.place_id, self.gate)
        self.assertEqual(record.inspection_line_id, line)
        self.assertEqual(record.inspection_id, inspection)
        self.assertEqual(line.follow_up_ref, record)
        with self.assertRaises(UserError):
            line.action_create_follow_up()
        self.assertEqual(self.env["school.test.follow.up"].search_count([("inspection_id", "=", inspection.id)]), 1)

    def test_auto_follow_up_on_finish(self):
        """With automatic follow-ups, finishing creates one per failed item and none for passed ones."""
        self.template.auto_follow_up = True
        inspection = self._new_inspection()
        self._answer(inspection, failing=["来访登记完整", "门卫室温度"])
        inspection.action_done()
        records = self.env["school.test.follow.up"].search([("inspection_id", "=", inspection.id)])
        self.assertEqual(len(records), 2)
        self.assertEqual(
            sorted(records.mapped("name")), sorted(["整改: 来访登记完整", "整改: 门卫室温度"])
        )
        self.assertTrue(all(inspection.line_ids.filtered("is_failed").mapped("follow_up_ref")))
        self.assertFalse(any(inspection.line_ids.filtered(lambda line: not line.is_failed).mapped("follow_up_ref")))
