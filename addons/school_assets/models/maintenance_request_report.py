from odoo import _, api, models
from odoo.tools import format_datetime


class MaintenanceRequest(models.Model):
    _inherit = "maintenance.request"

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        if (
            self.env.context.get("school_repair_report")
            and "school_place_id" in fields_list
            and not values.get("school_place_id")
        ):
            place = self._school_default_report_place()
            if place:
                values["school_place_id"] = place.id
        return values

    @api.model
    def _school_default_report_place(self):
        """Where a teacher reports from: the room they are in charge of, else their class's home room."""
        user = self.env.user
        place = self.env["school.place"].search(
            [("responsible_user_id", "=", user.id), ("level", "=", "area")], limit=1
        )
        if place:
            return place
        term = self.env["school.term"]._get_current()
        school_class = self.env["school.class"].search(
            [("head_teacher_user_id", "=", user.id), ("home_place_id", "!=", False)]
            + ([("term_id", "=", term.id)] if term else []),
            limit=1,
        )
        return school_class.home_place_id

    def action_submit_report(self):
        """The 提交 of the report form: it is saved already; say who will come and by when."""
        self.ensure_one()
        who = self.user_id.name or self.maintenance_team_id.name or _("the logistics office")
        if self.response_deadline:
            deadline = self._school_format_datetime(self.response_deadline)
            message = _("Your report %(name)s is sent. %(who)s will come by %(deadline)s.",
                        name=self.name, who=who, deadline=deadline)
        else:
            message = _("Your report %(name)s is sent. %(who)s will come.", name=self.name, who=who)
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": _("Repair reported"),
                "message": message,
                "type": "success",
                "sticky": True,
                "next": {
                    "type": "ir.actions.act_window",
                    "res_model": self._name,
                    "res_id": self.id,
                    "views": [(self.env.ref("school_assets.maintenance_request_view_form_report").id, "form")],
                    "target": "current",
                },
            },
        }

    def _school_format_datetime(self, value):
        return format_datetime(self.env, value, tz=self.env.user.tz or "Asia/Shanghai", dt_format="short")
