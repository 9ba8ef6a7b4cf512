from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import _, fields, models
from odoo.exceptions import UserError

from ..models.school_canteen_sample import MEALS


class SchoolCanteenAccompanimentRotaGenerate(models.TransientModel):
    _name = "school.canteen.accompaniment.rota.generate"
    _description = "Generate The Meal Accompaniment Rota Of A Month"

    month_date = fields.Date(
        string="Month", required=True,
        default=lambda self: fields.Date.context_today(self).replace(day=1) + relativedelta(months=1),
        help="Any day of the month to plan.",
    )
    meal = fields.Selection(MEALS, required=True, default="lunch")
    leader_ids = fields.Many2many(
        "hr.employee", string="Leaders", required=True,
        help="The leaders take the days of the month in turn.",
    )
    skip_weekends = fields.Boolean(
        string="School Days Only", default=True,
        help="Only the school days of the school calendar: no weekend, holiday or break; make-up school days included.",
    )
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)

    def _get_days(self):
        self.ensure_one()
        start = self.month_date.replace(day=1)
        end = start + relativedelta(months=1)
        if self.skip_weekends:
            return list(self.company_id._school_working_days(start, end - timedelta(days=1)))
        day, days = start, []
        while day < end:
            days.append(day)
            day += timedelta(days=1)
        return days

    def _prepare_rota_vals(self, day, leader):
        return {"date": day, "meal": self.meal, "leader_employee_id": leader.id, "company_id": self.company_id.id}

    def action_generate(self):
        self.ensure_one()
        if not self.leader_ids:
            raise UserError(_("Choose the leaders who accompany the meals."))
        Rota = self.env["school.canteen.accompaniment.rota"]
        days = self._get_days()
        planned = set(Rota.search([
            ("company_id", "=", self.company_id.id), ("meal", "=", self.meal),
            ("date", ">=", days[0]), ("date", "<=", days[-1]),
        ]).mapped("date")) if days else set()
        leaders = self.leader_ids
        vals_list = []
        for day in days:
            if day in planned:
                continue
            vals_list.append(self._prepare_rota_vals(day, leaders[len(vals_list) % len(leaders)]))
        rotas = Rota.create(vals_list)
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "school_canteen.school_canteen_accompaniment_rota_action"
        )
        action["domain"] = [("id", "in", rotas.ids)]
        return action
