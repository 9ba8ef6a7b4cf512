from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.school_base.models.school_workflow_mixin import workflow_action


class SchoolAssetDamage(models.Model):
    """损坏记录: damaged or missing school property, who did it, compensation and repair."""

    _name = "school.asset.damage"
    _description = "Property Damage Record"
    _lock_states = ("done",)
    _inherit = [
        "school.reference.mixin",
        "school.inspection.follow.up.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "school.workflow.mixin",
        "school.lock.mixin",
        "school.term.mixin",
    ]
    _term_date_field = "date"
    _order = "date desc, id desc"
    _check_company_auto = True
    _workflow_fields = ("compensation_paid", "date_paid", "repair_request_id")

    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True, index=True)
    term_id = fields.Many2one(required=True, check_company=True, tracking=True)
    place_id = fields.Many2one(
        "school.place", string="Room", index="btree_not_null", check_company=True, tracking=True
    )
    class_id = fields.Many2one(
        "school.class", index="btree_not_null", check_company=True, tracking=True
    )
    handover_id = fields.Many2one(
        "school.asset.handover", index="btree_not_null", check_company=True,
        ondelete="set null",
    )
    equipment_id = fields.Many2one(
        "maintenance.equipment", string="Asset", index="btree_not_null", check_company=True, tracking=True
    )
    item_name = fields.Char(string="Item", help="What is damaged or missing (e.g. 课桌, 窗拉手).")
    quantity = fields.Integer(default=1)
    description = fields.Text(string="What Happened", required=True)
    cause = fields.Selection(
        [("man_made", "Man-made"), ("wear", "Wear and Tear"), ("unknown", "Unknown")],
        required=True, default="unknown", tracking=True,
        help="Man-made damage is charged to whoever caused it (谁损坏谁负责) and keeps the class "
        "out of the term's award.",
    )
    student_name = fields.Char(
        string="Caused By", tracking=True, help="Name of the student (or person) who caused the damage."
    )
    cost = fields.Monetary(string="Repair Cost", currency_field="currency_id", tracking=True)
    compensation_amount = fields.Monetary(
        string="Compensation", currency_field="currency_id", tracking=True
    )
    compensation_paid = fields.Boolean(string="Paid", tracking=True, copy=False)
    date_paid = fields.Date(string="Paid On", tracking=True, copy=False)
    compensation_state = fields.Selection(
        [("none", "No Compensation"), ("due", "Due"), ("paid", "Paid")],
        compute="_compute_compensation_state", store=True, index=True,
    )
    repair_request_id = fields.Many2one(
        "maintenance.request", readonly=True, copy=False, check_company=True,
        index="btree_not_null",
    )
    state = fields.Selection(
        [("draft", "Reported"), ("confirmed", "Confirmed"), ("done", "Closed")],
        required=True, default="draft", tracking=True, copy=False, index=True,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    _sql_constraints = [
        ("amounts_positive", "CHECK(cost >= 0 AND compensation_amount >= 0)",
         "Cost and compensation cannot be negative."),
        ("quantity_positive", "CHECK(quantity > 0)", "The damaged quantity is at least one."),
    ]

    @api.depends("compensation_amount", "compensation_paid")
    def _compute_compensation_state(self):
        for damage in self:
            if not damage.compensation_amount:
                damage.compensation_state = "none"
            else:
                damage.compensation_state = "paid" if damage.compensation_paid else "due"

    @api.constrains("compensation_paid", "date_paid", "compensation_amount", "cause", "student_name")
    def _check_compensation(self):
        for damage in self:
            if damage.compensation_amount and damage.cause != "man_made":
                raise ValidationError(
                    _("%(name)s: only man-made damage is compensated.", name=damage.name)
                )
            if damage.compensation_amount and not damage.student_name:
                raise ValidationError(
                    _("%(name)s: say who caused the damage before charging compensation.", name=damage.name)
                )
            if damage.compensation_paid and not damage.date_paid:
                raise ValidationError(_("%(name)s: enter the date the compensation was paid.", name=damage.name))


    def write(self, vals):
        # who caused it and what it costs are the asset manager's to change once the record is confirmed
        charged = {"cause", "student_name", "cost", "compensation_amount"}
        if (
            charged.intersection(vals)
            and not self.env.su
            and not self.env.user.has_group("school_assets.group_assets_manager")
            and any(damage.state != "draft" for damage in self)
        ):
            raise UserError(_("Once a damage record is confirmed, only the asset manager changes its cause and amounts."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_confirmed(self):
        if not self.env.su and any(damage.state != "draft" for damage in self):
            raise UserError(_("A confirmed damage record is kept; close it instead."))

    @api.onchange("handover_id")
    def _onchange_handover_id(self):
        if self.handover_id:
            self.place_id = self.handover_id.place_id
            self.class_id = self.handover_id.class_id
            self.term_id = self.handover_id.term_id

    @api.model
    def _prepare_vals_from_inspection_line(self, line):
        vals = super()._prepare_vals_from_inspection_line(line)
        inspection = line.inspection_id
        date = fields.Date.context_today(self, inspection.date_done or inspection.date_planned)
        term = self.env["school.term"]._get_current(date=date, company=inspection.company_id)
        handover = self.env["school.asset.handover"].search(
            [("place_id", "=", inspection.place_id.id), ("term_id", "=", term.id)], limit=1
        )
        school_class = handover.class_id or self.env["school.class"].search(
            [("home_place_id", "=", inspection.place_id.id), ("term_id", "=", term.id)], limit=1
        )
        vals.update({
            "date": date,  # its term follows (school.term.mixin)
            "place_id": inspection.place_id.id,
            "class_id": school_class.id,
            "handover_id": handover.id,
            "item_name": line.name,
            "description": line.note or line.value_text or line.name,
            "company_id": inspection.company_id.id,
        })
        return vals

    @workflow_action
    def action_confirm(self):
        self._check_state(("draft",), _("confirmed"))
        self.write({"state": "confirmed"})
        return True

    @workflow_action
    def action_mark_paid(self):
        self._check_user_in(
            "school_assets.group_assets_manager", _("Only the asset manager records that compensation was paid.")
        )
        self._check_state(("draft", "confirmed"), _("marked as paid"))
        for damage in self:
            if not damage.compensation_amount:
                raise UserError(_("%(name)s charges no compensation.", name=damage.name))
        self.write({"compensation_paid": True, "date_paid": fields.Date.context_today(self)})
        return True

    @workflow_action
    def action_done(self):
        self._check_user_in("school_assets.group_assets_manager", _("Only the asset manager closes a damage record."))
        self._check_state(("draft", "confirmed"), _("closed"))
        for damage in self:
            if damage.compensation_state == "due":
                raise UserError(
                    _("%(name)s: the compensation is not paid yet.", name=damage.name)
                )
        self.write({"state": "done"})
        return True

    @workflow_action
    def action_create_repair(self):
        """Raise a repair request (maintenance.request) for the damage."""
        self.ensure_one()
        if not self.repair_request_id:
            self._check_state(("draft", "confirmed"), _("sent for repair"))
        if not self.repair_request_id:
            # one rule for the team: the place's, its parents', the category's, the school's first
            team = self.place_id.with_company(self.company_id)._get_maintenance_team(self.equipment_id.category_id)
            if not team:
                raise UserError(
                    _("Create a maintenance team for %(school)s before raising repairs.",
                      school=self.company_id.name)
                )
            vals = {
                "maintenance_team_id": team.id,
                "name": _("Repair: %(item)s (%(place)s)", item=self.item_name or self.equipment_id.name or self.name,
                          place=self.place_id.display_name or ""),
                "equipment_id": self.equipment_id.id,
                "school_place_id": self.place_id.id,
                "description": self.description,
                "maintenance_type": "corrective",
                "company_id": self.company_id.id,
            }
            # sudo: a head teacher may report the repair although maintenance's own rules only
            # show requests to their owner or followers; the reporter follows it right away
            request = self.env["maintenance.request"].sudo().create(vals)
            request.message_subscribe(partner_ids=self.env.user.partner_id.ids)
            self.repair_request_id = request
            if self.equipment_id and self.equipment_id.asset_state in ("in_use", "idle"):
                # sudo: the register state follows the repair, whoever reported it
                self.equipment_id.sudo().asset_state = "repair"
            if self.state == "draft":
                self.state = "confirmed"
        return {
            "type": "ir.actions.act_window",
            "res_model": "maintenance.request",
            "res_id": self.repair_request_id.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
        }
