import io

import openpyxl
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import SchoolUnionCommon


@tagged("post_install", "-at_install")
class TestUnionWelfare(SchoolUnionCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Policy = cls.env["school.union.welfare.policy"]
        cls.policy_illness = Policy.create(
            {"welfare_type": "illness", "amount_limit": 500, "times_per_year": 2, "company_id": cls.school.id}
        )
        cls.policy_festival = Policy.create(
            {"welfare_type": "festival", "amount_limit": 300, "times_per_year": 4, "company_id": cls.school.id}
        )

    def _welfare(self, user=None, **vals):
        Welfare = self.env["school.union.welfare"]
        if user:
            Welfare = Welfare.with_user(user)
        return Welfare.create({
            "welfare_type": "illness", "member_id": self.member.id, "date": "2026-03-10",
            "amount": 400, "company_id": self.school.id, **vals,
        })

    def test_reference(self):
        """A welfare is numbered by the union's sequence."""
        self.assertTrue(self._welfare().name.startswith("WF/"))

    def test_amount_limit(self):
        """Above the policy's amount limit, the visit is refused with the limit in the message."""
        with self.assertRaisesText(ValidationError, "above the union's limit of 500"):
            self._welfare(amount=600)
        self.assertFalse(self.env["school.union.welfare"].search([("member_id", "=", self.member.id)]))

    def test_times_a_year(self):
        """A third illness visit in the year is refused; the next year counts afresh; cancelled ones do not count."""
        first = self._welfare(date="2026-02-01")
        self._welfare(date="2026-05-01")
        with self.assertRaisesText(ValidationError, "2 time"):
            self._welfare(date="2026-09-01")
        self._welfare(date="2027-01-05")
        first.action_cancel()
        self._welfare(date="2026-09-01")

    def test_no_policy_no_limit(self):
        """A type without policy is not limited; the policy of another school does not apply."""
        self._welfare(welfare_type="wedding", amount=2000)
        self.env["school.union.welfare.policy"].create(
            {"welfare_type": "hospital", "amount_limit": 100, "company_id": self.other_school.id}
        )
        self._welfare(welfare_type="hospital", amount=800)

    def test_something_given(self):
        """A welfare records an amount or a gift."""
        with self.assertRaises(ValidationError):
            self._welfare(amount=0)
        self._welfare(amount=0, gift="鲜花果篮")

    def test_policy_unique_per_type(self):
        """A school has one policy per type."""
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            self.env["school.union.welfare.policy"].create(
                {"welfare_type": "illness", "amount_limit": 100, "company_id": self.school.id}
            )

    def test_officer_records_member_reads_own(self):
        """Officers record visits; a member reads only their own and cannot create any."""
        mine = self._welfare(user=self.union_officer)
        other = self._welfare(member_id=self.member2.id)
        Welfare = self.env["school.union.welfare"].with_user(self.member_user)
        self.assertEqual(Welfare.search([]), mine)
        with self.assertRaises(AccessError):
            other.with_user(self.member_user).read(["amount"])
        with self.assertRaises(AccessError):
            self._welfare(user=self.member_user, member_id=self.member.id)

    def test_distribution_and_sign_off(self):
        """A festival distribution gives one welfare per active member; each signs for their own."""
        self.member3.status = "left"
        distribution = self.env["school.union.welfare.distribution"].with_user(self.union_officer).create(
            {"name": "2026年中秋节福利", "date": "2026-09-20", "amount": 200, "gift": "月饼", "company_id": self.school.id}
        )
        self._approve(distribution).action_distribute()
        members = distribution.welfare_ids.member_id
        self.assertIn(self.member, members)
        self.assertNotIn(self.member3, members)
        self.assertNotIn(self.other_member, members)
        self.assertEqual(distribution.signed_count, 0)
        mine = distribution.welfare_ids.filtered(lambda w: w.member_id == self.member)
        theirs = distribution.welfare_ids.filtered(lambda w: w.member_id == self.member2)
        with self.assertRaises(UserError):
            theirs.with_user(self.member_user).action_sign()
        mine.with_user(self.member_user).action_sign()
        self.assertTrue(mine.signed)
        self.assertEqual(mine.signed_user_id, self.member_user)
        with self.assertRaisesText(UserError, "already signed"):
            mine.with_user(self.member_user).action_sign()
        # an officer cannot sign for the member; the member signs in person on the officer's device
        with self.assertRaisesText(UserError, "Only"):
            theirs.with_user(self.union_officer).action_sign()
        theirs.with_user(self.union_officer).action_sign_in_person()
        self.assertEqual(theirs.signed_user_id, self.member2_user)
        self.assertEqual(theirs.signed_witness_user_id, self.union_officer)
        self.assertIn("in person", theirs.message_ids[0].body)
        self.assertEqual(distribution.signed_count, 2)
        with self.assertRaises(UserError):
            distribution.action_cancel()

    def test_distribution_respects_policy(self):
        """A distribution above the festival limit is refused as a whole."""
        distribution = self.env["school.union.welfare.distribution"].create(
            {"name": "春节福利", "date": "2026-02-01", "amount": 500, "company_id": self.school.id}
        )
        self._approve(distribution)
        with self.assertRaisesText(ValidationError, "limit of 300"):
            distribution.action_distribute()
        self.assertFalse(distribution.welfare_ids)
        self.assertEqual(distribution.state, "approved")

    def test_yearly_totals_and_ledger(self):
        """Totals per member and type come from one read_group; the ledger renders as xlsx."""
        self._welfare(date="2026-02-01", amount=300)
        self._welfare(date="2026-04-01", amount=200)
        self._welfare(welfare_type="wedding", amount=1000, member_id=self.member2.id)
        totals = {
            (member.id, kind): amount
            for member, kind, amount in self.env["school.union.welfare"]._read_group(
                [("year", "=", 2026), ("state", "!=", "cancel")], ["member_id", "welfare_type"], ["amount:sum"]
            )
        }
        self.assertEqual(totals[(self.member.id, "illness")], 500)
        self.assertEqual(totals[(self.member2.id, "wedding")], 1000)
        welfares = self.env["school.union.welfare"].search([("company_id", "=", self.school.id)])
        content, kind = self.env["ir.actions.report"]._render(
            "school_union.action_report_welfare_ledger_xlsx", welfares.ids
        )
        self.assertEqual(kind, "xlsx")
        book = openpyxl.load_workbook(io.BytesIO(content))
        ledger, totals = book.worksheets
        self.assertEqual(ledger.max_row, 3 + 3 + 2)  # title, school, header, 3 welfares, blank, total
        rows = {row[0]: row for row in totals.iter_rows(values_only=True) if row[0]}
        self.assertEqual(rows[self.member.name][-1], 500)
        self.assertEqual(rows[self.member2.name][-1], 1000)

    def test_given_welfare_stays(self):
        """Given welfare cannot be deleted."""
        welfare = self._welfare()
        self._give(welfare)
        with self.assertRaises(UserError):
            welfare.unlink()

    def test_mine_to_sign(self):
        """The sign button is offered to the member the welfare was given to, once given."""
        welfare = self._welfare()
        self.assertFalse(welfare.with_user(self.member_user).is_mine_to_sign)
        self._give(welfare)
        self.assertTrue(welfare.with_user(self.member_user).is_mine_to_sign)
        self.assertFalse(welfare.with_user(self.union_officer).is_mine_to_sign)

    def test_chair_asked_in_their_language(self):
        """Issue 15: the officer (English) submits; the union chair (Chinese) is asked in Chinese."""
        self.env["res.lang"]._activate_lang("zh_CN")
        self.chair.lang = "zh_CN"
        self.union_officer.lang = "en_US"
        welfare = self._welfare(user=self.union_officer)
        welfare.with_user(self.union_officer).with_context(lang="en_US").action_submit()
        activity = welfare.activity_ids.filtered(lambda a: a.user_id == self.chair)
        self.assertEqual(activity.summary, f"审批慰问福利 {welfare.name}")

    def test_approval_flow(self):
        """Officer submits, the school's union chair approves, an officer gives; nobody approves
        what they submitted or receive; a submitted welfare is locked until sent back."""
        welfare = self._welfare(user=self.union_officer)
        with self.assertRaises(UserError):
            welfare.with_user(self.union_officer).action_done()  # not approved yet
        with self.assertRaises(UserError):
            welfare.with_user(self.union_officer).write({"state": "approved"})
        welfare.with_user(self.union_officer).action_submit()
        self.assertEqual(welfare.submitted_user_id, self.union_officer)
        self.assertTrue(welfare.activity_ids.filtered(lambda a: a.user_id == self.chair))
        with self.assertRaises(UserError):
            welfare.with_user(self.union_officer).write({"amount": 450})  # locked while submitted
        for user in (self.member_user, self.union_officer):
            with self.subTest(user=user.login), self.assertRaises(UserError):
                welfare.with_user(user).action_approve()
        with self.assertRaises(AccessError):
            self._other(welfare).action_approve()
        welfare.with_user(self.chair).action_refuse()
        self.assertEqual(welfare.state, "draft")
        welfare.with_user(self.union_officer).write({"amount": 450})
        welfare.with_user(self.union_officer).action_submit()
        welfare.with_user(self.chair).action_approve()
        self.assertRecordValues(welfare, [{"state": "approved", "approved_user_id": self.chair.id}])
        self.assertFalse(welfare.activity_ids)
        with self.assertRaises(UserError):
            welfare.with_user(self.chair).action_approve()
        welfare.with_user(self.union_officer).action_done()
        self.assertEqual(welfare.state, "done")

        # the chair submits: someone else must approve; the chair's own welfare likewise
        own = self._welfare(member_id=self.chair_member.id, welfare_type="wedding", amount=800)
        own.with_user(self.union_officer).action_submit()
        with self.assertRaisesText(UserError, "Nobody approves"):
            own.with_user(self.chair).action_approve()
        submitted_by_chair = self._welfare(member_id=self.member2.id)
        submitted_by_chair.with_user(self.chair).action_submit()
        with self.assertRaisesText(UserError, "Nobody approves"):
            submitted_by_chair.with_user(self.chair).action_approve()
        self.assertEqual((own.state, submitted_by_chair.state), ("submitted", "submitted"))

    def test_distribution_needs_approval(self):
        """A festival distribution is submitted and approved before it is distributed."""
        distribution = self.env["school.union.welfare.distribution"].with_user(self.union_officer).create(
            {"name": "端午节福利", "date": "2026-06-10", "amount": 100, "company_id": self.school.id}
        )
        with self.assertRaisesText(UserError, "approved by the union chair"):
            distribution.action_distribute()
        distribution.action_submit()
        with self.assertRaises(UserError):
            distribution.write({"amount": 300})
        with self.assertRaises(UserError):
            distribution.with_user(self.union_officer).action_approve()
        distribution.with_user(self.chair).action_approve()
        distribution.action_distribute()
        self.assertEqual(distribution.state, "done")
        self.assertEqual(set(distribution.welfare_ids.mapped("approved_user_id")), {self.chair})

    def test_year_ceiling(self):
        """The sum of a member's approved and given welfare in a calendar year stays within the
        school's ceiling; planned welfare, the next year and the other school do not count."""
        self.school.union_welfare_year_ceiling = 1000
        self._give(self._welfare(amount=400))
        wedding = self._welfare(welfare_type="wedding", amount=500, date="2026-05-01")
        self._give(wedding)
        planned = self._welfare(welfare_type="hospital", amount=200, date="2026-06-01")  # a draft counts nothing
        planned.with_user(self.union_officer).action_submit()
        with self.assertRaisesText(ValidationError, "yearly ceiling of 1000"):
            planned.with_user(self.chair).action_approve()
        self.assertEqual(planned.state, "submitted")
        # 100 more fits exactly
        planned.with_user(self.chair).action_refuse()
        planned.with_user(self.union_officer).write({"amount": 100})
        planned.with_user(self.union_officer).action_submit()
        planned.with_user(self.chair).action_approve()
        # a festival distribution above the ceiling for one member is refused as a whole
        distribution = self._approve(self.env["school.union.welfare.distribution"].create(
            {"name": "中秋节福利", "date": "2026-09-20", "amount": 50, "company_id": self.school.id}
        ))
        with self.assertRaisesText(ValidationError, self.member.name):
            distribution.action_distribute()
        self.assertFalse(distribution.welfare_ids)
        # next year counts afresh; the other school has no ceiling
        self._give(self._welfare(welfare_type="wedding", amount=900, date="2027-01-10"))
        other = self.env["school.union.welfare"].create({
            "welfare_type": "wedding", "member_id": self.other_member.id, "amount": 5000,
            "date": "2026-05-01", "company_id": self.other_school.id,
        })
        self.assertTrue(other.exists())
        with self.assertRaises(ValidationError):
            self.school.union_welfare_year_ceiling = -1
