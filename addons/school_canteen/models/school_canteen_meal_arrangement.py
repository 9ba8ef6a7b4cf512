from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .school_canteen_sample import MEALS


def _format_hour(hours):
    hours = hours or 0.0
    minutes = int(round(hours * 60))
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


class SchoolCanteenMealArrangement(models.Model):
    """学生用餐安排: where and when a class eats a meal in a term (错峰就餐).

    Each class has its time slot, its area of the dining hall, its tables and seats, and the
    teacher on duty. Two classes never share a table at the same time: a slot that overlaps
    another on the same tables of the same area is refused.
    """

    _name = "school.canteen.meal.arrangement"
    _description = "Student Meal Arrangement"
    _inherit = ["mail.thread"]
    _order = "term_id desc, meal, time_start, place_id, table_from, id"
    _check_company_auto = True

    term_id = fields.Many2one(
        "school.term", required=True, index=True, check_company=True, tracking=True,
        default=lambda self: self.env["school.term"]._get_current(),
    )
    class_id = fields.Many2one(
        "school.class", required=True, index=True, check_company=True, tracking=True,
        domain="[('term_id', '=', term_id)]",
    )
    head_teacher_user_id = fields.Many2one(
        related="class_id.head_teacher_user_id", store=True, string="Head Teacher User",
    )
    headcount = fields.Integer(related="class_id.headcount", string="Students")
    meal = fields.Selection(MEALS, required=True, default="lunch", tracking=True)
    time_start = fields.Float(string="From", required=True, default=11.5, tracking=True)
    time_end = fields.Float(string="To", required=True, default=12.0, tracking=True)
    slot = fields.Char(
        string="Time Slot", compute="_compute_slot", store=True, index=True,
        help="The time slot, e.g. 11:30-12:00; the lists are grouped by it.",
    )
    place_id = fields.Many2one(
        "school.place", string="Dining Area", required=True, check_company=True, tracking=True,
        help="The dining hall or its area where the class eats.",
    )
    table_from = fields.Integer(string="First Table", required=True, default=1, tracking=True)
    table_to = fields.Integer(string="Last Table", required=True, default=1, tracking=True)
    tables = fields.Char(compute="_compute_tables")
    seats = fields.Integer(required=True, tracking=True, help="Seats kept for the class.")
    duty_employee_id = fields.Many2one(
        "hr.employee", string="Teacher On Duty", check_company=True, tracking=True,
        help="The teacher who takes the class to the dining hall and stays during the meal.",
    )
    duty_user_id = fields.Many2one(related="duty_employee_id.user_id", store=True, string="Duty Teacher User")
    note = fields.Text(help="Order of entry, route, special diets…")
    company_id = fields.Many2one(
        "res.company", string="School", required=True, index=True, default=lambda self: self.env.company,
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "class_meal_uniq",
            "unique(term_id, class_id, meal)",
            "A class has one arrangement per meal and term.",
        ),
    ]

    @api.depends("time_start", "time_end")
    def _compute_slot(self):
        for arrangement in self:
            arrangement.slot = f"{_format_hour(arrangement.time_start)}-{_format_hour(arrangement.time_end)}"

    @api.depends("table_from", "table_to")
    def _compute_tables(self):
        for arrangement in self:
            if arrangement.table_from == arrangement.table_to:
                arrangement.tables = str(arrangement.table_from)
            else:
                arrangement.tables = f"{arrangement.table_from}-{arrangement.table_to}"

    @api.depends("class_id", "meal", "slot")
    def _compute_display_name(self):
        meals = dict(self._fields["meal"]._description_selection(self.env))
        for arrangement in self:
            arrangement.display_name = " ".join(
                part for part in (arrangement.class_id.name, meals.get(arrangement.meal), arrangement.slot) if part
            )

    @api.constrains("time_start", "time_end", "table_from", "table_to", "seats")
    def _check_values(self):
        for arrangement in self:
            if not 0 <= arrangement.time_start < arrangement.time_end <= 24:
                raise ValidationError(_(
                    "%(name)s: the meal must end after it starts, within the day.", name=arrangement.display_name
                ))
            if arrangement.table_from < 1 or arrangement.table_to < arrangement.table_from:
                raise ValidationError(_(
                    "%(name)s: tables are numbered from 1 and the last table comes after the first.",
                    name=arrangement.display_name,
                ))
            if arrangement.seats <= 0:
                raise ValidationError(_("%(name)s: give the number of seats.", name=arrangement.display_name))

    @api.constrains("class_id", "term_id")
    def _check_class_term(self):
        for arrangement in self:
            if arrangement.class_id.term_id != arrangement.term_id:
                raise ValidationError(_(
                    "%(school_class)s belongs to %(class_term)s, not to %(term)s.",
                    school_class=arrangement.class_id.name, class_term=arrangement.class_id.term_id.name,
                    term=arrangement.term_id.name,
                ))

    @api.constrains("term_id", "place_id", "time_start", "time_end", "table_from", "table_to", "active")
    def _check_tables_free(self):
        """Two classes never sit at the same table at the same time."""
        for arrangement in self.filtered("active"):
            # sudo: a clash with any class of the school counts, whoever enters the arrangement
            clash = self.sudo().search([
                ("id", "!=", arrangement.id),
                ("term_id", "=", arrangement.term_id.id),
                ("place_id", "=", arrangement.place_id.id),
                ("time_start", "<", arrangement.time_end),
                ("time_end", ">", arrangement.time_start),
                ("table_from", "<=", arrangement.table_to),
                ("table_to", ">=", arrangement.table_from),
            ], limit=1)
            if clash:
                raise ValidationError(_(
                    "Tables %(tables)s of %(place)s are already taken by %(other)s from %(start)s to %(end)s: "
                    "choose other tables or another time slot for %(school_class)s.",
                    tables=clash.tables, place=arrangement.place_id.name, other=clash.class_id.name,
                    start=_format_hour(clash.time_start), end=_format_hour(clash.time_end),
                    school_class=arrangement.class_id.name,
                ))

    @api.onchange("class_id")
    def _onchange_class_id(self):
        if self.class_id and not self.seats:
            self.seats = self.class_id.headcount
