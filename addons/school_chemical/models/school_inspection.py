from odoo import _, api, fields, models


class SchoolInspectionTemplate(models.Model):
    _inherit = "school.inspection.template"

    school_chemical_check = fields.Boolean(
        string="Chemical Cabinet Check",
        help="The monthly check of the hazardous chemical cabinets: each inspection of a cabinet's room "
        "also lists the chemicals that expire within 30 days.",
    )


class SchoolInspection(models.Model):
    _inherit = "school.inspection"

    @api.model_create_multi
    def create(self, vals_list):
        inspections = super().create(vals_list)
        inspections.filtered("template_id.school_chemical_check")._add_chemical_expiry_lines()
        return inspections

    def _add_chemical_expiry_lines(self):
        """One item per chemical near its expiry in the cabinets of the inspected room."""
        # sudo: the custodian's check lists the cabinet's contents; the inspection is theirs to fill
        cabinets = self.env["school.chemical.cabinet"].sudo().search([("place_id", "in", self.place_id.ids)])
        vals_list = []
        for inspection in self:
            for cabinet in cabinets.filtered(lambda c, i=inspection: c.place_id == i.place_id):
                for entry in cabinet._get_expiring_entries():
                    vals_list.append({
                        "inspection_id": inspection.id,
                        "sequence": 900,
                        "name": _(
                            "%(cabinet)s: %(product)s (batch %(batch)s) expires on %(date)s. Disposed of or still usable?",
                            cabinet=cabinet.name, product=entry.product_id.display_name,
                            batch=entry.batch or "-", date=entry.expiry_date,
                        ),
                        "item_type": "check",
                        "photo_required_on_fail": False,
                    })
        if vals_list:
            self.env["school.inspection.line"].sudo().create(vals_list)  # sudo: lines of a new inspection
