"""Side doors of the union's workflows, tried through the ORM calls the API makes.

Each try is made as the lowest role that has write access on the model (a union
officer; the chair for what only the chair may do) and asserts both the refusal and
that nothing changed. The honest path is checked next to it.
"""

import base64

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import SchoolUnionCommon

# (model, field, value written) for every workflow field of the addon: written by the
# union officer, who has write access on all these models, the field is refused.
WORKFLOW_FIELDS = [
    ("school.union.member", "status", "retired"),
    ("school.union.event", "state", "done"),
    ("school.union.event.registration", "state", "cancelled"),
    ("school.union.event.registration", "signup_date", "2020-01-01 08:00:00"),
    ("school.union.event.registration", "attended", True),
    ("school.union.welfare", "state", "done"),
    ("school.union.welfare", "signed", True),
    ("school.union.welfare", "signed_user_id", "member_user"),
    ("school.union.welfare", "signed_date", "2026-03-01 08:00:00"),
    ("school.union.welfare", "signed_witness_user_id", "union_officer"),
    ("school.union.welfare", "date_given", "2026-03-01 08:00:00"),
    ("school.union.welfare", "distribution_id", "distribution"),
    ("school.union.welfare", "state", "approved"),
    ("school.union.welfare", "approved_user_id", "chair"),
    ("school.union.welfare", "submitted_user_id", "union_officer"),
    ("school.union.welfare.distribution", "state", "done"),
    ("school.union.welfare.distribution", "state", "approved"),
    ("school.union.welfare.distribution", "approved_user_id", "chair"),
    ("school.union.talk", "state", "done"),
    ("school.union.election", "state", "closed"),
    ("school.union.election", "date_voting_opened", "2026-03-01 08:00:00"),
    ("school.union.election", "date_closed", "2026-03-01 08:00:00"),
    ("school.union.election", "closed_by_user_id", "chair"),
    ("school.union.election", "closed_early", True),
    ("school.union.election", "close_reason", "因故提前结束"),
    ("school.union.election.candidate", "state", "accepted"),
    ("school.union.election.candidate", "nominated_by_user_id", "chair"),
]


