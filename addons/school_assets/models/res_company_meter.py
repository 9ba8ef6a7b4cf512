from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    meter_alert_factor = fields.Float(
        string="High Use Factor", default=2.0,
        help="A day's use above this factor times the average of the previous days raises an alert.",
    )
    meter_alert_days = fields.Integer(
        string="Days of Norm", default=7,
        help="Number of previous days averaged to get a place's normal daily use.",
    )
    meter_night_start = fields.Float(string="Night Starts At", default=22.0)
    meter_night_end = fields.Float(string="Night Ends At", default=6.0)
