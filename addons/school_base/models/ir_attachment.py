from odoo import _, api, models
from odoo.exceptions import AccessError
from odoo.tools import SQL


class IrAttachment(models.Model):
    """Attachments of guarded school records change only through the records themselves.

    A binary field (signature, photo, minutes, district document) of a model inheriting
    ``school.workflow.mixin`` or ``school.lock.mixin`` is stored as an attachment with
    ``res_field`` set; the record writes it as the superuser after its own checks, so a
    direct create, write or unlink of such an attachment is a side door and is refused.
    The files already in a locked record's chatter can be neither changed nor removed;
    new files can still be posted.
    """

    _inherit = "ir.attachment"

    @api.model
    def check(self, mode, values=None):
        res = super().check(mode, values=values)
        if mode != "read" and not self.env.su:
            self._check_school_guard(mode, values)
        return res

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            for vals in vals_list:
                if vals.get("res_field") and self._school_guarded_model(vals.get("res_model")):
                    self._refuse_school_field(vals["res_model"])
        return super().create(vals_list)

    @api.model
    def _school_guarded_model(self, model_name):
        return bool(model_name) and model_name in self.env and hasattr(
            self.env[model_name], "_school_guards_attachments"
        )

    def _refuse_school_field(self, model_name):
        raise AccessError(
            _(
                "This file belongs to a field of %(model)s: change it on the record itself.",
                model=self.env[model_name]._description,
            )
        )

    def _check_school_guard(self, mode, values):
        if values and values.get("res_field"):
            model_name = values.get("res_model") or (self[:1].res_model if self else False)
            if self._school_guarded_model(model_name):
                self._refuse_school_field(model_name)
        if not self.ids:
            return
        self.flush_model(["res_model", "res_id", "res_field"])
        rows = self.env.execute_query(
            SQL("SELECT res_model, res_id, res_field FROM ir_attachment WHERE id = ANY(%s)", list(self.ids))
        )
        for res_model, res_id, res_field in rows:
            if not self._school_guarded_model(res_model):
                continue
            if res_field:
                self._refuse_school_field(res_model)
            if res_id and hasattr(self.env[res_model], "_check_unlocked"):
                self.env[res_model].browse(res_id).exists()._check_unlocked()
