import re

from odoo import fields, models


class SchoolXlsxTable(models.AbstractModel):
    """The one table writer of the school ledgers (台账), on top of report_xlsx.

    A ledger is a title, a few lines about it (school, period, printing date), a header
    row and a row per record, numbered; then totals and signature lines. Columns are
    ``(label, width, getter)``: the getter takes a record (or any row object) and returns
    a number, a string or something empty. Workbooks are written in constant memory, so
    each sheet must be written row after row, top to bottom.
    """

    _name = "report.school_base.xlsx_table"
    _inherit = "report.report_xlsx.abstract"
    _description = "School Ledger Table (xlsx)"

    def get_workbook_options(self):
        # a district ledger runs to hundreds of thousands of rows: stream them to disk
        return {**super().get_workbook_options(), "constant_memory": True}

    # formats, labels, names ----------------------------------------------------------------

    def _formats(self, workbook):
        """The ledger styles, made once per workbook."""
        if not hasattr(workbook, "school_formats"):
            add = workbook.add_format
            workbook.school_formats = {
                "title": add({"bold": True, "font_size": 14, "align": "center"}),
                "header": add({"bold": True, "border": 1, "bg_color": "#D9E1F2", "text_wrap": True,
                               "align": "center", "valign": "vcenter"}),
                "cell": add({"border": 1, "text_wrap": True, "valign": "top"}),
                "number": add({"border": 1, "valign": "top", "num_format": "#,##0.00"}),
                "bold": add({"bold": True}),
                "total": add({"bold": True, "border": 1}),
            }
        return workbook.school_formats

    def _labels(self, model, fname):
        """The labels of a selection field in the user's language, by value."""
        return dict(self.env[model]._fields[fname]._description_selection(self.env))

    def _local(self, value, fmt="%Y-%m-%d %H:%M"):
        """A UTC datetime in the printing user's time zone, the one the wizards cut days in."""
        return self.env["school.period.wizard"]._local(value, fmt)

    def _add_sheet(self, workbook, name):
        """A worksheet named after ``name`` without the characters Excel refuses, cut to 31."""
        return workbook.add_worksheet(re.sub(r"[\[\]:*?/\\]", "-", name or "")[:31] or None)

    def _period_info(self, wizard):
        """The lines under the title of a ledger printed from a period wizard."""
        return [self._heading(wizard.company_id), wizard._period_label()]

    def _heading(self, company):
        """The line under a ledger's title: the school and, at the right, the printing date."""
        return [
            self.env._("School: %(school)s", school=company.name),
            self.env._("Printed: %(date)s", date=fields.Date.context_today(self)),
        ]

    # a ledger of the records printed: a subclass says what differs ------------------------

    def _get_title(self, records):
        return ""

    def _get_sheet_name(self, records):
        return self._get_title(records)

    def _get_info(self, records):
        return [self._heading(records[:1].company_id or self.env.company)]

    def _get_columns(self):
        return []

    def _sorted(self, records):
        return records

    def _sorted_by(self, records, order):
        """``records`` in a database order: sorting in Python would read every field of every
        record first (a district's year of hazards: 600 MB)."""
        return records.with_context(active_test=False).search([("id", "in", records.ids)], order=order)

    def _get_totals(self, records):
        """The sums written on a total line under the table, by column."""
        return {}

    def generate_xlsx_report(self, workbook, data, records):
        records = self._sorted(records)
        sheet = self._add_sheet(workbook, self._get_sheet_name(records))
        row = self._write_table(
            workbook, sheet, self._get_title(records), self._get_columns(), records, info=self._get_info(records)
        )
        totals = self._get_totals(records)
        if totals:
            self._write_total_row(workbook, sheet, row + 1, totals)

    # writing -------------------------------------------------------------------------------

    def _write_row(self, sheet, row, values, workbook, first_col=0, style="cell"):
        """Write values side by side: numbers as numbers, anything empty as a blank cell."""
        formats = self._formats(workbook)
        for col, value in enumerate(values, start=first_col):
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                number_style = style if style != "cell" else ("number" if isinstance(value, float) else "cell")
                sheet.write_number(row, col, value, formats[number_style])
            else:
                sheet.write_string(row, col, str(value or ""), formats[style])

    def _write_table(self, workbook, sheet, title, columns, records, info=(), numbered=True):
        """Title, info lines, header, one row per record; return the first row under the table.

        ``info`` holds lines written under the title: a string, or a list of strings spread
        as the first one at the left and the last one over the last column. The header
        comes after a blank row when there is no line at all. Without a title the header
        is the first row.
        """
        formats = self._formats(workbook)
        offset = 1 if numbered else 0
        last_col = len(columns) - 1 + offset
        row = 0
        if title:
            if last_col:
                sheet.merge_range(0, 0, 0, last_col, title, formats["title"])
            else:
                sheet.write_string(0, 0, title, formats["title"])
            for row, line in enumerate(info or [""], start=1):
                texts = [line] if isinstance(line, str) else list(line)
                for col, text in zip(self._spread(len(texts), last_col), texts, strict=True):
                    if text:
                        sheet.write_string(row, col, text)
            row += 1
        labels = [label for label, _width, _getter in columns]
        getters = [getter for _label, _width, getter in columns]
        if numbered:
            labels = [self.env._("No."), *labels]
            sheet.set_column(0, 0, 6)
        for col, (_label, width, _getter) in enumerate(columns, start=offset):
            sheet.set_column(col, col, width)
        rows = (
            [number, *(getter(record) for getter in getters)] if numbered else [getter(record) for getter in getters]
            for number, record in enumerate(self._in_batches(records), start=1)
        )
        sheet.freeze_panes(row + 1, offset + 1)
        return self._write_rows(workbook, sheet, row, labels, rows)

    def _write_rows(self, workbook, sheet, row, header, rows, first_col=0):
        """A small table without a title: a header row, then rows of values; return the next row."""
        self._write_row(sheet, row, header, workbook, first_col, style="header")
        for row, values in enumerate(rows, start=row + 1):  # noqa: B020
            self._write_row(sheet, row, values, workbook, first_col)
        return row + 1

    def _in_batches(self, records, size=2000):
        """The records one after another, read a batch at a time and forgotten after it.

        A year's ledger of a district runs to hundreds of thousands of rows: reading them as
        one recordset would keep every row (and what it links to) in memory until the end.
        """
        if not isinstance(records, models.BaseModel) or len(records) <= size:
            yield from records
            return
        ids = records.ids
        for start in range(0, len(ids), size):
            yield from records.browse(ids[start:start + size])
            self.env.invalidate_all()

    @staticmethod
    def _spread(count, last_col):
        """Columns of ``count`` texts on a line: the first at the left, the last at the right."""
        if count == 1:
            return [0]
        step = max(last_col // (count - 1), 1)
        return [min(index * step, last_col) if index < count - 1 else last_col for index in range(count)]

    def _write_total_row(self, workbook, sheet, row, values_by_col, label=None, label_col=1):
        """A total line: its label and the values at the columns they belong to; return the next row."""
        formats = self._formats(workbook)
        sheet.write_string(row, label_col, label or self.env._("Total"), formats["header"])
        for col, value in sorted(values_by_col.items()):
            sheet.write_number(row, col, value, formats["total"])
        return row + 1

    def _write_totals(self, workbook, sheet, row, pairs, col=1):
        """Label and value pairs under a ledger, one a line; return the next row."""
        formats = self._formats(workbook)
        for label, value in pairs:
            sheet.write_string(row, col, label, formats["bold"])
            sheet.write_number(row, col + 1, value, formats["total"])
            row += 1
        return row

    def _write_signatures(self, workbook, sheet, row, labels):
        """Signature lines: one label and a line to sign on, side by side; return the next row."""
        for index, label in enumerate(labels):
            sheet.write_string(
                row, index * 3, self.env._("%(who)s: ____________", who=label), self._formats(workbook)["bold"]
            )
        return row + 2
