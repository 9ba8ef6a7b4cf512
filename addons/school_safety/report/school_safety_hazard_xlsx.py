from odoo import _, models


class SchoolSafetyHazardLedgerXlsx(models.AbstractModel):
    """隐患排查台账: the hazard ledger the district bureau asks for, one row per hazard."""

    _name = "report.school_safety.hazard_ledger_xlsx"
    _inherit = "report.school_base.xlsx_table"
    _description = "Hazard Ledger (xlsx)"

    def _get_title(self, records):
        return _("%(school)s Hazard Ledger", school=(records[:1].company_id or self.env.company).name)

    def _get_sheet_name(self, records):
        return _("Hazard Ledger")

    def _sorted(self, records):
        return self._sorted_by(records, "date_reported, id")

    def _get_columns(self):
        """(title, width, value getter) of each column; override to add columns."""
        states = self._labels("school.safety.hazard", "state")
        categories = self._labels("school.safety.hazard", "category")
        yes = _("Yes")
        return [
            (_("Reference"), 16, lambda h: h.name),
            (_("Reported On"), 17, lambda h: self._local(h.date_reported)),
            (_("Place"), 28, lambda h: h.place_id.display_name),
            (_("Category"), 10, lambda h: categories.get(h.category, "")),
            (_("Severity"), 10, lambda h: h.severity_id.name),
            (_("Hazard"), 40, lambda h: h.description),
            (_("Reported By"), 12, lambda h: h.reporter_user_id.name),
            (_("Rectification By"), 12, lambda h: h.assigned_user_id.name),
            (_("Fix By"), 17, lambda h: self._local(h.date_deadline)),
            (_("What Was Done"), 36, lambda h: h.rectification_note),
            (_("Rectified On"), 17, lambda h: self._local(h.date_rectified)),
            (_("Re-checked By"), 12, lambda h: h.recheck_user_id.name),
            (_("Re-checked On"), 17, lambda h: self._local(h.date_rechecked)),
            (_("Status"), 12, lambda h: states.get(h.state, "")),
            (_("Overdue"), 8, lambda h: yes if h.is_overdue else ""),
        ]


class SchoolSafetyMonthXlsx(models.AbstractModel):
    """月度安全报表: the month's hazards, patrols and drills, for the district bureau."""

    _name = "report.school_safety.safety_month_xlsx"
    _inherit = "report.school_base.xlsx_table"
    _description = "Monthly Safety Report (xlsx)"

    def generate_xlsx_report(self, workbook, data, wizards):
        wizard = wizards[:1]
        start, end = wizard._period_bounds()
        company = wizard.company_id
        sheet = self._add_sheet(workbook, _("Summary"))
        sheet.set_column(0, 0, 30)
        sheet.set_column(1, 6, 12)
        title = _("%(school)s Safety Report %(month)s", school=company.name, month=wizard.date_from.strftime("%Y-%m"))
        sheet.write_string(0, 0, title, self._formats(workbook)["title"])

        Hazard = self.env["school.safety.hazard"]
        hazard_domain = [
            ("company_id", "=", company.id), ("date_reported", ">=", start), ("date_reported", "<", end),
        ]
        found = dict(Hazard._read_group(hazard_domain, ["category"], ["__count"]))
        closed = dict(Hazard._read_group(hazard_domain + [("state", "=", "closed")], ["category"], ["__count"]))
        open_ = dict(Hazard._read_group(
            hazard_domain + [("state", "in", ("reported", "assigned", "rectifying", "recheck"))],
            ["category"], ["__count"],
        ))
        escalated = dict(
            Hazard._read_group(hazard_domain + [("escalation_level", "!=", "0")], ["category"], ["__count"])
        )
        counts = (found, closed, open_, escalated)
        rows = [
            (label, *(by_category.get(code, 0) for by_category in counts))
            for code, label in self._labels("school.safety.hazard", "category").items()
        ]
        header = [_("Hazards"), _("Found"), _("Closed"), _("Still Open"), _("Escalated")]
        row = self._write_rows(workbook, sheet, 2, header, rows)
        row = self._write_total_row(
            workbook, sheet, row, dict(enumerate((sum(c.values()) for c in counts), start=1)), label_col=0
        )

        Inspection = self.env["school.inspection"]
        inspection_domain = [
            ("company_id", "=", company.id), ("date_planned", ">=", start), ("date_planned", "<", end),
        ]
        by_state = {}
        for template, state, count in Inspection._read_group(inspection_domain, ["template_id", "state"], ["__count"]):
            by_state.setdefault(template, {})[state] = count
        failed = dict(Inspection._read_group(inspection_domain + [("result", "=", "fail"), ("state", "=", "done")],
                                             ["template_id"], ["__count"]))
        rows = [
            (template.name, sum(states.values()), states.get("done", 0), states.get("missed", 0),
             failed.get(template, 0))
            for template, states in sorted(by_state.items(), key=lambda item: item[0].sequence)
        ]
        header = [_("Inspections"), _("Planned"), _("Done"), _("Missed"), _("Failed")]
        row = self._write_rows(workbook, sheet, row + 1, header, rows)

        held = self.env["school.safety.drill"].search_count([
            ("company_id", "=", company.id), ("state", "in", ("held", "evaluated")),
            ("date_held", ">=", start), ("date_held", "<", end),
        ])
        self._write_total_row(workbook, sheet, row + 1, {1: held}, label=_("Drills held"), label_col=0)

        hazards = Hazard.search(hazard_domain)
        self.env["report.school_safety.hazard_ledger_xlsx"].generate_xlsx_report(workbook, data, hazards)
