from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from .school_workflow_mixin import workflow_action


class SchoolTermPlan(models.Model):
    _name = "school.term.plan"
    _description = "Term Work Plan"
    _inherit = ["mail.thread", "mail.activity.mixin", "school.workflow.mixin"]
    _order = "date_start desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True, help="e.g. 2024–2025 学年第一学期后勤工作计划")
    term_id = fields.Many2one(
        "school.term", required=True, index=True, check_company=True, tracking=True,
        default=lambda self: self.env["school.term"]._get_current(),
    )
    date_start = fields.Date(related="term_id.date_start", store=True)
    responsible_user_id = fields.Many2one(
        "res.users", string="Responsible", default=lambda self: self.env.user, tracking=True
    )
    state = fields.Selection(
        [("draft", "Draft"), ("running", "In Progress"), ("done", "Closed")],
        default="draft", required=True, tracking=True, copy=False,
    )
    task_ids = fields.One2many("school.term.plan.task", "plan_id", string="Tasks", copy=True)
    task_count = fields.Integer(compute="_compute_task_stats")
    late_count = fields.Integer(string="Late Tasks", compute="_compute_task_stats")
    progress = fields.Float(compute="_compute_task_stats", help="Share of tasks done (%).")
    guidance = fields.Html(string="Guiding Principles")
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    @api.depends("task_ids.state", "task_ids.is_late")
    def _compute_task_stats(self):
        for plan in self:
            tasks = plan.task_ids.filtered(lambda task: task.state != "cancel")
            done = tasks.filtered(lambda task: task.state == "done")
            plan.task_count = len(tasks)
            plan.late_count = len(tasks.filtered("is_late"))
            plan.progress = 100.0 * len(done) / len(tasks) if tasks else 0.0

    @workflow_action
    def action_start(self):
        for plan in self:
            if plan.state != "draft":
                raise UserError(_("Only a draft plan can be started."))
            if not plan.task_ids:
                raise UserError(_("Add the plan's tasks before starting it."))
        self.write({"state": "running"})
        self.task_ids._schedule_reminders()
        return True

    @workflow_action
    def action_close(self):
        self.write({"state": "done"})
        self.task_ids.activity_unlink(["school_base.mail_activity_type_term_plan_task"])
        return True

    @workflow_action
    def action_reset_draft(self):
        self.write({"state": "draft"})
        self.task_ids.activity_unlink(["school_base.mail_activity_type_term_plan_task"])
        return True

    def _copy_to_term(self, term):
        """Copy the plan to ``term``: the same tasks, deadlines moved by whole months."""
        self.ensure_one()
        if term == self.term_id:
            raise UserError(_("Choose another term than the plan's own."))
        months = (term.date_start.year - self.term_id.date_start.year) * 12 + (
            term.date_start.month - self.term_id.date_start.month
        )
        new_plan = self.copy(
            {
                "name": _("%(plan)s (copy for %(term)s)", plan=self.name, term=term.name),
                "term_id": term.id,
                "task_ids": [
                    (0, 0, task._prepare_copy_vals(relativedelta(months=months)))
                    for task in self.task_ids.filtered(lambda t: t.state != "cancel")
                ],
            }
        )
        return new_plan

    def action_open_copy_wizard(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Copy Plan To Another Term"),
            "res_model": "school.term.plan.copy",
            "view_mode": "form",
            "target": "new",
            "context": {"default_plan_id": self.id},
        }


class SchoolTermPlanTask(models.Model):
    _name = "school.term.plan.task"
    _description = "Term Plan Task"
    _inherit = ["mail.thread", "mail.activity.mixin", "school.workflow.mixin"]
    _workflow_fields = ("date_done",)
    _order = "date_deadline, sequence, id"
    _check_company_auto = True

    plan_id = fields.Many2one(
        "school.term.plan", required=True, index=True, ondelete="cascade", check_company=True
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Task", required=True, tracking=True)
    description = fields.Text()
    responsible_user_id = fields.Many2one(
        "res.users", string="Responsible", index="btree_not_null", tracking=True,
        domain="[('share', '=', False)]",
    )
    date_deadline = fields.Date(string="Deadline", required=True, index=True, tracking=True)
    month = fields.Char(compute="_compute_month", store=True, index=True, help="YYYY-MM")
    state = fields.Selection(
        [("todo", "To Do"), ("done", "Done"), ("cancel", "Cancelled")],
        default="todo", required=True, tracking=True, copy=False,
    )
    date_done = fields.Date(string="Done On", readonly=True, copy=False)
    is_late = fields.Boolean(
        string="Late", compute="_compute_is_late", search="_search_is_late",
        help="Not done and past its deadline, or done after it.",
    )
    company_id = fields.Many2one(related="plan_id.company_id", store=True, index=True)

    @api.depends("date_deadline")
    def _compute_month(self):
        for task in self:
            task.month = task.date_deadline and task.date_deadline.strftime("%Y-%m")

    @api.depends("state", "date_deadline", "date_done")
    def _compute_is_late(self):
        today = fields.Date.context_today(self)
        for task in self:
            if task.state == "done":
                task.is_late = bool(task.date_done and task.date_done > task.date_deadline)
            else:
                task.is_late = task.state == "todo" and task.date_deadline < today

    def _search_is_late(self, operator, value):
        if operator not in ("=", "!="):
            raise UserError(_("Unsupported search on late tasks."))
        today = fields.Date.context_today(self)
        domain = [("state", "=", "todo"), ("date_deadline", "<", today)]
        return domain if (operator == "=") == bool(value) else ["!", "&", *domain]

    @api.model_create_multi
    def create(self, vals_list):
        tasks = super().create(vals_list)
        tasks.filtered(lambda t: t.plan_id.state == "running")._schedule_reminders()
        return tasks

    def write(self, vals):
        res = super().write(vals)
        if {"responsible_user_id", "date_deadline", "name"} & set(vals):
            running = self.filtered(lambda t: t.plan_id.state == "running" and t.state == "todo")
            running.activity_unlink(["school_base.mail_activity_type_term_plan_task"])
            running._schedule_reminders()
        return res

    def _prepare_copy_vals(self, delta):
        self.ensure_one()
        return {
            "sequence": self.sequence,
            "name": self.name,
            "description": self.description,
            "responsible_user_id": self.responsible_user_id.id,
            "date_deadline": self.date_deadline + delta,
        }

    def _schedule_reminders(self):
        """Remind each responsible person with an activity due on the task's deadline."""
        for task in self.filtered(lambda t: t.state == "todo" and t.responsible_user_id):
            task.activity_schedule(
                "school_base.mail_activity_type_term_plan_task",
                date_deadline=task.date_deadline,
                summary=task.name,
                user_id=task.responsible_user_id.id,
            )

    @workflow_action
    def action_done(self):
        self.write({"state": "done", "date_done": fields.Date.context_today(self)})
        self.activity_feedback(
            ["school_base.mail_activity_type_term_plan_task"], feedback=_("Task done.")
        )
        return True

    @workflow_action
    def action_cancel(self):
        self.write({"state": "cancel"})
        self.activity_unlink(["school_base.mail_activity_type_term_plan_task"])
        return True

    @workflow_action
    def action_reset(self):
        self.write({"state": "todo", "date_done": False})
        self.filtered(lambda t: t.plan_id.state == "running")._schedule_reminders()
        return True
