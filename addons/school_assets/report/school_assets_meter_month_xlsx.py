from datetime import timedelta

from odoo import _, models


class SchoolAssetsMeterMonthXlsx(models.AbstractModel):
    """水电用量月报: a sheet per place, a row per day, water and electricity side by side."""

    _name = "report.school_assets.meter_month_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Monthly Water and Electricity Report (xlsx)"

    def generate_xlsx_report(self, workbook, data, wizards):
        title = workbook.add_format({"bold": True, "font_size": 14})
        header = workbook.add_format({"bold": True, "border": 1, "bg_color": "#D9E1F2", "text_wrap": True})
        cell = workbook.add_format({"border": 1})
        number = workbook.add_format({"border": 1, "num_format": "0.00"})
        total = workbook.add_format({"border": 1, "bold": True, "num_format": "0.00"})
        yes = _("Yes")
        for wizard in wizards:
            start, end = wizard._month_bounds(wizard.month)
            for place in wizard._get_places():
                name = (place.name or "")[:25].replace("/", "-")
                sheet = workbook.add_worksheet(f"{name}-{place.id}" if len(wizard._get_places()) > 1 else name)
                sheet.merge_range(
                    0, 0, 0, 5,
                    _("%(school)s %(place)s water and electricity %(month)s",
                      school=wizard.company_id.name, place=place.display_name, month=start.strftime("%Y-%m")),
                    title,
                )
                columns = [
                    (_("Date"), 12),
                    (_("Water (m³)"), 12),
                    (_("Electricity (kWh)"), 14),
                    (_("High Use"), 10),
                    (_("Night Use"), 10),
                    (_("Normal Daily Water"), 14),
                ]
                for col, (label, width) in enumerate(columns):
                    sheet.write(2, col, label, header)
                    sheet.set_column(col, col, width)
                lines = wizard._get_days(place)
                by_day = {}
                for line in lines:
                    by_day.setdefault(line.day, {})[line.meter_type] = line
                row = 3
                totals = {"water": 0.0, "electricity": 0.0}
                day = start
                while day <= end:
                    water = by_day.get(day, {}).get("water")
                    power = by_day.get(day, {}).get("electricity")
                    sheet.write(row, 0, day.strftime("%Y-%m-%d"), cell)
                    sheet.write_number(row, 1, water.consumption if water else 0.0, number)
                    sheet.write_number(row, 2, power.consumption if power else 0.0, number)
                    high = any(line.is_high for line in (water, power) if line)
                    night = any(line.is_night_leak for line in (water, power) if line)
                    sheet.write(row, 3, yes if high else "", cell)
                    sheet.write(row, 4, yes if night else "", cell)
                    sheet.write_number(row, 5, water.norm if water else 0.0, number)
                    totals["water"] += water.consumption if water else 0.0
                    totals["electricity"] += power.consumption if power else 0.0
                    row += 1
                    day += timedelta(days=1)
                sheet.write(row, 0, _("Total"), header)
                sheet.write_number(row, 1, totals["water"], total)
                sheet.write_number(row, 2, totals["electricity"], total)
                sheet.freeze_panes(3, 1)
