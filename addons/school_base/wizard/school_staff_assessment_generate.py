from odoo import _, fields, models
from odoo.exceptions import UserError

DIRECTOR_GROUP = "school_base.group_school_logistics_manager"


class SchoolStaffAssessmentGenerate(models.TransientModel):
    """Make this month's assessment sheets for every holder of every post of the school."""

    _name = "school.staff.assessment.generate"
    _description = "Generate The Monthly Staff Assessments"

    month_date = fields.Date(
        string="Month", required=True, default=lambda self: fields.Date.context_today(self).replace(day=1),
    )
    company_id = fields.Many2one(
        "res.company", string="School", required=True, default=lambda self: self.env.company,
        domain=lambda self: [("id", "in", self.env.companies.ids)],
    )

    def action_generate(self):
        self.ensure_one()
        if not self.env.user.has_group(DIRECTOR_GROUP):
            raise UserError(_("Only the logistics director makes the monthly assessments."))
        sheets = self.env["school.staff.assessment"]._generate_month(self.month_date, self.company_id)
        month = self.month_date.replace(day=1)
        action = self.env["ir.actions.act_window"]._for_xml_id("school_base.school_staff_assessment_action")
        action["domain"] = [("month_date", "=", fields.Date.to_string(month)), ("company_id", "=", self.company_id.id)]
        action["context"] = {}
        if not sheets:
            action["help"] = _("Every worker of the posts already has the month's assessment.")
        return action
