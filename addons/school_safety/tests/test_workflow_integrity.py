"""Side doors of the safety workflows, tried as the lowest role that may write each record.

Every rule below is tried the way the API (JSON-RPC, the mobile app, an import) reaches it:
plain ``create``/``write``/``unlink``, ``default_*`` context keys, old permission context keys,
attachments of binary fields and the chatter. Each refusal also checks that nothing changed.
"""

from datetime import datetime, timedelta
from unittest.mock import patch

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .test_agreement import SIGNATURE, AgreementCommon
from .test_emergency_plan import EmergencyPlanCommon

REFUSED = (AccessError, UserError, ValidationError)

# (fixture, field, value written, who writes): each write is refused and leaves the record unchanged.
# ``who`` is the lowest role allowed to write the record at all; values naming users are attributes.
WORKFLOW_FIELD_TABLE = [
    ("hazard", "state", "closed", "staff"),
    ("hazard", "recheck_user_id", "principal", "staff"),
    ("hazard", "rectified_user_id", "guard", "staff"),
    ("hazard", "date_deadline", "2031-12-31 00:00:00", "staff"),
    ("hazard", "date_reported", "2031-12-01 00:00:00", "staff"),
    ("hazard", "reporter_user_id", "guard", "staff"),
    ("hazard", "escalation_level", "2", "staff"),
    ("hazard", "date_escalated", "2030-01-01 00:00:00", "staff"),
    ("held_drill", "state", "planned", "safety"),
    ("held_drill", "state", "cancel", "safety"),
    ("drill_problem", "hazard_id", "hazard", "safety"),
    ("held_meeting", "state", "planned", "head_teacher"),
    ("held_meeting", "attendee_count", 80, "head_teacher"),
    ("plan", "state", "approved", "staff"),
    ("plan", "approved_user_id", "principal", "staff"),
    ("plan", "date_approved", "2030-09-01 00:00:00", "staff"),
    ("plan", "date_review", "2040-01-01", "staff"),
    ("plan", "version", 7, "staff"),
    ("approved_plan", "content", "<p>改过的预案</p>", "safety"),
    ("approved_plan", "superseded_by_id", "plan", "safety"),
    ("event", "state", "approved", "staff"),
    ("event", "approved_user_id", "principal", "staff"),
    ("event", "date_approved", "2030-09-01 00:00:00", "staff"),
    ("agreement", "employee_id", "emp_guard", "safety"),
    ("agreement", "state", "signed", "safety"),
    ("agreement", "signed_by", "吴晓燕", "safety"),
    ("agreement", "signed_on", "2030-09-01 00:00:00", "safety"),
    ("agreement", "body", "<p>改过的责任状</p>", "safety"),
    ("campaign", "state", "done", "safety"),
]


