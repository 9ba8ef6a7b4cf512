from datetime import date

from odoo.addons.school_base.tests.common import SchoolBaseCommon


class CanteenAcceptanceCommon(SchoolBaseCommon):
    """Canteen users, a canteen receipt type, ingredient categories and a designated supplier."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()

        cls.cook = cls._new_user("t_cook", "school_canteen.group_canteen_staff")
        cls.cook2 = cls._new_user("t_cook2", "school_canteen.group_canteen_staff")
        cls.canteen_manager = cls._new_user("t_canteen_manager", "school_canteen.group_canteen_manager")
        cls.other_canteen_manager = cls._new_user("t_other_canteen_manager", "school_canteen.group_canteen_manager", cls.other_school)

        cls.warehouse = cls.env["stock.warehouse"].search([("company_id", "=", cls.school.id)], limit=1)
        cls.other_warehouse = cls.env["stock.warehouse"].search([("company_id", "=", cls.other_school.id)], limit=1)
        PickingType = cls.env["stock.picking.type"]
        cls.canteen_type = PickingType.create({
            "name": "食堂入库", "code": "incoming", "sequence_code": "TCIN", "is_canteen": True,
            "warehouse_id": cls.warehouse.id, "company_id": cls.school.id,
            "default_location_src_id": cls.env.ref("stock.stock_location_suppliers").id,
            "default_location_dest_id": cls.warehouse.lot_stock_id.id,
        })
        cls.other_canteen_type = PickingType.create({
            "name": "二小食堂入库", "code": "incoming", "sequence_code": "TCIN2", "is_canteen": True,
            "warehouse_id": cls.other_warehouse.id, "company_id": cls.other_school.id,
            "default_location_src_id": cls.env.ref("stock.stock_location_suppliers").id,
            "default_location_dest_id": cls.other_warehouse.lot_stock_id.id,
        })
        cls.plain_receipt_type = cls.warehouse.in_type_id

        Category = cls.env["product.category"]
        cls.cat_vegetable = Category.create({
            "name": "蔬菜", "canteen_residue_test_required": True,
        })
        cls.cat_frozen = Category.create({
            "name": "冻品", "canteen_certificate_required": True, "canteen_temperature_required": True,
            "canteen_max_temperature": -12,
        })
        cls.cat_dry = Category.create({"name": "米面粮油", "canteen_certificate_required": True})
        Product = cls.env["product.product"]

        def product(name, categ):
            return Product.create({"name": name, "is_storable": True, "categ_id": categ.id, "standard_price": 5})

        cls.cabbage = product("青菜", cls.cat_vegetable)
        cls.potato = product("土豆", cls.cat_vegetable)
        cls.pork = product("冷冻猪肉", cls.cat_frozen)
        cls.rice = product("大米", cls.cat_dry)

        cls.today = date(2026, 9, 14)
        cls.supplier = cls.env["res.partner"].create({
            "name": "常州市孟河蔬菜配送中心", "is_company": True, "canteen_supplier": True,
            "business_licence_number": "91320412MA1N2X3Y4Z", "business_licence_expiry": False,
            "food_licence_number": "JY13204120012345", "food_licence_expiry": date(2099, 12, 31),
        })

    @classmethod
    def _receipt(cls, lines, partner=None, user=None, picking_type=None, **vals):
        """A canteen receipt with ``lines`` = [(product, qty)], confirmed."""
        picking_type = picking_type or cls.canteen_type
        Picking = cls.env["stock.picking"].with_user(user or cls.cook)
        picking = Picking.with_context(allowed_company_ids=picking_type.company_id.ids).create({
            "picking_type_id": picking_type.id,
            "partner_id": (partner or cls.supplier).id,
            "location_id": picking_type.default_location_src_id.id,
            "location_dest_id": picking_type.default_location_dest_id.id,
            "company_id": picking_type.company_id.id,
            "move_ids": [
                (0, 0, {
                    "name": product.name, "product_id": product.id, "product_uom_qty": qty,
                    "product_uom": product.uom_id.id,
                    "location_id": picking_type.default_location_src_id.id,
                    "location_dest_id": picking_type.default_location_dest_id.id,
                })
                for product, qty in lines
            ],
            **vals,
        })
        picking.action_confirm()
        return picking

    @staticmethod
    def _good(move, **vals):
        """The values of a line whose checks all pass."""
        values = {
            "canteen_label_name": True, "canteen_label_manufacturer": True, "canteen_label_date": True,
            "canteen_sensory_result": "pass",
        }
        if move.canteen_certificate_required:
            values["canteen_certificate_ok"] = True
        if move.canteen_temperature_required:
            values["canteen_temperature"] = move.canteen_max_temperature - 3
        values.update(vals)
        return values

    def _residue(self, move, rate, user=None, **vals):
        return self.env["school.canteen.residue.test"].with_user(user or self.cook).create({
            "move_id": move.id, "method": "enzyme", "inhibition_rate": rate, "company_id": move.company_id.id,
            **vals,
        })

    def _witnessed(self, picking):
        """The cook signs as acceptor and the second cook as witness, each on their own login."""
        picking.with_user(self.cook).action_canteen_sign_acceptor()
        picking.with_user(self.cook2).action_canteen_sign_witness()