@tagged("post_install", "-at_install")
class TestUnionWorkflowIntegrity(SchoolUnionCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Election = cls.env["school.union.election"]
        cls.election = cls.Election.with_user(cls.union_officer).create({
            "name": "感动校园十佳教师",
            "vote_start": cls._dt(days=-1),
            "vote_end": cls._dt(days=2),
            "max_votes": 2,
            "winner_count": 1,
            "company_id": cls.school.id,
        })
        Candidate = cls.env["school.union.election.candidate"].with_user(cls.union_officer)
        cls.cand_a, cls.cand_b, cls.cand_c = Candidate.create([
            {"election_id": cls.election.id, "employee_id": cls.member.employee_id.id},
            {"election_id": cls.election.id, "employee_id": cls.member2.employee_id.id},
            {"election_id": cls.election.id, "employee_id": cls.member3.employee_id.id},
        ])
        (cls.cand_a | cls.cand_b | cls.cand_c).action_accept()
        cls.draft_election = cls.Election.with_user(cls.union_officer).create({
            "name": "优秀班主任评选",
            "vote_start": cls._dt(days=5),
            "vote_end": cls._dt(days=6),
            "company_id": cls.school.id,
        })
        cls.event = cls.env["school.union.event"].create({
            "name": "教工羽毛球赛", "date_start": cls._dt(days=10), "date_end": cls._dt(days=10, hours=2),
            "signup_deadline": cls._dt(days=5), "seat_limit": 2, "company_id": cls.school.id,
        })
        cls.distribution = cls.env["school.union.welfare.distribution"].create(
            {"name": "端午节福利", "date": "2026-06-01", "amount": 100, "company_id": cls.school.id}
        )
        cls.talk = cls.env["school.union.talk"].with_user(cls.chair).create(
            {"member_id": cls.member.id, "company_id": cls.school.id}
        )
        cls.note = cls.env["school.union.talk.note"].with_user(cls.chair).create(
            {"talk_id": cls.talk.id, "topic": "family", "notes": "<p>家中老人生病</p>"}
        )

    # ------------------------------------------------------------------
    # helpers
    # ------------------------------------------------------------------
    def _welfare(self, **vals):
        return self.env["school.union.welfare"].with_user(self.union_officer).create({
            "welfare_type": "wedding", "member_id": self.member.id, "amount": 500,
            "company_id": self.school.id, **vals,
        })

    def _registration(self):
        if self.event.state == "draft":
            self.event.action_open()
        if not self.event.registration_ids:
            self.event.with_user(self.member_user).action_sign_up()
        return self.event.registration_ids

    def _record(self, model):
        """A record of ``model`` in its first state, made as setup."""
        return {
            "school.union.member": lambda: self.member3,
            "school.union.event": lambda: self.event,
            "school.union.event.registration": self._registration,
            "school.union.welfare": self._welfare,
            "school.union.welfare.distribution": lambda: self.distribution,
            "school.union.talk": lambda: self.talk,
            "school.union.election": lambda: self.draft_election,
            "school.union.election.candidate": lambda: self.env["school.union.election.candidate"].with_user(
                self.union_officer
            ).create({"election_id": self.draft_election.id, "team_name": "数学组"}),
        }[model]()

    def _value(self, value):
        if value in ("member_user", "union_officer", "chair"):
            return getattr(self, value).id
        if value == "distribution":
            return self.distribution.id
        return value

    def _snapshot(self, record, fnames):
        return record.sudo().read(fnames)[0]

    def _vote(self, user, candidate):
        return candidate.with_user(user).action_vote()

    def _open_election(self):
        self.election.with_user(self.union_officer).action_open_voting()

    # ------------------------------------------------------------------
    # workflow fields, table driven
    # ------------------------------------------------------------------
    def test_workflow_fields_refused_on_write(self):
        """Every workflow field, written directly by the officer, is refused and stays as it was."""
        for model, fname, value in WORKFLOW_FIELDS:
            with self.subTest(model=model, field=fname):
                record = self._record(model)
                before = self._snapshot(record, [fname])
                with self.assertRaises(UserError):
                    record.with_user(self.union_officer).write({fname: self._value(value)})
                self.assertEqual(self._snapshot(record, [fname]), before)

    def test_workflow_fields_refused_on_create(self):
        """A record is not created with a workflow field set (e.g. directly in a final state),
        and a default_<field> context key does not reach it."""
        vals = {
            "school.union.event": {
                "name": "直接完成的活动", "date_start": self._dt(days=1), "date_end": self._dt(days=1, hours=1),
                "company_id": self.school.id,
            },
            "school.union.welfare": {
                "welfare_type": "wedding", "member_id": self.member2.id, "amount": 100, "company_id": self.school.id,
            },
            "school.union.welfare.distribution": {"name": "直接发放", "amount": 50, "company_id": self.school.id},
            "school.union.talk": {"member_id": self.member2.id, "company_id": self.school.id},
            "school.union.election": {
                "name": "直接结束的评选", "vote_start": self._dt(days=1), "vote_end": self._dt(days=2),
                "company_id": self.school.id,
            },
            "school.union.election.candidate": {"election_id": self.draft_election.id, "team_name": "语文组"},
        }
        for model, fname, value in WORKFLOW_FIELDS:
            if model not in vals:
                continue
            with self.subTest(model=model, field=fname):
                Model = self.env[model].with_user(self.union_officer)
                count = Model.sudo().search_count([])
                with self.assertRaises(UserError):
                    Model.create({**vals[model], fname: self._value(value)})
                self.assertEqual(Model.sudo().search_count([]), count)
                record = Model.with_context(**{f"default_{fname}": self._value(value)}).create(vals[model])
                default = Model._workflow_default(fname)
                self.assertEqual(record[fname].id if hasattr(record[fname], "id") else record[fname], default)

    def test_member_status_through_actions(self):
        """An officer cannot create a member directly retired; leaving and retiring are actions."""
        employee = self.env["hr.employee"].create({"name": "新调入教师", "company_id": self.school.id})
        Member = self.env["school.union.member"].with_user(self.union_officer)
        with self.assertRaises(UserError):
            Member.create({"employee_id": employee.id, "company_id": self.school.id, "status": "retired"})
        self.assertFalse(self.env["school.union.retiree"].search([("employee_id", "=", employee.id)]))
        member = Member.create({"employee_id": employee.id, "company_id": self.school.id})
        with self.assertRaises(UserError):
            member.with_user(self.member_user).action_leave()
        member.action_leave()
        self.assertEqual((member.status, member.leave_date), ("left", fields.Date.context_today(member)))
        with self.assertRaisesText(UserError, "cannot be"):
            member.action_retire()

    # ------------------------------------------------------------------
    # secret ballot
    # ------------------------------------------------------------------
    def test_window_frozen_once_voting(self):
        """Once voting opens, the officer can move neither the end of the window nor the
        vote limit, nor close before the announced end."""
        self._open_election()
        election = self.election.with_user(self.union_officer)
        for vals in ({"vote_end": self._dt(hours=-1)}, {"vote_start": self._dt(days=-3)},
                     {"max_votes": 5}, {"winner_count": 3}, {"name": "改名"}):
            with self.subTest(vals=vals):
                before = self._snapshot(election, list(vals))
                with self.assertRaisesText(UserError, "went to the vote"):
                    election.write(vals)
                self.assertEqual(self._snapshot(election, list(vals)), before)
        with self.assertRaisesText(UserError, "voting is open until"):
            election.action_close()
        self.assertEqual(election.state, "voting")
        # not even the chair closes it by the ordinary button before the end
        with self.assertRaisesText(UserError, "voting is open until"):
            self.election.with_user(self.chair).action_close()

    def test_window_in_the_past_does_not_open(self):
        """A window moved into the past before voting opens: the vote does not open."""
        self.election.with_user(self.union_officer).write(
            {"vote_start": self._dt(days=-3), "vote_end": self._dt(hours=-1)}
        )
        with self.assertRaisesText(UserError, "already past"):
            self._open_election()
        self.assertEqual(self.election.state, "draft")

    def test_candidates_frozen_once_voting(self):
        """Candidates of a vote in progress cannot be changed, deleted, added, moved in or out."""
        self._open_election()
        self._vote(self.member_user, self.cand_a)
        Candidate = self.env["school.union.election.candidate"].with_user(self.union_officer)
        with self.assertRaises(UserError):
            self.cand_a.with_user(self.union_officer).write({"citation": "改写事迹"})
        with self.assertRaises(UserError):
            self.cand_a.with_user(self.union_officer).unlink()
        with self.assertRaises(UserError):
            self.cand_a.with_user(self.union_officer).action_reject()
        with self.assertRaises(UserError):
            self.cand_a.with_user(self.union_officer).write({"election_id": self.draft_election.id})
        with self.assertRaises(UserError):
            Candidate.create({"election_id": self.election.id, "team_name": "后加的候选人"})
        outsider = Candidate.create({"election_id": self.draft_election.id, "team_name": "外来者"})
        with self.assertRaises(UserError):
            outsider.write({"election_id": self.election.id})
        with self.assertRaises(UserError):
            self.election.with_user(self.union_officer).write(
                {"candidate_ids": [(0, 0, {"team_name": "从选举表单加入"})]}
            )
        self.assertEqual(self.election.candidate_ids, self.cand_a | self.cand_b | self.cand_c)
        self.assertEqual(self.cand_a.election_id, self.election)
        self.assertEqual(self.cand_a.state, "accepted")

    def test_cancel_delete_reopen_refused(self):
        """The officer cannot cancel a vote in progress; the chair's cancellation discards the
        votes, and the election can then be neither reopened nor stripped of candidates."""
        self._open_election()
        self._vote(self.member_user, self.cand_a)
        with self.assertRaisesText(UserError, "only the union chair"):
            self.election.with_user(self.union_officer).action_cancel()
        self.assertEqual(self.election.state, "voting")
        wizard = self.env["school.union.election.stop"].with_user(self.chair).create(
            {"election_id": self.election.id, "mode": "cancel", "reason": "候选人资格有争议，本次投票作废"}
        )
        wizard.action_confirm()
        self.assertEqual(self.election.state, "cancel")
        self.env.cr.execute("SELECT count(*) FROM school_union_election_tally WHERE candidate_id = %s", [self.cand_a.id])
        self.assertEqual(self.env.cr.fetchone()[0], 0)
        with self.assertRaises(UserError):
            self.cand_a.with_user(self.union_officer).unlink()
        with self.assertRaisesText(UserError, "cannot be reopened"):
            self.election.with_user(self.union_officer).action_draft()
        with self.assertRaises(UserError):
            self.election.with_user(self.union_officer).unlink()
        self.assertEqual(self.election.state, "cancel")
        self.assertTrue(self.cand_a.exists())

    def test_early_close_by_chair_only_with_reason(self):
        """Closing early: refused to the officer and without a reason; the chair's early close
        publishes the results, records who, when and why, and tells every member."""
        self._open_election()
        self._vote(self.member_user, self.cand_a)
        Stop = self.env["school.union.election.stop"]
        with self.assertRaises(AccessError):
            Stop.with_user(self.union_officer).create(
                {"election_id": self.election.id, "mode": "close", "reason": "想早点看结果"}
            )
        with self.assertRaises(UserError):
            self.election.with_user(self.union_officer)._close_early("想早点看结果")
        with self.assertRaises(UserError):
            self.election.with_user(self.union_officer).action_stop_early()
        with self.assertRaisesText(UserError, "reason"):
            self.election.with_user(self.chair)._close_early("  ")
        self.assertEqual(self.election.state, "voting")
        self.assertEqual(self.cand_a.vote_count, 0)
        action = self.election.with_user(self.chair).action_stop_early()
        self.assertEqual(action["res_model"], "school.union.election.stop")
        # with the tracking on (the test fixtures switch it off), as in the web client
        wizard = Stop.with_user(self.chair).with_context(tracking_disable=False, mail_notrack=False).create(
            {"election_id": self.election.id, "mode": "close", "reason": "学校提前放假，全体会员已投票"}
        )
        wizard.action_confirm()
        self.assertRecordValues(self.election, [{
            "state": "closed", "closed_early": True, "closed_by_user_id": self.chair.id,
            "close_reason": "学校提前放假，全体会员已投票",
        }])
        self.assertEqual(self.cand_a.vote_count, 1)
        # every member is sent the reason, and reads it on the election
        message = self.election.message_ids.filtered(lambda m: "学校提前放假" in (m.body or ""))[:1]
        self.assertTrue(message)
        members_partners = (self.member_user | self.member2_user | self.member3_user).partner_id
        self.assertLessEqual(members_partners, message.partner_ids)
        self.assertIn("学校提前放假", self.election.with_user(self.member2_user).close_reason)
        # the message and the tracking of the close are the election's history
        for user in (self.chair, self.union_officer):
            with self.subTest(user=user.login):
                with self.assertRaises(UserError):
                    message.with_user(user).write({"body": "改写理由"})
                with self.assertRaises(UserError):
                    message.with_user(user).unlink()
        self.env.flush_all()
        self.env.cr.precommit.run()  # the tracking is written when the transaction commits
        self.election.invalidate_recordset(["message_ids"])
        tracking = self.election.sudo().message_ids.filtered("tracking_value_ids")[:1]
        self.assertTrue(tracking)
        with self.assertRaises(AccessError):
            tracking.with_user(self.chair).unlink()

    def test_one_voter_per_person(self):
        """The officer cannot rewrite a member's login or employee; a login moved by HR to
        another membership during the vote still holds one ballot; someone who becomes a
        member after the roll was drawn up does not vote."""
        with self.assertRaises(UserError):
            self.member2.with_user(self.union_officer).write({"user_id": self.member_user.id})
        with self.assertRaises(UserError):
            self.member2.with_user(self.union_officer).write({"employee_id": self.member.employee_id.id})
        self.assertEqual(self.member2.user_id, self.member2_user)
        self._open_election()
        self._vote(self.member_user, self.cand_a)
        self._vote(self.member_user, self.cand_b)
        # HR moves the login from one employee to another member's employee (as setup: HR's own right)
        self.member.employee_id.sudo().user_id = False
        self.env.flush_all()  # one login per employee and school, at every step
        self.member3.employee_id.sudo().user_id = self.member_user
        self.assertEqual(self.member3.user_id, self.member_user)
        with self.assertRaisesText(UserError, "used all 2"):
            self._vote(self.member_user, self.cand_c)
        self.assertEqual(
            self.env["school.union.election.ballot"].sudo().search_count(
                [("election_id", "=", self.election.id), ("user_id", "=", self.member_user.id)]
            ),
            1,
        )
        # a member who joins during the vote is not on the roll
        newcomer = self.env["res.users"].create({
            "name": "新会员", "login": "t_union_newcomer", "company_id": self.school.id,
            "company_ids": [(6, 0, self.school.ids)],
            "groups_id": [(6, 0, [self.env.ref("school_union.group_union_member").id])],
        })
        employee = self.env["hr.employee"].create(
            {"name": "新会员", "user_id": newcomer.id, "company_id": self.school.id}
        )
        self.env["school.union.member"].with_user(self.union_officer).create(
            {"employee_id": employee.id, "company_id": self.school.id}
        )
        with self.assertRaisesText(UserError, "electoral roll"):
            self._vote(newcomer, self.cand_c)
        self.assertEqual(self.election.with_user(newcomer).my_votes_left, 0)
        with freeze_time(self._dt(days=3)):
            self.election.with_user(self.union_officer).action_close()
        self.assertEqual((self.cand_a.vote_count, self.cand_b.vote_count, self.cand_c.vote_count), (1, 1, 0))

    def test_ballots_not_written_by_hand(self):
        """Nobody writes, creates or deletes a ballot: the roll is the system's."""
        self._open_election()
        ballot = self.env["school.union.election.ballot"].search(
            [("election_id", "=", self.election.id), ("user_id", "=", self.member_user.id)]
        )
        for user in (self.union_officer, self.chair):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    ballot.with_user(user).write({"votes_cast": 0})
                with self.assertRaises(AccessError):
                    ballot.with_user(user).unlink()
                with self.assertRaises(AccessError):
                    self.env["school.union.election.ballot"].with_user(user).create({
                        "election_id": self.election.id, "member_id": self.member.id, "user_id": user.id,
                    })

    def test_my_votes_batched(self):
        """The current user's votes are read in the same number of queries for 1 or 6 elections."""
        elections = self.Election.create([{
            "name": f"评选{index}", "vote_start": self._dt(days=-1), "vote_end": self._dt(days=1),
            "company_id": self.school.id,
        } for index in range(6)])
        candidates = self.env["school.union.election.candidate"].create([
            {"election_id": election.id, "team_name": f"组{election.id}"} for election in elections
        ])

        def count(records, fnames):
            records = records.with_user(self.member_user)
            records.invalidate_recordset()
            before = self.env.cr.sql_log_count
            records.read(fnames)
            return self.env.cr.sql_log_count - before

        count(elections, ["my_votes_left"])  # warm the caches (rules, groups)
        count(candidates, ["voted_by_me"])
        self.assertEqual(count(elections[:1], ["my_votes_left"]), count(elections, ["my_votes_left"]))
        self.assertEqual(count(candidates[:1], ["voted_by_me"]), count(candidates, ["voted_by_me"]))

    # ------------------------------------------------------------------
    # welfare sign-off
    # ------------------------------------------------------------------
    def test_welfare_sign_off_not_forged(self):
        """The officer cannot write the sign-off, sign for the member, nor create a welfare signed;
        the member signs their own; the in-person sign-off is logged; the signature's
        message is not rewritten or deleted."""
        welfare = self._welfare()
        self._give(welfare)
        officer_welfare = welfare.with_user(self.union_officer)
        with self.assertRaises(UserError):
            officer_welfare.write({"signed": True, "signed_user_id": self.member_user.id})
        with self.assertRaisesText(UserError, "Only"):
            officer_welfare.action_sign()
        with self.assertRaises(UserError):
            welfare.with_user(self.member2_user).action_sign()
        self.assertFalse(welfare.signed)
        with self.assertRaises(UserError):
            self._welfare(state="done", signed=True, signed_user_id=self.member_user.id)
        # given welfare is locked: no change of amount or member (who signs)
        with self.assertRaises(UserError):
            officer_welfare.write({"member_id": self.member2.id})
        with self.assertRaises(UserError):
            officer_welfare.write({"amount": 1})
        self.assertEqual((welfare.member_id, welfare.amount), (self.member, 500))
        welfare.with_user(self.member_user).action_sign()
        self.assertRecordValues(welfare, [{
            "signed": True, "signed_user_id": self.member_user.id, "signed_witness_user_id": False,
        }])
        signature = welfare.message_ids.filtered(lambda m: "Signature" in (m.body or ""))
        self.assertTrue(signature)
        for user in (self.union_officer, self.member_user):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    signature.with_user(user).write({"body": "伪造"})
                with self.assertRaises(UserError):
                    signature.with_user(user).unlink()
        with self.assertRaises(UserError):
            officer_welfare.action_cancel()

    def test_welfare_in_person_sign_off(self):
        """The in-person sign-off is the officer's only (a member cannot use it for someone else)
        and is recorded as signed by the member before the officer."""
        welfare = self._welfare()
        self._give(welfare)
        with self.assertRaises(UserError):
            welfare.with_user(self.member2_user).action_sign_in_person()
        welfare.with_user(self.union_officer).action_sign_in_person()
        self.assertRecordValues(welfare, [{
            "signed": True, "signed_user_id": self.member_user.id, "signed_witness_user_id": self.union_officer.id,
        }])
        self.assertTrue(welfare.message_ids.filtered(lambda m: "in person" in (m.body or "")))

    def test_given_welfare_not_reset_or_deleted(self):
        """A given welfare can be cancelled (unsigned) but never sent back to planned nor deleted."""
        welfare = self._welfare()
        self._give(welfare)
        welfare.with_user(self.union_officer).action_cancel()
        with self.assertRaises(UserError):
            welfare.with_user(self.union_officer).action_draft()
        with self.assertRaises(UserError):
            welfare.with_user(self.union_officer).unlink()
        self.assertEqual(welfare.state, "cancel")
        planned = self._welfare(member_id=self.member2.id)
        planned.action_cancel()
        planned.action_draft()
        planned.with_user(self.union_officer).unlink()
        self.assertFalse(planned.exists())

    def test_welfare_attachments_and_distribution(self):
        """A file field of a welfare is not forged through ir.attachment; a welfare is not slipped
        into a distribution's sign-off sheet; a distribution once made is locked."""
        welfare = self._welfare()
        with self.assertRaises(AccessError):
            self.env["ir.attachment"].with_user(self.union_officer).create({
                "name": "signature.png", "datas": base64.b64encode(b"fake"),
                "res_model": "school.union.welfare", "res_id": welfare.id, "res_field": "description",
            })
        with self.assertRaises(UserError):
            self._welfare(member_id=self.member2.id, distribution_id=self.distribution.id)
        self._approve(self.distribution).with_user(self.union_officer).action_distribute()
        self.assertEqual(self.distribution.state, "done")
        with self.assertRaises(UserError):
            self.distribution.with_user(self.union_officer).write({"amount": 999})
        with self.assertRaises(UserError):
            self.distribution.with_user(self.union_officer).unlink()
        self.assertEqual(self.distribution.amount, 100)

    # ------------------------------------------------------------------
    # data copied around its protection
    # ------------------------------------------------------------------
    def test_no_hr_private_data_through_union_records(self):
        """Making an employee a member and retiring them shows the officer nothing of the
        employee's HR-private file; no union field relates to a field with groups= unless
        it has groups itself."""
        employee = self.env["hr.employee"].create({
            "name": "陈老师", "company_id": self.school.id, "private_phone": "13911112222",
            "birthday": "1965-01-02", "emergency_contact": "陈小红", "emergency_phone": "13933334444",
            "gender": "female",
        })
        with self.assertRaises(AccessError):
            employee.with_user(self.union_officer).read(["private_phone"])
        member = self.env["school.union.member"].with_user(self.union_officer).create(
            {"employee_id": employee.id, "company_id": self.school.id}
        )
        member.action_retire()
        retiree = self.env["school.union.retiree"].with_user(self.union_officer).search(
            [("member_id", "=", member.id)]
        )
        values = retiree.read()[0]
        for secret in ("13911112222", "1965-01-02", "陈小红", "13933334444"):
            self.assertNotIn(secret, str(values))
        self.assertFalse(values["gender"])
        for model_name in self.env.registry:
            if not model_name.startswith("school.union"):
                continue
            for fname, field in self.env[model_name]._fields.items():
                if not field.related:
                    continue
                target = self.env[model_name]
                for part in field.related.split(".")[:-1]:
                    target = self.env[target._fields[part].comodel_name]
                target_field = target._fields[field.related.split(".")[-1]]
                with self.subTest(model=model_name, field=fname):
                    if target_field.groups:
                        self.assertTrue(field.groups, f"{model_name}.{fname} relates {field.related}")

    def test_retiree_contacts_need_consent(self):
        """The union keeps a retiree's contacts only with their consent."""
        Retiree = self.env["school.union.retiree"].with_user(self.union_officer)
        with self.assertRaisesText(ValidationError, "consent"):
            Retiree.create({"name": "周老师", "phone": "13800000000", "company_id": self.school.id})
        retiree = Retiree.create({"name": "周老师", "company_id": self.school.id})
        with self.assertRaises(ValidationError):
            retiree.write({"birthday": "1950-01-01"})
        retiree.write({"contact_consent": True, "birthday": "1950-01-01", "phone": "13800000000"})
        self.assertEqual(retiree.phone, "13800000000")

    # ------------------------------------------------------------------
    # talk days
    # ------------------------------------------------------------------
    def test_talk_note_not_deleted_nor_moved(self):
        """The officer neither deletes a session with the chair's note, nor moves the note onto
        another member through the session; the chair does not move a note either."""
        talk = self.talk.with_user(self.union_officer)
        with self.assertRaisesText(UserError, "confidential note"):
            talk.unlink()
        with self.assertRaisesText(UserError, "confidential note"):
            talk.write({"member_id": self.member2.id})
        self.assertTrue(self.note.exists())
        self.assertEqual((self.talk.member_id, self.note.member_id), (self.member, self.member))
        other_talk = self.env["school.union.talk"].with_user(self.chair).create(
            {"member_id": self.member2.id, "company_id": self.school.id}
        )
        with self.assertRaises(UserError):
            self.note.with_user(self.chair).write({"talk_id": other_talk.id})
        self.assertEqual(self.note.talk_id, self.talk)
        # a session without note is the officer's to delete while planned
        other_talk.with_user(self.union_officer).unlink()
        # the chair deletes a planned session with its note
        self.talk.with_user(self.chair).unlink()
        self.assertFalse(self.note.exists())

    def test_talk_held_is_locked(self):
        """A held session: no direct state change, no change of member, date or talker, no deletion,
        not even by the chair; the chair still follows up the note."""
        talk = self.talk.with_user(self.union_officer)
        with self.assertRaises(UserError):
            talk.write({"state": "done"})
        with self.assertRaises(UserError):
            self.talk.with_user(self.member_user).action_done()
        talk.action_done()
        for vals in ({"date": self._dt(days=-9)}, {"talker_user_id": self.union_officer.id}):
            with self.subTest(vals=vals), self.assertRaises(UserError):
                talk.write(vals)
        for user in (self.union_officer, self.chair):
            with self.subTest(user=user.login), self.assertRaises(UserError):
                self.talk.with_user(user).unlink()
        self.note.with_user(self.chair).write({"follow_up_state": "done", "follow_up": "已协调调课"})
        self.talk.with_user(self.chair).write({"note_ids": [(0, 0, {"topic": "work", "notes": "<p>补记</p>"})]})
        self.assertEqual(len(self.talk.note_ids), 2)

    # ------------------------------------------------------------------
    # events
    # ------------------------------------------------------------------
    def test_event_sign_ups_through_actions(self):
        """The officer does not write sign-up states, nor add participants beyond the rules."""
        registration = self._registration()
        Registration = self.env["school.union.event.registration"].with_user(self.union_officer)
        with self.assertRaises(UserError):
            registration.with_user(self.union_officer).write({"state": "cancelled"})
        with self.assertRaises(UserError):
            registration.with_user(self.union_officer).write({"member_id": self.member2.id})
        self.assertEqual((registration.state, registration.member_id), ("registered", self.member))
        with self.assertRaisesText(UserError, "already signed up"):
            Registration.create({"event_id": self.event.id, "member_id": self.member.id})
        Registration.create({"event_id": self.event.id, "member_id": self.member2.id})
        with self.assertRaisesText(UserError, "full"):
            Registration.create({"event_id": self.event.id, "member_id": self.member3.id})
        with self.assertRaises(UserError):
            Registration.create({"event_id": self.event.id, "member_id": self.member3.id, "state": "cancelled"})
        # in a planned event, nobody is added by hand
        draft_event = self.env["school.union.event"].create({
            "name": "未开放的活动", "date_start": self._dt(days=3), "date_end": self._dt(days=3, hours=1),
            "company_id": self.school.id,
        })
        with self.assertRaisesText(UserError, "not open"):
            Registration.create({"event_id": draft_event.id, "member_id": self.member3.id})
        # the officer withdraws a participant with the action
        registration.with_user(self.union_officer).action_withdraw()
        self.assertEqual(registration.state, "cancelled")

    def test_event_results_and_lock(self):
        """Attendance and results: not before the event starts, not for a withdrawn participant,
        locked once the event is held; the event's state moves through its actions only."""
        registration = self._registration()
        with self.assertRaisesText(UserError, "once it has started"):
            registration.with_user(self.union_officer).write({"attended": True, "score": 99})
        with self.assertRaises(UserError):
            self.event.with_user(self.union_officer).write({"state": "done"})
        with self.assertRaises(UserError):
            self.event.with_user(self.member_user).action_done()
        with self.assertRaisesText(UserError, "once it has started"):
            registration.with_user(self.union_officer).action_mark_attended()
        with freeze_time(self._dt(days=10, hours=1)):
            with self.assertRaises(UserError):
                registration.with_user(self.member_user).action_mark_attended()
            registration.with_user(self.union_officer).action_mark_attended()
            with Form(self.event.with_user(self.union_officer)) as form:
                with form.registration_ids.edit(0) as line:
                    line.score = 150
            self.event.with_user(self.union_officer).action_done()
        self.assertEqual((registration.attended, registration.score, registration.rank), (True, 150, 1))
        with self.assertRaises(UserError):
            registration.with_user(self.union_officer).write({"score": 300})
        with self.assertRaises(UserError):
            registration.with_user(self.union_officer).action_mark_absent()
        with self.assertRaises(UserError):
            self.event.with_user(self.union_officer).write({"budget": 5000})
        with self.assertRaises(UserError):
            self.env["school.union.event.registration"].with_user(self.union_officer).create(
                {"event_id": self.event.id, "member_id": self.member2.id}
            )
        with self.assertRaises(UserError):
            self.event.with_user(self.union_officer).unlink()
        self.assertEqual(registration.score, 150)
        # what is still written after the event: the summary and the expenses
        self.event.with_user(self.union_officer).write({
            "result_summary": "<p>圆满完成</p>",
            "expense_ids": [(0, 0, {"name": "奖品", "amount": 300})],
        })
        self.assertEqual(self.event.expense_total, 300)

    def test_closed_election_chatter_locked(self):
        """Files already in a closed election's chatter are neither changed nor removed."""
        self._open_election()
        attachment = self.env["ir.attachment"].with_user(self.union_officer).create({
            "name": "选票说明.txt", "datas": base64.b64encode(b"rules"),
            "res_model": "school.union.election", "res_id": self.election.id,
        })
        with freeze_time(self._dt(days=3)):
            self.election.with_user(self.union_officer).action_close()
        with self.assertRaises(UserError):
            attachment.with_user(self.union_officer).unlink()
        with self.assertRaises(UserError):
            attachment.with_user(self.union_officer).write({"datas": base64.b64encode(b"forged")})
        self.assertEqual(base64.b64decode(attachment.datas), b"rules")
