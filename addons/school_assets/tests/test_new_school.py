from odoo.tests import Form, new_test_user, tagged
from odoo.tests.common import TransactionCase


@tagged("post_install", "-at_install")
class TestNewSchoolReady(TransactionCase):
    """A school created in the district works on its first login, with no step by hand."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.school = cls.env["res.company"].create({"name": "孟河中学"})
        cls.env.user.company_ids |= cls.school

        def user(login, groups):
            return new_test_user(
                cls.env, login=login, groups=f"base.group_user,{groups}",
                company_id=cls.school.id, company_ids=[(6, 0, cls.school.ids)], tz="Asia/Shanghai",
            )

        cls.staff = user("t_new_staff", "school_base.group_school_staff")
        cls.director = user("t_new_director", "school_base.group_school_logistics_manager")
        cls.guard = user("t_new_guard", "school_safety.group_safety_guard")
        # nothing is set up by hand: the school is ready after its first user logs in
        cls.env["res.users"].with_user(cls.staff)._update_last_login()
        cls.place = cls.env["school.place"].create(
            {"name": "一号教学楼", "level": "building", "kind": "building", "company_id": cls.school.id}
        )

    def test_set_up_once_at_first_login(self):
        later = self.env["res.company"].create({"name": "孟河初级中学"})
        self.assertFalse(later.school_setup_done)
        self.assertFalse(self.env["maintenance.team"].search([("company_id", "=", later.id)]))
        teacher = new_test_user(
            self.env, login="t_later_teacher", groups="base.group_user,school_base.group_school_staff",
            company_id=later.id, company_ids=[(6, 0, later.ids)],
        )
        for _login in range(2):
            self.env["res.users"].with_user(teacher)._update_last_login()
        self.assertTrue(later.school_setup_done)
        self.assertEqual(self.env["maintenance.team"].search_count([("company_id", "=", later.id)]), 1)
        self.assertEqual(
            self.env["school.inspection.template"].search_count([("company_id", "=", later.id)]),
            self.env["school.inspection.template"].search_count([("company_id", "=", self.school.id)]),
        )

    def _as(self, user):
        return self.env(user=user, context=dict(self.env.context, allowed_company_ids=self.school.ids))

    def test_staff_reports_a_repair(self):
        env = self._as(self.staff)
        request = env["maintenance.request"].create({"name": "教室灯不亮", "school_place_id": self.place.id})
        self.assertEqual(request.company_id, self.school)
        self.assertTrue(request.maintenance_team_id, "the new school has a repair team")
        self.assertEqual(request.maintenance_team_id.company_id, self.school)

    def test_director_buys(self):
        env = self._as(self.director)
        self.assertTrue(
            self.env["stock.warehouse"].search([("company_id", "=", self.school.id)]),
            "the new school has its store",
        )
        supplier = self.env["res.partner"].create({"name": "常州文具店", "company_id": self.school.id})
        product = self.env["product.product"].create(
            {"name": "白板笔", "type": "consu", "standard_price": 5, "company_id": self.school.id}
        )
        form = Form(env["purchase.order"])
        form.partner_id = supplier
        with form.order_line.new() as line:
            line.product_id = product
            line.product_qty = 10
            line.price_unit = 5
        order = form.save()
        self.assertEqual(order.company_id, self.school)
        self.assertTrue(order.picking_type_id, "the order is received into the school's store")
        self.assertEqual(order.picking_type_id.company_id, self.school)

    def test_guard_has_the_district_checklists(self):
        templates = self._as(self.guard)["school.inspection.template"].search([])
        self.assertTrue(templates, "the guard of a new school has checklists to patrol with")
        self.assertEqual(templates.company_id, self.school)
        shipped = self.env["ir.model.data"].search(
            [("module", "=like", "school\\_%"), ("model", "=", "school.inspection.template")]
        )
        names = set(self.env["school.inspection.template"].browse(shipped.mapped("res_id")).mapped("name"))
        # every checklist the suite ships reaches the new school, once
        self.assertEqual(set(templates.mapped("name")), names)
        self.assertEqual(len(templates), len(names))
