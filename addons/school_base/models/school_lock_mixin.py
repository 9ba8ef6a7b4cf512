from odoo import _, api, models
from odoo.exceptions import UserError

# Fields the mail machinery writes on any record; writing them never counts as an edit.
MAIL_FIELD_PREFIXES = ("message_", "activity_", "website_message")


class LockMessageValues:
    """The values a lock message may name: ``%(name)s`` (the record), ``%(model)s`` (what it
    is), ``%(state)s`` (its state's label), or any field of the record (``%(employee_id)s``)."""

    def __init__(self, record):
        self.record = record

    def __getitem__(self, key):
        record = self.record
        if key == "name":
            return record.display_name
        if key == "model":
            return record.env["ir.model"]._get(record._name).name or record._description
        field = record._fields[key]
        if field.type == "selection":
            return dict(field._description_selection(record.env)).get(record[key], record[key] or "")
        return field.convert_to_display_name(record[key], record) or ""


class SchoolLockMixin(models.AbstractModel):
    """A record that becomes a record of the school once finished: locked against changes.

    Inherit it and set ``_lock_states`` (or override :meth:`_is_locked`) and, where
    someone may still correct them, :meth:`_can_edit_locked`. A locked record refuses
    ``write`` (except the fields of ``_lock_editable_fields``), ``unlink``, direct
    changes of its attachments and of its chatter's tracking and notifications
    (see ``ir.attachment`` and ``mail.message`` in school_base). Discussion in the
    chatter and activities stay possible.

    A child line sets ``_lock_parent_field`` (e.g. ``"inspection_id"``): it is locked
    when its parent is, and it can be neither created in, moved into nor moved out of
    a locked parent.
    """

    _name = "school.lock.mixin"
    _description = "Lock Once Finished"

    #: States in which the record is locked (the usual case: no need to override _is_locked).
    _lock_states = ()
    #: Many2one to the parent whose lock also locks this record (child lines).
    _lock_parent_field = None
    #: Fields that may still change on a locked record.
    _lock_editable_fields = ()
    #: What someone who tries to change a locked record reads: a lazy translation
    #: (``LazyTranslate(__name__)``) naming the values of :class:`LockMessageValues`, e.g.
    #: ``_lt("Hazard %(name)s is closed: only the logistics director can change it.")``.
    #: Without it: "<what> <name> is <state>: it can no longer be changed."
    _lock_message = None

    def _is_locked(self):
        """Whether this record is locked: in one of ``_lock_states``, or a child line of a
        locked parent; override for other rules."""
        self.ensure_one()
        if self._lock_parent_field:
            parent = self[self._lock_parent_field]
            return bool(parent) and parent._is_locked()
        return bool(self._lock_states) and self.state in self._lock_states

    def _can_edit_locked(self):
        """Whether the current user may still change locked records (override)."""
        if self._lock_parent_field:
            return self[self._lock_parent_field]._can_edit_locked()
        return self.env.su

    def _get_lock_message(self):
        """The message shown to someone who tries to change the locked record."""
        self.ensure_one()
        if self._lock_parent_field and self[self._lock_parent_field]:
            return self[self._lock_parent_field]._get_lock_message()
        if self._lock_message:
            return self.env._(self._lock_message) % LockMessageValues(self)
        if "state" in self._fields:
            values = LockMessageValues(self)
            return _(
                "%(model)s %(name)s is %(state)s: it can no longer be changed.",
                model=values["model"], name=values["name"], state=values["state"],
            )
        return _("%(name)s is locked and can no longer be changed.", name=self.display_name)

    def _check_unlocked(self, fnames=None):
        """Refuse a change of ``fnames`` (all fields when None) on locked records."""
        if fnames is not None:
            fnames = [
                fname for fname in fnames
                if not fname.startswith(MAIL_FIELD_PREFIXES) and fname not in self._lock_editable_fields
            ]
            if not fnames:
                return
        if self.env.su:
            return
        locked = self.filtered(lambda record: record._is_locked())
        if locked and not locked._can_edit_locked():
            raise UserError(locked[0]._get_lock_message())

    def _check_parent_unlocked(self, parent_ids):
        """Refuse to put lines into (or take them out of) a locked parent."""
        if not self._lock_parent_field or self.env.su:
            return
        comodel = self._fields[self._lock_parent_field].comodel_name
        # wrong ids are refused later with a clear message (see base.py)
        parent_ids = [pid for pid in parent_ids if isinstance(pid, int) and not isinstance(pid, bool)]
        self.env[comodel].browse(parent_ids).exists()._check_unlocked()

    @api.model_create_multi
    def create(self, vals_list):
        if self._lock_parent_field:
            self._check_parent_unlocked(
                {vals[self._lock_parent_field] for vals in vals_list if vals.get(self._lock_parent_field)}
            )
        return super().create(vals_list)

    def write(self, vals):
        self._check_unlocked(vals)
        if self._lock_parent_field and vals.get(self._lock_parent_field):
            self._check_parent_unlocked([vals[self._lock_parent_field]])
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_locked(self):
        self._check_unlocked()

    @api.model
    def _school_guards_attachments(self):
        """Binary fields and chatter of this model are guarded (see ir.attachment)."""
        return True
