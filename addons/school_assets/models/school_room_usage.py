from datetime import datetime

from odoo import _, api, fields, models, tools
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

from odoo.addons.school_base.models.school_workflow_mixin import workflow_step

PERIODS = [(str(number), label) for number, label in (
    (1, "Lesson 1"), (2, "Lesson 2"), (3, "Lesson 3"), (4, "Lesson 4"), (5, "Lesson 5"),
    (6, "Lesson 6"), (7, "Lesson 7"), (8, "Lesson 8"), (9, "After School"),
)]


class SchoolRoomUsage(models.Model):
    """功能室、专用教室和大型设备使用记录: one line per lesson, logged by the teacher after class."""

    _name = "school.room.usage"
    _description = "Special Room Usage"
    _inherit = ["mail.thread", "school.workflow.mixin", "school.term.mixin"]
    _order = "date desc, period desc, id desc"
    _check_company_auto = True
    _term_date_field = "date"
    _workflow_fields = ("repair_request_id",)

    date = fields.Date(required=True, default=fields.Date.context_today, index=True, tracking=True)
    period = fields.Selection(PERIODS, string="Lesson", required=True, tracking=True)
    place_id = fields.Many2one(
        "school.place", string="Room", index=True, check_company=True, tracking=True,
        domain="[('kind', '=', 'special_room'), ('company_id', '=', company_id)]",
    )
    equipment_id = fields.Many2one(
        "maintenance.equipment", index="btree_not_null", check_company=True, tracking=True,
        help="Major equipment used in the lesson (录播系统, 3D打印机…).",
    )
    teacher_id = fields.Many2one(
        "res.users", required=True, index=True, default=lambda self: self.env.user,
        domain="[('share', '=', False), ('company_ids', 'in', company_id)]", tracking=True,
    )
    class_id = fields.Many2one("school.class", check_company=True, tracking=True)
    purpose = fields.Char(required=True, help="e.g. 科学实验：水的蒸发")
    condition = fields.Selection(
        [("good", "Good"), ("damaged", "Damaged")], string="Condition After", required=True, default="good",
        tracking=True,
    )
    damage_note = fields.Text(string="What Is Damaged")
    repair_request_id = fields.Many2one(
        "maintenance.request", readonly=True, copy=False, check_company=True,
    )
    company_id = fields.Many2one("res.company", required=True, index=True, default=lambda self: self.env.company)

    _sql_constraints = [
        ("room_lesson_uniq", "unique(place_id, date, period)", "The room is already logged for this lesson."),
        ("equipment_lesson_uniq", "unique(equipment_id, date, period)",
         "The equipment is already logged for this lesson."),
    ]

    @api.depends("place_id", "equipment_id", "date", "period")
    def _compute_display_name(self):
        periods = dict(self._fields["period"]._description_selection(self.env))
        for usage in self:
            what = usage.place_id.name or usage.equipment_id.name or ""
            usage.display_name = f"{what} {usage.date or ''} {periods.get(usage.period, '')}".strip()

    @api.onchange("equipment_id")
    def _onchange_equipment_id(self):
        if self.equipment_id.school_place_id and not self.place_id:
            self.place_id = self.equipment_id.school_place_id

    @api.constrains("place_id", "equipment_id", "condition", "damage_note", "date")
    def _check_usage(self):
        today = fields.Date.context_today(self)
        for usage in self:
            if not usage.place_id and not usage.equipment_id:
                raise ValidationError(_("Log the use of a special room or of a piece of equipment."))
            if usage.condition == "damaged" and not (usage.damage_note or "").strip():
                raise ValidationError(_("Say what was damaged during the lesson."))
            if usage.date and (usage.date - today).days > 1:
                raise ValidationError(_("A lesson is logged once it has taken place."))

    @api.model_create_multi
    def create(self, vals_list):
        usages = super().create(vals_list)
        usages.filtered(lambda usage: usage.condition == "damaged")._open_repair_request()
        return usages

    def write(self, vals):
        if not self.env.su and self.filtered("repair_request_id") and {
            "condition", "damage_note", "place_id", "equipment_id"
        }.intersection(vals):
            raise UserError(_("A repair was already requested for this damage: the log can no longer change it."))
        res = super().write(vals)
        if vals.get("condition") == "damaged":
            self.filtered(lambda usage: not usage.repair_request_id)._open_repair_request()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_except_repair(self):
        if not self.env.su and self.filtered("repair_request_id"):
            raise UserError(_("A lesson log that raised a repair request is kept."))

    def _open_repair_request(self):
        """A damage found after the lesson becomes a repair request through the maintenance seam
        (the place's team, its parents', the category's, the school's first)."""
        for usage in self:
            place = usage.place_id or usage.equipment_id.school_place_id
            team = place.with_company(usage.company_id)._get_maintenance_team(usage.equipment_id.category_id)
            if not team:
                raise UserError(
                    _("Create a maintenance team for %(school)s before raising repairs.", school=usage.company_id.name)
                )
            # sudo: a teacher reports the repair although maintenance's own rules only show
            # requests to their owner or followers; the teacher follows it right away
            request = self.env["maintenance.request"].sudo().create({
                "name": _("Damaged in lesson: %(what)s", what=usage.display_name),
                "maintenance_team_id": team.id,
                "equipment_id": usage.equipment_id.id,
                "school_place_id": place.id,
                "description": usage.damage_note,
                "maintenance_type": "corrective",
                "company_id": usage.company_id.id,
            })
            request.message_subscribe(partner_ids=usage.teacher_id.partner_id.ids)
            with workflow_step():
                usage.repair_request_id = request
            usage.message_post(body=_("Repair request %(name)s raised.", name=request.name))
        return True


