from odoo import _, models
from odoo.exceptions import UserError

# Fields the mail machinery writes on any record; writing them never counts as an edit.
MAIL_FIELD_PREFIXES = ("message_", "activity_", "website_message")


class SchoolLockMixin(models.AbstractModel):
    """A record that becomes a record of the school once finished: locked against edits.

    Inherit it and override :meth:`_is_locked` (which records are locked) and, where
    someone may still correct them, :meth:`_can_edit_locked`. Discussion in the chatter
    and activities stay possible on locked records.
    """

    _name = "school.lock.mixin"
    _description = "Lock Once Finished"

    def _is_locked(self):
        """Whether this record is locked (override)."""
        self.ensure_one()
        return False

    def _can_edit_locked(self):
        """Whether the current user may still change locked records (override)."""
        return self.env.su

    def _get_lock_message(self):
        """The message shown to someone who tries to change the locked record."""
        self.ensure_one()
        return _("%(name)s is locked and can no longer be changed.", name=self.display_name)

    def _check_unlocked(self, fnames=None):
        """Refuse a change of ``fnames`` (all fields when None) on locked records."""
        if fnames is not None and all(fname.startswith(MAIL_FIELD_PREFIXES) for fname in fnames):
            return
        if self._can_edit_locked():
            return
        locked = self.filtered(lambda record: record._is_locked())
        if locked:
            raise UserError(locked[0]._get_lock_message())

    def write(self, vals):
        self._check_unlocked(vals)
        return super().write(vals)
