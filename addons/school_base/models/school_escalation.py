"""Escalations and reminders: one mechanism for every addon.

A model inherits ``school.escalation.mixin`` and declares its steps (``_escalation_steps``).
Each step has a stored, indexed due-date field, so the database finds what is due; the one
runner (``_cron_run_escalations``) handles the due records in batches, oldest due first,
resolves the people in charge once per batch, calls the step's action in the recipient's
language, and records the step as done for that due date in ``school.escalation.done``.
A second run finds nothing; when the due date of a record changes (a deadline moved, a
licence renewed, a plan reviewed), the step is due again at the new date.
"""

import logging
from datetime import date, datetime, time, timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

_logger = logging.getLogger(__name__)


class EscalationStep:
    """One step of an escalation or reminder, declared by the model.

    :param key: the step's name, unique within the model (stored in the done marker)
    :param due_field: stored, indexed ``Date``/``Datetime`` field: the step is due once it has passed
    :param action: name of the method called on each due record, as ``record._action(users)``,
        in the recipient's language; ``users`` are the recipients (maybe empty)
    :param domain: the records the step applies to (e.g. still open)
    :param role: school role whose person in charge is told (``company._school_persons(role)``)
    :param recipients: name of a method ``records._method(persons)`` returning
        ``{record: users}``, for recipients other than (or besides) the role's person;
        ``persons`` is the role's ``{school: user}`` (empty without a role)
    :param lead: callable ``model -> timedelta``: the step is due this long *before* the due
        date (a global notice period set in the settings)
    """

    __slots__ = ("key", "due_field", "action", "domain", "role", "recipients", "lead")

    def __init__(self, key, due_field, action, domain=(), role=None, recipients=None, lead=None):
        self.key = key
        self.due_field = due_field
        self.action = action
        self.domain = list(domain)
        self.role = role
        self.recipients = recipients
        self.lead = lead

    def __repr__(self):
        return f"EscalationStep({self.key!r}, {self.due_field!r})"


class SchoolEscalationDone(models.Model):
    """Technical: which escalation step was done for which record and due date."""

    _name = "school.escalation.done"
    _description = "Escalation Step Done"
    _log_access = False

    res_model = fields.Char(required=True, index=True)
    res_id = fields.Many2oneReference(model_field="res_model", required=True)
    step = fields.Char(required=True)
    due = fields.Datetime(required=True, help="The due date the step was done for.")
    date_done = fields.Datetime(required=True, default=fields.Datetime.now)

    _sql_constraints = [
        ("record_step_unique", "UNIQUE(res_model, res_id, step)", "A step is recorded once per record."),
    ]


