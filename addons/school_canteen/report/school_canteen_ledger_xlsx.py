from collections import OrderedDict

from odoo import _, models


class SchoolCanteenLedgerXlsx(models.AbstractModel):
    """食堂台账: samples, disinfection, accompaniment or morning checks of a period, with totals."""

    _name = "report.school_canteen.ledger_xlsx"
    _inherit = "report.school_base.xlsx_table"
    _description = "Canteen Ledger (xlsx)"

    # ------------------------------------------------------------------
    # Columns (title, width, getter) and totals (title, function of records) per ledger
    # ------------------------------------------------------------------
    def _columns_sample(self):
        meals = self._labels("school.canteen.sample", "meal")
        return [
            (_("Date"), 11, lambda r: str(r.date)),
            (_("Meal"), 8, lambda r: meals.get(r.meal, "")),
            (_("Dish"), 20, lambda r: r.dish_id.name or ""),
            (_("Weight (g)"), 10, lambda r: r.weight),
            (_("Sample Fridge"), 16, lambda r: r.fridge_id.name or ""),
            (_("Fridge Temperature (°C)"), 12, lambda r: r.fridge_temperature),
            (_("Sampled By"), 10, lambda r: r.sampler_employee_id.name or ""),
            (_("Sampled At"), 17, lambda r: self._local(r.sample_datetime)),
            (_("Discarded At"), 17, lambda r: self._local(r.discard_datetime)),
            (_("Discarded By"), 10, lambda r: r.discarder_employee_id.name or ""),
        ]

    def _totals_sample(self):
        return [
            (_("Samples"), len),
            (_("Total Weight (g)"), lambda recs: sum(recs.mapped("weight"))),
            (_("Discarded"), lambda recs: len(recs.filtered(lambda r: r.state == "discarded"))),
        ]

    def _columns_disinfection(self):
        meals = self._labels("school.canteen.disinfection", "meal")
        methods = self._labels("school.canteen.disinfection", "method")
        return [
            (_("Date"), 11, lambda r: str(r.date)),
            (_("Meal"), 8, lambda r: meals.get(r.meal, "")),
            (_("Method"), 16, lambda r: methods.get(r.method, "")),
            (_("Tableware"), 22, lambda r: r.tableware or ""),
            (_("Pieces"), 8, lambda r: r.quantity),
            (_("Temperature (°C)"), 10, lambda r: r.temperature if r.method != "chemical" else ""),
            (_("Duration (min)"), 10, lambda r: r.duration_minutes),
            (_("Concentration (mg/L)"), 12, lambda r: r.concentration if r.method == "chemical" else ""),
            (_("Operator"), 10, lambda r: r.operator_employee_id.name or ""),
        ]

    def _totals_disinfection(self):
        return [
            (_("Disinfections"), len),
            (_("Pieces"), lambda recs: sum(recs.mapped("quantity"))),
        ]

    def _columns_accompaniment(self):
        meals = self._labels("school.canteen.accompaniment", "meal")
        return [
            (_("Date"), 11, lambda r: str(r.date)),
            (_("Meal"), 8, lambda r: meals.get(r.meal, "")),
            (_("Accompanying Leader"), 12, lambda r: r.leader_employee_id.name or ""),
            (_("Diners"), 8, lambda r: r.diners_count),
            (_("Taste"), 7, lambda r: int(r.score_taste)),
            (_("Quantity"), 7, lambda r: int(r.score_quantity)),
            (_("Temperature"), 7, lambda r: int(r.score_temperature)),
            (_("Hygiene"), 7, lambda r: int(r.score_hygiene)),
            (_("Service"), 7, lambda r: int(r.score_service)),
            (_("Average Score"), 8, lambda r: round(r.score_average, 2)),
            (_("Problems"), 36, lambda r: "\n".join(r.problem_ids.mapped("description"))),
            (_("Resolution"), 36, lambda r: "\n".join(p.resolution or "" for p in r.problem_ids)),
        ]

    def _totals_accompaniment(self):
        def average(recs):
            return round(sum(recs.mapped("score_average")) / len(recs), 2) if recs else 0

        return [
            (_("Logs"), len),
            (_("Diners"), lambda recs: sum(recs.mapped("diners_count"))),
            (_("Average Score"), average),
            (_("Problems"), lambda recs: sum(recs.mapped("problem_count"))),
            (_("Still Open"), lambda recs: sum(recs.mapped("open_problem_count"))),
        ]

    def _columns_morning_check(self):
        results = self._labels("school.canteen.morning.check", "result")
        yes = _("Yes")

        def flag(value):
            return yes if value else ""

        return [
            (_("Date"), 11, lambda r: str(r.date)),
            (_("Employee"), 10, lambda r: r.employee_id.name or ""),
            (_("Temperature (°C)"), 10, lambda r: r.temperature),
            (_("Diarrhoea"), 7, lambda r: flag(r.diarrhoea)),
            (_("Vomiting"), 7, lambda r: flag(r.vomiting)),
            (_("Cough / Sore Throat"), 9, lambda r: flag(r.cough)),
            (_("Skin Infection / Eczema"), 9, lambda r: flag(r.skin_infection)),
            (_("Hand Wound"), 7, lambda r: flag(r.hand_wound)),
            (_("Clean Uniform And Cap"), 9, lambda r: "" if r.uniform_ok else _("No")),
            (_("Personal Hygiene"), 9, lambda r: "" if r.hygiene_ok else _("No")),
            (_("Other Symptoms"), 14, lambda r: r.other_symptom or ""),
            (_("Result"), 8, lambda r: results.get(r.result, "")),
            (_("Action Taken"), 20, lambda r: r.note or ""),
            (_("Checked By"), 10, lambda r: r.checker_user_id.name or ""),
        ]

    def _totals_morning_check(self):
        return [
            (_("Checks"), len),
            (_("Passed"), lambda recs: len(recs.filtered(lambda r: r.result == "pass"))),
            (_("Failed"), lambda recs: len(recs.filtered(lambda r: r.result == "fail"))),
        ]

    # ------------------------------------------------------------------
    def generate_xlsx_report(self, workbook, data, wizards):
        wizard = wizards[:1]
        records = wizard._get_records()
        ledgers = self._labels(wizard._name, "ledger")
        heading = _(
            "%(school)s %(ledger)s Ledger %(start)s ~ %(end)s", school=wizard.company_id.name,
            ledger=ledgers[wizard.ledger], start=wizard.date_from, end=wizard.date_to,
        )
        sheet = self._add_sheet(workbook, _("Ledger"))
        self._write_table(workbook, sheet, heading, getattr(self, f"_columns_{wizard.ledger}")(), records)

        # ids per period, then one recordset each: adding records one by one is quadratic
        periods = OrderedDict()
        for record in records:
            periods.setdefault(wizard._period_key(record.date), []).append(record.id)
        totals = getattr(self, f"_totals_{wizard.ledger}")()

        def of_period(item):
            return records.browse(item[1]).with_prefetch(records._prefetch_ids)

        columns = [(_("Day") if wizard.group_by == "day" else _("Month"), 14, lambda item: item[0])] + [
            (name, 14, lambda item, function=function: function(of_period(item))) for name, function in totals
        ]
        sheet = self._add_sheet(workbook, _("Totals"))
        row = self._write_table(workbook, sheet, heading, columns, periods.items(), numbered=False)
        grand_totals = [function(records) for _name, function in totals]
        self._write_row(sheet, row, [_("Total"), *grand_totals], workbook, style="header")
