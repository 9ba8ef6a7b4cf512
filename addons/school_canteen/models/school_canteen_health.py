from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.translate import LazyTranslate

from odoo.addons.school_base.models.school_escalation import EscalationStep

from .school_canteen_sample import MEALS

_lt = LazyTranslate(__name__)

MANAGER_GROUP = "school_canteen.group_canteen_manager"
CERT_REMINDER_ACTIVITY = "school_canteen.mail_activity_type_canteen_health_cert"


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    is_canteen_staff = fields.Boolean(
        string="Canteen Worker", index=True, tracking=True,
        help="Works in the canteen: has morning checks, a health certificate and shifts (食堂从业人员).",
    )
    health_certificate_ids = fields.One2many(
        "school.canteen.health.certificate", "employee_id", string="Health Certificates",
        groups=MANAGER_GROUP,
    )
    health_cert_number = fields.Char(
        string="Health Certificate No.", compute="_compute_health_cert", groups=MANAGER_GROUP
    )
    health_cert_issue_date = fields.Date(
        string="Health Certificate Issued", compute="_compute_health_cert", groups=MANAGER_GROUP
    )
    health_cert_expiry_date = fields.Date(
        string="Health Certificate Expires", compute="_compute_health_cert", groups=MANAGER_GROUP
    )

    @api.depends("health_certificate_ids.expiry_date")
    def _compute_health_cert(self):
        for employee in self:
            current = employee.health_certificate_ids.sorted("expiry_date", reverse=True)[:1]
            employee.health_cert_number = current.name
            employee.health_cert_issue_date = current.issue_date
            employee.health_cert_expiry_date = current.expiry_date

    def _get_valid_health_certificate(self, day):
        """The certificate of this employee valid on ``day``, if any.

        Runs as superuser so that the shift check works for whoever plans the shift,
        without showing them the certificate itself.
        """
        self.ensure_one()
        return self.env["school.canteen.health.certificate"].sudo().search(
            [("employee_id", "=", self.id), ("issue_date", "<=", day), ("expiry_date", ">=", day)], limit=1
        )


