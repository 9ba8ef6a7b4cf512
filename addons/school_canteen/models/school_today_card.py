from odoo import fields, models


class SchoolTodayCard(models.Model):
    _inherit = "school.today.card"

    role = fields.Selection(selection_add=[("canteen", "Canteen")], ondelete={"canteen": "cascade"})
