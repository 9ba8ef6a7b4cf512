from odoo import _, fields, models


class SchoolSafetyHazardLedgerXlsx(models.AbstractModel):
    """隐患排查台账: the hazard ledger the district bureau asks for, one row per hazard."""

    _name = "report.school_safety.hazard_ledger_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Hazard Ledger (xlsx)"

    def _get_columns(self):
        """(title, width, value getter) of each column; override to add columns."""
        state_labels = dict(
            self.env["school.safety.hazard"]._fields["state"]._description_selection(self.env)
        )
        category_labels = dict(
            self.env["school.safety.hazard"]._fields["category"]._description_selection(self.env)
        )

        yes = _("Yes")

        def dt(value, hazard):
            return fields.Datetime.context_timestamp(hazard, value).strftime("%Y-%m-%d %H:%M") if value else ""

        return [
            (_("Reference"), 16, lambda h: h.name),
            (_("Reported On"), 17, lambda h: dt(h.date_reported, h)),
            (_("Place"), 28, lambda h: h.place_id.display_name),
            (_("Category"), 10, lambda h: category_labels.get(h.category, "")),
            (_("Severity"), 10, lambda h: h.severity_id.name or ""),
            (_("Hazard"), 40, lambda h: h.description or ""),
            (_("Reported By"), 12, lambda h: h.reporter_user_id.name or ""),
            (_("Rectification By"), 12, lambda h: h.assigned_user_id.name or ""),
            (_("Fix By"), 17, lambda h: dt(h.date_deadline, h)),
            (_("What Was Done"), 36, lambda h: h.rectification_note or ""),
            (_("Rectified On"), 17, lambda h: dt(h.date_rectified, h)),
            (_("Re-checked By"), 12, lambda h: h.recheck_user_id.name or ""),
            (_("Re-checked On"), 17, lambda h: dt(h.date_rechecked, h)),
            (_("Status"), 12, lambda h: state_labels.get(h.state, "")),
            (_("Overdue"), 8, lambda h: yes if h.is_overdue else ""),
        ]

    def generate_xlsx_report(self, workbook, data, hazards):
        sheet = workbook.add_worksheet(_("Hazard Ledger"))
        title = workbook.add_format({"bold": True, "font_size": 14})
        header = workbook.add_format({"bold": True, "border": 1, "bg_color": "#D9E1F2", "text_wrap": True})
        cell = workbook.add_format({"border": 1, "text_wrap": True, "valign": "top"})
        columns = self._get_columns()
        company = hazards.company_id[:1] or self.env.company
        sheet.merge_range(0, 0, 0, len(columns), _("%(school)s Hazard Ledger", school=company.name), title)
        sheet.write(2, 0, _("No."), header)
        for col, (name, width, _getter) in enumerate(columns, start=1):
            sheet.write(2, col, name, header)
            sheet.set_column(col, col, width)
        for row, hazard in enumerate(hazards.sorted(lambda h: (h.date_reported, h.id)), start=3):
            sheet.write_number(row, 0, row - 2, cell)
            for col, (_name, _width, getter) in enumerate(columns, start=1):
                sheet.write(row, col, getter(hazard), cell)
        sheet.freeze_panes(3, 2)


class SchoolSafetyMonthXlsx(models.AbstractModel):
    """月度安全报表: the month's hazards, patrols and drills, for the district bureau."""

    _name = "report.school_safety.safety_month_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Monthly Safety Report (xlsx)"

    def generate_xlsx_report(self, workbook, data, wizards):
        wizard = wizards[:1]
        start, end = wizard._get_period()
        company = wizard.company_id
        title = workbook.add_format({"bold": True, "font_size": 14})
        header = workbook.add_format({"bold": True, "border": 1, "bg_color": "#D9E1F2"})
        cell = workbook.add_format({"border": 1})
        sheet = workbook.add_worksheet(_("Summary"))
        sheet.set_column(0, 0, 30)
        sheet.set_column(1, 6, 12)
        sheet.write(0, 0, _("%(school)s Safety Report %(month)s", school=company.name,
                            month=start.strftime("%Y-%m")), title)

        Hazard = self.env["school.safety.hazard"]
        start_dt, end_dt = fields.Datetime.to_datetime(start), fields.Datetime.to_datetime(end)
        hazard_domain = [
            ("company_id", "=", company.id), ("date_reported", ">=", start_dt), ("date_reported", "<", end_dt),
        ]
        categories = dict(Hazard._fields["category"]._description_selection(self.env))
        found = dict(Hazard._read_group(hazard_domain, ["category"], ["__count"]))
        closed = dict(Hazard._read_group(hazard_domain + [("state", "=", "closed")], ["category"], ["__count"]))
        open_ = dict(Hazard._read_group(
            hazard_domain + [("state", "in", ("reported", "assigned", "rectifying", "recheck"))],
            ["category"], ["__count"],
        ))
        escalated = dict(Hazard._read_group(hazard_domain + [("escalation_level", "!=", "0")], ["category"], ["__count"]))
        row = 2
        for col, name in enumerate([_("Hazards"), _("Found"), _("Closed"), _("Still Open"), _("Escalated")]):
            sheet.write(row, col, name, header)
        for code, label in categories.items():
            row += 1
            sheet.write(row, 0, label, cell)
            for col, counts in enumerate((found, closed, open_, escalated), start=1):
                sheet.write_number(row, col, counts.get(code, 0), cell)
        row += 1
        sheet.write(row, 0, _("Total"), header)
        for col, counts in enumerate((found, closed, open_, escalated), start=1):
            sheet.write_number(row, col, sum(counts.values()), header)

        Inspection = self.env["school.inspection"]
        inspection_domain = [
            ("company_id", "=", company.id), ("date_planned", ">=", start_dt), ("date_planned", "<", end_dt),
        ]
        by_state = {}
        for template, state, count in Inspection._read_group(inspection_domain, ["template_id", "state"], ["__count"]):
            by_state.setdefault(template, {})[state] = count
        failed = dict(Inspection._read_group(inspection_domain + [("result", "=", "fail"), ("state", "=", "done")],
                                             ["template_id"], ["__count"]))
        row += 2
        for col, name in enumerate([_("Inspections"), _("Planned"), _("Done"), _("Missed"), _("Failed")]):
            sheet.write(row, col, name, header)
        for template, states in sorted(by_state.items(), key=lambda item: item[0].sequence):
            row += 1
            sheet.write(row, 0, template.name, cell)
            sheet.write_number(row, 1, sum(states.values()), cell)
            sheet.write_number(row, 2, states.get("done", 0), cell)
            sheet.write_number(row, 3, states.get("missed", 0), cell)
            sheet.write_number(row, 4, failed.get(template, 0), cell)

        Drill = self.env["school.safety.drill"]
        held = Drill.search_count([
            ("company_id", "=", company.id), ("state", "in", ("held", "evaluated")),
            ("date_held", ">=", start_dt), ("date_held", "<", end_dt),
        ])
        row += 2
        sheet.write(row, 0, _("Drills held"), header)
        sheet.write_number(row, 1, held, cell)

        hazards = Hazard.search(hazard_domain)
        self.env["report.school_safety.hazard_ledger_xlsx"].generate_xlsx_report(workbook, data, hazards)
