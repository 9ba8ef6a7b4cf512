import io
from datetime import datetime

import openpyxl
from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools import SQL

from .common import SchoolUnionCommon


@tagged("post_install", "-at_install")
class TestUnionElection(SchoolUnionCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.election = cls.env["school.union.election"].with_user(cls.union_officer).create({
            "name": "感动孟河实验小学十佳教师",
            "vote_start": cls._dt(days=-1),
            "vote_end": cls._dt(days=2),
            "max_votes": 2,
            "winner_count": 2,
            "company_id": cls.school.id,
        })
        Candidate = cls.env["school.union.election.candidate"].with_user(cls.union_officer)
        cls.cand_a, cls.cand_b, cls.cand_c = Candidate.create([
            {"election_id": cls.election.id, "employee_id": cls.member.employee_id.id, "citation": "扎根乡村教育二十年"},
            {"election_id": cls.election.id, "employee_id": cls.member2.employee_id.id, "citation": "带病坚持上课"},
            {"election_id": cls.election.id, "employee_id": cls.member3.employee_id.id, "citation": "资助困难学生"},
        ])
        (cls.cand_a | cls.cand_b | cls.cand_c).action_accept()
        cls.admin = cls.env.ref("base.user_admin")
        cls.admin.company_ids |= cls.school

    def _open(self):
        self.election.with_user(self.union_officer).action_open_voting()

    def _vote(self, user, candidate):
        return candidate.with_user(user).action_vote()

    def test_vote_limit(self):
        """Each member votes for at most the set number of candidates."""
        self._open()
        self._vote(self.member_user, self.cand_a)
        self._vote(self.member_user, self.cand_b)
        election = self.election.with_user(self.member_user)
        self.assertEqual((election.my_votes_cast, election.my_votes_left), (2, 0))
        with self.assertRaisesText(UserError, "used all 2"):
            self._vote(self.member_user, self.cand_c)

    def test_never_twice_for_one(self):
        """A member never votes twice for the same candidate."""
        self._open()
        self._vote(self.member_user, self.cand_a)
        self.assertTrue(self.cand_a.with_user(self.member_user).voted_by_me)
        self.assertFalse(self.cand_a.with_user(self.member2_user).voted_by_me)
        with self.assertRaisesText(UserError, "already voted"):
            self._vote(self.member_user, self.cand_a)
        self.assertEqual(self.election.with_user(self.member_user).my_votes_cast, 1)

    def test_only_in_window(self):
        """Votes are accepted only while the election is voting and inside its window."""
        with self.assertRaisesText(UserError, "open from"):
            self._vote(self.member_user, self.cand_a)
        self._open()
        with freeze_time(self._dt(days=-2)), self.assertRaisesText(UserError, "open from"):
            self._vote(self.member_user, self.cand_a)
        with freeze_time(self._dt(days=3)), self.assertRaisesText(UserError, "open from"):
            self._vote(self.member_user, self.cand_a)

    def test_only_active_members_vote(self):
        """Staff outside the union and former members cannot vote."""
        self._open()
        with self.assertRaises(UserError):
            self._vote(self.staff, self.cand_a)
        self.member3.status = "left"
        with self.assertRaisesText(UserError, "Only active union members"):
            self._vote(self.member3_user, self.cand_a)
        with self.assertRaises(UserError):
            self._other(self.cand_a).action_vote()

    def test_results_hidden_until_closed(self):
        """Before the window closes, counts are not readable by anyone, admin included, and
        closing is refused; after, the counts and ranks are published."""
        self._open()
        self._vote(self.member_user, self.cand_a)
        self._vote(self.member2_user, self.cand_a)
        self._vote(self.member2_user, self.cand_b)
        for user in (self.member_user, self.union_officer, self.chair, self.admin):
            with self.subTest(user=user.login):
                values = self.cand_a.with_user(user).read(["vote_count", "rank", "is_winner"])[0]
                self.assertEqual((values["vote_count"], values["rank"], values["is_winner"]), (0, 0, False))
                grouped = self.env["school.union.election.candidate"].with_user(user)._read_group(
                    [("election_id", "=", self.election.id)], [], ["vote_count:sum"]
                )
                self.assertEqual(grouped[0][0], 0)
        self.assertEqual(self.cand_a.sudo().vote_count, 0)
        with self.assertRaisesText(UserError, "voting is open until"):
            self.election.with_user(self.union_officer).action_close()
        with self.assertRaises(UserError):
            self.env["ir.actions.report"]._render(
                "school_union.action_report_election_results_xlsx", self.election.ids
            )
        with freeze_time(self._dt(days=3)):
            self.election.with_user(self.union_officer).action_close()
        self.assertEqual(self.election.state, "closed")
        self.assertEqual((self.cand_a.vote_count, self.cand_a.rank, self.cand_a.is_winner), (2, 1, True))
        self.assertEqual((self.cand_b.vote_count, self.cand_b.rank, self.cand_b.is_winner), (1, 2, True))
        self.assertEqual((self.cand_c.vote_count, self.cand_c.rank, self.cand_c.is_winner), (0, 3, False))
        content, _kind = self.env["ir.actions.report"]._render(
            "school_union.action_report_election_results_xlsx", self.election.ids
        )
        sheet = openpyxl.load_workbook(io.BytesIO(content)).worksheets[0]
        results = [row for row in sheet.iter_rows(min_row=4, values_only=True)]
        self.assertEqual([(r[0], r[1], r[3]) for r in results],
                         [(1, self.cand_a.name, 2), (2, self.cand_b.name, 1), (3, self.cand_c.name, 0)])

    def test_end_in_the_schools_time_in_the_members_notice(self):
        """Issue 15: the end of the vote told to every member is in the school's time zone
        (Asia/Shanghai), not in UTC, whatever the chair's own time zone."""
        self.school.partner_id.tz = "Asia/Shanghai"
        self.chair.write({"tz": "UTC", "lang": "en_US"})
        self.election.sudo().vote_end = datetime(2030, 1, 1, 1, 30)  # 09:30 in Shanghai
        self._open()
        self.election.with_user(self.chair).with_context(lang="en_US")._close_early("提前结束")
        notice = self.election.message_ids.filtered(lambda message: "提前结束" in (message.body or ""))
        self.assertEqual(len(notice), 1)
        self.assertIn("9:30", notice.body)
        self.assertNotIn("1:30", notice.body)

    def test_results_not_entered_by_hand(self):
        """Nobody writes the counts through the interface, the officer and the chair included."""
        for user in (self.union_officer, self.chair):
            with self.subTest(user=user.login), self.assertRaises(UserError):
                self.cand_a.with_user(user).write({"vote_count": 50})

    def test_cron_closes_ended_elections(self):
        """The hourly job closes elections whose window is over, and only those."""
        self._open()
        self._vote(self.member_user, self.cand_b)
        cron = self.env.ref("school_union.ir_cron_school_union_close_elections")
        cron.method_direct_trigger()
        self.assertEqual(self.election.state, "voting")
        with freeze_time(self._dt(days=3)):
            cron.method_direct_trigger()
        self.assertEqual(self.election.state, "closed")
        self.assertEqual(self.cand_b.vote_count, 1)
        self.assertTrue(self.cand_b.is_winner)

    def test_secret_ballot(self):
        """No read path leads from a vote to its voter, for any group, administrators included."""
        self._open()
        self._vote(self.member_user, self.cand_a)
        self._vote(self.member2_user, self.cand_b)
        with freeze_time(self._dt(days=3)):
            self.election.action_close()
        voters = {self.member_user.id, self.member2_user.id}
        voter_members = {self.member.id, self.member2.id}
        # 1. the ballot names the voter but no candidate: no field of it points to a candidate
        Ballot = self.env["school.union.election.ballot"]
        for name, field in Ballot._fields.items():
            self.assertNotEqual(getattr(field, "comodel_name", None), "school.union.election.candidate", name)
        # 2. no model of the registry links a candidate to a member, a user or a ballot
        #    except the candidate's own nominee and nominator and the technical log fields
        allowed = {"employee_id", "team_member_ids", "nominated_by_user_id", "create_uid", "write_uid",
                   "message_follower_ids", "message_ids", "message_partner_ids", "activity_ids",
                   "activity_user_id", "rating_ids", "website_message_ids", "message_main_attachment_id",
                   "election_id", "company_id", "image_128", "department_id"}
        Candidate = self.env["school.union.election.candidate"]
        self.assertFalse(set(Candidate._fields) & {"voter_ids", "ballot_ids", "vote_ids"})
        for name, field in Candidate._fields.items():
            if field.type in ("many2one", "one2many", "many2many") and name not in allowed:
                self.fail(f"candidate field {name} links to {field.comodel_name}")
        for model in self.env.registry.values():
            for name, field in model._fields.items():
                if getattr(field, "comodel_name", None) == "school.union.election.candidate" and not model._abstract:
                    self.assertIn(model._name, ("school.union.election", "school.union.election.candidate"),
                                  f"{model._name}.{name} points to candidates")
        # 3. reading every field of candidates and ballots, as admin and as superuser, shows no
        #    voter on a candidate and no candidate on a ballot
        for env in (self.env(user=self.admin), self.env(su=True)):
            for values in env["school.union.election.candidate"].browse(
                (self.cand_a | self.cand_b).ids
            ).read([f for f in Candidate._fields if f not in ("voted_by_me",)]):
                self.assertNotIn(values["write_uid"][0], voters)
                self.assertNotIn(values["create_uid"][0], voters)
                self.assertFalse(set(values.get("message_partner_ids") or []) & set(
                    self.env["res.users"].browse(list(voters)).partner_id.ids
                ))
            for values in env["school.union.election.ballot"].search(
                [("election_id", "=", self.election.id), ("votes_cast", ">", 0)]
            ).read():
                self.assertIn(values["member_id"][0], voter_members)
                self.assertLessEqual(set(values), {
                    "id", "election_id", "member_id", "user_id", "votes_cast", "company_id", "display_name",
                    "create_uid", "create_date", "write_uid", "write_date",
                })
        # 4. no chatter message on candidates or the election names a voter
        messages = self.env["mail.message"].sudo().search([
            ("model", "in", ("school.union.election", "school.union.election.candidate")),
            ("res_id", "in", self.election.ids + (self.cand_a | self.cand_b).ids),
        ])
        self.assertFalse(messages.filtered(lambda m: m.author_id in self.env["res.users"].browse(list(voters)).partner_id))
        # 5. once closed, the receipts and the key are gone from the database itself
        self.env.cr.execute(SQL(
            "SELECT count(*) FROM %s WHERE election_id = %s",
            SQL.identifier("school_union_election_vote_receipt"), self.election.id,
        ))
        self.assertEqual(self.env.cr.fetchone()[0], 0)
        self.env.cr.execute(SQL(
            "SELECT count(*) FROM %s WHERE election_id = %s",
            SQL.identifier("school_union_election_vote_key"), self.election.id,
        ))
        self.assertEqual(self.env.cr.fetchone()[0], 0)
        # 6. the receipts and tallies have no model at all
        self.assertFalse(self.env["ir.model"].sudo().search([("model", "ilike", "vote_receipt")]))
        self.assertFalse(self.env["ir.model"].sudo().search([("model", "ilike", "tally")]))

    def test_my_vote_is_mine_only(self):
        """voted_by_me answers for the current user only: the admin sees no vote of others."""
        self._open()
        self._vote(self.member_user, self.cand_a)
        self.assertFalse(self.cand_a.with_user(self.admin).voted_by_me)
        self.assertFalse(self.cand_a.with_user(self.chair).voted_by_me)
        self.assertFalse(self.cand_a.sudo().voted_by_me)

    def test_ballots_count_voters(self):
        """Officers see who voted and how many votes they used; a member sees only their ballot."""
        self._open()
        self._vote(self.member_user, self.cand_a)
        self._vote(self.member2_user, self.cand_a)
        self._vote(self.member2_user, self.cand_c)
        self.assertEqual(self.election.with_user(self.union_officer).voter_count, 2)
        ballots = self.env["school.union.election.ballot"].with_user(self.member_user).search([])
        self.assertEqual(ballots.member_id, self.member)
        self.assertEqual(ballots.votes_cast, 1)
        with self.assertRaises(AccessError):
            ballots.with_user(self.member_user).write({"votes_cast": 0})

    def test_nominations(self):
        """Members propose candidates during nominations; officers put them on the ballot."""
        self.election.state = "draft"
        self.election.action_open_nomination()
        Candidate = self.env["school.union.election.candidate"].with_user(self.member_user)
        with self.assertRaises(UserError):
            Candidate.create({"election_id": self.election.id, "team_name": "六年级语文组",
                              "state": "accepted", "citation": "团结协作"})
        team = Candidate.create({"election_id": self.election.id, "team_name": "六年级语文组",
                                 "citation": "团结协作"})
        self.assertEqual(team.state, "proposed")
        self.assertEqual(team.nominated_by_user_id, self.member_user)
        with self.assertRaises(UserError):
            team.with_user(self.member_user).action_accept()
        team.with_user(self.union_officer).action_accept()
        self.assertEqual(team.state, "accepted")
        self._open()
        with self.assertRaises(UserError):
            Candidate.create({"election_id": self.election.id, "team_name": "迟到的提名"})
        with self.assertRaises(UserError):
            self.cand_a.with_user(self.union_officer).unlink()

    def test_open_voting_needs_candidates(self):
        """An election without candidates on the ballot does not open."""
        election = self.env["school.union.election"].create({
            "name": "空评选", "vote_start": self._dt(), "vote_end": self._dt(days=1), "company_id": self.school.id,
        })
        with self.assertRaisesText(UserError, "no accepted candidate"):
            election.action_open_voting()

    def test_certificate(self):
        """Certificates print for the awarded only, once the election is closed."""
        self._open()
        self._vote(self.member_user, self.cand_a)
        with self.assertRaises(UserError):
            self.env["ir.actions.report"]._render_qweb_html(
                "school_union.action_report_award_certificate", self.cand_a.ids
            )
        with freeze_time(self._dt(days=3)):
            self.election.action_close()
        html, _kind = self.env["ir.actions.report"]._render_qweb_html(
            "school_union.action_report_award_certificate", self.cand_a.ids
        )
        self.assertIn(self.cand_a.name, html.decode())
        with self.assertRaises(UserError):
            self.env["ir.actions.report"]._render_qweb_html(
                "school_union.action_report_award_certificate", self.cand_c.ids
            )
