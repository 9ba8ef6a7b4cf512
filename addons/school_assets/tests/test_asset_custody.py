
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common_asset_register import SchoolAssetCommon


@tagged("post_install", "-at_install")
class TestAssetCustody(SchoolAssetCommon):
    def _sign(self, handover, user=None):
        handover = handover.with_user(user or self.head_teacher)
        handover.signature = self.signature
        handover.action_sign()
        return handover

    def test_flow_term_start_to_award(self):
        """Flow 5: handover signed at term start → monthly check → damage → compensation → repair →
        term-end ranking puts the classes without man-made damage first."""
        # term start: the asset keeper prepares, the head teacher counts and signs
        handover = self._new_handover()
        self.assertEqual(handover.custodian_employee_id, self.head_employee)
        self.assertIn(self.projector, handover.line_ids.equipment_id)
        self.assertIn("Desks", handover.line_ids.mapped("name"))
        for line in handover.with_user(self.head_teacher).line_ids.filtered(lambda line: not line.equipment_id):
            line.write({"expected_qty": 6, "counted_qty": 6})
        handover.with_user(self.head_teacher).desk_agreement = True
        self._sign(handover)
        self.assertEqual(handover.state, "signed")
        self.assertTrue(handover.date_signed)
        other = self._new_handover(self.room_b, self.class_b)
        self._sign(other, self.asset_manager)

        # monthly check on the inspection engine: the shipped template raises damage records
        template = self.env.ref("school_assets.inspection_template_class_property").copy(
            {"company_id": self.school.id}
        )
        self.assertEqual(template.follow_up_model, "school.asset.damage")
        inspection = self.env["school.inspection"].with_user(self.officer).create(
            {"template_id": template.id, "place_id": self.room.id, "company_id": self.school.id,
             "date_planned": "2026-10-15 09:00:00"}
        )
        self._answer(inspection, failing=("Desks and chairs complete and undamaged",))
        inspection.line_ids.filtered("is_failed").note = "一张课桌桌腿断裂"
        inspection.action_done()
        line = inspection.line_ids.filtered("is_failed")
        line.action_create_follow_up()
        damage = line.follow_up_ref
        self.assertEqual(damage._name, "school.asset.damage")
        self.assertEqual(damage.class_id, self.school_class)
        self.assertEqual(damage.handover_id, handover)
        self.assertEqual(damage.term_id, self.term)
        self.assertEqual(damage.description, "一张课桌桌腿断裂")

        # who broke it pays (谁损坏谁负责)
        damage = damage.with_user(self.head_teacher)
        damage.write({"cause": "man_made", "student_name": "张小明", "cost": 120,
                      "compensation_amount": 120, "equipment_id": self.desks.id})
        self.assertEqual(damage.compensation_state, "due")
        damage.action_confirm()
        with self.assertRaises(UserError):
            damage.with_user(self.asset_manager).action_done()
        damage.with_user(self.asset_manager).action_mark_paid()
        self.assertEqual(damage.compensation_state, "paid")
        self.assertTrue(damage.date_paid)

        # and the repair goes through maintenance
        damage.action_create_repair()
        request = damage.repair_request_id
        self.assertTrue(request)
        self.assertEqual(request.equipment_id, self.desks)
        self.assertEqual(self.desks.asset_state, "repair")
        self.assertTrue(request.with_user(self.head_teacher).name)
        damage.with_user(self.asset_manager).action_done()
        self.assertEqual(damage.state, "done")

        # wear and tear in class B does not keep it from the award
        self.env["school.asset.damage"].create(
            {"term_id": self.term.id, "class_id": self.class_b.id, "description": "灯管老化",
             "cause": "wear", "cost": 25, "company_id": self.school.id}
        )
        award = self.env["school.asset.award"].with_user(self.head_teacher).create({"term_id": self.term.id})
        award.action_compute()
        ranking = award.line_ids.sorted("rank")
        self.assertEqual(len(ranking), 3)
        self.assertEqual(ranking[-1].class_id, self.school_class)
        self.assertFalse(ranking[-1].eligible)
        self.assertEqual(ranking[-1].man_made_count, 1)
        self.assertEqual(ranking[-1].man_made_cost, 120)
        self.assertEqual(set(ranking.filtered("eligible").class_id), {self.class_b, self.class_c})

        # ledgers: damage and compensation ledger (.xlsx) and the custody sheet (PDF)
        _content, kind = self.env["ir.actions.report"]._render(
            "school_assets.action_report_school_asset_damage_xlsx", damage.ids
        )
        self.assertEqual(kind, "xlsx")
        html = self.env["ir.actions.report"]._render_qweb_html(
            "school_assets.report_asset_custody_sheet", handover.ids
        )[0].decode()
        self.assertIn("三年级(2)班", html)
        self.assertIn("data:image/png;base64", html)

    def test_signature_locks_the_handover(self):
        """Signing needs a signature; once signed, neither items nor header can change."""
        handover = self._new_handover().with_user(self.head_teacher)
        with self.assertRaises(UserError):
            handover.action_sign()
        self._sign(handover)
        with self.assertRaises(UserError):
            handover.note = "改动"
        with self.assertRaises(UserError):
            handover.line_ids[0].counted_qty = 0
        with self.assertRaises(UserError):
            handover.write({"line_ids": [(0, 0, {"name": "椅子", "expected_qty": 1})]})
        with self.assertRaises(UserError):
            handover.with_user(self.asset_manager).unlink()
        # only the asset manager reopens it, and the signature goes
        with self.assertRaises(UserError):
            handover.action_reset_draft()
        handover.with_user(self.asset_manager).action_reset_draft()
        self.assertEqual(handover.state, "draft")
        self.assertFalse(handover.signature)

    def test_only_custodian_signs(self):
        """Another teacher cannot fill nor sign someone else's room."""
        handover = self._new_handover()
        with self.assertRaises(AccessError):
            handover.with_user(self.staff).write({"signature": self.signature})
        with self.assertRaises(AccessError):
            handover.line_ids[:1].with_user(self.staff).counted_qty = 1
        self.assertEqual(handover.with_user(self.staff).name, handover.name)

    def test_one_handover_per_room_and_term(self):
        """A room is handed over once per term."""
        self._new_handover()
        with mute_logger("odoo.sql_db"), self.assertRaises(ValidationError), self.cr.savepoint():
            self._new_handover()

    def test_damaged_line_creates_damage(self):
        """A damaged or missing item of a handover becomes a damage record of the class."""
        handover = self._new_handover()
        line = handover.line_ids.filtered(lambda line: line.equipment_id == self.desks)
        line.with_user(self.head_teacher).write({"counted_qty": 43, "condition": "missing", "note": "少两把椅子"})
        with self.assertRaises(UserError):
            handover.line_ids.filtered(lambda line: line.equipment_id == self.projector).action_create_damage()
        line.with_user(self.head_teacher).action_create_damage()
        self.assertEqual(line.damage_id.quantity, 2)
        self.assertEqual(line.damage_id.class_id, self.school_class)
        self.assertEqual(handover.damage_count, 1)

    def test_compensation_rules(self):
        """Only man-made damage is compensated, with the name of who caused it; paid needs a date."""
        Damage = self.env["school.asset.damage"]
        vals = {"term_id": self.term.id, "class_id": self.school_class.id, "description": "窗玻璃破损",
                "company_id": self.school.id}
        with self.assertRaises(ValidationError):
            Damage.create(dict(vals, cause="wear", compensation_amount=50, student_name="李四"))
        with self.assertRaises(ValidationError):
            Damage.create(dict(vals, cause="man_made", compensation_amount=50))
        with self.assertRaises(ValidationError):
            Damage.create(dict(vals, cause="man_made", compensation_amount=50, student_name="李四",
                               compensation_paid=True))

    def test_office_custodian_signs(self):
        """An office or special room is handed over to the person in charge of it."""
        office = self.env["school.place"].create(
            {"name": "音乐室", "level": "area", "kind": "special_room", "parent_id": self.building.id,
             "responsible_employee_id": self.staff_employee.id, "company_id": self.school.id}
        )
        form = Form(self.env["school.asset.handover"].with_user(self.asset_manager))
        form.term_id = self.term
        form.place_id = office
        handover = form.save()
        self.assertEqual(handover.custodian_employee_id, self.staff_employee)
        handover.action_load_items()
        self._sign(handover, self.staff)
        self.assertEqual(handover.state, "signed")

    def test_two_schools_apart(self):
        """Handovers and damage records of one school stay out of the other school's sight."""
        handover = self._new_handover()
        Handover = self.env["school.asset.handover"].with_user(self.other_manager).with_context(
            allowed_company_ids=self.other_school.ids
        )
        self.assertFalse(Handover.search([]))
        with self.assertRaises(AccessError):
            handover.with_user(self.other_manager).read(["name"])
