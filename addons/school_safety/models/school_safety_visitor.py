import logging
import re
from datetime import timedelta

from odoo import _, api, fields, models, tools
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools.translate import LazyTranslate

from odoo.addons.school_base.models.school_workflow_mixin import workflow_action

_lt = LazyTranslate(__name__)

_logger = logging.getLogger(__name__)

VISITOR_STATES = [
    ("on_campus", "On Campus"),
    ("left", "Left"),
    ("refused", "Entry Refused"),
]
RETENTION_PARAM = "school_safety.visitor_id_retention_days"
DEFAULT_RETENTION_DAYS = 180
ERASE_BATCH_SIZE = 1000
# Mainland resident identity card (GB 11643): 17 digits and an ISO 7064 MOD 11-2 check character.
RESIDENT_ID_RE = re.compile(r"^\d{17}[\dX]$")
RESIDENT_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
RESIDENT_ID_CHECK = "10X98765432"
# Passports, Hong Kong / Macau / Taiwan permits, foreigners' permanent residence cards.
OTHER_ID_RE = re.compile(r"^[A-Z0-9]{5,20}$")
# Who reads and searches the full ID number: the safety manager holds this group explicitly
# (no role implies it, so neither the principal nor the director gets it); the guard on gate
# duty reads it through ``id_number_full`` while on duty.
ID_NUMBER_GROUP = "school_safety.group_safety_visitor_id"
# the visitor's ID number in any form: erased from the chatter's tracking with the number
ID_NUMBER_FIELDS = ("id_number", "id_number_masked", "id_number_entry", "id_number_full")
# a clock a few minutes fast at the gate is not a visit in the future
CHECK_IN_TOLERANCE = timedelta(minutes=10)