class SchoolRoomUsageRate(models.Model):
    """教育装备使用率: lessons logged in a special room (or on a piece of equipment) in a term,
    over the lessons available: the term's school days up to today (the school calendar: working
    hours, holidays and make-up days) times the school's lessons per day."""

    _name = "school.room.usage.rate"
    _description = "Special Room Usage Rate"
    _auto = False
    _order = "term_id desc, resource"
    _depends = {
        "school.room.usage": ["term_id", "place_id", "equipment_id", "condition", "company_id"],
        "school.place": ["kind", "company_id", "active", "complete_name"],
        "school.term": ["date_start", "date_end", "active", "company_id"],
        "res.company": ["school_lessons_per_day"],
    }

    term_id = fields.Many2one("school.term", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    resource_type = fields.Selection(
        [("room", "Special Room"), ("equipment", "Equipment")], string="Type", readonly=True
    )
    resource = fields.Char(string="Room or Equipment", readonly=True)
    place_id = fields.Many2one("school.place", string="Room", readonly=True)
    equipment_id = fields.Many2one("maintenance.equipment", readonly=True)
    lessons_used = fields.Integer(readonly=True)
    lessons_available = fields.Integer(readonly=True)
    usage_rate = fields.Float(string="Usage Rate (%)", readonly=True, aggregator="avg")
    damaged_count = fields.Integer(string="Damaged", readonly=True)

    def init(self):
        # the rate was a database view before it followed the school calendar
        tools.drop_view_if_exists(self.env.cr, self._table)

    def _school_days_by_term(self):
        """``{term id: school days from its start to today (or its end)}`` for the active terms
        of the schools the user works for (every school for the superuser): one pass over the
        school calendar per school, from its earliest term to today, never one per room or day."""
        terms = self.env["school.term"].sudo().search_fetch(
            [("active", "=", True), ("company_id", "!=", False)]
            + ([] if self.env.su else [("company_id", "in", self.env.user.company_ids.ids)]),
            ["date_start", "date_end", "company_id"],
        )
        result = {}
        for company, school_terms in terms.grouped("company_id").items():
            today = datetime.now(company._school_calendar_tz()).date()
            ends = {term: min(term.date_end, today) for term in school_terms if term.date_start and term.date_end}
            started = [term for term, end in ends.items() if term.date_start <= end]
            result.update(dict.fromkeys(school_terms.ids, 0))
            if not started:
                continue
            days = company._school_working_days(
                min(term.date_start for term in started), max(ends[term] for term in started)
            )
            for term in started:
                result[term.id] = sum(1 for day in days if term.date_start <= day <= ends[term])
        return result

    @property
    def _table_query(self):
        days = self._school_days_by_term()
        terms = SQL(", ").join(SQL("(%s, %s)", term_id, count) for term_id, count in days.items())
        terms = SQL("VALUES %s", terms) if days else SQL("SELECT 0, 0 WHERE FALSE")
        return SQL("""
                WITH terms AS (
                    SELECT t.id, t.company_id, d.days * COALESCE(NULLIF(c.school_lessons_per_day, 0), 7) AS available
                      FROM (%s) AS d(term_id, days)
                      JOIN school_term t ON t.id = d.term_id
                      JOIN res_company c ON c.id = t.company_id
                ), rooms AS (
                    SELECT terms.id AS term_id, terms.company_id, 'room' AS resource_type, p.id AS place_id,
                           NULL::integer AS equipment_id, p.complete_name AS resource, terms.available,
                           count(u.id) AS used, count(u.id) FILTER (WHERE u.condition = 'damaged') AS damaged
                      FROM terms
                      JOIN school_place p ON p.company_id = terms.company_id AND p.active
                      LEFT JOIN school_room_usage u ON u.place_id = p.id AND u.term_id = terms.id
                     WHERE p.kind = 'special_room' OR u.id IS NOT NULL
                     GROUP BY terms.id, terms.company_id, p.id, p.complete_name, terms.available
                ), equipment AS (
                    SELECT terms.id, terms.company_id, 'equipment', NULL::integer, e.id,
                           COALESCE(e.name->>'zh_CN', e.name->>'en_US'), terms.available,
                           count(u.id), count(u.id) FILTER (WHERE u.condition = 'damaged')
                      FROM terms
                      JOIN school_room_usage u ON u.term_id = terms.id
                      JOIN maintenance_equipment e ON e.id = u.equipment_id
                     GROUP BY terms.id, terms.company_id, e.id, terms.available
                )
                SELECT row_number() OVER (ORDER BY r.term_id, r.resource_type, r.place_id, r.equipment_id) AS id,
                       r.term_id, r.company_id, r.resource_type, r.place_id, r.equipment_id, r.resource,
                       r.used AS lessons_used, r.available AS lessons_available, r.damaged AS damaged_count,
                       CASE WHEN r.available > 0 THEN round(100.0 * r.used / r.available, 1) ELSE 0 END
                           AS usage_rate
                  FROM (SELECT * FROM rooms UNION ALL SELECT * FROM equipment) AS r
        """, terms)
