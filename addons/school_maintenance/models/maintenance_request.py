from odoo import api, fields, models


class MaintenanceRequest(models.Model):
    _inherit = "maintenance.request"

    school_place_id = fields.Many2one(
        "school.place",
        string="Place",
        index="btree_not_null",
        check_company=True,
        tracking=True,
        help="Where the repair is needed; the head of this place signs a contractor's repair sheet.",
    )
    # a request no place routes goes to the school's default repair team, not to the first team
    maintenance_team_id = fields.Many2one(default=lambda self: self._school_default_team_id())
    # the teachers' and students' feedback on the repair (广泛征集师生意见)
    school_feedback_ids = fields.One2many(
        "school.staff.feedback", "maintenance_request_id", string="Feedback On The Repair"
    )
    school_feedback_count = fields.Integer(compute="_compute_school_feedback_count", string="Feedback")

    @api.model
    def _school_default_team_id(self):
        return self.env["school.place"]._get_maintenance_team(company=self.env.company).id

    @api.onchange("equipment_id")
    def _onchange_equipment_id_school_place(self):
        place = self.equipment_id.school_place_id
        if place:
            self.school_place_id = place

    @api.onchange("school_place_id")
    def _onchange_school_place_id_team(self):
        if self.school_place_id:
            team = self.school_place_id._get_maintenance_team(self.equipment_id.category_id)
            if team:
                self.maintenance_team_id = team

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._prepare_school_place_vals(vals)
        requests = super().create(vals_list)
        requests._notify_repair_team()
        return requests

    def _notify_repair_team(self):
        """Tell the team's members of a new request at once; a request that reaches no one (no
        team, or a team without members) is an alert for the logistics director."""
        directors = self.company_id._school_persons("logistics_director")
        # sudo: the reporter (any staff) tells the team; members are read whoever reports
        for request in self.sudo():
            members = request.maintenance_team_id.member_ids.filtered("active")
            if members:
                request.message_subscribe(partner_ids=members.partner_id.ids)
                for_team = request._in_lang_of(members)  # written for the team (its first member's language)
                request.message_post(
                    body=for_team.env._("New repair request at %(place)s: %(name)s",
                                        place=for_team.school_place_id.display_name
                                        or for_team.equipment_id.display_name or "-",
                                        name=request.name),
                    partner_ids=members.partner_id.ids,
                    subtype_xmlid="mail.mt_note",
                )
                continue
            director = directors.get(request.company_id)
            if director:
                for_director = request._in_lang_of(director)  # written for the logistics director
                request.activity_schedule(
                    "mail.mail_activity_data_todo", user_id=director.id,
                    summary=for_director.env._("Repair request reaches no repairer: route it to a team"),
                    note=for_director.env._(
                        "%(name)s went to %(team)s, which has no members. Set the team of the place, "
                        "of the equipment category or the school's default repair team.",
                        name=request.name,
                        team=for_director.maintenance_team_id.display_name or for_director.env._("no team"),
                    ),
                )

    @api.model
    def _prepare_school_place_vals(self, vals):
        """A request on an equipment takes the equipment's place; a request at a place without
        a team is worked by the place's team (see school.place._get_maintenance_team)."""
        context = self.env.context
        equipment = self.env["maintenance.equipment"].browse(
            vals.get("equipment_id") or context.get("default_equipment_id") or []
        )
        if not vals.get("school_place_id") and not context.get("default_school_place_id") and equipment.school_place_id:
            vals["school_place_id"] = equipment.school_place_id.id
        # a place given by the caller or by the action that opened the form (a place's QR code)
        place_id = vals.get("school_place_id") or context.get("default_school_place_id")
        if place_id and not vals.get("maintenance_team_id") and not context.get("default_maintenance_team_id"):
            place = self.env["school.place"].browse(place_id)
            team = place._get_maintenance_team(equipment.category_id)
            if team:
                vals["maintenance_team_id"] = team.id
        return vals

    def _compute_school_feedback_count(self):
        Feedback = self.env["school.staff.feedback"]
        counts = {}
        if Feedback.has_access("read"):
            counts = dict(Feedback._read_group(
                [("maintenance_request_id", "in", self.ids)], ["maintenance_request_id"], ["__count"]
            ))
        for request in self:
            request.school_feedback_count = counts.get(request, 0)

    def action_open_school_feedback(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("school_base.school_staff_feedback_action")
        action["domain"] = [("maintenance_request_id", "=", self.id)]
        action["context"] = {"default_maintenance_request_id": self.id, "default_area": "repair"}
        return action
