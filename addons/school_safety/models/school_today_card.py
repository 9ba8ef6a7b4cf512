from odoo import fields, models


class SchoolTodayCard(models.Model):
    _inherit = "school.today.card"

    role = fields.Selection(
        selection_add=[("guard", "Guard"), ("bus", "Bus Driver And Escort")],
        ondelete={"guard": "cascade", "bus": "cascade"},
    )
