from freezegun import freeze_time

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, tagged

from .common import SchoolUnionCommon


@tagged("post_install", "-at_install")
class TestUnionFlow(SchoolUnionCommon):
    """Flow 6 of DESIGN.md, end to end, each step done by the role that does it."""

    def test_flow_union(self):
        """Event with sign-ups and results; condolence visit within policy limits; talk-day notes
        visible only to the chair; an election where each member votes within limits."""
        # 1. the officer plans a skipping-rope contest and opens the sign-up
        with Form(self.env["school.union.event"].with_user(self.union_officer)) as form:
            form.name = "女教工跳绳踢毽比赛"
            form.event_type = "contest"
            form.date_start = self._dt(days=7)
            form.date_end = self._dt(days=7, hours=2)
            form.signup_deadline = self._dt(days=3)
            form.seat_limit = 10
            form.budget = 800
        event = form.record
        event.action_open()
        # members sign themselves up with the button
        for user in (self.member_user, self.member2_user, self.member3_user):
            event.with_user(user).action_sign_up()
        self.assertEqual(event.registration_count, 3)
        # the day of the contest: attendance, scores, ranking, expenses
        with freeze_time(self._dt(days=7, hours=3)):
            event.registration_ids.with_user(self.union_officer).action_mark_attended()
            with Form(event.with_user(self.union_officer)) as form:
                for index in range(len(form.registration_ids)):
                    with form.registration_ids.edit(index) as line:
                        line.score = {self.member: 165, self.member2: 182, self.member3: 140}[
                            self.env["school.union.member"].browse(line.member_id.id)
                        ]
                with form.expense_ids.new() as expense:
                    expense.name = "奖品"
                    expense.amount = 600
            event.with_user(self.union_officer).action_done()
        ranks = {r.member_id: r.rank for r in event.registration_ids}
        self.assertEqual(ranks, {self.member2: 1, self.member: 2, self.member3: 3})
        self.assertEqual(event.budget_left, 200)

        # 2. a condolence visit within the policy, one beyond it refused
        self.env["school.union.welfare.policy"].with_user(self.chair).create(
            {"welfare_type": "hospital", "amount_limit": 500, "times_per_year": 1, "company_id": self.school.id}
        )
        visit = self.env["school.union.welfare"].with_user(self.union_officer).create({
            "welfare_type": "hospital", "member_id": self.member2.id, "amount": 500, "gift": "鲜花",
            "visitor_ids": [(6, 0, (self.chair_member.employee_id | self.officer_member.employee_id).ids)],
            "company_id": self.school.id,
        })
        self._give(visit)
        with self.assertRaisesText(ValidationError, "policy allows 1 a year"):
            self.env["school.union.welfare"].with_user(self.union_officer).create({
                "welfare_type": "hospital", "member_id": self.member2.id, "amount": 300,
                "company_id": self.school.id,
            })
        self.assertEqual(self.env["school.union.welfare"].with_user(self.member2_user).search([]), visit)

        # 3. the chair talks with the member; the notes stay with the chair
        talk = self.env["school.union.talk"].with_user(self.chair).create(
            {"member_id": self.member2.id, "company_id": self.school.id}
        )
        talk.write({"note_ids": [(0, 0, {"topic": "health", "notes": "<p>术后恢复中</p>",
                                         "follow_up": "安排减少课时", "follow_up_state": "open"})]})
        talk.action_done()
        self.assertEqual(self.env["school.union.talk"].with_user(self.member2_user).search([]), talk)
        for user in (self.member2_user, self.union_officer, self.principal):
            with self.assertRaises(AccessError):
                talk.note_ids.with_user(user).read(["notes"])

        # 4. the election: nominations, the vote within limits, the results after the window
        election = self.env["school.union.election"].with_user(self.union_officer).create({
            "name": "感动孟河实验小学十佳教师", "vote_start": self._dt(hours=-1), "vote_end": self._dt(days=1),
            "max_votes": 2, "winner_count": 1, "company_id": self.school.id,
        })
        election.action_open_nomination()
        Candidate = self.env["school.union.election.candidate"]
        proposed = Candidate.with_user(self.member_user).create(
            {"election_id": election.id, "employee_id": self.member2.employee_id.id, "citation": "带病坚持上课"}
        )
        other = Candidate.with_user(self.union_officer).create(
            {"election_id": election.id, "employee_id": self.member3.employee_id.id}
        )
        (proposed | other).with_user(self.union_officer).action_accept()
        election.action_open_voting()
        proposed.with_user(self.member_user).action_vote()
        other.with_user(self.member_user).action_vote()
        proposed.with_user(self.member3_user).action_vote()
        self.assertEqual(proposed.with_user(self.chair).vote_count, 0)
        with freeze_time(self._dt(days=2)):
            self.env.ref("school_union.ir_cron_school_union_close_elections").method_direct_trigger()
        self.assertEqual(election.state, "closed")
        self.assertEqual((proposed.vote_count, other.vote_count), (2, 1))
        self.assertTrue(proposed.is_winner)
        self.assertFalse(other.is_winner)
