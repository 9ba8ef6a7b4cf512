from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.school_base.models.school_workflow_mixin import (
    workflow_action,
    workflow_step,
)

from .school_safety_health_report import ILLNESSES

# the day's figures, computed from the classes' reports and frozen when sent to the bureau
FIGURE_FIELDS = (
    "class_count", "reported_class_count", "student_count", "absent_illness_count", "symptom_count",
    "fever_count", "influenza_a_count", "illness_summary",
)


class SchoolSafetyHealthDaily(models.Model):
    """The school's daily health figures (学校健康日报), sent to the bureau by the information reporter.

    Counts only: the principal and the safety manager read it; the students' details stay in the
    classes' reports.
    """

    _name = "school.safety.health.daily"
    _description = "School Daily Health Figures"
    _inherit = ["mail.thread", "mail.activity.mixin", "school.workflow.mixin", "school.lock.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True
    _lock_states = ("submitted",)
    _workflow_fields = (*FIGURE_FIELDS, "submitted_user_id", "date_submitted", "alert_note")

    date = fields.Date(required=True, default=fields.Date.context_today, index=True, tracking=True)
    class_count = fields.Integer(string="Classes", readonly=True)
    reported_class_count = fields.Integer(string="Classes Reported", readonly=True)
    student_count = fields.Integer(string="Students", readonly=True)
    absent_illness_count = fields.Integer(string="Absent for Illness", readonly=True)
    absence_rate = fields.Float(string="Absence for Illness (%)", compute="_compute_absence_rate", digits=(5, 2))
    symptom_count = fields.Integer(string="With Symptoms", readonly=True)
    fever_count = fields.Integer(string="Fever", readonly=True)
    influenza_a_count = fields.Integer(string="Influenza A", readonly=True)
    illness_summary = fields.Text(string="Cases by Illness", readonly=True)
    alert_note = fields.Text(string="Outbreak Alerts", readonly=True, tracking=True)
    missing_class_names = fields.Char(string="Classes Not Reported", compute="_compute_missing_class_names")
    state = fields.Selection(
        [("draft", "Draft"), ("submitted", "Sent to the Bureau")], required=True, default="draft", index=True,
        tracking=True, copy=False,
    )
    submitted_user_id = fields.Many2one("res.users", string="Sent By", readonly=True, copy=False, tracking=True)
    date_submitted = fields.Datetime(string="Sent On", readonly=True, copy=False)
    note = fields.Text(string="Remarks")
    company_id = fields.Many2one("res.company", required=True, index=True, default=lambda self: self.env.company)

    _sql_constraints = [
        ("company_date_uniq", "unique(company_id, date)", "The school's figures of a day are one record."),
    ]

    @api.depends("student_count", "absent_illness_count")
    def _compute_absence_rate(self):
        for daily in self:
            daily.absence_rate = 100.0 * daily.absent_illness_count / daily.student_count if daily.student_count else 0.0

    def _compute_missing_class_names(self):
        for daily in self:
            classes = daily._get_classes()
            reported = daily._get_reports().class_id
            daily.missing_class_names = "、".join((classes - reported).mapped("name"))

    @api.depends("date")
    def _compute_display_name(self):
        for daily in self:
            daily.display_name = _("Health figures %(date)s", date=daily.date or "")

    # figures -------------------------------------------------------------------------------

    def _get_classes(self):
        self.ensure_one()
        # sudo: counts of the school's classes, whoever reads the figures
        return self.env["school.class"].sudo().search([("company_id", "=", self.company_id.id)])

    def _get_reports(self):
        self.ensure_one()
        # sudo: the figures are counts of the sent reports; no student's detail leaves them
        return self.env["school.safety.health.report"].sudo().search([
            ("company_id", "=", self.company_id.id), ("date", "=", self.date), ("state", "=", "submitted"),
        ])

    def _get_cases_by_illness(self, reports):
        """{illness: count} and {(class, illness): count} of the reports' cases."""
        by_illness, by_class = {}, {}
        for line in reports.sudo().line_ids:  # sudo: counted, never shown
            by_illness[line.illness] = by_illness.get(line.illness, 0) + 1
            key = (line.class_id, line.illness)
            by_class[key] = by_class.get(key, 0) + 1
        return by_illness, by_class

    def _prepare_figures(self):
        self.ensure_one()
        reports = self._get_reports()
        by_illness, _by_class = self._get_cases_by_illness(reports)
        labels = dict(self.env["school.safety.health.report.line"]._fields["illness"]._description_selection(self.env))
        return {
            "class_count": len(self._get_classes()),
            "reported_class_count": len(reports),
            "student_count": sum(reports.mapped("headcount")),
            "absent_illness_count": sum(reports.mapped("absent_illness_count")),
            "symptom_count": sum(reports.mapped("symptom_count")),
            "fever_count": sum(reports.mapped("fever_count")),
            "influenza_a_count": sum(reports.mapped("influenza_a_count")),
            "illness_summary": "\n".join(
                f"{labels.get(key, key)}: {by_illness[key]}" for key, _label in ILLNESSES if by_illness.get(key)
            ),
        }

    @api.model
    def _get_or_create(self, company, day):
        daily = self.sudo().search([("company_id", "=", company.id), ("date", "=", day)], limit=1)
        if not daily:
            # sudo: a class's report opens the school's figures of the day for the reporter
            daily = self.sudo().create({"company_id": company.id, "date": day})
        return daily

    def _get_outbreak_alerts(self):
        """The thresholds of the school reached on the day, as lines of text (counts, no names)."""
        self.ensure_one()
        company = self.company_id
        reports = self._get_reports()
        by_illness, by_class = self._get_cases_by_illness(reports)
        labels = dict(self.env["school.safety.health.report.line"]._fields["illness"]._description_selection(self.env))
        alerts = []
        for (school_class, illness), count in sorted(by_class.items(), key=lambda item: (item[0][0].name, item[0][1])):
            if illness != "unknown" and count >= company.health_class_case_threshold:
                alerts.append(_(
                    "%(class)s: %(count)s cases of %(illness)s today (threshold %(threshold)s).",
                    **{"class": school_class.name, "count": count, "illness": labels.get(illness, illness),
                       "threshold": company.health_class_case_threshold},
                ))
        for illness, count in by_illness.items():
            if illness != "unknown" and count >= company.health_school_case_threshold:
                alerts.append(_(
                    "The school: %(count)s cases of %(illness)s today (threshold %(threshold)s).",
                    count=count, illness=labels.get(illness, illness), threshold=company.health_school_case_threshold,
                ))
        students = sum(reports.mapped("headcount"))
        absent = sum(reports.mapped("absent_illness_count"))
        if students and 100.0 * absent / students >= company.health_absence_rate_threshold:
            alerts.append(_(
                "The school: %(absent)s of %(students)s students absent for illness (alert at %(rate)s%%).",
                absent=absent, students=students, rate=company.health_absence_rate_threshold,
            ))
        return alerts

    def _check_outbreak(self):
        """Alert the principal of each newly reached threshold: a message and an activity.

        It runs when a class report is sent (an event, not a deadline), so it is not a step of the
        escalation mechanism; each alert is told once (``alert_note`` keeps those already told).
        """
        principals = self.company_id._school_persons("principal")
        for daily in self:
            principal = principals[daily.company_id]
            # in the principal's language: the alert is written for them
            for_principal = daily._in_lang_of(principal)
            alerts = for_principal._get_outbreak_alerts()
            title = for_principal.env._("Outbreak alert")
            known = set((daily.alert_note or "").splitlines())
            new = [alert for alert in alerts if alert not in known]
            if not new:
                continue
            with workflow_step():
                daily.sudo().alert_note = "\n".join([*filter(None, known), *new])  # sudo: set by the alert
            note = Markup("<br/>").join(new)
            body = Markup("<b>%s</b><br/>%s") % (title, note)
            daily.sudo().message_post(body=body, subtype_xmlid="mail.mt_note")
            if principal:
                daily.sudo().activity_schedule(  # sudo: the principal's alert is scheduled whoever sent the report
                    "mail.mail_activity_data_todo", user_id=principal.id,
                    summary=title, note=note,
                )

    # actions -------------------------------------------------------------------------------

    @workflow_action
    def _update_figures(self):
        """The figures of the days not sent yet follow the classes' reports."""
        for daily in self.filtered(lambda d: d.state == "draft"):
            daily.sudo().write(daily._prepare_figures())  # sudo: counts, written for whoever sent a report

    @workflow_action
    def action_refresh(self):
        self._check_state(("draft",), _("updated"))
        self._update_figures()
        self._check_outbreak()
        return True

    @workflow_action
    def action_submit(self):
        """The information reporter sends the day's figures to the bureau; they are frozen."""
        self._check_state(("draft",), _("sent"))
        self._check_user_in(
            "school_safety.group_safety_health_reporter", _("Only the information reporter sends the figures to the bureau.")
        )
        for daily in self:
            figures = daily._prepare_figures()
            if not figures["reported_class_count"]:
                raise UserError(_("No class has sent its health report for %(date)s yet.", date=daily.date))
            daily.write({**figures, "state": "submitted", "submitted_user_id": self.env.user.id,
                         "date_submitted": fields.Datetime.now()})
        self._check_outbreak()
        return True
