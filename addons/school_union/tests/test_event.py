from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import SchoolUnionCommon


@tagged("post_install", "-at_install")
class TestUnionEvent(SchoolUnionCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.event = cls.env["school.union.event"].create({
            "name": "女教工跳绳踢毽比赛",
            "event_type": "contest",
            "date_start": cls._dt(days=10),
            "date_end": cls._dt(days=10, hours=2),
            "signup_deadline": cls._dt(days=5),
            "seat_limit": 2,
            "budget": 1000,
            "score_unit": "个/分钟",
            "company_id": cls.school.id,
        })

    def test_sign_up_needs_open_event(self):
        """Members sign up only once the officers open the sign-up."""
        with self.assertRaisesText(UserError, "not open"):
            self.event.with_user(self.member_user).action_sign_up()
        self.event.with_user(self.union_officer).action_open()
        self.event.with_user(self.member_user).action_sign_up()
        self.assertTrue(self.event.with_user(self.member_user).is_signed_up)
        self.assertFalse(self.event.with_user(self.member2_user).is_signed_up)
        self.assertEqual(self.event.registration_count, 1)

    def test_sign_up_twice_refused(self):
        """A member signs up once."""
        self.event.action_open()
        self.event.with_user(self.member_user).action_sign_up()
        with self.assertRaisesText(UserError, "already signed up"):
            self.event.with_user(self.member_user).action_sign_up()

    def test_seat_limit(self):
        """Past the limit, sign-up is refused with the number of places."""
        self.event.action_open()
        self.event.with_user(self.member_user).action_sign_up()
        self.event.with_user(self.member2_user).action_sign_up()
        self.assertEqual(self.event.seats_available, 0)
        with self.assertRaisesText(UserError, "full"):
            self.event.with_user(self.member3_user).action_sign_up()
        # a withdrawal frees a place
        self.event.with_user(self.member2_user).action_cancel_sign_up()
        self.event.with_user(self.member3_user).action_sign_up()
        self.assertEqual(self.event.registration_count, 2)

    def test_deadline(self):
        """After the deadline nobody signs up or withdraws."""
        self.event.action_open()
        self.event.with_user(self.member_user).action_sign_up()
        with freeze_time(self._dt(days=6)):
            with self.assertRaisesText(UserError, "closed on"):
                self.event.with_user(self.member2_user).action_sign_up()
            with self.assertRaisesText(UserError, "closed"):
                self.event.with_user(self.member_user).action_cancel_sign_up()

    def test_only_members_sign_up(self):
        """Staff outside the union cannot sign up; a member who left neither."""
        self.event.action_open()
        with self.assertRaises(UserError):
            self.event.with_user(self.staff).action_sign_up()
        self.member3.status = "left"
        with self.assertRaisesText(UserError, "Only active union members"):
            self.event.with_user(self.member3_user).action_sign_up()

    def test_members_cannot_edit_results(self):
        """A member cannot enter their own score or sign others up directly."""
        self.event.action_open()
        self.event.with_user(self.member_user).action_sign_up()
        registration = self.event.registration_ids
        with self.assertRaises(AccessError):
            registration.with_user(self.member_user).write({"score": 300})
        with self.assertRaises(AccessError):
            self.env["school.union.event.registration"].with_user(self.member_user).create(
                {"event_id": self.event.id, "member_id": self.member2.id}
            )

    def test_ranking(self):
        """Attendees with a score are ranked; equal scores share a place; lower wins when set."""
        self.event.seat_limit = 0
        self.event.action_open()
        for user in (self.member_user, self.member2_user, self.member3_user, self.union_officer):
            self.event.with_user(user).action_sign_up()
        regs = {r.member_id: r for r in self.event.registration_ids}
        with self.assertRaisesText(UserError, "once it has started"):
            regs[self.member].with_user(self.union_officer).write({"score": 180})
        with self.assertRaises(UserError):
            regs[self.member].with_user(self.union_officer).write({"attended": True})
        self.event.write({"date_start": self._dt(hours=-1), "signup_deadline": self._dt(hours=-2)})
        regs[self.member].with_user(self.union_officer).action_mark_attended()
        regs[self.member].with_user(self.union_officer).write({"score": 180})
        regs[self.member2].write({"attended": True, "score": 200})
        regs[self.member3].write({"attended": True, "score": 180})
        regs[self.officer_member].write({"attended": False, "score": 0})
        self.assertEqual(
            [regs[m].rank for m in (self.member2, self.member, self.member3, self.officer_member)], [1, 2, 2, 0]
        )
        self.event.higher_is_better = False
        self.assertEqual(regs[self.member].rank, 1)
        self.assertEqual(regs[self.member2].rank, 3)
        self.assertEqual(self.event.attended_count, 3)

    def test_dates_checked(self):
        """An event cannot end before it starts, nor close sign-up after starting."""
        with self.assertRaises(ValidationError):
            self.event.date_end = self._dt(days=9)
        with self.assertRaises(ValidationError):
            self.event.signup_deadline = self._dt(days=11)

    def test_expenses_against_budget(self):
        """Expenses add up against the budget."""
        self.event.write({"expense_ids": [
            (0, 0, {"name": "跳绳20根", "amount": 400}),
            (0, 0, {"name": "奖品", "amount": 800}),
        ]})
        self.assertEqual(self.event.expense_total, 1200)
        self.assertEqual(self.event.budget_left, -200)

    def test_form_sets_term(self):
        """The form picks the term of the start date."""
        term = self.env["school.term"].create({
            "name": "测试学期", "date_start": "2031-02-01", "date_end": "2031-07-31", "company_id": self.school.id,
        })
        with Form(self.env["school.union.event"]) as form:
            form.name = "道德讲堂：孝敬"
            form.event_type = "lecture"
            form.date_start = "2031-03-05 06:00:00"
        self.assertEqual(form.record.term_id, term)
        self.assertEqual(form.record.date_end, form.record.date_start)

    def test_done_event_not_deleted(self):
        """A held event stays on record."""
        self.event.action_done()
        with self.assertRaises(UserError):
            self.event.unlink()

    def test_participation_report(self):
        """The participation ledger renders as xlsx."""
        self.event.action_open()
        self.event.with_user(self.member_user).action_sign_up()
        content, kind = self.env["ir.actions.report"]._render(
            "school_union.action_report_event_participation_xlsx", self.event.ids
        )
        self.assertEqual(kind, "xlsx")
        self.assertTrue(content.startswith(b"PK"))
