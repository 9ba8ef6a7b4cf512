from odoo import api, fields, models

# Sentinel of a reference not numbered yet; untranslated so that the comparison holds in zh_CN.
NEW_REFERENCE = "New"


class SchoolReferenceMixin(models.AbstractModel):
    """A document numbered by its school's sequence on creation (INS/2026/00001…).

    The sequence's code is the model's name by default (override
    :meth:`_get_reference_sequence_code`); each school numbers its own documents when
    the sequence is per company.
    """

    _name = "school.reference.mixin"
    _description = "Numbered School Document"

    name = fields.Char(
        string="Reference", required=True, copy=False, readonly=True, index="trigram",
        default=NEW_REFERENCE,
    )

    @api.model
    def _get_reference_sequence_code(self):
        return self._name

    @api.model_create_multi
    def create(self, vals_list):
        Sequence = self.env["ir.sequence"]
        code = self._get_reference_sequence_code()
        for vals in vals_list:
            if vals.get("name", NEW_REFERENCE) == NEW_REFERENCE:
                company = self.env["res.company"].browse(vals.get("company_id")) or self.env.company
                vals["name"] = Sequence.with_company(company).next_by_code(code) or NEW_REFERENCE
        return super().create(vals_list)
