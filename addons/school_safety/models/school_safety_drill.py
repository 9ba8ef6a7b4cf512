from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.school_base.models.school_workflow_mixin import workflow_action

from .school_safety_hazard import HAZARD_CATEGORIES

DRILL_TYPES = [
    ("fire", "Fire"),
    ("earthquake", "Earthquake"),
    ("evacuation", "Emergency Evacuation"),
    ("stampede", "Stampede Prevention"),
    ("anti_terror", "Anti-terror"),
    ("other", "Other"),
]
# Drill types that move people out of the buildings: their evacuation time is required.
EVACUATION_TYPES = ("fire", "earthquake", "evacuation", "stampede")
# Seeds: four fire / campus emergency drills a term (每学期开展四次消防安全演练、校园突发事件应急演练).
EMERGENCY_DRILLS_PER_TERM = 4
HELD_STATES = ("held", "evaluated")


class SchoolSafetyDrill(models.Model):
    _name = "school.safety.drill"
    _description = "Safety Drill"
    _inherit = ["mail.thread", "mail.activity.mixin", "school.safety.activity.mixin", "school.term.mixin"]
    _term_date_field = "date_planned"
    _held_states = HELD_STATES
    _locked_states = ("evaluated",)
    _order = "date_planned desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Subject", required=True, tracking=True)
    drill_type = fields.Selection(
        DRILL_TYPES, string="Type", required=True, default="fire", index=True, tracking=True
    )
    is_emergency = fields.Boolean(
        string="Fire / Emergency Drill", compute="_compute_is_emergency", store=True,
        help="Counts towards the four fire and emergency drills the school holds each term.",
    )
    term_id = fields.Many2one(
        required=True, check_company=True, tracking=True,
        help="Left empty, the term that contains the planned date.",
    )
    date_planned = fields.Date(
        string="Planned Date", required=True, index=True, tracking=True,
        default=fields.Date.context_today,
    )
    date_held = fields.Datetime(string="Held On", copy=False, tracking=True)
    place_id = fields.Many2one(
        "school.place", check_company=True, tracking=True,
        help="Where the drill takes place or where people gather; hazards found default to it.",
    )
    organizer_user_id = fields.Many2one(
        "res.users", string="Organizer", default=lambda self: self.env.user, tracking=True,
        domain="[('share', '=', False), ('company_ids', 'in', company_id)]",
    )
    description = fields.Html(string="Plan", help="Scenario, routes, roles and signals of the drill.")
    class_ids = fields.Many2many(
        "school.class", string="Classes", check_company=True,
        domain="[('term_id', '=', term_id)]",
    )
    student_count = fields.Integer(
        string="Students", compute="_compute_student_count", store=True,
        help="Headcount of the participating classes.",
    )
    staff_count = fields.Integer(string="Staff", help="Teachers and staff taking part.")
    participant_count = fields.Integer(
        string="Participants", compute="_compute_participant_count", store=True
    )
    evacuation_duration = fields.Float(
        string="Evacuation Time",
        help="Minutes and seconds from the alarm until everyone is at the assembly point.",
    )
    evaluation = fields.Text(tracking=True)
    rating = fields.Selection(
        [("excellent", "Excellent"), ("good", "Good"), ("fair", "Fair"), ("poor", "Poor")],
        tracking=True,
    )
    problem_ids = fields.One2many("school.safety.drill.problem", "drill_id", string="Problems Found")
    hazard_ids = fields.One2many("school.safety.hazard", "drill_id", string="Hazards")
    hazard_count = fields.Integer(compute="_compute_hazard_count")
    state = fields.Selection(
        [
            ("planned", "Planned"),
            ("held", "Held"),
            ("evaluated", "Evaluated"),
            ("cancel", "Cancelled"),
        ],
        required=True, default="planned", index=True, tracking=True, copy=False,
    )
    term_warning = fields.Char(
        compute="_compute_term_warning",
        help="What the drill's term still lacks against the school's drill plan.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    _sql_constraints = [
        ("staff_count_positive", "CHECK(staff_count >= 0)", "The number of staff cannot be negative."),
    ]

    @api.depends("drill_type")
    def _compute_is_emergency(self):
        for drill in self:
            drill.is_emergency = drill.drill_type != "other"

    @api.depends("class_ids.headcount")
    def _compute_student_count(self):
        for drill in self:
            drill.student_count = sum(drill.class_ids.mapped("headcount"))

    @api.depends("student_count", "staff_count")
    def _compute_participant_count(self):
        for drill in self:
            drill.participant_count = drill.student_count + drill.staff_count

    def _compute_hazard_count(self):
        counts = dict(
            self.env["school.safety.hazard"]._read_group(
                [("drill_id", "in", self.ids)], ["drill_id"], ["__count"]
            )
        )
        for drill in self:
            drill.hazard_count = counts.get(drill, 0)

    @api.depends("term_id", "date_planned", "drill_type", "state")
    def _compute_term_warning(self):
        summaries = self._get_term_summary(self.term_id)
        for drill in self:
            drill.term_warning = summaries.get(drill.term_id.id, {}).get("warning", False)

    @api.constrains("evacuation_duration")
    def _check_evacuation_duration(self):
        for drill in self:
            if drill.evacuation_duration < 0:
                raise ValidationError(
                    _("Drill %(name)s: the evacuation time must be positive.", name=drill.name)
                )

    @api.constrains("date_held", "state")
    def _check_date_held(self):
        for drill in self:
            if drill.date_held and drill.state not in HELD_STATES:
                raise ValidationError(
                    _("Drill %(name)s was not held: it has no date held yet.", name=drill.name)
                )

    @api.constrains("date_planned", "term_id")
    def _constrain_date_in_term(self):
        self._check_date_in_term()

    @api.onchange("term_id")
    def _onchange_term_id(self):
        if self.class_ids and self.term_id:
            self.class_ids = self.class_ids.filtered(lambda c: c.term_id == self.term_id)

    @api.model_create_multi
    def create(self, vals_list):
        # the term comes from the planned date (school.term.mixin); a date of no term is refused clearly
        dated = [vals for vals in vals_list if not vals.get("term_id") and vals.get("date_planned")]
        terms = self.env["school.term"]._get_for_dates([
            (fields.Date.to_date(vals["date_planned"]),
             self.env["res.company"].browse(vals.get("company_id")) or self.env.company)
            for vals in dated
        ])
        for vals, term in zip(dated, terms, strict=True):
            if not term:
                raise UserError(
                    _("No term of the school contains %(date)s: create the term before planning drills in it.",
                      date=vals["date_planned"])
                )
        return super().create(vals_list)

    # ------------------------------------------------------------------
    # Workflow
    # ------------------------------------------------------------------
    def _check_can_hold(self):
        """Who took part and, for an evacuation, how fast people got out."""
        for drill in self:
            if not drill.participant_count:
                raise UserError(
                    _("Drill %(name)s: choose the classes or give the number of staff who took part.",
                      name=drill.name)
                )
            if drill.drill_type in EVACUATION_TYPES and drill.evacuation_duration <= 0:
                raise UserError(
                    _("Drill %(name)s: record the evacuation time (minutes:seconds) before marking it held.",
                      name=drill.name)
                )

    def _prepare_hold_vals(self):
        return dict(super()._prepare_hold_vals(), date_held=self.date_held or fields.Datetime.now())

    @workflow_action
    def action_evaluate(self):
        """Close the drill with its evaluation; the problems found become hazards."""
        self.check_access("write")
        self._check_state(("held",), _("evaluated"))
        for drill in self:
            if not (drill.evaluation or "").strip() or not drill.rating:
                raise UserError(
                    _("Drill %(name)s: write the evaluation and give a rating first.", name=drill.name)
                )
        self.problem_ids.filtered(lambda p: not p.hazard_id)._create_hazards()
        self.write({"state": "evaluated"})
        return True

    def action_create_hazards(self):
        """Turn the problems not yet followed up into hazards."""
        self.check_access("write")
        self._check_state(HELD_STATES, _("followed up"))
        self.problem_ids.filtered(lambda p: not p.hazard_id)._create_hazards()
        return True

    def action_view_hazards(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Hazards"),
            "res_model": "school.safety.hazard",
            "view_mode": "list,form",
            "domain": [("drill_id", "=", self.id)],
            "context": {"default_drill_id": self.id, "default_source": "drill"},
        }

    # ------------------------------------------------------------------
    # Planned vs held for the term
    # ------------------------------------------------------------------
    @api.model
    def _get_term_summary(self, terms):
        """Planned vs held drills of ``terms``, in one grouped query.

        Returns ``{term_id: {planned, held, emergency, months_without, warning}}``: ``planned``
        counts every drill not cancelled, ``held`` the ones held or evaluated, ``emergency`` the
        fire / emergency drills planned, ``months_without`` the months of the term with no drill.
        """
        terms = terms.exists()
        if not terms:
            return {}
        groups = self._read_group(
            [("term_id", "in", terms.ids), ("state", "!=", "cancel")],
            ["term_id", "date_planned:month", "state", "is_emergency"],
            ["__count"],
        )
        result = {
            term.id: {"planned": 0, "held": 0, "emergency": 0, "months": set()} for term in terms
        }
        for term, month, state, is_emergency, count in groups:
            summary = result[term.id]
            summary["planned"] += count
            summary["months"].add((month.year, month.month))
            if state in HELD_STATES:
                summary["held"] += count
            if is_emergency:
                summary["emergency"] += count
        for term in terms:
            summary = result[term.id]
            months_without = []
            month = term.date_start.replace(day=1)
            while month <= term.date_end:
                if (month.year, month.month) not in summary["months"]:
                    months_without.append(month.strftime("%Y-%m"))
                month += relativedelta(months=1)
            summary["months_without"] = months_without
            del summary["months"]
            warnings = []
            if summary["emergency"] < EMERGENCY_DRILLS_PER_TERM:
                warnings.append(
                    _("%(count)s of %(target)s fire / emergency drills planned",
                      count=summary["emergency"], target=EMERGENCY_DRILLS_PER_TERM)
                )
            if months_without:
                warnings.append(_("no drill in %(months)s", months=", ".join(months_without)))
            summary["warning"] = (
                _("Term %(term)s: %(problems)s.", term=term.name, problems="; ".join(warnings))
                if warnings else False
            )
        return result


