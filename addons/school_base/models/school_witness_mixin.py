"""A step done by one person and witnessed by another (验收 with 第三人监督 / 陪同验收).

A model inherits ``school.witness.mixin`` and declares its witnessed steps as data:

.. code-block:: python

    _school_witnessed_steps = (
        WitnessedStep(doer="inspector_user_id", witness="witness_user_id", signed="witness_signed_date",
                      manager_groups=("school_assets.group_assets_manager",), doer_date="inspection_date"),
    )

Every addon extending the same model (a receipt is inspected for the store and accepted
for the canteen) adds its own step; the rules are the same for all:

- the doer records the step on their own login (:meth:`_school_witnessed_do`);
- the witness is named by the doer once they have done it, or names themselves by signing;
  nobody names a witness at creation, and nobody witnesses their own work;
- the witness signs on their own login, or in person on the device of a manager of the step
  (logged in the chatter) (:meth:`_school_witness_sign`);
- naming another witness takes the signature back; nothing changes once the record is closed.
"""

from dataclasses import dataclass

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from .school_workflow_mixin import (
    in_workflow_step,
    school_sign,
    workflow_action,
    workflow_step,
)


@dataclass(frozen=True)
class WitnessedStep:
    #: user field: who did the step (inspector, acceptor); set by their own button only
    doer: str
    #: user field: who watched; named by the doer, or by the witness signing on their own login
    witness: str
    #: datetime field: when the witness signed; set by their own button only
    signed: str
    #: groups of the managers before whom a witness may sign in person on the manager's device
    manager_groups: tuple = ()
    #: datetime field (optional): when the doer did the step
    doer_date: str = None
    #: states in which the step can no longer change
    closed_states: tuple = ("done", "cancel")


