from odoo import models


class SchoolDistrictXlsx(models.AbstractModel):
    """区级月报 (xlsx): a sheet per month, a row per school, a column per figure, district totals."""

    _name = "report.school_base.district_xlsx"
    _inherit = "report.school_base.xlsx_table"
    _description = "District Monthly Report (xlsx)"

    def generate_xlsx_report(self, workbook, data, records):
        wizard = records[:1]
        Figure = self.env["school.district.figure"]
        figures = sorted(Figure._district_figures(), key=lambda figure: figure.sequence)
        labels = dict(Figure._selection_key())
        schools = wizard._get_schools()
        for month in wizard._get_months():
            # read as the user: the bureau sees the schools it is allowed, nothing else
            rows = Figure.search([("month", "=", month), ("company_id", "in", schools.ids)])
            values = {(row.company_id.id, row.key): row.value for row in rows}
            shown = schools.filtered(lambda school, values=values: any(
                (school.id, figure.key) in values for figure in figures
            ))
            columns = [(self.env._("School"), 22, lambda school: school.name)] + [
                (labels.get(figure.key, figure.key), 11,
                 lambda school, key=figure.key, values=values: values.get((school.id, key), 0.0))
                for figure in figures
            ]
            label = month.strftime("%Y-%m")
            sheet = self._add_sheet(workbook, label)
            row = self._write_table(
                workbook, sheet, self.env._("District Monthly Report %(month)s", month=label), columns, shown,
                info=[[
                    self.env._("Schools: %(count)s", count=len(shown)),
                    self.env._("Printed: %(date)s", date=wizard._default_date()),
                ]],
            )
            totals = {
                col: round(sum(values.get((school.id, figure.key), 0.0) for school in shown), 1)
                for col, figure in enumerate(figures, start=2)
                if not figure.average
            }
            if shown and totals:
                self._write_total_row(workbook, sheet, row + 1, totals, label=self.env._("District Total"))