class SchoolSafetyDrillProblem(models.Model):
    _name = "school.safety.drill.problem"
    _description = "Problem Found in a Drill"
    _inherit = ["school.workflow.mixin", "school.lock.mixin"]
    _workflow_fields = ("hazard_id",)
    _lock_parent_field = "drill_id"
    # an evaluated drill still raises the hazards of its problems
    _lock_editable_fields = ("hazard_id",)
    _order = "drill_id, sequence, id"
    _check_company_auto = True

    sequence = fields.Integer(default=10)
    drill_id = fields.Many2one(
        "school.safety.drill", required=True, index=True, ondelete="cascade", check_company=True
    )
    description = fields.Text(string="Problem", required=True)
    place_id = fields.Many2one(
        "school.place", check_company=True,
        help="Where the problem was seen; left empty, the drill's place.",
    )
    category = fields.Selection(HAZARD_CATEGORIES, required=True, default="other")
    hazard_id = fields.Many2one(
        "school.safety.hazard", readonly=True, copy=False, index="btree_not_null",
        ondelete="set null",
    )
    company_id = fields.Many2one(
        related="drill_id.company_id", store=True, index=True, precompute=True
    )

    def write(self, vals):
        if "hazard_id" not in vals and any(problem.hazard_id for problem in self):
            raise UserError(_("This problem is already followed up as a hazard; change the hazard instead."))
        return super().write(vals)

    def _prepare_hazard_vals(self):
        """Values of the hazard raised from this problem (override point)."""
        self.ensure_one()
        drill = self.drill_id
        return {
            "description": _("Drill %(drill)s: %(problem)s", drill=drill.name, problem=self.description),
            "place_id": (self.place_id or drill.place_id).id,
            "category": self.category,
            "source": "drill",
            "drill_id": drill.id,
            "company_id": drill.company_id.id,
        }

    @workflow_action
    def _create_hazards(self):
        missing = self.filtered(lambda p: not (p.place_id or p.drill_id.place_id))
        if missing:
            raise UserError(
                _("Say where problem “%(problem)s” of drill %(drill)s was seen before raising the hazard.",
                  problem=missing[0].description, drill=missing[0].drill_id.name)
            )
        hazards = self.env["school.safety.hazard"].create([p._prepare_hazard_vals() for p in self])
        for problem, hazard in zip(self, hazards, strict=True):
            problem.hazard_id = hazard
        return hazards

    def action_create_hazard(self):
        to_raise = self.filtered(lambda p: not p.hazard_id)
        to_raise.drill_id.check_access("write")
        to_raise.drill_id._check_state(HELD_STATES, _("followed up"))
        to_raise._create_hazards()
        return True
