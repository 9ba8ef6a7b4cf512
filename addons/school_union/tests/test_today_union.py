from datetime import timedelta

from odoo import fields
from odoo.tests import tagged

from .common import SchoolUnionCommon


@tagged("post_install", "-at_install")
class TestUnionToday(SchoolUnionCommon):
    """The union chair's today screen: talks due, welfare to give, events to close."""

    def _count(self, xmlid, user=None):
        self.env.invalidate_all()  # a count is computed once per request
        user = user or self.chair
        return self.env.ref(xmlid).with_user(user).with_context(lang="zh_CN", allowed_company_ids=user.company_ids.ids).count

    def test_union_cards(self):
        now = fields.Datetime.now()
        Talk = self.env["school.union.talk"].with_user(self.chair)
        Talk.create({"member_id": self.member.id, "date": now - timedelta(hours=2),
                     "talker_user_id": self.chair.id, "company_id": self.school.id})
        Talk.create({"member_id": self.member2.id, "date": now + timedelta(days=5),
                     "talker_user_id": self.chair.id, "company_id": self.school.id})
        self.assertEqual(self._count("school_union.today_card_union_talk"), 1)
        self.env["school.union.welfare"].create({
            "welfare_type": "illness", "member_id": self.member.id,
            "date": fields.Date.today() - timedelta(days=1), "amount": 400, "company_id": self.school.id,
        })
        self.assertEqual(self._count("school_union.today_card_union_welfare"), 1)
        self.assertEqual(self._count("school_union.today_card_union_welfare", self.other_chair), 0)
        self.assertEqual(self.chair.action_id.id, self.env.ref("school_union.school_today_action_union").id)
        self.assertEqual(
            self.env.ref("school_union.today_card_union_talk").with_context(lang="zh_CN").name, "截至今天的谈心"
        )
