from odoo import api, models


class ResCompany(models.Model):
    _inherit = "res.company"

    @api.model_create_multi
    def create(self, vals_list):
        companies = super().create(vals_list)
        companies._school_safety_copy_equipment_categories()
        return companies

    def _school_safety_copy_equipment_categories(self):
        """Give each school its own copy of the safety equipment categories shipped as data.

        The shipped categories belong to the first school (as maintenance's own categories do);
        a school created later gets the same check plans, so that its fire extinguishers and
        alarms get their preventive requests at once. A category the school already has (same
        name) is left alone.
        """
        Category = self.env["maintenance.equipment.category"].sudo()  # sudo: set-up of a new school
        shipped = self.env["ir.model.data"].sudo().search(
            [("module", "=", "school_safety"), ("model", "=", "maintenance.equipment.category")]
        )
        sources = Category.browse(shipped.mapped("res_id")).exists().filtered("is_safety_equipment")
        for company in self:
            existing = set(Category.search([("company_id", "=", company.id)]).mapped("name"))
            for source in sources:
                if source.company_id != company and source.name not in existing:
                    source.copy({"company_id": company.id, "technician_user_id": False})
