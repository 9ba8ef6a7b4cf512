from odoo import api, fields, models

# Monthly reminders of campus life: no new cron, they ride on the daily plan-review reminder.
CAMPUS_REMINDER_MODELS = ("school.safety.brigade", "school.safety.bus.meeting")


class SchoolSafetyPlan(models.Model):
    _inherit = "school.safety.plan"

    @api.model
    def _cron_run_escalations(self, batch_size=None):
        """The daily reminder cron also runs the brigade's training reminder and the school bus
        meeting reminder; the progress it reports counts all of them."""
        handled = super()._cron_run_escalations(batch_size=batch_size)
        done, remaining = len(handled), 0
        now = fields.Datetime.now()
        for model in (self, *(self.env[name] for name in CAMPUS_REMINDER_MODELS)):
            if model is not self:
                done += len(model.with_context(ir_cron_progress_id=False)._cron_run_escalations(batch_size))
            remaining += sum(model._escalation_count(step, now) for step in model._escalation_steps())
        self.env["ir.cron"]._notify_progress(done=done, remaining=remaining)
        return handled
