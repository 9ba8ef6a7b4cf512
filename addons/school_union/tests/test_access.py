from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import SchoolUnionCommon

UNION_MODELS = [
    "school.union.member", "school.union.dues", "school.union.retiree", "school.union.retiree.visit",
    "school.union.event", "school.union.event.registration", "school.union.event.expense",
    "school.union.event.photo", "school.union.welfare.policy", "school.union.welfare",
    "school.union.welfare.distribution", "school.union.talk", "school.union.talk.note",
    "school.union.election", "school.union.election.candidate", "school.union.election.ballot",
]


@tagged("post_install", "-at_install")
class TestUnionAccess(SchoolUnionCommon):
    def _can(self, user, model, mode):
        return self.env[model].with_user(user).has_access(mode)

    def test_staff_outside_the_union(self):
        """School staff, logistics officers, the manager and the principal who are not union
        members have no access to any union record."""
        for user in (self.staff, self.head_teacher, self.officer, self.manager, self.principal):
            for model in UNION_MODELS:
                with self.subTest(user=user.login, model=model):
                    self.assertFalse(self._can(user, model, "read"))

    def test_member_rights(self):
        """A member reads events, elections, the directory and policies; edits nothing directly;
        may only propose candidates; never sees retirees, distributions or notes."""
        readable = {
            "school.union.member", "school.union.dues", "school.union.event", "school.union.event.registration",
            "school.union.event.expense", "school.union.event.photo", "school.union.welfare.policy",
            "school.union.welfare", "school.union.talk", "school.union.election",
            "school.union.election.candidate", "school.union.election.ballot",
        }
        for model in UNION_MODELS:
            with self.subTest(model=model):
                self.assertEqual(self._can(self.member_user, model, "read"), model in readable)
                self.assertFalse(self._can(self.member_user, model, "write"))
                self.assertEqual(
                    self._can(self.member_user, model, "create"), model == "school.union.election.candidate"
                )

    def test_officer_rights(self):
        """A union officer manages everything except the talk-day notes and the ballots;
        policies are set by the chair."""
        for model in UNION_MODELS:
            with self.subTest(model=model):
                expected_read = model != "school.union.talk.note"
                expected_write = model not in (
                    "school.union.talk.note", "school.union.election.ballot", "school.union.welfare.policy",
                )
                self.assertEqual(self._can(self.union_officer, model, "read"), expected_read)
                self.assertEqual(self._can(self.union_officer, model, "write"), expected_write)

    def test_chair_rights(self):
        """The chair has the officer's rights plus the notes and the policies; ballots stay read-only."""
        for model in UNION_MODELS:
            with self.subTest(model=model):
                self.assertTrue(self._can(self.chair, model, "read"))
                self.assertEqual(
                    self._can(self.chair, model, "write"), model != "school.union.election.ballot"
                )

    def test_schools_kept_apart(self):
        """Each school sees its own members, events, welfare, talks and elections only."""
        other_event = self.env["school.union.event"].create({
            "name": "二小踢毽比赛", "date_start": self._dt(days=3), "date_end": self._dt(days=3, hours=1),
            "company_id": self.other_school.id,
        })
        event = self.env["school.union.event"].create({
            "name": "跳绳比赛", "date_start": self._dt(days=3), "date_end": self._dt(days=3, hours=1),
            "company_id": self.school.id,
        })
        self.env["school.union.welfare"].create({
            "welfare_type": "wedding", "member_id": self.other_member.id, "amount": 500,
            "company_id": self.other_school.id,
        })
        Event = self.env["school.union.event"]
        self.assertEqual(Event.with_user(self.chair).search([("id", "in", (event | other_event).ids)]), event)
        self.assertEqual(self._other(Event).search([("id", "in", (event | other_event).ids)]), other_event)
        self.assertFalse(self.env["school.union.welfare"].with_user(self.chair).search([]))
        members = self._other(self.env["school.union.member"]).search([])
        self.assertEqual(members, self.other_member)
        with self.assertRaises(AccessError):
            self._other(event).read(["name"])
        # a chair of both schools sees both only when both are allowed
        district = self.env["res.users"].create({
            "name": "两校工会", "login": "t_union_both", "company_id": self.school.id,
            "company_ids": [(6, 0, (self.school | self.other_school).ids)],
            "groups_id": [(6, 0, [self.env.ref("school_union.group_union_chair").id])],
        })
        both = self.env["school.union.event"].with_user(district).with_context(
            allowed_company_ids=[self.school.id, self.other_school.id]
        ).search([("id", "in", (event | other_event).ids)])
        self.assertEqual(both, event | other_event)
        only_first = self.env["school.union.event"].with_user(district).with_context(
            allowed_company_ids=[self.school.id]
        ).search([("id", "in", (event | other_event).ids)])
        self.assertEqual(only_first, event)

    def test_cross_school_links_refused(self):
        """A welfare cannot be recorded in one school for a member of another."""
        from odoo.exceptions import UserError
        with self.assertRaises(UserError):
            self.env["school.union.welfare"].create({
                "welfare_type": "wedding", "member_id": self.other_member.id, "amount": 500,
                "company_id": self.school.id,
            })

    def test_menus_per_role(self):
        """Members see events, welfare, talk days and elections; the follow-ups are the chair's."""
        Menu = self.env["ir.ui.menu"]
        follow_ups = self.env.ref("school_union.school_union_talk_note_menu")
        retirees = self.env.ref("school_union.school_union_retiree_menu")
        events = self.env.ref("school_union.school_union_event_menu")
        self.assertIn(events.id, Menu.with_user(self.member_user)._visible_menu_ids())
        self.assertNotIn(retirees.id, Menu.with_user(self.member_user)._visible_menu_ids())
        self.assertIn(retirees.id, Menu.with_user(self.union_officer)._visible_menu_ids())
        self.assertNotIn(follow_ups.id, Menu.with_user(self.union_officer)._visible_menu_ids())
        self.assertIn(follow_ups.id, Menu.with_user(self.chair)._visible_menu_ids())
