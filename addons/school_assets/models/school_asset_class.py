from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class SchoolAssetClass(models.Model):
    """Asset category of GB/T 14885 (固定资产等资产基础分类与代码)."""

    _name = "school.asset.class"
    _inherit = ["school.district.mixin"]
    _description = "Asset Category (GB/T 14885)"
    _parent_store = True
    _rec_names_search = ["code", "name"]
    _order = "code, id"

    district_origin_id = fields.Many2one(
        "school.asset.class", string="Replaces", index="btree_not_null", ondelete="cascade", readonly=True,
        help="The district's row this school's copy is used in place of.",
    )
    school_copy_ids = fields.One2many("school.asset.class", "district_origin_id", string="Schools' Copies")

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True, index=True, help="Code of the category in GB/T 14885.")
    parent_id = fields.Many2one(
        "school.asset.class", string="Parent Category", index=True, ondelete="restrict"
    )
    parent_path = fields.Char(index=True)
    child_ids = fields.One2many("school.asset.class", "parent_id", string="Sub-categories")
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_company_uniq", "unique(code, company_id)", "An asset category code must be unique."),
    ]

    @api.depends("name", "code")
    def _compute_display_name(self):
        # "code name" as on the bureau's forms (e.g. 31 专用设备); the code already tells the parent
        for asset_class in self:
            asset_class.display_name = f"{asset_class.code} {asset_class.name}"

    @api.constrains("parent_id")
    def _check_parent_recursion(self):
        if self._has_cycle():
            raise ValidationError(_("An asset category cannot be inside itself."))
