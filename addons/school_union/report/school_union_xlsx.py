from odoo import _, models
from odoo.exceptions import UserError


class SchoolUnionWelfareLedgerXlsx(models.AbstractModel):
    """慰问福利台账: one row per welfare, then the year's totals per member and per type."""

    _name = "report.school_union.welfare_ledger_xlsx"
    _inherit = "report.school_base.xlsx_table"
    _description = "Welfare Ledger (xlsx)"

    def _get_columns(self):
        types = self._labels("school.union.welfare", "welfare_type")
        states = self._labels("school.union.welfare", "state")
        yes = _("Yes")
        return [
            (_("Reference"), 16, lambda w: w.name),
            (_("Date"), 11, lambda w: str(w.date)),
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

    def _get_title(self, records):
        return _("%(school)s Union Welfare Ledger", school=(records[:1].company_id or self.env.company).name)

    def _get_sheet_name(self, records):
        return _("Welfare Ledger")

    def _sorted(self, records):
        return records.filtered(lambda w: w.state != "cancel").sorted(lambda w: (w.date, w.id))

    def _get_totals(self, records):
        return {6: sum(records.mapped("amount"))}

    def generate_xlsx_report(self, workbook, data, welfares):
        res = super().generate_xlsx_report(workbook, data, welfares)
        self._write_year_totals(workbook, self._sorted(welfares))
        return res

    def _write_year_totals(self, workbook, welfares):
        """Totals per member (rows) and type (columns), one block per year."""
        types = self.env["school.union.welfare"]._fields["welfare_type"]._description_selection(self.env)
        sheet = self._add_sheet(workbook, _("Totals"))
        sheet.set_column(0, 0, 16)
        sheet.set_column(1, len(types) + 1, 11)
        title = self._formats(workbook)["title"]
        row = 0
        for year in sorted(set(welfares.mapped("year"))):
            of_year = welfares.filtered(lambda w, y=year: w.year == y)
            sheet.write_string(row, 0, _("Year %(year)s", year=year), title)

            def amounts(records):
                by_type = [sum(records.filtered(lambda w, c=code: w.welfare_type == c).mapped("amount"))
                           for code, _label in types]
                return [*by_type, sum(records.mapped("amount"))]

            rows = [
                [member.name, *amounts(of_year.filtered(lambda w, m=member: w.member_id == m))]
                for member in of_year.member_id.sorted("name")
            ]
            row = self._write_rows(
                workbook, sheet, row + 1, [_("Member"), *(label for _code, label in types), _("Total")], rows
            )
            row = self._write_total_row(
                workbook, sheet, row, dict(enumerate(amounts(of_year), start=1)), label_col=0
            ) + 1


class SchoolUnionEventParticipationXlsx(models.AbstractModel):
    """工会活动参与情况: participants, attendance and results of the events chosen."""

    _name = "report.school_union.event_participation_xlsx"
    _inherit = "report.school_base.xlsx_table"
    _description = "Event Participation (xlsx)"

    def generate_xlsx_report(self, workbook, data, events):
        types = self._labels("school.union.event", "event_type")
        company = events.company_id[:1] or self.env.company
        yes = _("Yes")
        events = events.sorted(lambda e: (e.date_start, e.id))
        sheet = self._add_sheet(workbook, _("Events"))
        self._write_table(workbook, sheet, _("%(school)s Union Events", school=company.name), [
            (_("Event"), 30, lambda e: e.name),
            (_("Type"), 12, lambda e: types.get(e.event_type, "")),
            (_("Date"), 12, lambda e: self._local(e.date_start, "%Y-%m-%d")),
            (_("Signed Up"), 12, lambda e: e.registration_count),
            (_("Attended"), 12, lambda e: e.attended_count),
            (_("Budget"), 12, lambda e: e.budget),
            (_("Spent"), 12, lambda e: e.expense_total),
        ], events, numbered=False)

        registrations = [
            registration
            for event in events
            for registration in event.registration_ids.filtered(lambda r: r.state == "registered").sorted(
                lambda r: (not r.rank, r.rank, r.member_id.name)
            )
        ]
        sheet = self._add_sheet(workbook, _("Participants"))
        self._write_table(workbook, sheet, None, [
            (_("Event"), 30, lambda r: r.event_id.name),
            (_("Member"), 12, lambda r: r.member_id.name),
            (_("Department"), 14, lambda r: r.department_id.name),
            (_("Signed Up On"), 17, lambda r: self._local(r.signup_date)),
            (_("Attended"), 8, lambda r: yes if r.attended else ""),
            (_("Score"), 8, lambda r: r.score or ""),
            (_("Rank"), 6, lambda r: r.rank or ""),
            (_("Award"), 12, lambda r: r.award),
        ], registrations, numbered=False)


class SchoolUnionElectionResultsXlsx(models.AbstractModel):
    """评选结果: votes and ranks of a closed election; refused while it is not closed."""

    _name = "report.school_union.election_results_xlsx"
    _inherit = "report.school_base.xlsx_table"
    _description = "Election Results (xlsx)"

    def generate_xlsx_report(self, workbook, data, elections):
        open_ = elections.filtered(lambda e: not e.results_visible)
        if open_:
            raise UserError(
                _("%(name)s is not closed: its results come out after the voting window.", name=open_[0].name)
            )
        yes = _("Yes")
        columns = [
            (_("Rank"), 6, lambda c: c.rank),
            (_("Candidate"), 24, lambda c: c.name),
            (_("Department"), 16, lambda c: c.department_id.name),
            (_("Votes"), 8, lambda c: c.vote_count),
            (_("Awarded"), 8, lambda c: yes if c.is_winner else ""),
        ]
        for election in elections:
            sheet = self._add_sheet(workbook, f"{election.name[:25]} {election.id}")
            candidates = election.candidate_ids.filtered(lambda c: c.state == "accepted")
            self._write_table(
                workbook, sheet, election.name, columns, candidates.sorted(lambda c: (c.rank, c.name)), numbered=False
            )
