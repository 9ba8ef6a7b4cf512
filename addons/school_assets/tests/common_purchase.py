import base64

from odoo import fields

from odoo.addons.school_base.tests.common import SchoolBaseCommon


class SchoolPurchaseCommon(SchoolBaseCommon):
    """A school with budgets, a store keeper, a grade group, suppliers and supplies."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.school.write(
            {
                "po_double_validation": "two_step",
                "po_double_validation_amount": 5000,
                "school_three_quotes_amount": 2000,
                "school_decision_amount": 10000,
            }
        )
        cls.keeper = cls._new_user("t_keeper", "school_assets.group_assets_manager")
        Department = cls.env["hr.department"]
        Employee = cls.env["hr.employee"]
        cls.grade3 = Department.create({"name": "三年级组", "company_id": cls.school.id})
        cls.logistics = Department.create({"name": "总务处", "company_id": cls.school.id})
        cls.head_employee = Employee.create(
            {"name": "陈丽", "user_id": cls.head_teacher.id, "department_id": cls.grade3.id, "company_id": cls.school.id}
        )
        cls.grade3.manager_id = cls.head_employee
        cls.staff_employee = Employee.create(
            {"name": "吴晓燕", "user_id": cls.staff.id, "department_id": cls.grade3.id, "company_id": cls.school.id}
        )
        cls.year = fields.Date.today().year
        cls.budget = cls.env["school.budget"].create(
            {
                "year": cls.year,
                "department_id": cls.grade3.id,
                "company_id": cls.school.id,
                "line_ids": [
                    (0, 0, {"category": "consumable", "amount": 20000}),
                    (0, 0, {"category": "equipment", "amount": 30000}),
                ],
            }
        )
        cls.consumable_line = cls.budget.line_ids.filtered(lambda line: line.category == "consumable")
        cls.equipment_line = cls.budget.line_ids.filtered(lambda line: line.category == "equipment")

        cls.category = cls.env["product.category"].create({"name": "教学用品", "school_inspection_required": True})
        Product = cls.env["product.product"]
        common = {"type": "consu", "is_storable": True, "categ_id": cls.category.id, "company_id": cls.school.id}
        cls.paper = Product.create({"name": "A4纸（箱）", "standard_price": 150, **common})
        cls.chalk = Product.create({"name": "粉笔（盒）", "standard_price": 5, **common})
        cls.scissors = Product.create({"name": "剪刀", "standard_price": 15, "school_durable": True, **common})
        Partner = cls.env["res.partner"]
        cls.supplier_a = Partner.create({"name": "常州文教用品有限公司", "company_id": cls.school.id})
        cls.supplier_b = Partner.create({"name": "孟河办公用品商行", "company_id": cls.school.id})
        cls.supplier_c = Partner.create({"name": "新北区教育装备公司", "company_id": cls.school.id})
        cls.warehouse = cls.env["stock.warehouse"].search([("company_id", "=", cls.school.id)], limit=1)
        cls.store = cls.warehouse.lot_stock_id
        cls.minutes = base64.b64encode(b"%PDF-1.4 minutes")

    @classmethod
    def _new_request(cls, user=None, lines=None, **vals):
        user = user or cls.head_teacher
        lines = lines or [(cls.paper, 100, 15000), (cls.scissors, 200, 3000)]
        return cls.env["purchase.request"].with_user(user).create(
            {
                "request_reason": "期中考试用纸和美术课剪刀",
                "budget_category": "consumable",
                "company_id": cls.school.id,
                "line_ids": [
                    (0, 0, {"product_id": product.id, "product_qty": qty, "estimated_cost": cost,
                            "product_uom_id": product.uom_id.id})
                    for product, qty, cost in lines
                ],
                **vals,
            }
        )

    @classmethod
    def _new_order(cls, partner=None, lines=None, user=None, **vals):
        lines = lines or [(cls.paper, 10, 150)]
        return cls.env["purchase.order"].with_user(user or cls.keeper).create(
            {
                "partner_id": (partner or cls.supplier_a).id,
                "company_id": cls.school.id,
                "department_id": cls.grade3.id,
                "order_line": [
                    (0, 0, {"product_id": product.id, "product_qty": qty, "price_unit": price})
                    for product, qty, price in lines
                ],
                **vals,
            }
        ).with_env(cls.env)

    @classmethod
    def _add_alternatives(cls, order, partners, user=None):
        Wizard = cls.env["purchase.requisition.create.alternative"].with_user(user or cls.keeper)
        for partner in partners:
            Wizard.with_context(default_origin_po_id=order.id).create(
                {"partner_id": partner.id, "copy_products": True}
            ).action_create_alternative()
        return order.purchase_group_id.order_ids - order

    @classmethod
    def _new_decision(cls, result="approved", **vals):
        return cls.env["school.purchase.decision"].with_user(cls.principal).create(
            {
                "subject": "期中考试用品集中采购",
                "meeting_date": fields.Date.today(),
                "attendee_ids": [(6, 0, (cls.principal | cls.manager | cls.officer).ids)],
                "decision": "经校长办公会集体讨论，同意采购。",
                "result": result,
                "minutes_file": cls.minutes,
                "minutes_filename": "会议纪要.pdf",
                "company_id": cls.school.id,
                **vals,
            }
        )

    @classmethod
    def _stock(cls, product, qty):
        cls.env["stock.quant"].with_context(inventory_mode=True).create(
            {"product_id": product.id, "location_id": cls.store.id, "inventory_quantity": qty}
        ).action_apply_inventory()

    @staticmethod
    def _amounts(line):
        """(committed, spent, remaining) of a budget line, freshly computed."""
        line.invalidate_recordset(["committed_amount", "spent_amount", "remaining_amount"])
        return line.committed_amount, line.spent_amount, line.remaining_amount

    @staticmethod
    def _receive(picking):
        for move in picking.move_ids:
            move.quantity = move.product_uom_qty
            move.picked = True
        return picking.button_validate()
