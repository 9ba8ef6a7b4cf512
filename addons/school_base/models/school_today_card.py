from datetime import datetime, time, timedelta

import pytz
from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, ValidationError
from odoo.tools import SQL
from odoo.tools.safe_eval import safe_eval

TODAY_ROLES = [
    ("teacher", "Teacher"),
    ("director", "Director And Principal"),
]


class SchoolTodayCard(models.Model):
    """One line of a role's today screen: a count of the records a user has to see to today.

    Each addon registers its cards as data (``data/school_today_card_data.xml``): the model,
    a domain evaluated for the user who looks (``uid``, ``employee_ids``, ``today``, ``now``, ``today_start``,
    ``today_end``, ``timedelta``, ``relativedelta``, ``company_ids``) and the action that
    opens the list behind it. The count is one ``search_count`` with the user's own rights;
    a card whose model the user may not read is not shown.
    """

    _name = "school.today.card"
    _description = "Today Card"
    _order = "role, sequence, id"

    name = fields.Char(string="Title", required=True, translate=True)
    sequence = fields.Integer(default=10)
    role = fields.Selection(TODAY_ROLES, required=True, index=True)
    kind = fields.Selection(
        [("due", "Due Today"), ("overdue", "Overdue"), ("info", "Information")],
        required=True,
        default="due",
        help="Overdue cards show in red when they count anything.",
    )
    model_name = fields.Char(string="Model", required=True)
    domain = fields.Char(default="[]", required=True)
    action_id = fields.Many2one(
        "ir.actions.act_window",
        string="List",
        ondelete="set null",
        help="The list the card opens, with the card's domain instead of the list's own filters.",
    )
    company_id = fields.Many2one(
        "res.company", index=True, help="Empty: the card is shown in every school."
    )
    active = fields.Boolean(default=True)
    count = fields.Integer(compute="_compute_count")
    can_read = fields.Boolean(compute="_compute_can_read", search="_search_can_read")

    @api.constrains("model_name", "domain")
    def _check_model_domain(self):
        for card in self:
            if card.model_name not in self.env:
                raise ValidationError(_("The model %s does not exist.", card.model_name))
            try:
                domain = card._get_domain()
            except Exception as error:
                raise ValidationError(_("The domain of the card %(card)s is not valid: %(error)s",
                                        card=card.name, error=error)) from error
            if not isinstance(domain, list):
                raise ValidationError(_("The domain of the card %s must be a list.", card.name))

    def _get_eval_context(self):
        user = self.env.user
        try:
            company_ids = self.env.companies.ids
        except AccessError:  # a context naming a school the user does not belong to
            company_ids = user.company_ids.ids
        today = fields.Date.context_today(self)
        tz = pytz.timezone(self.env.context.get("tz") or user.tz or "Asia/Shanghai")
        start = tz.localize(datetime.combine(today, time.min)).astimezone(pytz.UTC).replace(tzinfo=None)
        return {
            "uid": user.id,
            "user": user,
            "company_ids": company_ids,
            # the user's own employees (a user without HR rights cannot search through hr.employee)
            "employee_ids": user.sudo().employee_ids.ids,
            "today": fields.Date.to_string(today),
            "today_date": today,
            "now": fields.Datetime.to_string(fields.Datetime.now()),
            "today_start": fields.Datetime.to_string(start),
            "today_end": fields.Datetime.to_string(start + timedelta(days=1)),
            "timedelta": timedelta,
            "relativedelta": relativedelta,
        }

    def _get_domain(self, eval_context=None):
        self.ensure_one()
        return safe_eval(self.domain or "[]", eval_context or self._get_eval_context())

    def _compute_can_read(self):
        for card in self:
            card.can_read = card.model_name in self.env and self.env[card.model_name].has_access("read")

    def _search_can_read(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise ValidationError(_("Unsupported search on the cards a user may read."))
        models_ = {card.model_name for card in self.sudo().with_context(active_test=False).search([])}
        readable = [name for name in models_ if name in self.env and self.env[name].has_access("read")]
        return [("model_name", "in" if (operator == "=") == value else "not in", readable)]

    @api.depends_context("uid", "tz", "allowed_company_ids")
    def _compute_count(self):
        """Every card's count in one query: the today screen is each role's home page.

        Each card's domain goes through ``_search`` (record rules included) as ``search_count``
        would; the counts are then read together instead of one query per card.
        """
        eval_context = self._get_eval_context()
        counted = []
        for card in self:
            card.count = 0
            if card.model_name in self.env and self.env[card.model_name].has_access("read"):
                query = self.env[card.model_name]._search(card._get_domain(eval_context))
                if not query.is_empty():
                    counted.append((card, query.subselect("COUNT(*)")))
        if counted:
            [counts] = self.env.execute_query(SQL("SELECT %s", SQL(", ").join(sql for _card, sql in counted)))
            for (card, _sql), count in zip(counted, counts, strict=True):
                card.count = count

    def action_open(self):
        """The list behind the card: its own action's views, the card's domain, no default filter."""
        self.ensure_one()
        self.env[self.model_name].check_access("read")
        if self.action_id and self.action_id.sudo().res_model != self.model_name:
            # the card counts one thing and opens the screen where it is done (e.g. the morning check)
            return self.action_id._get_action_dict()
        if self.action_id:
            action = self.action_id._get_action_dict()
            context = action.get("context") or {}
            if isinstance(context, str):
                try:
                    context = safe_eval(context, {"uid": self.env.uid, "context": {}, "active_id": False})
                except Exception:  # noqa: BLE001 - a context that needs a record: start without it
                    context = {}
            context = {key: value for key, value in context.items() if not key.startswith("search_default_")}
        else:
            action = {
                "type": "ir.actions.act_window",
                "res_model": self.model_name,
                "views": [(False, "list"), (False, "form")],
            }
            context = {}
        action.update(
            {
                "name": self.name,
                "display_name": self.name,
                "domain": self._get_domain(),
                "context": context,
                "target": "current",
            }
        )
        return action

    @api.model
    def action_open_today(self):
        """The today screen of the user's role (the 今天 menu)."""
        action = self.env.user._school_today_action_record() or self.env.ref(
            "school_base.school_today_action_teacher"
        )
        return action._get_action_dict()
