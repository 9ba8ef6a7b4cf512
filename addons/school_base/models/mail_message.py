from odoo import _, models
from odoo.exceptions import AccessError


class MailMessage(models.Model):
    """The chatter of a guarded school record is its audit trail.

    On models inheriting ``school.workflow.mixin`` or ``school.lock.mixin``, the messages
    that record what happened (tracking of fields, notifications, logged steps such as a
    signature) cannot be rewritten or deleted, and nothing in a locked record's chatter
    can; people may still edit their own comments on open records.
    """

    _inherit = "mail.message"

    def _check_school_audit_trail(self):
        if self.env.su:
            return
        Attachment = self.env["ir.attachment"]
        for message in self:
            if not Attachment._school_guarded_model(message.model) or not message.res_id:
                continue
            record = self.env[message.model].browse(message.res_id).exists()
            if message.message_type != "comment" or message.sudo().tracking_value_ids:
                raise AccessError(
                    _("The history of %(name)s cannot be changed or deleted.", name=record.display_name)
                )
            if record and hasattr(record, "_check_unlocked"):
                record._check_unlocked()

    def write(self, vals):
        self._check_school_audit_trail()
        return super().write(vals)

    def unlink(self):
        self._check_school_audit_trail()
        return super().unlink()
