from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.school_base.models.school_workflow_mixin import workflow_action

PREMISES_KINDS = [
    ("lease", "Leased Premises Safety"),
    ("greening", "Greening Upkeep"),
]


class SchoolInspectionTemplate(models.Model):
    _inherit = "school.inspection.template"

    premises_kind = fields.Selection(
        PREMISES_KINDS, string="Used For",
        help="The checklist that leases or greening contracts plan their checks with.",
    )


class SchoolInspectionSchedule(models.Model):
    _inherit = "school.inspection.schedule"

    premises_kind = fields.Selection(related="template_id.premises_kind", store=True)


class SchoolPremisesCheckMixin(models.AbstractModel):
    """A contract on school premises whose places are checked on the inspection engine.

    The contract plans one monthly schedule of its kind's checklist on its places; the
    inspections, their scores and the follow-ups of failed items are the engine's.
    """

    _name = "school.premises.check.mixin"
    _description = "Premises Checked On The Inspection Engine"
    _premises_kind = None
    _workflow_fields = ("schedule_id",)

    schedule_id = fields.Many2one(
        "school.inspection.schedule", string="Check Schedule", readonly=True, copy=False,
        index="btree_not_null", ondelete="set null",
    )
    check_count = fields.Integer(string="Checks", compute="_compute_check_count")

    def _compute_check_count(self):
        counts = dict(
            self.env["school.inspection"]._read_group(
                [("schedule_id", "in", self.schedule_id.ids)], ["schedule_id"], ["__count"]
            )
        )
        for record in self:
            record.check_count = counts.get(record.schedule_id, 0)

    @api.model
    def _premises_template(self, company):
        """The school's checklist of this kind; the shipped one is copied to a school that lacks it."""
        Template = self.env["school.inspection.template"]
        domain = [("premises_kind", "=", self._premises_kind), ("company_id", "=", company.id)]
        template = Template.search(domain, limit=1)
        if template:
            return template
        # sudo: set-up of the school's own copy of the shipped checklist (as for a new school)
        shipped = Template.sudo().with_context(active_test=False).search(
            [("premises_kind", "=", self._premises_kind)], order="id", limit=1
        )
        if not shipped:
            raise UserError(_("No checklist is set up for these checks: create one first."))
        return shipped.copy({"company_id": company.id, "active": True}).sudo(False)

    def _premises_schedule_name(self):
        return _("Checks: %(name)s", name=self.display_name)

    def _premises_check_places(self):
        return self.place_ids

    def _premises_check_inspector(self):
        return self.responsible_user_id

    def _premises_check_dates(self):
        return self.date_start, self.date_end

    def _prepare_premises_schedule_vals(self):
        self.ensure_one()
        date_start, date_end = self._premises_check_dates()
        today = fields.Date.context_today(self)
        return {
            "name": self._premises_schedule_name(),
            "template_id": self._premises_template(self.company_id).id,
            "frequency": "monthly",
            "month_day": 1,
            "place_ids": [(6, 0, self._premises_check_places().ids)],
            "inspector_user_id": self._premises_check_inspector().id or False,
            "date_start": min(max(date_start or today, today), date_end) if date_end else max(date_start or today, today),
            "date_end": date_end,
            "company_id": self.company_id.id,
        }

    @workflow_action
    def action_plan_checks(self):
        """Plan the monthly checks of the contract's places (again, when they changed)."""
        for record in self:
            if record.state != "active":
                raise UserError(_("%(name)s: checks are planned for a running contract.", name=record.display_name))
            if not record._premises_check_places():
                raise UserError(_("%(name)s: choose the places to check first.", name=record.display_name))
            vals = record._prepare_premises_schedule_vals()
            if record.schedule_id:
                vals.pop("date_start")
                record.schedule_id.write({**vals, "active": True})
            else:
                record.schedule_id = self.env["school.inspection.schedule"].create(vals)
        return True

    def _premises_stop_checks(self):
        self.schedule_id.filtered("active").write({"active": False})

    def action_view_checks(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("school_base.school_inspection_action")
        action["domain"] = [("schedule_id", "=", self.schedule_id.id or 0)]
        action["context"] = {"search_default_filter_open": 0, "create": False}
        return action