class SchoolWitnessMixin(models.AbstractModel):
    """Steps done by one person and witnessed by another (see the module docstring)."""

    _name = "school.witness.mixin"
    _inherit = ["school.workflow.mixin"]
    _description = "Witnessed Steps"

    #: :class:`WitnessedStep` declarations; every class of the model adds its own
    _school_witnessed_steps = ()

    @api.model
    def _school_witness_steps(self):
        steps = []
        for cls in reversed(type(self).__mro__):
            for step in vars(cls).get("_school_witnessed_steps", ()):
                if step not in steps:
                    steps.append(step)
        return steps

    @api.model
    def _get_workflow_fields(self):
        fnames = super()._get_workflow_fields()
        for step in self._school_witness_steps():
            fnames |= {fname for fname in (step.doer, step.doer_date, step.signed) if fname}
        return fnames

    def _school_witness_closed(self, step):
        return "state" in self._fields and self.state in step.closed_states

    # ------------------------------------------------------------------
    # ORM paths: the witness is named by the doer only
    # ------------------------------------------------------------------
    @api.model
    def default_get(self, fields_list):
        defaults = super().default_get(fields_list)
        if not in_workflow_step(self.env):
            for step in self._school_witness_steps():
                if defaults.get(step.witness):
                    defaults[step.witness] = False
        return defaults

    @api.model_create_multi
    def create(self, vals_list):
        if not in_workflow_step(self.env):
            for step in self._school_witness_steps():
                if any(vals.get(step.witness) for vals in vals_list):
                    raise UserError(
                        _("%(field)s is named once the step is done, by the person who did it.",
                          field=self._fields[step.witness]._description_string(self.env))
                    )
        return super().create(vals_list)

    def write(self, vals):
        renamed = self.browse()
        if not in_workflow_step(self.env):
            for step in self._school_witness_steps():
                if step.witness not in vals:
                    continue
                field, value = self._fields[step.witness], vals[step.witness]
                changed = self.filtered(lambda record, f=field, v=value: not self._same_value(f, record, v))
                if not self.env.su:
                    for record in changed:
                        record._school_check_witness_naming(step)
                renamed |= changed.filtered(step.signed)
        res = super().write(vals)
        if renamed:
            renamed._school_clear_witness_signatures(vals)
        return res

    def _school_check_witness_naming(self, step):
        """The doer names the witness, after doing the step and before the record closes."""
        self.ensure_one()
        record = self.sudo()
        if record._school_witness_closed(step):
            raise UserError(_("%(name)s is closed: its witness can no longer change.", name=record.display_name))
        doer = record[step.doer]
        if not doer:
            raise UserError(
                _("%(field)s of %(name)s signs first, then names the witness.",
                  field=self._fields[step.doer]._description_string(self.env), name=record.display_name)
            )
        if doer != self.env.user:
            raise UserError(
                _("Only %(user)s, who did it, names the witness of %(name)s.", user=doer.name, name=record.display_name)
            )

    @workflow_action
    def _school_clear_witness_signatures(self, vals):
        """Another witness is named: the previous one's signature no longer counts."""
        for step in self._school_witness_steps():
            if step.witness in vals:
                self.filtered(step.signed).write({step.signed: False})

    def _validate_fields(self, field_names, excluded_names=()):
        field_names = set(field_names)
        res = super()._validate_fields(field_names, excluded_names)
        for step in self._school_witness_steps():
            if {step.doer, step.witness} & field_names:
                for record in self:
                    record._school_check_not_own_witness(step, record[step.doer], record[step.witness], ValidationError)
        return res

    def _school_check_not_own_witness(self, step, doer, witness, error=UserError):
        """Nobody witnesses their own work."""
        if doer and doer == witness:
            raise error(
                _("The witness of %(name)s must be someone else than %(user)s (%(role)s).",
                  name=self.display_name, user=doer.name,
                  role=self._fields[step.doer]._description_string(self.env))
            )

    # ------------------------------------------------------------------
    # Actions (call them from the model's own buttons, after its own checks)
    # ------------------------------------------------------------------
    def _school_witness_check_open(self, step):
        for record in self:
            if record.sudo()._school_witness_closed(step):
                raise UserError(_("%(name)s is already closed.", name=record.sudo().display_name))

    @workflow_action
    def _school_witnessed_do(self, step):
        """The current user records that they did the step (inspected, accepted)."""
        self._school_witness_check_open(step)
        for record in self:
            doer = record[step.doer]
            if doer and doer != self.env.user:
                raise UserError(
                    _("%(user)s already signed %(name)s as %(role)s.", user=doer.name, name=record.display_name,
                      role=self._fields[step.doer]._description_string(self.env))
                )
            record._school_check_not_own_witness(step, self.env.user, record[step.witness])
        vals = {step.doer: self.env.uid}
        if step.doer_date:
            vals[step.doer_date] = fields.Datetime.now()
        self.write(vals)
        return True

    @workflow_action
    def _school_witness_sign(self, step):
        """The witness confirms that they watched the step.

        On their own login; a user who may edit the record and is not the doer names themselves
        when nobody is named yet. A manager of the step records a named witness signing in
        person on their device; the chatter says so.
        """
        self._school_witness_check_open(step)
        is_manager = self.env.su or any(self.env.user.has_group(xmlid) for xmlid in step.manager_groups)
        for record in self:
            # sudo: a named witness may not read the record otherwise; who they are is checked first
            sudo_record = record.sudo()
            doer = sudo_record[step.doer]
            if not doer:
                raise UserError(
                    _("%(field)s of %(name)s signs first.",
                      field=self._fields[step.doer]._description_string(self.env), name=sudo_record.display_name)
                )
            witness = sudo_record[step.witness]
            if not witness:
                record._school_check_not_own_witness(step, doer, self.env.user)
                record.check_access("write")
                sudo_record.write({step.witness: self.env.uid})
                witness = self.env.user
            if witness != self.env.user and not is_manager:
                raise UserError(
                    _("Only %(user)s, the witness named on %(name)s, signs it.",
                      user=witness.name, name=sudo_record.display_name)
                )
            school_sign(
                sudo_record, step.witness, {step.signed: fields.Datetime.now()},
                in_person=witness != self.env.user, witness_groups=step.manager_groups,
            )
        return True

    def _school_witness_reset(self, step):
        """Clear the doer, the witness and the signature of open records (a manager's correction)."""
        self._school_witness_check_open(step)
        vals = {fname: False for fname in (step.doer, step.doer_date, step.witness, step.signed) if fname}
        with workflow_step():
            self.write(vals)
        return True
