from odoo import _, fields, models
from odoo.exceptions import UserError


def _formats(workbook):
    return {
        "title": workbook.add_format({"bold": True, "font_size": 14}),
        "header": workbook.add_format({"bold": True, "border": 1, "bg_color": "#D9E1F2", "text_wrap": True}),
        "cell": workbook.add_format({"border": 1, "text_wrap": True, "valign": "top"}),
        "money": workbook.add_format({"border": 1, "num_format": "#,##0.00"}),
        "total": workbook.add_format({"bold": True, "border": 1, "num_format": "#,##0.00"}),
    }


class SchoolUnionWelfareLedgerXlsx(models.AbstractModel):
    """慰问福利台账: one row per welfare, then the year's totals per member and per type."""

    _name = "report.school_union.welfare_ledger_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Welfare Ledger (xlsx)"

    def _get_columns(self):
        Welfare = self.env["school.union.welfare"]
        types = dict(Welfare._fields["welfare_type"]._description_selection(self.env))
        states = dict(Welfare._fields["state"]._description_selection(self.env))
        yes = _("Yes")
        return [
            (_("Reference"), 16, lambda w: w.name),
            (_("Date"), 11, lambda w: fields.Date.to_string(w.date)),
            (_("Member"), 12, lambda w: w.member_id.name),
            (_("Department"), 14, lambda w: w.department_id.name or ""),
            (_("Type"), 10, lambda w: types.get(w.welfare_type, "")),
            (_("Amount"), 10, lambda w: w.amount),
            (_("Gift"), 16, lambda w: w.gift or ""),
            (_("Visitors"), 20, lambda w: "、".join(w.visitor_ids.mapped("name"))),
            (_("Circumstances"), 30, lambda w: w.description or ""),
            (_("Status"), 8, lambda w: states.get(w.state, "")),
            (_("Signed For"), 8, lambda w: yes if w.signed else ""),
        ]

    def generate_xlsx_report(self, workbook, data, welfares):
        fmt = _formats(workbook)
        welfares = welfares.filtered(lambda w: w.state != "cancel").sorted(lambda w: (w.date, w.id))
        company = welfares.company_id[:1] or self.env.company
        sheet = workbook.add_worksheet(_("Welfare Ledger"))
        columns = self._get_columns()
        sheet.merge_range(0, 0, 0, len(columns), _("%(school)s Union Welfare Ledger", school=company.name),
                          fmt["title"])
        sheet.write(2, 0, _("No."), fmt["header"])
        for col, (name, width, _getter) in enumerate(columns, start=1):
            sheet.write(2, col, name, fmt["header"])
            sheet.set_column(col, col, width)
        row = 2
        for row, welfare in enumerate(welfares, start=3):
            sheet.write_number(row, 0, row - 2, fmt["cell"])
            for col, (_name, _width, getter) in enumerate(columns, start=1):
                value = getter(welfare)
                if isinstance(value, float):
                    sheet.write_number(row, col, value, fmt["money"])
                else:
                    sheet.write(row, col, value, fmt["cell"])
        sheet.write(row + 1, 5, _("Total"), fmt["header"])
        sheet.write_number(row + 1, 6, sum(welfares.mapped("amount")), fmt["total"])
        sheet.freeze_panes(3, 2)
        self._write_totals(workbook, fmt, welfares)

    def _write_totals(self, workbook, fmt, welfares):
        """Totals per member (rows) and type (columns), one block per year."""
        types = self.env["school.union.welfare"]._fields["welfare_type"]._description_selection(self.env)
        sheet = workbook.add_worksheet(_("Totals"))
        sheet.set_column(0, 0, 16)
        sheet.set_column(1, len(types) + 1, 11)
        row = 0
        for year in sorted(set(welfares.mapped("year"))):
            of_year = welfares.filtered(lambda w, y=year: w.year == y)
            sheet.write(row, 0, _("Year %(year)s", year=year), fmt["title"])
            row += 1
            sheet.write(row, 0, _("Member"), fmt["header"])
            for col, (_code, label) in enumerate(types, start=1):
                sheet.write(row, col, label, fmt["header"])
            sheet.write(row, len(types) + 1, _("Total"), fmt["header"])
            for member in of_year.member_id.sorted("name"):
                row += 1
                mine = of_year.filtered(lambda w, m=member: w.member_id == m)
                sheet.write(row, 0, member.name, fmt["cell"])
                for col, (code, _label) in enumerate(types, start=1):
                    amount = sum(mine.filtered(lambda w, c=code: w.welfare_type == c).mapped("amount"))
                    sheet.write_number(row, col, amount, fmt["money"])
                sheet.write_number(row, len(types) + 1, sum(mine.mapped("amount")), fmt["total"])
            row += 1
            sheet.write(row, 0, _("Total"), fmt["header"])
            for col, (code, _label) in enumerate(types, start=1):
                amount = sum(of_year.filtered(lambda w, c=code: w.welfare_type == c).mapped("amount"))
                sheet.write_number(row, col, amount, fmt["total"])
            sheet.write_number(row, len(types) + 1, sum(of_year.mapped("amount")), fmt["total"])
            row += 2


