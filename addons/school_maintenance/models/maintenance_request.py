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
        return super().create(vals_list)

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
