from odoo import fields, models


class MaintenanceTeam(models.Model):
    _inherit = "maintenance.team"

    leader_user_id = fields.Many2one(
        "res.users", string="Team Leader",
        help="Receives the repair requests not answered in time (班组长).",
    )

    def _get_repair_leader(self):
        """Who hears of an unanswered request: the leader, else the first member."""
        self.ensure_one()
        return self.leader_user_id or self.member_ids.sorted("id")[:1]
