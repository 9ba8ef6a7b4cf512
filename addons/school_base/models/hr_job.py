from odoo import fields, models


class HrJob(models.Model):
    _inherit = "hr.job"

    regulation_ids = fields.Many2many(
        "school.regulation", "school_regulation_hr_job_rel", "job_id", "regulation_id",
        string="Regulations", help="The school's rules for this post (岗位职责).",
    )
