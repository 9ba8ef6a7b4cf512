from odoo import fields, models

from ..models.school_safety_health_report import ILLNESSES


class SchoolSafetyHealthLedger(models.TransientModel):
    """甲流防控台帐: every case of the period (influenza A by default), one row per student and day."""

    _name = "school.safety.health.ledger"
    _inherit = "school.period.wizard"
    _description = "Influenza Prevention Ledger"

    illness = fields.Selection(
        ILLNESSES, default="influenza_a",
        help="Leave empty for every case of illness or symptoms.",
    )

    def _get_lines(self):
        """The cases the user may read (the head teacher: their class's; the doctor and the reporter: all)."""
        self.ensure_one()
        domain = [
            ("company_id", "=", self.company_id.id), ("date", ">=", self.date_from), ("date", "<=", self.date_to),
            ("report_id.state", "=", "submitted"),
        ]
        if self.illness:
            domain.append(("illness", "=", self.illness))
        return self.env["school.safety.health.report.line"].search(domain, order="date, class_id, id")

    def _check_printable(self):
        if not self._get_lines():
            self._raise_nothing_to_report()

    def _get_report_xmlid(self):
        return "school_safety.action_report_school_safety_health_ledger_xlsx"
