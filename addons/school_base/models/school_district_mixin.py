from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError


class SchoolDistrictMixin(models.AbstractModel):
    """Rows the district shares with every school, which a school may adapt by a copy.

    A row without a school (``company_id`` empty) belongs to the district: every school reads it,
    and only the education bureau (and the administrator) creates, changes or deletes it. A school
    that wants its own wording makes its own copy (``action_make_school_copy``); the copy names the
    district row it replaces in ``district_origin_id``, and the school's record rule then shows the
    copy in place of the district's row, for that school alone.

    A model using it declares, besides ``_inherit``, its two links to itself::

        district_origin_id = fields.Many2one("<model>", ...)
        school_copy_ids = fields.One2many("<model>", "district_origin_id", ...)

    and two record rules: the school users' (``_district_rule_domain``) and the bureau's (all).
    """

    _name = "school.district.mixin"
    _description = "Shared By The District, Adaptable By A School"

    company_id = fields.Many2one(
        "res.company", string="School", index=True,
        default=lambda self: self._default_district_company(),
        help="Empty: the district's row, used by every school that has no copy of its own.",
    )
    is_district_row = fields.Boolean(
        string="District's", compute="_compute_is_district_row",
        help="Kept by the education bureau for every school.",
    )

    @api.model
    def _default_district_company(self):
        # the bureau writes the district's rows; a school writes its own
        return False if self._is_district_keeper() else self.env.company

    @api.model
    def _is_district_keeper(self):
        return self.env.su or self.env.user.has_group("school_base.group_school_bureau")

    @api.depends("company_id")
    def _compute_is_district_row(self):
        for record in self:
            record.is_district_row = not record.company_id

    def _check_district_keeper(self, touches_district):
        if touches_district and not self._is_district_keeper():
            raise AccessError(
                _(
                    "%(what)s shared by the district can only be changed by the education bureau. "
                    "Make a copy for your school and change the copy.",
                    what=self._description,
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        self._check_district_keeper(
            any("company_id" in vals and not vals["company_id"] for vals in vals_list)
            or any(
                "company_id" not in vals and not self._default_district_company() for vals in vals_list
            )
        )
        return super().create(vals_list)

    def write(self, vals):
        self._check_district_keeper(
            any(not record.company_id for record in self)
            or ("company_id" in vals and not vals["company_id"])
        )
        return super().write(vals)

    def unlink(self):
        self._check_district_keeper(any(not record.company_id for record in self))
        return super().unlink()

    def action_make_school_copy(self):
        """Copy a district row for the user's school; the copy replaces it for that school."""
        self.ensure_one()
        if self.company_id:
            raise UserError(_("This row already belongs to a school; change it directly."))
        company = self.env.company
        existing = self.school_copy_ids.filtered(lambda copy: copy.company_id == company)
        copy = existing[:1] or self.copy(
            {"company_id": company.id, "district_origin_id": self.id}
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": copy.id,
            "view_mode": "form",
            "target": "current",
        }
