"""Workflow fields: the fields that only a model's own actions change.

A model inherits ``school.workflow.mixin`` and lists its workflow fields in
``_workflow_fields`` (``state`` is always one when the model has it). Outside an
action, ``create`` accepts them only at their default value, ``write`` refuses any
change, ``copy`` resets them, and defaults from the context or ``ir.default`` do not
reach them. An action opens the door for the writes it makes itself:

.. code-block:: python

    @workflow_action
    def action_approve(self):
        self._check_state(("submitted",), _("approved"))   # checks first
        self._check_not_self("requester_user_id", _("You cannot approve your own request."))
        self.write({"state": "approved", "approver_user_id": self.env.user.id})

The door is a context variable of the running Python code, not a context key: a
caller over the API can set any context key, but it can only reach an action through
the action itself (private methods cannot be called remotely). Server code of another
model that must move the workflow (a cron, a receipt that closes a request) calls a
private method decorated with :func:`workflow_action`, or wraps the call in
``with workflow_step():``.
"""

import contextlib
import contextvars
import functools
import logging

from odoo import _, api, models
from odoo.exceptions import UserError

_logger = logging.getLogger(__name__)

_IN_ACTION = contextvars.ContextVar("school_workflow_action", default=False)


@contextlib.contextmanager
def workflow_step():
    """Let the enclosed server code change workflow fields."""
    token = _IN_ACTION.set(True)
    try:
        yield
    finally:
        _IN_ACTION.reset(token)


def workflow_action(method):
    """Decorate a model method that moves the workflow: its writes may change workflow fields.

    The method itself checks who may do it, from which state and with which data.
    """

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        with workflow_step():
            return method(self, *args, **kwargs)

    return wrapper


def in_workflow_step(env):
    """Whether workflow fields may change now: inside an action, or as the superuser."""
    return env.su or _IN_ACTION.get()


def school_sign(self, signer_fname, vals, in_person=False, witness_groups=()):
    """Record a signature by the user named in ``signer_fname`` on the records ``self``.

    Usable on any model (a core model extended by an addon too); the workflow mixin's
    ``_school_sign`` calls it.

    ``vals`` are the signature's own fields (image, date...), written as a workflow
    step. The current user must be the signer; a signature drawn in person on
    someone else's device (``in_person``) is accepted only from a user of
    ``witness_groups`` and is logged as such in the chatter.
    """
    may_witness = self.env.su or any(self.env.user.has_group(xmlid) for xmlid in witness_groups)
    for record in self:
        signer = record[signer_fname]
        signer_user = signer.user_id if signer._name == "hr.employee" else signer
        if not signer:
            raise UserError(_("%(name)s names nobody to sign it.", name=record.display_name))
        if not signer_user:
            # an employee without a login can only sign in person, before a witness
            if not (in_person and may_witness):
                raise UserError(
                    _("%(signer)s has no login: they sign %(name)s in person on the device of a "
                      "person allowed to witness it.", signer=signer.name, name=record.display_name)
                )
            how = _(
                "signed in person by %(signer)s on the device of %(user)s",
                signer=signer.name,
                user=self.env.user.name,
            )
        elif signer_user == self.env.user:
            how = _("signed by %(user)s on their own login", user=signer_user.name)
        elif in_person and may_witness:
            how = _(
                "signed in person by %(signer)s on the device of %(user)s",
                signer=signer_user.name,
                user=self.env.user.name,
            )
        else:
            raise UserError(
                _(
                    "Only %(signer)s can sign %(name)s.",
                    signer=signer_user.name,
                    name=record.display_name,
                )
            )
        with workflow_step():
            record.write(vals)
        if hasattr(record, "message_post"):
            record.message_post(body=_("Signature: %(how)s.", how=how), subtype_xmlid="mail.mt_note")
        _logger.info("%s %s: %s", record._name, record.id, how)
    return True


