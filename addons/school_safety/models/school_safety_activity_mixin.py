from odoo import _, api, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.translate import LazyTranslate

from odoo.addons.school_base.models.school_workflow_mixin import workflow_action

_lt = LazyTranslate(__name__)


class SchoolSafetyActivityMixin(models.AbstractModel):
    """Planned → held, or cancelled and planned again: the steps drills and safety education share.

    The model defines its ``state`` selection with at least ``planned``, ``held`` and ``cancel``,
    and overrides :meth:`_check_can_hold` (what must be recorded before it counts as held) and
    :meth:`_prepare_hold_vals`. The state changes only through these actions; an activity that
    was held stays on record (it cannot be deleted) and is locked in ``_locked_states``.
    """

    _name = "school.safety.activity.mixin"
    _description = "Planned, Held or Cancelled Safety Activity"
    _lock_message = _lt("%(model)s %(name)s is finished: it can no longer be changed.")
    _inherit = ["school.workflow.mixin", "school.lock.mixin"]

    #: States in which the activity took place: it cannot be deleted any more.
    _held_states = ("held",)
    #: States in which the activity is finished: nothing changes any more.
    _locked_states = ("held",)

    def _is_locked(self):
        self.ensure_one()
        return self.state in self._locked_states

    @api.ondelete(at_uninstall=False)
    def _unlink_except_held(self):
        for record in self:
            if record.state in self._held_states:
                raise UserError(
                    _("%(what)s %(name)s was held: it stays on record and cannot be deleted.",
                      what=self._description, name=record.display_name)
                )

    def _check_date_in_term(self):
        """Refuse an activity whose date (``_term_date_field``) lies outside its term."""
        for record in self:
            term, day = record.term_id, record[record._term_date_field]
            if not term.date_start <= day <= term.date_end:
                raise ValidationError(
                    _(
                        "%(model)s “%(name)s” is on %(date)s, outside term %(term)s (%(start)s – %(end)s).",
                        model=self.env["ir.model"]._get(self._name).name, name=record.display_name, date=day,
                        term=term.name, start=term.date_start, end=term.date_end,
                    )
                )

    def _check_can_hold(self):
        """Refuse to mark held what lacks its record of the day (override)."""

    def _prepare_hold_vals(self):
        """Values written when the activity is marked held (override point)."""
        self.ensure_one()
        return {"state": "held"}

    @workflow_action
    def action_hold(self):
        """The activity took place: check what it must record, then mark it held."""
        self.check_access("write")
        self._check_state(("planned",), _("marked held"))
        self._check_can_hold()
        for record in self:
            record.write(record._prepare_hold_vals())
        return True

    @workflow_action
    def action_cancel(self):
        self.check_access("write")
        self._check_state(("planned",), _("cancelled"))
        self.write({"state": "cancel"})
        return True

    @workflow_action
    def action_reset_planned(self):
        self.check_access("write")
        self._check_state(("cancel",), _("planned again"))
        self.write({"state": "planned"})
        return True
