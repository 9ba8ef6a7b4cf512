from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .test_drill import SafetyDrillCommon


class EmergencyPlanCommon(SafetyDrillCommon):
    @classmethod
    def _new_plan(cls, user=None, **vals):
        return cls.env["school.safety.plan"].with_user(user or cls.safety).with_context(
            allowed_company_ids=(user or cls.safety).company_ids.ids
        ).create(
            {
                "name": "消防安全应急预案",
                "plan_type": "fire",
                "content": "<p>发现火情，立即报警，组织疏散。</p>",
                "responsible_user_id": (user or cls.safety).id,
                **vals,
            }
        )

    def _other(self, records):
        """``records`` as the other school's safety manager, working in the other school."""
        return records.with_user(self.other_safety).with_context(allowed_company_ids=self.other_school.ids)

    def _cron(self, Plan):
        """Run the review reminder; return the plans of the test school it reminded (demo data aside)."""
        return Plan._cron_run_escalations().filtered(lambda p: p.company_id == self.school)

    def _review_activities(self, plan):
        return plan.activity_ids.filtered(
            lambda a: a.activity_type_id == self.env.ref("school_safety.mail_activity_type_plan_review")
        )


@tagged("post_install", "-at_install")
class TestEmergencyPlan(EmergencyPlanCommon):
    @freeze_time("2030-09-01 02:00:00")
    def test_approve_sets_dates_and_supersedes_previous_version(self):
        """Approving a plan makes it effective today with a review a year later; approving the next
        version of the same type supersedes it, other types and event plans are left alone."""
        v1 = self._new_plan()
        food = self._new_plan(name="食物中毒应急预案", plan_type="food_poisoning")
        self.assertEqual((v1.version, food.version), (1, 1))
        v1.with_user(self.principal).action_approve()
        food.with_user(self.principal).action_approve()
        self.assertRecordValues(
            v1, [{"state": "approved", "approved_user_id": self.principal.id, "date_effective": date(2030, 9, 1),
                  "date_review": date(2031, 9, 1), "review_status": "ok"}]
        )
        v2 = self._new_plan(name="消防安全应急预案（修订）")
        self.assertEqual(v2.version, 2)
        event_plan = self._new_plan(name="运动会应急预案", plan_type="large_event")
        general_event = self._new_plan(name="大型活动应急预案", plan_type="large_event")
        self.assertEqual(general_event.version, 2, "numbered per type")
        v2.with_user(self.principal).action_approve()
        self.assertRecordValues(
            v1 | v2 | food, [
                {"state": "superseded", "superseded_by_id": v2.id},
                {"state": "approved", "superseded_by_id": False},
                {"state": "approved", "superseded_by_id": False},
            ]
        )
        self.assertEqual(event_plan.state, "draft")

    def test_event_plan_does_not_supersede_general_plan(self):
        """A plan written for one event is a separate line of versions from the general large event plan."""
        general = self._new_plan(name="大型活动应急预案", plan_type="large_event")
        general.with_user(self.principal).action_approve()
        event = self.env["school.safety.event"].with_user(self.safety).create(
            {"name": "秋季运动会", "event_type": "sports_day", "date_start": "2030-10-20 00:30:00"}
        )
        specific = self._new_plan(name="秋季运动会应急预案", plan_type="large_event", event_id=event.id)
        self.assertEqual(specific.version, 1)
        specific.with_user(self.principal).action_approve()
        self.assertEqual((general.state, specific.state), ("approved", "approved"))

    def test_approve_needs_content_and_manager(self):
        """Only a safety manager approves, and only a plan with content or a document."""
        plan = self._new_plan(user=self.officer, content=False)
        with self._raises(UserError, "Only a safety manager"):
            plan.with_user(self.officer).action_approve()
        with self._raises(UserError, "content"):
            plan.with_user(self.safety).action_approve()
        self.assertEqual(plan.state, "draft")
        with self._raises(UserError, "own buttons"):
            plan.with_user(self.officer).write({"state": "approved"})

    def test_approved_plan_is_frozen_new_version(self):
        """An approved plan cannot be edited: a new version starts as a draft copy."""
        plan = self._new_plan()
        plan.with_user(self.principal).action_approve()
        with self._raises(UserError, "new version"):
            plan.with_user(self.safety).write({"content": "<p>改</p>"})
        plan.with_user(self.safety).write({"responsible_user_id": self.officer.id})
        action = plan.with_user(self.safety).action_new_version()
        new = self.env["school.safety.plan"].browse(action["res_id"])
        self.assertRecordValues(new, [{"state": "draft", "version": 2, "content": plan.content,
                                       "plan_type": "fire", "date_effective": False}])
        with self._raises(UserError, "draft"):
            new.action_new_version()
        with self._raises(UserError, "stays on record"):
            plan.unlink()
        new.unlink()

    def test_review_reminder_once(self):
        """The responsible person is reminded once, within 30 days of the review date; marking the
        plan reviewed moves the review a year on and closes the reminder."""
        with freeze_time("2030-09-01 02:00:00"):
            plan = self._new_plan(responsible_user_id=self.officer.id)
            plan.with_user(self.principal).action_approve()
            Plan = self.env["school.safety.plan"]
            self.assertFalse(self._cron(Plan))
        with freeze_time("2031-08-10 02:00:00"):
            plan.invalidate_recordset(["review_status"])
            self.assertEqual(plan.review_status, "due")
            mine = [("company_id", "=", self.school.id)]
            self.assertEqual(Plan.search(mine + [("review_status", "in", ("due", "overdue"))]), plan)
            self.assertFalse(Plan.search(mine + [("review_status", "=", "overdue")]))
            self.assertEqual(self._cron(Plan), plan)
            activities = self._review_activities(plan)
            self.assertEqual(len(activities), 1)
            self.assertEqual(activities.user_id, self.officer)
            self.assertEqual(activities.date_deadline, date(2031, 9, 1))
            self.assertTrue(plan._escalation_is_done("review"))
            self.assertFalse(self._cron(Plan))
        with freeze_time("2031-09-05 02:00:00"):
            plan.invalidate_recordset(["review_status"])
            self.assertEqual(plan.review_status, "overdue")
            self.assertEqual(Plan.search(mine + [("review_status", "=", "overdue")]), plan)
            self.assertFalse(self._cron(Plan), "reminded once only")
            self.assertEqual(len(self._review_activities(plan)), 1)
            plan.with_user(self.safety).action_mark_reviewed()
            self.assertEqual(plan.date_review, date(2032, 9, 5))
            self.assertFalse(plan._escalation_is_done("review"))
            self.assertFalse(self._review_activities(plan))
            plan.invalidate_recordset(["review_status"])
            self.assertEqual(plan.review_status, "ok")

    def test_superseded_plan_reminder_dropped(self):
        """A superseded or archived plan is not reviewed any more."""
        with freeze_time("2030-09-01 02:00:00"):
            plan = self._new_plan()
            plan.with_user(self.principal).action_approve()
        with freeze_time("2031-08-20 02:00:00"):
            self._cron(self.env["school.safety.plan"])
            self.assertTrue(self._review_activities(plan))
            new = self.env["school.safety.plan"].browse(plan.action_new_version()["res_id"])
            new.with_user(self.principal).action_approve()
            self.assertEqual(plan.state, "superseded")
            self.assertFalse(self._review_activities(plan))
            new.with_user(self.safety).action_archive_plan()
            self.assertEqual(new.state, "archived")
            self.assertFalse(self._cron(self.env["school.safety.plan"]))

    def test_access_per_role(self):
        """Everyone reads the plans; staff cannot change the school's plans, officers write drafts."""
        plan = self._new_plan()
        for user in (self.staff, self.guard, self.head_teacher):
            plan.with_user(user).read(["name", "state"])
            with self.assertRaises(AccessError):
                plan.with_user(user).write({"name": "改名"})
            with self.assertRaises(AccessError):
                plan.with_user(user).unlink()
        plan.with_user(self.officer).write({"name": "消防安全应急预案（草案）"})
        own = self._new_plan(user=self.staff, name="春游应急预案", plan_type="large_event")
        own.with_user(self.staff).write({"content": "<p>分组带队</p>"})
        with self._raises(UserError, "Only a safety manager"):
            own.with_user(self.staff).action_approve()

    def test_two_schools_apart(self):
        """A school does not see another school's plans; versions are numbered per school."""
        plan = self._new_plan()
        other = self._new_plan(user=self.other_safety)
        self.assertEqual((plan.version, other.version), (1, 1))
        Plan = self.env["school.safety.plan"]
        self.assertNotIn(plan, self._other(Plan).search([]))
        with self.assertRaises(AccessError):
            self._other(plan).read(["name"])
        other_principal = new_test_user(
            self.env, login="t_other_principal", groups="base.group_user,school_base.group_school_principal",
            company_id=self.other_school.id, company_ids=[(6, 0, self.other_school.ids)],
        )
        other.with_user(other_principal).with_context(allowed_company_ids=self.other_school.ids).action_approve()
        plan.with_user(self.principal).action_approve()
        self.assertEqual(other.state, "approved", "approving one school's plan supersedes nothing in another")