class SchoolSafetyVisitor(models.Model):
    """One visit in the gate's visitor register (来访登记).

    The visitor's ID number is personal data: it is stored in ``id_number``, readable
    only by the safety manager, and erased by a cron after a retention period. Guards
    type it in ``id_number_entry`` (write-only: it always reads back empty) and see
    ``id_number_masked``.
    """

    _name = "school.safety.visitor"
    _description = "Visitor Register Entry"
    _lock_states = ("left", "refused")
    _lock_message = _lt("%(name)s is closed in the visitor register; only a safety manager can correct it.")
    _inherit = [
        "mail.thread", "mail.activity.mixin", "school.reference.mixin",
        "school.workflow.mixin", "school.lock.mixin",
    ]
    _order = "check_in desc, id desc"
    # the gate's stamps: only the actions (and the erase job) set them
    _workflow_fields = ("check_out", "guard_user_id", "id_number_erased")
    _check_company_auto = True
    _rec_names_search = ["name", "visitor_name"]

    visitor_name = fields.Char(required=True, tracking=True, index="trigram")
    phone = fields.Char(tracking=True)
    id_number = fields.Char(
        string="ID Number (full)",
        copy=False,
        groups=ID_NUMBER_GROUP,
        help="Full identity document number. Only the safety manager can read it; "
        "it is erased after the retention period.",
    )
    id_number_full = fields.Char(
        string="ID Number (full, on duty)",
        compute="_compute_id_number_full",
        search="_search_id_number_full",
        groups="school_safety.group_safety_guard",
        help="The full number, shown only to the safety manager and to the guard on gate duty now.",
    )
    id_number_entry = fields.Char(
        string="ID Number",
        compute="_compute_id_number_entry",
        inverse="_inverse_id_number_entry",
        help="Type the visitor's identity card or passport number. Once saved, only the masked "
        "number is shown.",
    )
    id_number_masked = fields.Char(
        string="ID Number (masked)",
        compute="_compute_id_number_masked",
        store=True,
    )
    id_number_erased = fields.Boolean(
        string="ID Number Erased",
        readonly=True,
        copy=False,
        help="The ID number was erased at the end of the retention period.",
    )
    organisation = fields.Char(
        tracking=True, help="Company, school or office the visitor comes from."
    )
    purpose = fields.Text(required=True, help="The reason for the visit (正当的理由).")
    host_employee_id = fields.Many2one(
        "hr.employee",
        string="Host",
        check_company=True,
        tracking=True,
        index="btree_not_null",
        help="The member of staff the visitor comes to see.",
    )
    host_user_id = fields.Many2one(
        related="host_employee_id.user_id", string="Host User"
    )
    vehicle_plate = fields.Char(tracking=True)
    badge_number = fields.Char(
        tracking=True, help="Number of the visitor badge handed out at the gate."
    )
    place_id = fields.Many2one(
        "school.place",
        string="Gate",
        check_company=True,
        tracking=True,
        index="btree_not_null",
        domain="[('kind', '=', 'gate')]",
    )
    check_in = fields.Datetime(
        required=True, default=fields.Datetime.now, tracking=True, index=True
    )
    check_out = fields.Datetime(tracking=True, copy=False)
    state = fields.Selection(
        VISITOR_STATES,
        required=True,
        default="on_campus",
        tracking=True,
        index=True,
        copy=False,
    )
    refuse_reason = fields.Text(
        string="Reason for Refusal",
        tracking=True,
        copy=False,
        help="Why the visitor was not let in (no valid reason, no appointment, dangerous items…).",
    )
    guard_user_id = fields.Many2one(
        "res.users",
        string="Registered By",
        default=lambda self: self.env.user,
        readonly=True,
        copy=False,
    )
    company_id = fields.Many2one(
        "res.company",
        string="School",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )

    def init(self):
        res = super().init()
        # the daily erase cron looks for the visits that still hold an ID number, oldest first:
        # once the backlog is erased they are the few recent ones among years of register
        tools.create_index(
            self.env.cr, "school_safety_visitor_id_number_check_in_index", self._table,
            ["check_in", "id"], where="id_number IS NOT NULL",
        )
        return res

    @api.depends()
    def _compute_id_number_entry(self):
        # write-only: never read the stored number back into this field
        for visitor in self:
            visitor.id_number_entry = False

    def _inverse_id_number_entry(self):
        for visitor in self:
            if visitor.id_number_entry:
                # sudo: a guard may enter the number but not hold read access to the stored field
                visitor.sudo().write(
                    {
                        "id_number": self._normalize_id_number(visitor.id_number_entry),
                        "id_number_erased": False,
                    }
                )

    @api.model
    def _can_read_full_id_number(self):
        """The safety manager (explicit right) and the guard on gate duty right now."""
        user = self.env.user
        if self.env.su or user.has_group(ID_NUMBER_GROUP):
            return True
        return user.has_group("school_safety.group_safety_guard") and self.env[
            "school.safety.duty"
        ]._is_user_on_duty(user, duty_types=("gate",), company=self.env.company)

    @api.depends_context("uid", "allowed_company_ids")
    def _compute_id_number_full(self):
        allowed = self._can_read_full_id_number()
        # sudo: the right was checked just above; everyone else gets nothing
        numbers = {v.id: v.id_number for v in self.sudo()} if allowed else {}
        for visitor in self:
            visitor.id_number_full = numbers.get(visitor.id, False)

    def _search_id_number_full(self, operator, value):
        if not self._can_read_full_id_number():
            raise AccessError(
                _(
                    "Only the safety manager and the guard on gate duty can search the full ID "
                    "numbers of visitors."
                )
            )
        if isinstance(value, str) and operator in ("=", "!=", "ilike", "not ilike", "=like", "=ilike"):
            value = re.sub(r"\s", "", value).upper()
        # sudo: the right was checked just above
        visitors = self.sudo().with_context(active_test=False)._search(
            [("id_number", operator, value)]
        )
        return [("id", "in", visitors)]

    @api.depends("id_number")
    def _compute_id_number_masked(self):
        # stored computes run as superuser (compute_sudo), so the protected field is readable here
        for visitor in self:
            visitor.id_number_masked = self._mask_id_number(visitor.id_number)

    @api.constrains("check_in", "check_out")
    def _check_check_out_after_check_in(self):
        for visitor in self:
            if visitor.check_out and visitor.check_out < visitor.check_in:
                raise ValidationError(
                    _(
                        "%(visitor)s cannot leave before arriving: the check-out time must be after "
                        "the check-in time.",
                        visitor=visitor.visitor_name,
                    )
                )

    @api.constrains("state", "refuse_reason")
    def _check_refuse_reason(self):
        for visitor in self:
            if visitor.state == "refused" and not (visitor.refuse_reason or "").strip():
                raise ValidationError(
                    _(
                        "Write down why %(visitor)s was refused entry.",
                        visitor=visitor.visitor_name,
                    )
                )

    @api.constrains("badge_number", "state", "company_id")
    def _check_badge_free(self):
        for visitor in self.filtered(
            lambda v: v.badge_number and v.state == "on_campus"
        ):
            other = self.search(
                [
                    ("id", "!=", visitor.id),
                    ("company_id", "=", visitor.company_id.id),
                    ("state", "=", "on_campus"),
                    ("badge_number", "=", visitor.badge_number),
                ],
                limit=1,
            )
            if other:
                raise ValidationError(
                    _(
                        "Badge %(badge)s is already worn by %(other)s, who is still on campus. "
                        "Hand out another badge or check %(other)s out first.",
                        badge=visitor.badge_number,
                        other=other.visitor_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        latest = fields.Datetime.now() + CHECK_IN_TOLERANCE
        for vals in vals_list:
            self._prepare_visitor_vals(vals)
            if not self.env.su and vals.get("check_in"):
                check_in = self._convert_check_in(vals["check_in"])
                if check_in > latest:
                    raise ValidationError(
                        _("A visit is registered when the visitor arrives, not in advance.")
                    )
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su and vals.get("check_in"):
            # the ID number is erased counting from the check-in: nobody pushes it later
            check_in = self._convert_check_in(vals["check_in"])
            for visitor in self:
                if check_in > visitor.check_in:
                    raise UserError(
                        _(
                            "%(visitor)s: the check-in time can only be corrected to an earlier "
                            "time, never moved later.",
                            visitor=visitor.display_name,
                        )
                    )
        return super().write(self._prepare_visitor_vals(dict(vals)))

    @api.model
    def _convert_check_in(self, value):
        try:
            return fields.Datetime.to_datetime(value)
        except (TypeError, ValueError) as error:
            raise ValidationError(
                _("%(value)s is not a date and time.", value=value)
            ) from error


    def _can_edit_locked(self):
        return self.env.su or self.env.user.has_group("school_safety.group_safety_manager")

    def _compute_display_name(self):
        for visitor in self:
            visitor.display_name = (
                f"{visitor.name} {visitor.visitor_name or ''}".strip()
            )

    @api.model
    def _prepare_visitor_vals(self, vals):
        """Normalise what the guard typed (in place); school_base checked the values first."""
        if vals.get("id_number"):
            vals["id_number"] = self._normalize_id_number(vals["id_number"])
        if vals.get("vehicle_plate"):
            vals["vehicle_plate"] = re.sub(
                r"[\s·.-]", "", vals["vehicle_plate"]
            ).upper()
        return vals

    @api.model
    def _normalize_id_number(self, number):
        """Upper-case, spaces removed; raise if it cannot be an identity document number."""
        number = re.sub(r"\s", "", number or "").upper()
        if not number:
            return False
        if len(number) == 18 and number[:17].isdigit():
            if not RESIDENT_ID_RE.match(number) or not self._resident_id_checksum_ok(
                number
            ):
                raise ValidationError(
                    _(
                        "This identity card number is not valid (its check digit does not match): "
                        "compare it with the card again."
                    )
                )
        elif not OTHER_ID_RE.match(number):
            raise ValidationError(
                _(
                    "An ID number has only letters and digits (5 to 20 of them): "
                    "an identity card has 18, a passport or permit fewer."
                )
            )
        return number

    @api.model
    def _resident_id_checksum_ok(self, number):
        total = sum(
            int(digit) * weight
            for digit, weight in zip(number[:17], RESIDENT_ID_WEIGHTS, strict=True)
        )
        return RESIDENT_ID_CHECK[total % 11] == number[17]

    @api.model
    def _mask_id_number(self, number):
        """3204**********1234: the first and last four characters only."""
        if not number:
            return False
        if len(number) > 8:
            return number[:4] + "*" * (len(number) - 8) + number[-4:]
        return "*" * (len(number) - 2) + number[-2:]

    @workflow_action
    def action_check_out(self):
        """The visitor leaves: stamp the time. Works on several visits at once (list button)."""
        not_in = self.filtered(lambda v: v.state != "on_campus")
        if not_in:
            raise UserError(
                _(
                    "Only a visitor who is on campus can check out: %(visitors)s is not.",
                    visitors=", ".join(not_in.mapped("display_name")),
                )
            )
        self.write({"state": "left", "check_out": fields.Datetime.now()})
        return True

    @workflow_action
    def action_refuse(self):
        """Entry refused at the gate: the reason must be written down first."""
        for visitor in self:
            if visitor.state != "on_campus" or visitor.check_out:
                raise UserError(
                    _(
                        "%(visitor)s has already left: entry can only be refused at check-in.",
                        visitor=visitor.display_name,
                    )
                )
            if not (visitor.refuse_reason or "").strip():
                raise UserError(
                    _(
                        "Write down why %(visitor)s is refused entry, then press Refuse Entry again.",
                        visitor=visitor.visitor_name,
                    )
                )
        self.write({"state": "refused"})
        return True

    def _erase_id_number_tracking(self):
        """The number goes from the chatter's tracking values too, if any field ever tracked it."""
        if not self:
            return
        fields_ = self.env["ir.model.fields"].sudo().search(
            [("model", "=", self._name), ("name", "in", ID_NUMBER_FIELDS)]
        )
        # sudo: tracking values are technical records of the erased personal data
        tracking = self.env["mail.tracking.value"].sudo().search(
            [
                ("field_id", "in", fields_.ids),
                ("mail_message_id.model", "=", self._name),
                ("mail_message_id.res_id", "in", self.ids),
            ]
        )
        tracking.unlink()

    @api.model
    def _get_id_retention_days(self):
        value = (
            self.env["ir.config_parameter"]
            .sudo()
            .get_param(RETENTION_PARAM, DEFAULT_RETENTION_DAYS)
        )
        try:
            return max(int(value), 0)
        except (TypeError, ValueError):
            _logger.warning(
                "Invalid %s=%r, using %s days",
                RETENTION_PARAM,
                value,
                DEFAULT_RETENTION_DAYS,
            )
            return DEFAULT_RETENTION_DAYS

    @api.model
    def _get_id_erase_domain(self):
        limit_date = fields.Datetime.now() - timedelta(
            days=self._get_id_retention_days()
        )
        return [("id_number", "!=", False), ("check_in", "<", limit_date)]

    @api.model
    def _cron_erase_id_numbers(self, batch_size=ERASE_BATCH_SIZE):
        """Erase the ID numbers of visits older than the retention period (batched, idempotent)."""
        # sudo: the job sees every school's register and the protected field
        visitors = self.sudo().with_context(active_test=False, tracking_disable=True)
        domain = visitors._get_id_erase_domain()
        batch = visitors.search(domain, limit=batch_size, order="check_in, id")
        batch.write({"id_number": False, "id_number_erased": True})
        batch._erase_id_number_tracking()
        remaining = visitors.search_count(domain) if len(batch) == batch_size else 0
        _logger.info(
            "Erased the ID numbers of %d visits, %d remaining", len(batch), remaining
        )
        self.env["ir.cron"]._notify_progress(done=len(batch), remaining=remaining)
        return len(batch)
