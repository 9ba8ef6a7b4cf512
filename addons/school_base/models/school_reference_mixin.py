from odoo import _, api, fields, models
from odoo.exceptions import UserError

# Sentinel of a reference not numbered yet; untranslated so that the comparison holds in zh_CN.
NEW_REFERENCE = "New"


class SchoolReferenceMixin(models.AbstractModel):
    """A document numbered by its school's sequence on creation (INS/2026/00001…).

    The sequence's code is the model's name by default (override
    :meth:`_get_reference_sequence_code`); each school numbers its own documents when
    the sequence is per company. The numbered field is ``name`` unless the model sets
    ``_reference_field`` to another Char field (a receipt number, a document number...).
    """

    _name = "school.reference.mixin"
    _description = "Numbered School Document"

    #: The Char field that receives the number.
    _reference_field = "name"

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
        fname = self._reference_field
        for vals in vals_list:
            if vals.get(fname, NEW_REFERENCE) in (NEW_REFERENCE, False):
                company_id = vals.get("company_id")
                company = (
                    self.env["res.company"].browse(company_id) if isinstance(company_id, int) else self.env.company
                )
                vals[fname] = Sequence.with_company(company).next_by_code(code) or NEW_REFERENCE
        return super().create(vals_list)

    def write(self, vals):
        fname = self._reference_field
        if fname in vals and not self.env.su and any(record[fname] != vals[fname] for record in self):
            raise UserError(_("The number of a school document is given once and never changes."))
        return super().write(vals)
