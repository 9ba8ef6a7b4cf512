from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class ReportPaperformat(models.Model):
    """Label sheets: how many labels a sheet holds, as data a school can change.

    The page size and margins are the paper format's own fields; the columns, rows and the
    gaps between labels are these. The label sheets of the school addons share one paper
    format (Avery L7165 by default) and draw each label at the size the format leaves.
    """

    _inherit = "report.paperformat"

    school_label_columns = fields.Integer(
        string="Labels Across", default=0,
        help="Label sheets: labels per row. Zero for a paper format that is not a label sheet.",
    )
    school_label_rows = fields.Integer(string="Labels Down", default=0, help="Label sheets: rows of labels per page.")
    school_label_gap_x = fields.Float(string="Gap Between Columns (mm)", default=0.0)
    school_label_gap_y = fields.Float(string="Gap Between Rows (mm)", default=0.0)

    @api.constrains("school_label_columns", "school_label_rows", "school_label_gap_x", "school_label_gap_y")
    def _check_school_label_grid(self):
        for paperformat in self:
            if min(paperformat.school_label_columns, paperformat.school_label_rows) < 0 or min(
                paperformat.school_label_gap_x, paperformat.school_label_gap_y
            ) < 0:
                raise ValidationError(_("The labels across, labels down and gaps of a label sheet cannot be negative."))
            if bool(paperformat.school_label_columns) != bool(paperformat.school_label_rows):
                raise ValidationError(_("A label sheet needs both the labels across and the labels down."))

    def _school_label_grid(self):
        """(columns, rows, label width mm, label height mm, gap x, gap y) of this label sheet."""
        self.ensure_one()
        columns = self.school_label_columns or 1
        rows = self.school_label_rows or 1
        width = self.print_page_width - self.margin_left - self.margin_right
        height = self.print_page_height - self.margin_top - self.margin_bottom
        gap_x, gap_y = self.school_label_gap_x, self.school_label_gap_y
        return (
            columns, rows,
            round((width - gap_x * (columns - 1)) / columns, 2),
            round((height - gap_y * (rows - 1)) / rows, 2),
            gap_x, gap_y,
        )
