from datetime import timedelta

from odoo import _, models


class SchoolAssetsMeterMonthXlsx(models.AbstractModel):
    """水电用量月报: a sheet per place, a row per day, water and electricity side by side."""

    _name = "report.school_assets.meter_month_xlsx"
    _inherit = "report.school_base.xlsx_table"
    _description = "Monthly Water and Electricity Report (xlsx)"

    def _get_columns(self):
        """Columns of a day: (day, water line, electricity line)."""
        yes = _("Yes")

        def flag(day, name):
            return yes if any(line[name] for line in day[1:] if line) else ""

        return [
            (_("Date"), 12, lambda day: day[0].strftime("%Y-%m-%d")),
            (_("Water (m³)"), 12, lambda day: day[1].consumption if day[1] else 0.0),
            (_("Electricity (kWh)"), 14, lambda day: day[2].consumption if day[2] else 0.0),
            (_("High Use"), 10, lambda day: flag(day, "is_high")),
            (_("Night Use"), 10, lambda day: flag(day, "is_night_leak")),
            (_("Normal Daily Water"), 14, lambda day: day[1].norm if day[1] else 0.0),
        ]

    def generate_xlsx_report(self, workbook, data, wizards):
        for wizard in wizards:
            places = wizard._get_places()
            for place in places:
                name = (place.name or "")[:25]
                sheet = self._add_sheet(workbook, f"{name}-{place.id}" if len(places) > 1 else name)
                by_day = {}
                for line in wizard._get_days(place):
                    by_day.setdefault(line.day, {})[line.meter_type] = line
                days = []
                day = wizard.date_from
                while day <= wizard.date_to:
                    days.append((day, by_day.get(day, {}).get("water"), by_day.get(day, {}).get("electricity")))
                    day += timedelta(days=1)
                title = _(
                    "%(school)s %(place)s water and electricity %(month)s", school=wizard.company_id.name,
                    place=place.display_name, month=wizard.date_from.strftime("%Y-%m"),
                )
                row = self._write_table(workbook, sheet, title, self._get_columns(), days, numbered=False)
                self._write_total_row(workbook, sheet, row, {
                    1: sum(day[1].consumption for day in days if day[1]),
                    2: sum(day[2].consumption for day in days if day[2]),
                }, label_col=0)