class SchoolWorkflowMixin(models.AbstractModel):
    """Fields that change only through the model's actions (see the module docstring)."""

    _name = "school.workflow.mixin"
    _description = "Fields Changed Only by Actions"

    #: Field names changed only by the model's actions; ``state`` is added when present.
    _workflow_fields = ()
    #: False on a core model whose own buttons move ``state`` (stock.picking, stock.move):
    #: only the fields our addons add are workflow fields there
    _workflow_state = True

    @api.model
    def _get_workflow_fields(self):
        # every addon that extends the model adds its own declaration: collect them all
        fnames = {
            fname for cls in type(self).__mro__ for fname in vars(cls).get("_workflow_fields", ())
        }
        if "state" in self._fields and self._workflow_state:
            fnames.add("state")
        return fnames

    def _workflow_field_label(self, fname):
        return self._fields[fname]._description_string(self.env)

    @api.model
    def _workflow_default(self, fname):
        """The value a new record gets for ``fname`` when nobody sets it."""
        field = self._fields[fname]
        if field.default is None:
            return False
        return field.convert_to_write(field.convert_to_cache(field.default(self), self), self)

    def _raise_workflow_field(self, fname):
        raise UserError(
            _(
                "%(field)s of %(model)s is set by the record's own buttons (approve, sign, close…), "
                "not by editing or importing it.",
                field=self._workflow_field_label(fname),
                model=self._description,
            )
        )

    @staticmethod
    def _same_value(field, record, value):
        """Whether ``value`` (as given to write) is what ``record`` already holds."""
        try:
            current = field.convert_to_write(record[field.name], record)
            given = field.convert_to_write(field.convert_to_cache(value, record), record)
        except (ValueError, TypeError):
            return False
        if field.type in ("many2many", "one2many"):
            return False
        return (current or False) == (given or False)

    @api.model
    def _school_guards_attachments(self):
        """Binary fields and chatter of this model are guarded (see ir.attachment)."""
        return True

    # ------------------------------------------------------------------
    # ORM paths
    # ------------------------------------------------------------------
    @api.model
    def default_get(self, fields_list):
        defaults = super().default_get(fields_list)
        if not in_workflow_step(self.env):
            # context defaults (default_state=...) and ir.default never reach workflow fields
            for fname in self._get_workflow_fields().intersection(defaults):
                defaults[fname] = self._workflow_default(fname)
        return defaults

    @api.model_create_multi
    def create(self, vals_list):
        if not in_workflow_step(self.env):
            wf_fields = self._get_workflow_fields()
            for vals in vals_list:
                for fname in wf_fields.intersection(vals):
                    if (vals[fname] or False) != (self._workflow_default(fname) or False):
                        self._raise_workflow_field(fname)
        return super().create(vals_list)

    def write(self, vals):
        if not in_workflow_step(self.env):
            for fname in self._get_workflow_fields().intersection(vals):
                field = self._fields[fname]
                if any(not self._same_value(field, record, vals[fname]) for record in self):
                    self._raise_workflow_field(fname)
        return super().write(vals)

    def copy_data(self, default=None):
        default = dict(default or {})
        if not in_workflow_step(self.env):
            for fname in self._get_workflow_fields():
                field = self._fields[fname]
                if fname not in default and field.store and not field.compute:
                    default[fname] = self._workflow_default(fname)
                elif fname in default and (default[fname] or False) != (self._workflow_default(fname) or False):
                    self._raise_workflow_field(fname)
        return super().copy_data(default=default)

    # ------------------------------------------------------------------
    # Helpers for actions
    # ------------------------------------------------------------------
    def _check_state(self, allowed, action):
        """Refuse ``action`` (a translated verb) on records not in one of the ``allowed`` states."""
        labels = dict(self._fields["state"]._description_selection(self.env))
        for record in self:
            if record.state not in allowed:
                raise UserError(
                    _(
                        "%(name)s cannot be %(action)s from the state %(state)s.",
                        name=record.display_name,
                        action=action,
                        state=labels.get(record.state, record.state),
                    )
                )

    def _check_not_self(self, user_fnames, message):
        """Refuse when the current user is the one named in any of ``user_fnames`` (a name or a list).

        Approvals and re-checks are done by someone other than the requester or the doer.
        """
        if isinstance(user_fnames, str):
            user_fnames = [user_fnames]
        for record in self:
            for fname in user_fnames:
                value = record[fname]
                users = value.user_id if value._name == "hr.employee" else value
                if self.env.user in users:
                    raise UserError(message)

    def _check_user_in(self, group_xmlids, message):
        """Refuse unless the current user holds one of ``group_xmlids`` (or runs as the superuser)."""
        if self.env.su:
            return
        if isinstance(group_xmlids, str):
            group_xmlids = [group_xmlids]
        if not any(self.env.user.has_group(xmlid) for xmlid in group_xmlids):
            raise UserError(message)

    def _school_sign(self, signer_fname, vals, in_person=False, witness_groups=()):
        """See :func:`school_sign`."""
        return school_sign(self, signer_fname, vals, in_person=in_person, witness_groups=witness_groups)