@tagged("post_install", "-at_install")
class TestWorkflowIntegrity(AgreementCommon, EmergencyPlanCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Hazard = cls.env["school.safety.hazard"]
        cls.hazard = cls._new_hazard()
        # a drill that was held, with one problem found
        cls.held_drill = cls._new_drill(staff_count=20, evacuation_duration=2.5)
        cls.held_drill.action_hold()
        cls.drill_problem = cls.env["school.safety.drill.problem"].with_user(cls.safety).create(
            {"drill_id": cls.held_drill.id, "description": "二楼楼梯口拥堵"}
        )
        cls.held_meeting = cls._new_meeting(attendee_count=40)
        cls.held_meeting.with_user(cls.head_teacher).action_hold()
        cls.plan = cls._new_plan(user=cls.staff, name="春游应急预案", plan_type="large_event")
        cls.approved_plan = cls._new_plan(name="消防安全应急预案")
        cls.approved_plan.with_user(cls.principal).action_approve()
        cls.event = cls._new_event()
        cls.campaign = cls._issued(cls)
        cls.agreement = cls._agreement(cls, cls.campaign, cls.emp_staff)

    @classmethod
    def _new_hazard(cls, user=None, **vals):
        return cls.env["school.safety.hazard"].with_user(user or cls.staff).create(
            {"description": "操场围栏松动", "place_id": cls.playground.id, "category": "building", **vals}
        )

    @classmethod
    def _new_meeting(cls, **vals):
        return cls.env["school.safety.education"].with_user(cls.head_teacher).create(
            {"name": "防溺水安全教育主题班会", "education_type": "class_meeting", "topic": "drowning",
             "date": "2030-09-15", "class_id": cls.class_1.id, **vals}
        )

    @classmethod
    def _new_event(cls, user=None, **vals):
        return cls.env["school.safety.event"].with_user(user or cls.staff).create(
            {"name": "秋季田径运动会", "event_type": "sports_day", "date_start": "2030-10-20 00:30:00",
             "date_end": "2030-10-20 08:00:00", "place_id": cls.playground.id, "expected_count": 900, **vals}
        )

    def _value(self, value):
        if isinstance(value, str) and hasattr(self, value):
            return getattr(self, value).id
        return value

    def _snapshot(self, record):
        record.invalidate_recordset()
        fnames = [name for name, field in record._fields.items()
                  if field.store and field.type not in ("binary", "one2many", "many2many")
                  and not name.startswith(("message_", "activity_", "write_"))]
        return record.sudo().read(fnames)[0]

    def _assert_refused(self, record, call):
        before = self._snapshot(record)
        with self.assertRaises(Exception) as catcher:  # rolled back to a savepoint
            call()
        self.assertIsInstance(catcher.exception, REFUSED)
        self.assertEqual(self._snapshot(record), before, "nothing changed")

    # ------------------------------------------------------------------
    # The table: workflow fields written directly
    # ------------------------------------------------------------------
    def test_workflow_fields_written_directly(self):
        """Workflow fields, approvers, signers, step dates and markers change only through actions."""
        for fixture, fname, value, who in WORKFLOW_FIELD_TABLE:
            with self.subTest(record=fixture, field=fname, user=who):
                record = getattr(self, fixture).with_user(getattr(self, who))
                self._assert_refused(record, lambda r=record, f=fname, v=value: r.write({f: self._value(v)}))

    def test_workflow_fields_declared(self):
        """Every model of this table declares the fields the table tries."""
        for fixture, fname, _value, _who in WORKFLOW_FIELD_TABLE:
            record = getattr(self, fixture)
            if fname in ("attendee_count", "content"):
                continue  # frozen by the lock, not a workflow field
            self.assertIn(fname, record._get_workflow_fields(), f"{record._name}.{fname}")

    def test_create_in_final_state_refused(self):
        """Nobody creates a record directly in a later step, nor through a ``default_*`` key."""
        cases = [
            (self.staff, "school.safety.hazard",
             {"description": "x", "place_id": self.playground.id, "state": "closed",
              "recheck_user_id": self.principal.id}),
            (self.staff, "school.safety.hazard",
             {"description": "x", "place_id": self.playground.id, "reporter_user_id": self.guard.id}),
            (self.staff, "school.safety.hazard",
             {"description": "x", "place_id": self.playground.id, "date_deadline": "2031-12-31 00:00:00"}),
            (self.safety, "school.safety.drill",
             {"name": "演练", "date_planned": "2030-09-20", "state": "held", "staff_count": 5}),
            (self.head_teacher, "school.safety.education",
             {"name": "班会", "education_type": "class_meeting", "date": "2030-09-15",
              "class_id": self.class_1.id, "state": "held", "attendee_count": 40}),
            (self.staff, "school.safety.plan",
             {"name": "预案", "plan_type": "fire", "content": "<p>x</p>", "state": "approved",
              "approved_user_id": self.principal.id, "date_approved": "2030-09-01 00:00:00"}),
            (self.staff, "school.safety.event",
             {"name": "活动", "date_start": "2030-10-20 00:30:00", "state": "approved",
              "approver_user_id": self.principal.id, "approved_user_id": self.principal.id}),
            (self.safety, "school.safety.agreement",
             {"campaign_id": self.campaign.id, "template_id": self.tpl_guard.id, "employee_id": self.emp_head.id,
              "state": "signed", "signed_by": "陈丽"}),
        ]
        for user, model, vals in cases:
            with self.subTest(model=model, vals=vals):
                Model = self.env[model].with_user(user)
                count = Model.sudo().search_count([])
                with self.assertRaises(Exception) as catcher:
                    Model.create(vals)
                self.assertIsInstance(catcher.exception, REFUSED)
                self.assertEqual(Model.sudo().search_count([]), count, "nothing created")
        defaults = [
            (self.staff, "school.safety.hazard", {"description": "x", "place_id": self.playground.id},
             {"default_state": "closed", "default_escalation_level": "2"}, {"state": "reported", "escalation_level": "0"}),
            (self.safety, "school.safety.drill", {"name": "演练", "date_planned": "2030-09-20"},
             {"default_state": "evaluated"}, {"state": "planned"}),
            (self.staff, "school.safety.plan", {"name": "预案", "plan_type": "fire"},
             {"default_state": "approved", "default_approved_user_id": self.principal.id},
             {"state": "draft", "approved_user_id": False}),
            (self.staff, "school.safety.event", {"name": "活动", "date_start": "2030-10-20 00:30:00"},
             {"default_state": "approved"}, {"state": "draft"}),
        ]
        for user, model, vals, context, expected in defaults:
            with self.subTest(model=model, context=context):
                record = self.env[model].with_user(user).with_context(**context).create(vals)
                self.assertRecordValues(record, [expected])

    def test_context_keys_are_no_permission(self):
        """The old permission keys of plans and events open nothing."""
        plan = self.plan.with_user(self.staff).with_context(school_safety_plan_step=True)
        self._assert_refused(plan, lambda: plan.write({"state": "approved", "approved_user_id": self.principal.id}))
        approved = self.approved_plan.with_user(self.safety).with_context(school_safety_plan_step=True)
        self._assert_refused(approved, lambda: approved.write({"content": "<p>改</p>"}))
        event = self.event.with_user(self.staff).with_context(school_safety_event_step=True)
        self._assert_refused(event, lambda: event.write({"state": "approved"}))

    # ------------------------------------------------------------------
    # Hazards
    # ------------------------------------------------------------------
    def test_hazard_reporter_cannot_escape(self):
        """The reporter neither closes the hazard with someone else as re-checker, nor pushes its
        deadline or lowers its severity to escape escalation; the safety manager moves the deadline."""
        hazard = self.hazard.with_user(self.staff)
        self._assert_refused(hazard, lambda: hazard.write(
            {"state": "closed", "recheck_user_id": self.principal.id, "date_rechecked": "2030-01-01 00:00:00"}
        ))
        self._assert_refused(hazard, lambda: hazard.write({"date_deadline": "2031-12-31 00:00:00"}))
        minor = self.env["school.safety.hazard.severity"].create(
            {"name": "轻微", "deadline_hours": 24 * 365, "principal_delay_hours": 24}
        )
        self._assert_refused(hazard, lambda: hazard.write({"severity_id": minor.id}))
        # honest path: the safety manager reschedules an open hazard
        self.hazard.with_user(self.safety).write({"date_deadline": datetime(2031, 1, 1)})
        self.assertEqual(self.hazard.date_deadline, datetime(2031, 1, 1))
        self.assertEqual(
            self.hazard.date_escalate_principal,
            datetime(2031, 1, 1) + timedelta(hours=self.hazard.severity_id.principal_delay_hours),
        )
        # once the safety manager assigned it, the reporter does not hand it to someone else
        self.hazard.with_user(self.safety).write({"assigned_user_id": self.guard.id})
        self.hazard.with_user(self.safety).action_assign()
        self._assert_refused(hazard, lambda: hazard.write({"assigned_user_id": self.staff.id}))

    def test_hazard_recheck_by_someone_else(self):
        """Whoever fixed the hazard cannot re-check it, even as safety manager."""
        hazard = self._new_hazard(user=self.safety, assigned_user_id=self.safety.id)
        hazard.with_user(self.safety).write({"rectification_note": "已加固", "photo_after": SIGNATURE})
        hazard.with_user(self.safety).action_submit_recheck()
        note = hazard.with_user(self.safety).message_post(body="已加固，请复查", message_type="comment")
        self._assert_refused(hazard, lambda: hazard.with_user(self.safety).action_recheck_pass())
        hazard.with_user(self.manager).with_context(tracking_disable=False, mail_notrack=False).action_recheck_pass()
        self.assertRecordValues(hazard, [{"state": "closed", "recheck_user_id": self.manager.id}])
        self.env.flush_all()
        self.env.cr.precommit.run()  # tracking values are written at commit
        closing = self.env["mail.message"].search(
            [("model", "=", hazard._name), ("res_id", "=", hazard.id)]
        ).filtered(lambda m: m.sudo().tracking_value_ids)
        self.assertTrue(closing, "the closing is tracked")
        for user in (self.safety, self.manager):
            with self.assertRaises(AccessError):
                closing.with_user(user).unlink()
            with self.assertRaises(AccessError):
                closing.with_user(user).write({"body": "改写"})
        self.assertTrue(closing.exists())
        # the chatter of the closed hazard stays as it was, even the fixer's own comment
        with self.assertRaises(Exception) as catcher:
            note.with_user(self.safety).write({"body": "其实没修"})
        self.assertIsInstance(catcher.exception, REFUSED)
        with self.assertRaises(Exception) as catcher:
            note.with_user(self.safety).unlink()
        self.assertIsInstance(catcher.exception, REFUSED)
        self.assertIn("已加固", note.body)

    def test_copy_starts_over(self):
        """A copy starts at the first step, and a copy cannot be asked for in a later one."""
        plan = self.approved_plan.with_user(self.safety)
        copy = plan.copy()
        self.assertRecordValues(copy, [{"state": "draft", "approved_user_id": False, "date_approved": False,
                                        "version": plan.version + 1}])
        with self.assertRaises(UserError):
            plan.copy({"state": "approved"})
        drill = self.held_drill.with_user(self.safety)
        self.assertEqual(drill.copy().state, "planned")
        with self.assertRaises(UserError):
            drill.copy({"state": "held"})

    def test_hazard_photo_attachment_side_door(self):
        """The photos of a hazard are not swapped through ir.attachment."""
        hazard = self._new_hazard(photo=SIGNATURE)
        Attachment = self.env["ir.attachment"]
        with self.assertRaises(AccessError):
            Attachment.with_user(self.staff).create({
                "name": "photo_after", "res_model": hazard._name, "res_id": hazard.id,
                "res_field": "photo_after", "datas": SIGNATURE,
            })
        photo = Attachment.sudo().search(
            [("res_model", "=", hazard._name), ("res_id", "=", hazard.id), ("res_field", "=", "photo")]
        )
        self.assertTrue(photo)
        checksum = photo.checksum
        with self.assertRaises(AccessError):
            photo.with_user(self.staff).write({"datas": SIGNATURE.replace(b"A", b"B", 1)})
        with self.assertRaises(AccessError):
            photo.with_user(self.staff).unlink()
        self.assertEqual(photo.checksum, checksum)

    def test_repair_request_finished_only_by_its_worker(self):
        """Any employee may edit repair requests, but only the technician, the team or a maintenance
        manager finishes one that fixes a hazard (and sends it to re-check)."""
        team = self.env["maintenance.team"].create({"name": "后勤维修组", "company_id": self.school.id})
        technician = self.guard
        team.member_ids = technician
        hazard = self._new_hazard(assigned_user_id=technician.id)
        request = self.env["maintenance.request"].browse(
            hazard.with_user(self.safety).action_create_repair()["res_id"]
        )
        request.user_id = technician
        done = self.env["maintenance.stage"].search([("done", "=", True)], limit=1)
        self._assert_refused(hazard, lambda: request.with_user(self.staff).write({"stage_id": done.id}))
        self.assertNotEqual(request.stage_id, done)
        request.with_user(technician).write({"stage_id": done.id})
        self.assertRecordValues(hazard, [{"state": "recheck", "rectified_user_id": technician.id}])
        with self.assertRaises(UserError):
            hazard.with_user(self.staff).write({"maintenance_request_id": False})

    def test_escalation_more_hazards_than_one_batch(self):
        """Issue 12: with more hazards than one batch, every overdue hazard reaches the director and,
        after the severity's delay, the principal, oldest first; each step happens once.

        The old cron took the newest hazards of level 1 and filtered the principal's delay in
        Python: once more hazards than a batch sat at level 1, the older ones never reached the
        principal."""
        Hazard = self.Hazard
        # leave the hazards of other tests and of the demo out of the count: no step left for them
        Hazard.search([("escalation_level", "!=", "2")]).write({"escalation_level": "2"})
        severity = self.env["school.safety.hazard.severity"].create(
            {"name": "测试隐患", "deadline_hours": 24, "principal_delay_hours": 24}
        )
        with freeze_time("2026-11-01 00:00:00"):
            old = self._new_hazard(severity_id=severity.id) | self._new_hazard(severity_id=severity.id)
        with freeze_time("2026-11-02 12:00:00"):
            new = Hazard
            for _i in range(4):
                new |= self._new_hazard(severity_id=severity.id)
        self.assertEqual(old.mapped("date_escalate_principal"), [datetime(2026, 11, 3)] * 2)
        progress = []
        escalation = self.env.ref("school_safety.mail_activity_type_hazard_escalation")
        with freeze_time("2026-11-03 13:00:00"), patch.object(
            self.registry["ir.cron"], "_notify_progress",
            lambda self, done, remaining, deactivate=False: progress.append((done, remaining)),
        ):
            runs = []
            for _i in range(6):
                runs.append(Hazard._cron_run_escalations(batch_size=3))
            self.assertTrue(all(len(run) <= 3 for run in runs), "one batch at a time")
            self.assertEqual(old.mapped("escalation_level"), ["2", "2"], "the oldest reach the principal")
            self.assertEqual(new.mapped("escalation_level"), ["1"] * 4, "the principal waits for the newer ones")
            # directors first, oldest first; the scheduler is told what remains after each run
            self.assertEqual(progress[:4], [(3, 5), (3, 2), (2, 0), (0, 0)])
            self.assertFalse(runs[-1], "nothing is escalated twice")
            for hazard in old:
                activities = hazard.activity_ids.filtered(lambda a: a.activity_type_id == escalation)
                self.assertEqual(len(activities), 2, "director and principal, once each")
        with freeze_time("2026-11-04 13:00:00"):
            while Hazard._cron_run_escalations(batch_size=3):
                pass
            self.assertEqual(new.mapped("escalation_level"), ["2"] * 4)

    # ------------------------------------------------------------------
    # Drills and safety education
    # ------------------------------------------------------------------
    def test_held_drill_and_meeting_stay(self):
        """A held drill or class meeting neither goes back to planned nor is deleted."""
        for record, user in ((self.held_drill, self.safety), (self.held_meeting, self.head_teacher)):
            with self.subTest(model=record._name):
                record = record.with_user(user)
                self._assert_refused(record, lambda r=record: r.write({"state": "planned"}))
                self._assert_refused(record, record.action_reset_planned)
                self._assert_refused(record, record.action_cancel)
                self._assert_refused(record, record.unlink)
        # the meeting's summary and photos may still be added
        self.held_meeting.with_user(self.head_teacher).summary = "<p>讲解了防溺水“六不”。</p>"

    def test_evaluated_drill_locked_with_its_problems(self):
        """An evaluated drill is locked: its text, its problems and new or moved problems are refused."""
        drill = self.held_drill.with_user(self.safety)
        drill.write({"evaluation": "疏散有序", "rating": "good"})
        self.drill_problem.write({"place_id": self.playground.id})
        drill.action_evaluate()
        self.assertTrue(self.drill_problem.hazard_id, "its problem became a hazard")
        self._assert_refused(drill, lambda: drill.write({"evaluation": "改写"}))
        Problem = self.env["school.safety.drill.problem"].with_user(self.safety)
        with self.assertRaises(UserError):
            Problem.create({"drill_id": drill.id, "description": "补记问题"})
        other = self._new_drill(name="地震演练", drill_type="earthquake")
        stray = Problem.create({"drill_id": other.id, "description": "广播听不清"})
        self._assert_refused(stray, lambda: stray.write({"drill_id": drill.id}))
        problem = self.drill_problem.with_user(self.safety)
        self._assert_refused(problem, lambda: problem.write({"hazard_id": False}))

    # ------------------------------------------------------------------
    # Plans and events
    # ------------------------------------------------------------------
    def test_plan_approved_by_someone_else(self):
        """Whoever wrote or is responsible for a plan does not approve it."""
        plan = self._new_plan(name="防踩踏应急预案", plan_type="stampede").with_user(self.safety)
        self._assert_refused(plan, lambda: plan.action_approve())
        plan.with_user(self.principal).action_approve()
        self.assertRecordValues(plan, [{"state": "approved", "approved_user_id": self.principal.id}])

    def test_plan_document_attachment_side_door(self):
        """The document of an approved plan is not swapped through ir.attachment."""
        plan = self._new_plan(name="防汛应急预案", plan_type="natural_disaster", document=SIGNATURE,
                              document_name="防汛.png", content=False)
        plan.with_user(self.principal).action_approve()
        Attachment = self.env["ir.attachment"]
        document = Attachment.sudo().search(
            [("res_model", "=", plan._name), ("res_id", "=", plan.id), ("res_field", "=", "document")]
        )
        self.assertTrue(document)
        with self.assertRaises(AccessError):
            document.with_user(self.safety).write({"datas": SIGNATURE.replace(b"A", b"B", 1)})
        with self.assertRaises(AccessError):
            document.with_user(self.safety).unlink()
        with self.assertRaises(UserError):
            plan.with_user(self.safety).write({"document": False})
        self.assertTrue(document.exists())

    def test_event_approved_by_someone_else_and_held_locked(self):
        """A safety manager does not approve the event they organise; a held event is locked."""
        with freeze_time("2030-09-01 02:00:00"):
            general = self._new_plan(name="大型活动应急预案", plan_type="large_event")
            general.with_user(self.principal).action_approve()
            own = self._new_event(user=self.safety, plan_id=general.id).with_user(self.safety)
            own.action_submit()
            self._assert_refused(own, lambda: own.action_approve())
            event = self.event.with_user(self.staff)
            event.plan_id = general
            event.action_submit()
            self._assert_refused(event, lambda: event.write({"organizer_user_id": self.guard.id}))
            event.with_user(self.safety).action_approve()
            self._assert_refused(event, lambda: event.write({"plan_id": False}))
        with freeze_time("2030-10-20 03:00:00"):
            event.action_hold()
            self._assert_refused(event, lambda: event.write({"expected_count": 10}))
            self._assert_refused(event, lambda: event.action_reset_draft())
            self._assert_refused(event, lambda: event.with_user(self.safety).unlink())
        cancelled = self._new_event(name="秋游").with_user(self.staff)
        cancelled.action_cancel()
        self._assert_refused(cancelled, lambda: cancelled.with_user(self.safety).unlink())
        self._new_event(name="草稿活动").with_user(self.safety).unlink()

    # ------------------------------------------------------------------
    # Agreements
    # ------------------------------------------------------------------
    def test_agreement_reassigned_and_signed_by_manager(self):
        """A safety manager neither takes an issued agreement over nor signs for an employee with a login."""
        safety_employee = self.env["hr.employee"].create({"name": "安全主任", "user_id": self.safety.id})
        agreement = self.agreement.with_user(self.safety)
        self._assert_refused(agreement, lambda: agreement.write({"employee_id": safety_employee.id}))
        self._assert_refused(agreement, lambda: agreement.write({"signature": SIGNATURE}))
        self.agreement.with_user(self.staff).write({"signature": SIGNATURE})
        self._assert_refused(agreement, lambda: agreement.action_sign())
        # honest path: the employee signs on their own login, and the chatter says so
        self.agreement.with_user(self.staff).action_sign()
        self.assertRecordValues(self.agreement, [{"state": "signed", "signed_user_id": self.staff.id}])
        logged = self.agreement.message_ids.filtered(lambda m: "Signature" in (m.body or ""))
        self.assertTrue(logged)
        for user in (self.safety, self.staff):
            with self.assertRaises(AccessError):
                logged.with_user(user).unlink()
            with self.assertRaises(AccessError):
                logged.with_user(user).write({"body": "代签"})
        self.assertTrue(logged.exists())

    def test_agreement_signature_attachment_side_door(self):
        """The signature is not drawn, swapped or removed through ir.attachment."""
        Attachment = self.env["ir.attachment"]
        agreement = self._agreement(self.campaign, self.emp_guard)
        with self.assertRaises(AccessError):
            Attachment.with_user(self.safety).create({
                "name": "signature", "res_model": agreement._name, "res_id": agreement.id,
                "res_field": "signature", "datas": SIGNATURE,
            })
        agreement.with_user(self.guard).write({"signature": SIGNATURE})
        agreement.with_user(self.guard).action_sign()
        signature = Attachment.sudo().search(
            [("res_model", "=", agreement._name), ("res_id", "=", agreement.id), ("res_field", "=", "signature")]
        )
        self.assertTrue(signature)
        for user in (self.guard, self.safety):
            with self.assertRaises(AccessError):
                signature.with_user(user).write({"datas": SIGNATURE.replace(b"A", b"B", 1)})
            with self.assertRaises(AccessError):
                signature.with_user(user).unlink()
        self.assertTrue(signature.exists())

    def test_employee_without_login_signs_in_person(self):
        """An employee without a login signs in person on the safety manager's device, logged."""
        agreement = self._agreement(self.campaign, self.emp_guard_2).with_user(self.safety)
        agreement.write({"signature": SIGNATURE})
        with self.assertRaises(UserError):
            agreement.with_user(self.staff).action_sign()
        agreement.action_sign()
        self.assertEqual(agreement.state, "signed")
        self.assertTrue(agreement.message_ids.filtered(lambda m: "in person" in (m.body or "")))

    def test_closed_campaign_lines_locked(self):
        """A line cannot be moved into, nor added to, a closed campaign."""
        self.campaign.with_user(self.safety).action_close()
        draft = self._new_campaign([(self.tpl_head, self.emp_head)], name="补签")
        line = draft.line_ids.with_user(self.safety)
        self._assert_refused(line, lambda: line.write({"campaign_id": self.campaign.id}))
        with self.assertRaises(UserError):
            self.env["school.safety.agreement.campaign.line"].with_user(self.safety).create(
                {"campaign_id": self.campaign.id, "template_id": self.tpl_head.id}
            )
        self.campaign.with_user(self.safety).action_reopen()
        self.assertEqual(self.campaign.state, "issued")

    # ------------------------------------------------------------------
    # Safety equipment
    # ------------------------------------------------------------------
    def test_equipment_status_not_written_by_hand(self):
        """An overdue extinguisher is not shown as OK by writing its computed status or due date."""
        category = self.env["maintenance.equipment.category"].create(
            {"name": "灭火器", "company_id": self.school.id, "is_safety_equipment": True,
             "refill_interval_months": 12}
        )
        equipment = self.env["maintenance.equipment"].with_user(self.safety).create(
            {"name": "干粉灭火器 A-1", "category_id": category.id, "company_id": self.school.id,
             "refill_date": "2020-01-01"}
        )
        self.assertEqual(equipment.safety_alert, "overdue")
        for vals in ({"safety_alert": "ok"}, {"safety_due_date": "2099-01-01"}, {"is_safety_equipment": False}):
            with self.subTest(vals=vals):
                self._assert_refused(equipment, lambda v=vals: equipment.write(v))
        with self.assertRaises(UserError):
            self.env["maintenance.equipment"].with_user(self.safety).create(
                {"name": "干粉灭火器 A-2", "category_id": category.id, "company_id": self.school.id,
                 "safety_alert": "ok"}
            )
        # honest path: a refill moves the status
        equipment.write({"refill_date": fields.Date.today()})
        self.assertEqual(equipment.safety_alert, "ok")