class SchoolEscalationMixin(models.AbstractModel):
    _name = "school.escalation.mixin"
    _description = "Escalations and Reminders"

    _escalation_batch_size = 200

    # ------------------------------------------------------------------
    # Declaration (override)
    # ------------------------------------------------------------------
    @api.model
    def _escalation_steps(self):
        """The model's steps, in the order they run: a list of :class:`EscalationStep`."""
        return []

    # ------------------------------------------------------------------
    # Runner
    # ------------------------------------------------------------------
    @api.model
    def _escalation_threshold(self, step, now):
        field = self._fields[step.due_field]
        threshold = now + (step.lead(self) if step.lead else timedelta())
        return threshold.date() if field.type == "date" else threshold

    @api.model
    def _escalation_query(self, step, now, limit=None, order=True):
        """The records for which ``step`` is due and not done for their current due date."""
        domain = list(step.domain) + [
            (step.due_field, "!=", False),
            (step.due_field, "<=", self._escalation_threshold(step, now)),
        ]
        query = self.with_context(active_test=False)._search(
            domain, order=f"{step.due_field}, id" if order else None, limit=limit
        )
        query.add_where(SQL(
            "NOT EXISTS (SELECT 1 FROM school_escalation_done d WHERE d.res_model = %s AND d.step = %s "
            "AND d.res_id = %s AND d.due = %s)",
            self._name, step.key, SQL.identifier(query.table, "id"), SQL.identifier(query.table, step.due_field),
        ))
        return query

    @api.model
    def _escalation_due(self, step, now=None, limit=None):
        now = now or fields.Datetime.now()
        query = self._escalation_query(step, now, limit=limit)
        return self.browse(row[0] for row in self.env.execute_query(query.select()))

    @api.model
    def _escalation_count(self, step, now):
        query = self._escalation_query(step, now, order=False)
        return self.env.execute_query(query.select(SQL("COUNT(*)")))[0][0]

    @api.model
    def _cron_run_escalations(self, batch_size=None):
        """Run every due step of this model, at most ``batch_size`` records per run.

        Idempotent: a step is done once per record and due date. Tells the scheduler how
        many records remain, so that it runs again at once while work is left.
        Returns the records handled in this run.
        """
        batch_size = batch_size or self._escalation_batch_size
        now = fields.Datetime.now()
        steps = self._escalation_steps()
        handled = self.browse()
        done = 0
        for step in steps:
            room = batch_size - done
            if room <= 0:
                break
            records = self._escalation_due(step, now, limit=room)
            if records:
                records._escalation_run_step(step)
                done += len(records)
                handled |= records
        remaining = sum(self._escalation_count(step, now) for step in steps) if done >= batch_size else 0
        self.env["ir.cron"]._notify_progress(done=done, remaining=remaining)
        return handled

    def _escalation_run_step(self, step):
        """Do ``step`` for the records of ``self`` (due), then mark it done for their due dates."""
        persons = {}
        if step.role:
            persons = self.company_id._school_persons(step.role)
        if step.recipients:
            recipients = getattr(self, step.recipients)(persons)
        else:
            recipients = {record: persons.get(record.company_id, self.env["res.users"]) for record in self}
        for record in self:
            users = recipients.get(record) or self.env["res.users"]
            action = getattr(record._in_lang_of(users[:1]), step.action)
            action(users)
        self._escalation_mark_done(step)

    def _escalation_mark_done(self, step):
        field = self._fields[step.due_field]
        rows = []
        for record in self:
            due = record[step.due_field]
            if field.type == "date":
                due = datetime.combine(due, time.min)
            rows.append(SQL("(%s, %s, %s, %s, %s)", self._name, record.id, step.key, due, fields.Datetime.now()))
        if not rows:
            return
        self.env["school.escalation.done"].flush_model()
        self.env.execute_query(SQL(
            "INSERT INTO school_escalation_done (res_model, res_id, step, due, date_done) VALUES %s "
            "ON CONFLICT (res_model, res_id, step) DO UPDATE SET due = EXCLUDED.due, date_done = EXCLUDED.date_done",
            SQL(", ").join(rows),
        ))
        self.env["school.escalation.done"].invalidate_model()

    def _escalation_is_done(self, key):
        """Whether step ``key`` is done for the current due date of this record."""
        self.ensure_one()
        step = next(step for step in self._escalation_steps() if step.key == key)
        due = self[step.due_field]
        if not due:
            return False
        if isinstance(due, date) and not isinstance(due, datetime):
            due = datetime.combine(due, time.min)
        return bool(self.env["school.escalation.done"].sudo().search_count([
            ("res_model", "=", self._name), ("res_id", "=", self.id), ("step", "=", key), ("due", "=", due),
        ]))

    @api.model
    def _escalation_computed_due_fields(self):
        """The steps' due dates the system computes (no inverse): a user cannot set them, so
        cannot silence a reminder by moving its date."""
        names = set()
        for step in self._escalation_steps():
            field = self._fields[step.due_field]
            if field.compute and field.readonly and not field.inverse:
                names.add(step.due_field)
        return names

    def _escalation_check_due_vals(self, vals):
        if self.env.su:
            return
        forced = self._escalation_computed_due_fields() & set(vals)
        if forced:
            raise UserError(_(
                "%(fields)s is computed for the reminders and cannot be set by hand.",
                fields=", ".join(self._fields[name]._description_string(self.env) for name in sorted(forced)),
            ))

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._escalation_check_due_vals(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._escalation_check_due_vals(vals)
        return super().write(vals)

    def unlink(self):
        ids = self.ids
        result = super().unlink()
        if ids:
            self.env["school.escalation.done"].sudo().search(
                [("res_model", "=", self._name), ("res_id", "in", ids)]
            ).unlink()
        return result

    # ------------------------------------------------------------------
    # Helpers for the steps' actions: the recipient's language, the school's time
    # ------------------------------------------------------------------
    # _in_lang_of(user), _school_format_datetime(value), _school_format_date(value):
    # on every model (school_base/models/base.py)
