from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .test_emergency_plan import EmergencyPlanCommon


@tagged("post_install", "-at_install")
class TestLargeEvent(EmergencyPlanCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.field = cls.env["school.place"].create(
            {"name": "田径场", "level": "area", "kind": "playground", "parent_id": cls.campus.id,
             "company_id": cls.school.id}
        )

    def _new_event(self, user=None, **vals):
        return self.env["school.safety.event"].with_user(user or self.staff).create(
            {
                "name": "秋季田径运动会",
                "event_type": "sports_day",
                "date_start": "2030-10-20 00:30:00",  # 08:30 in Changzhou
                "date_end": "2030-10-20 08:00:00",
                "place_id": self.field.id,
                "expected_count": 900,
                **vals,
            }
        )

    def _activities(self, record, xmlid):
        return record.activity_ids.filtered(lambda a: a.activity_type_id == self.env.ref(xmlid))

    def test_approval_gate(self):
        """An event goes draft → submitted → approved → held; it is submitted only with a plan, approved
        only once its plan is approved, and held only when approved."""
        with freeze_time("2030-09-01 02:00:00"):
            plan = self._new_plan(name="大型活动安全应急预案", plan_type="large_event")
            event = self._new_event()
            self.assertEqual(event.term_id, self.term)
            self.assertEqual(event.organizer_user_id, self.staff)
            with self._raises(UserError, "no emergency plan"):
                event.action_submit()
            event.plan_id = plan
            event.action_submit()
            self.assertEqual(event.state, "submitted")
            approval = self._activities(event, "school_safety.mail_activity_type_event_approval")
            self.assertEqual(approval.user_id, self.principal, "no approver chosen: the principal")
            with self._raises(UserError, "Only a safety manager"):
                event.action_approve()
            with self._raises(UserError, "not approved"):
                event.with_user(self.safety).action_approve()
            with self._raises(UserError, "was not approved"):
                event.with_user(self.safety).action_hold()
            plan.with_user(self.principal).action_approve()
            event.with_user(self.safety).action_approve()
            self.assertRecordValues(event, [{"state": "approved", "approved_user_id": self.safety.id}])
            self.assertFalse(self._activities(event, "school_safety.mail_activity_type_event_approval"))
            with self._raises(UserError, "approved"):
                event.write({"date_start": "2030-10-21 00:30:00", "date_end": "2030-10-21 08:00:00"})
            with self._raises(UserError, "not started yet"):
                event.action_hold()
        with freeze_time("2030-10-20 03:00:00"):
            self.assertFalse(event.is_blocked)
            event.action_hold()
            self.assertEqual(event.state, "held")

    def test_held_needs_plan_approved_before_event(self):
        """An event whose date came while not approved is blocked: it cannot be held nor approved, and a
        plan approved after the event started does not count."""
        with freeze_time("2030-09-01 02:00:00"):
            plan = self._new_plan(name="大型活动安全应急预案", plan_type="large_event")
            event = self._new_event(date_start="2030-09-05 00:30:00", date_end=False, plan_id=plan.id)
            self.assertFalse(event.is_blocked)
            event.action_submit()
        with freeze_time("2030-09-10 02:00:00"):
            event.invalidate_recordset(["is_blocked"])
            self.assertTrue(event.is_blocked)
            Event = self.env["school.safety.event"]
            self.assertEqual(Event.search([("is_blocked", "=", True), ("company_id", "=", self.school.id)]), event)
            self.assertNotIn(event, Event.search([("is_blocked", "=", False)]))
            with self._raises(UserError, "was not approved"):
                event.with_user(self.safety).action_hold()
            plan.with_user(self.principal).action_approve()
            with self._raises(UserError, "already started"):
                event.with_user(self.safety).action_approve()
            with self._raises(UserError, "not before the event"):
                event._check_plan_approved()
            self.assertEqual(event.state, "submitted")
            event.action_cancel()
            event.invalidate_recordset(["is_blocked"])
            self.assertFalse(event.is_blocked)

    def test_direct_state_change_refused(self):
        """The status changes only through the buttons, for everyone but the superuser."""
        event = self._new_event()
        with self._raises(UserError, "own buttons"):
            event.with_user(self.staff).write({"state": "approved"})
        with self._raises(UserError, "own buttons"):
            event.with_user(self.safety).write({"state": "held"})

    def test_reset_and_cancel(self):
        with freeze_time("2030-09-01 02:00:00"):
            plan = self._new_plan(plan_type="large_event")
            plan.with_user(self.principal).action_approve()
            event = self._new_event(plan_id=plan.id)
            event.action_submit()
            event.with_user(self.safety).action_approve()
            event.action_reset_draft()
            self.assertRecordValues(event, [{"state": "draft", "approved_user_id": False, "date_approved": False}])
            event.write({"date_start": "2030-10-21 00:30:00", "date_end": "2030-10-21 08:00:00"})
            event.action_cancel()
            self.assertEqual(event.state, "cancel")
            with self.assertRaises(UserError):
                event.action_hold()

    def test_write_event_plan(self):
        """The organiser writes a plan for the event, starting from the school's approved large event plan."""
        with freeze_time("2030-09-01 02:00:00"):
            general = self._new_plan(name="大型活动安全应急预案", plan_type="large_event",
                                     content="<p>分区负责，专人疏导。</p>")
            general.with_user(self.principal).action_approve()
            event = self._new_event()
            event.action_create_plan()
            plan = event.plan_id
            self.assertRecordValues(plan, [{"plan_type": "large_event", "event_id": event.id, "state": "draft",
                                            "version": 1, "responsible_user_id": self.staff.id}])
            self.assertIn("分区负责", plan.content)
            plan.with_user(self.staff).write({"content": "<p>运动会：检录处、看台分区负责。</p>"})
            event.action_submit()
            plan.with_user(self.safety).action_approve()
            self.assertEqual(general.state, "approved", "the event's own plan supersedes nothing")
            event.with_user(self.safety).action_approve()
            self.assertEqual(event.state, "approved")

    def test_cron_warns_approver_once(self):
        """Events starting within 7 days that are not approved warn their approver once; approved or
        later events do not."""
        with freeze_time("2030-10-10 02:00:00"):
            plan = self._new_plan(plan_type="large_event")
            plan.with_user(self.principal).action_approve()
            soon = self._new_event(name="文艺汇演", event_type="performance", approver_user_id=self.safety.id,
                                   date_start="2030-10-15 06:00:00", date_end=False)
            later = self._new_event(name="秋游", event_type="outing", date_start="2030-11-20 00:00:00",
                                    date_end=False)
            approved = self._new_event(name="期中考试", event_type="exam", plan_id=plan.id,
                                       date_start="2030-10-14 00:00:00", date_end=False)
            approved.action_submit()
            approved.with_user(self.safety).action_approve()
        with freeze_time("2030-10-12 02:00:00"):
            Event = self.env["school.safety.event"]
            self.assertEqual(Event._cron_run_escalations().filtered(lambda e: e.company_id == self.school), soon)
            warning = self._activities(soon, "school_safety.mail_activity_type_event_unapproved")
            self.assertEqual(warning.user_id, self.safety)
            self.assertFalse(self._activities(later, "school_safety.mail_activity_type_event_unapproved"))
            self.assertFalse(Event._cron_run_escalations().filtered(lambda e: e.company_id == self.school), "warned once only")
            self.assertEqual(len(self._activities(soon, "school_safety.mail_activity_type_event_unapproved")), 1)
            # the notice comes from the settings
            self.env["res.config.settings"].create({"safety_event_approval_notice_days": 40}).execute()
            self.assertEqual(Event._cron_run_escalations().filtered(lambda e: e.company_id == self.school), later)

    def test_access_per_role(self):
        """Staff read every event and change only the ones they organise; only safety managers approve."""
        event = self._new_event()
        event.with_user(self.head_teacher).read(["name", "state"])
        with self.assertRaises(AccessError):
            event.with_user(self.head_teacher).write({"expected_count": 10})
        with self.assertRaises(AccessError):
            event.with_user(self.staff).unlink()
        event.with_user(self.safety).write({"expected_count": 950})
        event.with_user(self.safety).unlink()

    def test_two_schools_apart(self):
        """A school does not see another school's events nor use its plans."""
        event = self._new_event()
        Event = self.env["school.safety.event"]
        self.assertNotIn(event, self._other(Event).search([]))
        with self.assertRaises(AccessError):
            self._other(event).read(["name"])
        other_plan = self._new_plan(user=self.other_safety, plan_type="large_event")
        with self.assertRaises(UserError):
            Event.create({"name": "跨校活动", "date_start": "2030-10-20 00:30:00", "plan_id": other_plan.id,
                          "company_id": self.school.id})