class SchoolUnionEventParticipationXlsx(models.AbstractModel):
    """工会活动参与情况: participants, attendance and results of the events chosen."""

    _name = "report.school_union.event_participation_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Event Participation (xlsx)"

    def generate_xlsx_report(self, workbook, data, events):
        fmt = _formats(workbook)
        Event = self.env["school.union.event"]
        types = dict(Event._fields["event_type"]._description_selection(self.env))
        company = events.company_id[:1] or self.env.company
        yes = _("Yes")
        sheet = workbook.add_worksheet(_("Events"))
        heads = [_("Event"), _("Type"), _("Date"), _("Signed Up"), _("Attended"), _("Budget"), _("Spent")]
        sheet.merge_range(0, 0, 0, len(heads) - 1, _("%(school)s Union Events", school=company.name), fmt["title"])
        for col, head in enumerate(heads):
            sheet.write(2, col, head, fmt["header"])
        sheet.set_column(0, 0, 30)
        sheet.set_column(1, 6, 12)
        events = events.sorted(lambda e: (e.date_start, e.id))
        for row, event in enumerate(events, start=3):
            start = fields.Datetime.context_timestamp(event, event.date_start)
            sheet.write(row, 0, event.name, fmt["cell"])
            sheet.write(row, 1, types.get(event.event_type, ""), fmt["cell"])
            sheet.write(row, 2, start.strftime("%Y-%m-%d"), fmt["cell"])
            sheet.write_number(row, 3, event.registration_count, fmt["cell"])
            sheet.write_number(row, 4, event.attended_count, fmt["cell"])
            sheet.write_number(row, 5, event.budget, fmt["money"])
            sheet.write_number(row, 6, event.expense_total, fmt["money"])

        sheet = workbook.add_worksheet(_("Participants"))
        heads = [_("Event"), _("Member"), _("Department"), _("Signed Up On"), _("Attended"),
                 _("Score"), _("Rank"), _("Award")]
        widths = [30, 12, 14, 17, 8, 8, 6, 12]
        for col, (head, width) in enumerate(zip(heads, widths, strict=True)):
            sheet.write(0, col, head, fmt["header"])
            sheet.set_column(col, col, width)
        row = 0
        for event in events:
            registrations = event.registration_ids.filtered(lambda r: r.state == "registered")
            for registration in registrations.sorted(lambda r: (not r.rank, r.rank, r.member_id.name)):
                row += 1
                signed = fields.Datetime.context_timestamp(event, registration.signup_date)
                sheet.write(row, 0, event.name, fmt["cell"])
                sheet.write(row, 1, registration.member_id.name, fmt["cell"])
                sheet.write(row, 2, registration.department_id.name or "", fmt["cell"])
                sheet.write(row, 3, signed.strftime("%Y-%m-%d %H:%M") if registration.signup_date else "",
                            fmt["cell"])
                sheet.write(row, 4, yes if registration.attended else "", fmt["cell"])
                sheet.write(row, 5, registration.score or "", fmt["cell"])
                sheet.write(row, 6, registration.rank or "", fmt["cell"])
                sheet.write(row, 7, registration.award or "", fmt["cell"])
        sheet.freeze_panes(1, 2)


class SchoolUnionElectionResultsXlsx(models.AbstractModel):
    """评选结果: votes and ranks of a closed election; refused while it is not closed."""

    _name = "report.school_union.election_results_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Election Results (xlsx)"

    def generate_xlsx_report(self, workbook, data, elections):
        open_ = elections.filtered(lambda e: not e.results_visible)
        if open_:
            raise UserError(
                _("%(name)s is not closed: its results come out after the voting window.", name=open_[0].name)
            )
        fmt = _formats(workbook)
        yes = _("Yes")
        for election in elections:
            title = "".join(ch for ch in election.name if ch not in "[]:*?/\\")[:25]
            sheet = workbook.add_worksheet(f"{title} {election.id}")
            sheet.merge_range(0, 0, 0, 4, election.name, fmt["title"])
            heads = [_("Rank"), _("Candidate"), _("Department"), _("Votes"), _("Awarded")]
            for col, (head, width) in enumerate(zip(heads, [6, 24, 16, 8, 8], strict=True)):
                sheet.write(2, col, head, fmt["header"])
                sheet.set_column(col, col, width)
            candidates = election.candidate_ids.filtered(lambda c: c.state == "accepted")
            for row, candidate in enumerate(candidates.sorted(lambda c: (c.rank, c.name)), start=3):
                sheet.write_number(row, 0, candidate.rank, fmt["cell"])
                sheet.write(row, 1, candidate.name, fmt["cell"])
                sheet.write(row, 2, candidate.department_id.name or "", fmt["cell"])
                sheet.write_number(row, 3, candidate.vote_count, fmt["cell"])
                sheet.write(row, 4, yes if candidate.is_winner else "", fmt["cell"])