class HrEmployeePublic(models.Model):
    _inherit = "hr.employee.public"

    is_canteen_staff = fields.Boolean(string="Canteen Worker", readonly=True)
    canteen_checked_today = fields.Boolean(
        string="Morning Check Done Today", compute="_compute_canteen_checked_today",
        search="_search_canteen_checked_today",
    )

    def _canteen_checked_today_ids(self):
        # sudo: only who was checked is used, not the result (health data)
        return set(self.env["school.canteen.morning.check"].sudo().search(
            [("date", "=", fields.Date.context_today(self)), ("employee_id", "in", self.ids or [])]
            if self else [("date", "=", fields.Date.context_today(self))]
        ).employee_id.ids)

    def _compute_canteen_checked_today(self):
        checked = self._canteen_checked_today_ids()
        for employee in self:
            employee.canteen_checked_today = employee.id in checked

    def _search_canteen_checked_today(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise ValidationError(_("Unsupported search on the morning check of today."))
        checked = list(self.browse()._canteen_checked_today_ids())
        return [("id", "in" if (operator == "=") == value else "not in", checked)]


class SchoolCanteenHealthCertificate(models.Model):
    _name = "school.canteen.health.certificate"
    _description = "Health Certificate"
    _inherit = ["mail.thread", "mail.activity.mixin", "school.workflow.mixin", "school.escalation.mixin"]
    _order = "expiry_date, id"
    _check_company_auto = True

    name = fields.Char(string="Certificate No.", required=True, tracking=True)
    employee_id = fields.Many2one(
        "hr.employee", required=True, index=True, check_company=True, tracking=True,
        domain="[('is_canteen_staff', '=', True)]",
    )
    issue_date = fields.Date(required=True, tracking=True)
    expiry_date = fields.Date(required=True, index=True, tracking=True)
    issuer = fields.Char(string="Issued By", help="e.g. 常州市新北区疾病预防控制中心")
    scan = fields.Binary(attachment=True)
    scan_filename = fields.Char()
    days_left = fields.Integer(compute="_compute_status")
    status = fields.Selection(
        [("valid", "Valid"), ("expiring", "Expiring Soon"), ("expired", "Expired"), ("replaced", "Renewed")],
        compute="_compute_status",
    )
    is_expiring = fields.Boolean(
        string="Expiring Soon", compute="_compute_status", search="_search_is_expiring",
        help="The employee's latest certificate expires within the warning period of the settings.",
    )
    date_remind = fields.Date(
        string="Remind On", compute="_compute_date_remind", store=True, index=True,
        help="The expiry date less the school's warning days: the canteen manager is reminded then.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    @api.depends("expiry_date", "employee_id")
    @api.depends_context("uid")
    def _compute_status(self):
        today = fields.Date.context_today(self)
        latest = self._latest_expiry_by_employee()
        for cert in self:
            cert.days_left = (cert.expiry_date - today).days if cert.expiry_date else 0
            warning = cert.company_id.canteen_health_cert_warning_days
            if cert.expiry_date and cert.expiry_date < latest.get(cert.employee_id.id, cert.expiry_date):
                cert.status = "replaced"
            elif cert.expiry_date and cert.expiry_date < today:
                cert.status = "expired"
            elif cert.expiry_date and cert.days_left <= warning:
                cert.status = "expiring"
            else:
                cert.status = "valid"
            cert.is_expiring = cert.status == "expiring"

    def _latest_expiry_by_employee(self):
        employees = self.employee_id
        if not employees:
            return {}
        groups = self.env["school.canteen.health.certificate"]._read_group(
            [("employee_id", "in", employees.ids)], ["employee_id"], ["expiry_date:max"]
        )
        return {employee.id: expiry for employee, expiry in groups}

    def _search_is_expiring(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(_("Unsupported search on expiring certificates."))
        ids = self._get_expiring().ids
        positive = (operator == "=") == value
        return [("id", "in" if positive else "not in", ids)]

    def _get_expiring(self, today=None):
        """Latest certificates of each employee expiring within their school's warning period (not expired)."""
        today = today or fields.Date.context_today(self)
        # only what expires within the longest warning period of any school (not every valid certificate)
        longest = max(self.env["res.company"].sudo().search([]).mapped("canteen_health_cert_warning_days") or [0])
        candidates = self.search(
            [("expiry_date", ">=", today), ("expiry_date", "<=", today + timedelta(days=longest))]
        )
        latest = candidates._latest_expiry_by_employee()
        return candidates.filtered(
            lambda cert: cert.expiry_date >= latest.get(cert.employee_id.id, cert.expiry_date)
            and cert.expiry_date <= today + timedelta(days=cert.company_id.canteen_health_cert_warning_days)
        )

    @api.constrains("issue_date", "expiry_date")
    def _check_dates(self):
        for cert in self:
            if cert.expiry_date <= cert.issue_date:
                raise ValidationError(_("A health certificate expires after it is issued."))

    @api.depends("employee_id.name", "name")
    def _compute_display_name(self):
        for cert in self:
            cert.display_name = f"{cert.employee_id.name or ''} · {cert.name or ''}"

    @api.depends("expiry_date", "company_id.canteen_health_cert_warning_days")
    def _compute_date_remind(self):
        for cert in self:
            cert.date_remind = cert.expiry_date and cert.expiry_date - timedelta(
                days=cert.company_id.canteen_health_cert_warning_days
            )

    @api.model
    def _escalation_steps(self):
        """The canteen manager is told once about each certificate expiring within the school's
        warning days (a renewed one is not reminded)."""
        return [
            EscalationStep("expiring", "date_remind", "_escalation_remind_expiring",
                           domain=[("expiry_date", ">=", fields.Date.today())], role="canteen_manager"),
        ]

    def _escalation_remind_expiring(self, users):
        if self.status == "replaced":
            return
        for manager in users:
            certificate = self._in_lang_of(manager)
            self.activity_schedule(
                CERT_REMINDER_ACTIVITY,
                date_deadline=self.expiry_date,
                note=certificate.env._(
                    "The health certificate of %(employee)s expires on %(date)s: ask for a new one.",
                    employee=self.employee_id.name, date=certificate._school_format_date(self.expiry_date)),
                user_id=manager.id,
            )


class SchoolCanteenMorningCheck(models.Model):
    """晨检: health data, read by the canteen managers, the checker and the employee checked only.

    The checker is whoever records it. A failed check is locked for the canteen staff:
    turning it into a passed one would put a sick worker back on a shift; only the
    canteen manager corrects it.
    """

    _name = "school.canteen.morning.check"
    _description = "Morning Health Check"
    _lock_message = _lt(
        "The morning check of %(employee_id)s on %(date)s "
        "failed: only the canteen manager can correct it."
    )
    _inherit = ["mail.thread", "school.workflow.mixin", "school.lock.mixin"]
    _order = "date desc, employee_id, id"
    _check_company_auto = True
    _workflow_fields = ("checker_user_id",)
    _lock_editable_fields = ("note",)

    date = fields.Date(required=True, default=fields.Date.context_today, index=True)
    employee_id = fields.Many2one(
        "hr.employee", required=True, index=True, check_company=True,
        domain="[('is_canteen_staff', '=', True)]",
    )
    temperature = fields.Float(string="Temperature (°C)", required=True, default=36.5, tracking=True)
    has_fever = fields.Boolean(string="Fever", compute="_compute_result", store=True)
    diarrhoea = fields.Boolean(tracking=True)
    vomiting = fields.Boolean(tracking=True)
    cough = fields.Boolean(string="Cough / Sore Throat", tracking=True)
    skin_infection = fields.Boolean(string="Skin Infection / Eczema", tracking=True)
    hand_wound = fields.Boolean(tracking=True)
    uniform_ok = fields.Boolean(string="Clean Uniform And Cap", default=True, tracking=True)
    hygiene_ok = fields.Boolean(
        string="Personal Hygiene", default=True, tracking=True,
        help="Short nails, no jewellery, hair tucked in.",
    )
    other_symptom = fields.Char(string="Other Symptoms")
    result = fields.Selection(
        [("pass", "Passed"), ("fail", "Failed")], compute="_compute_result", store=True, index=True
    )
    checker_user_id = fields.Many2one(
        "res.users", string="Checked By", default=lambda self: self.env.user, required=True, readonly=True
    )
    note = fields.Text(string="Action Taken", help="e.g. sent home, moved away from food handling")
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    _sql_constraints = [
        ("employee_day_unique", "UNIQUE(employee_id, date)", "An employee has one morning check a day."),
    ]

    @api.depends(
        "temperature", "diarrhoea", "vomiting", "cough", "skin_infection", "hand_wound",
        "uniform_ok", "hygiene_ok", "other_symptom", "company_id.canteen_fever_temperature",
    )
    def _compute_result(self):
        for check in self:
            check.has_fever = check.temperature >= check.company_id.canteen_fever_temperature
            failed = (
                check.has_fever or check.diarrhoea or check.vomiting or check.cough or check.skin_infection
                or check.hand_wound or not check.uniform_ok or not check.hygiene_ok or bool(check.other_symptom)
            )
            check.result = "fail" if failed else "pass"

    @api.constrains("temperature")
    def _check_temperature(self):
        for check in self:
            if not 30.0 <= check.temperature <= 45.0:
                raise ValidationError(_("A body temperature of %(value)s °C is not plausible.", value=check.temperature))

    @api.depends("employee_id.name", "date")
    def _compute_display_name(self):
        for check in self:
            check.display_name = f"{check.date or ''} · {check.employee_id.name or ''}"

    def _is_locked(self):
        self.ensure_one()
        return self.result == "fail"

    def _can_edit_locked(self):
        return self.env.su or self.env.user.has_group(MANAGER_GROUP)

    @api.model_create_multi
    def create(self, vals_list):
        checks = super().create(vals_list)
        checks._warn_shifts()
        return checks

    def write(self, vals):
        failed_before = self.filtered(lambda check: check.result == "fail")
        res = super().write(vals)
        (self - failed_before)._warn_shifts()
        return res

    def _warn_shifts(self):
        """A failed check of someone already on that day's shift asks the manager to replace them."""
        failed = self.filtered(lambda c: c.result == "fail")
        if not failed:
            return
        # one search for the shifts of every failed check, one look-up of the managers
        shifts = self.env["school.canteen.shift"].search(
            [("date", "in", failed.mapped("date")), ("employee_ids", "in", failed.employee_id.ids)]
        )
        managers = shifts.company_id._school_persons("canteen_manager")
        for check in failed:
            for shift in shifts.filtered(
                lambda shift, check=check: shift.date == check.date and check.employee_id in shift.employee_ids
            ):
                manager = managers.get(shift.company_id)
                if manager:
                    for_manager = shift._in_lang_of(manager)  # written for the canteen manager
                    # sudo: canteen staff record the check, the manager plans; the shift's readers
                    # see that someone is to replace, not why (the check is health data)
                    shift.sudo().activity_schedule(
                        "mail.mail_activity_data_todo",
                        date_deadline=check.date,
                        summary=for_manager.env._("Replace %(employee)s", employee=check.employee_id.name),
                        note=for_manager.env._("%(employee)s cannot work this shift: see the morning checks.",
                                               employee=check.employee_id.name),
                        user_id=manager.id,
                    )


class SchoolCanteenShift(models.Model):
    _name = "school.canteen.shift"
    _description = "Canteen Shift"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date desc, meal, post, id"
    _check_company_auto = True

    date = fields.Date(required=True, default=fields.Date.context_today, index=True, tracking=True)
    meal = fields.Selection(MEALS, required=True, default="lunch", tracking=True)
    post = fields.Selection(
        [
            ("receiving", "Receiving And Store"),
            ("preparation", "Preparation"),
            ("cooking", "Cooking"),
            ("serving", "Serving"),
            ("washing", "Dishwashing And Disinfection"),
        ],
        required=True, default="cooking", tracking=True,
    )
    employee_ids = fields.Many2many(
        "hr.employee", string="Employees", check_company=True, domain="[('is_canteen_staff', '=', True)]"
    )
    note = fields.Text()
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    @api.depends("date", "meal", "post")
    def _compute_display_name(self):
        meals = dict(self._fields["meal"]._description_selection(self.env))
        posts = dict(self._fields["post"]._description_selection(self.env))
        for shift in self:
            shift.display_name = f"{shift.date or ''} {meals.get(shift.meal, '')} · {posts.get(shift.post, '')}"

    @api.constrains("employee_ids", "date")
    def _check_employees_fit(self):
        shifts = self.filtered(lambda shift: shift.employee_ids and shift.date)
        if not shifts:
            return
        # one search each for the failed checks and the certificates of every worker of the batch
        days = shifts.mapped("date")
        employees = shifts.employee_ids
        failed_checks = self.env["school.canteen.morning.check"].sudo().search(  # sudo: only pass/fail is used
            [("date", "in", days), ("employee_id", "in", employees.ids), ("result", "=", "fail")]
        )
        certificates = self.env["school.canteen.health.certificate"].sudo().search(  # sudo: only validity is used
            [("employee_id", "in", employees.ids), ("issue_date", "<=", max(days)), ("expiry_date", ">=", min(days))]
        )
        for shift in shifts:
            failed = failed_checks.filtered(
                lambda check, shift=shift: check.date == shift.date and check.employee_id in shift.employee_ids
            )
            if failed:
                raise ValidationError(
                    _("%(names)s failed the morning check of %(date)s and cannot work this shift.",
                      names=", ".join(failed.employee_id.mapped("name")), date=shift.date)
                )
            covered = certificates.filtered(
                lambda cert, day=shift.date: cert.issue_date <= day <= cert.expiry_date
            ).employee_id
            without = shift.employee_ids - covered
            if without:
                raise ValidationError(
                    _("%(names)s has no valid health certificate on %(date)s and cannot work this shift.",
                      names=", ".join(without.mapped("name")), date=shift.date)
                )
