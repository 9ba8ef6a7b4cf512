from odoo import fields, models


class SchoolStaffFeedback(models.Model):
    _inherit = "school.staff.feedback"

    maintenance_request_id = fields.Many2one(
        "maintenance.request", string="Repair Request", index="btree_not_null", check_company=True,
        tracking=True, help="The repair this feedback is about, if any.",
    )
