from datetime import timedelta

from odoo import fields
from odoo.exceptions import ValidationError
from odoo.tests import new_test_user, tagged

from .common import SchoolBaseCommon


@tagged("post_install", "-at_install")
class TestTodayScreen(SchoolBaseCommon):
    """The today screen: one count per card, for the user who looks, opening the list behind it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        now = fields.Datetime.now()
        cls.due = cls._new_inspection(date_planned=now - timedelta(hours=1))
        cls.later = cls._new_inspection(date_planned=now + timedelta(days=3))
        cls.missed = cls._new_inspection(
            date_planned=now - timedelta(days=2), date_deadline=now - timedelta(days=1)
        )
        cls.env["school.inspection"]._mark_missed()
        cls.other_user_due = cls._new_inspection(user=cls.officer, date_planned=now - timedelta(hours=1))

    def _card(self, xmlid, user):
        self.env.invalidate_all()  # a count is computed once per request
        return self.env.ref(xmlid).with_user(user).with_context(lang="zh_CN", allowed_company_ids=user.company_ids.ids)

    def test_counts_per_user(self):
        self.assertEqual(self.missed.state, "missed")
        card = self._card("school_base.today_card_teacher_inspection_due", self.staff)
        # due now and not missed; not the one planned in three days, not another inspector's
        self.assertEqual(card.count, 1)
        self.assertEqual(self._card("school_base.today_card_teacher_inspection_due", self.officer).count, 1)
        missed = self._card("school_base.today_card_director_inspection_missed", self.manager)
        self.assertEqual(missed.count, 1)
        self.assertEqual(missed.kind, "overdue")
        self.assertEqual(card.name, "我今天要做的检查")

    def test_open_the_list_behind(self):
        action = self._card("school_base.today_card_teacher_inspection_due", self.staff).action_open()
        self.assertEqual(action["res_model"], "school.inspection")
        records = self.env["school.inspection"].with_user(self.staff).search(action["domain"])
        self.assertEqual(records, self.due)
        # the list's own default filters do not narrow what the card counted
        self.assertFalse([key for key in action["context"] if key.startswith("search_default_")])
        self.assertEqual(action["name"], "我今天要做的检查")

    def test_other_school_not_counted(self):
        other_template = self.template.copy({"company_id": self.other_school.id})
        self.env["school.inspection"].create({
            "template_id": other_template.id, "place_id": self.other_gate.id,
            "inspector_user_id": self.other_officer.id, "company_id": self.other_school.id,
            "date_planned": fields.Datetime.now() - timedelta(days=2),
            "date_deadline": fields.Datetime.now() - timedelta(days=1),
        })
        self.env["school.inspection"]._mark_missed()
        self.assertEqual(self._card("school_base.today_card_director_inspection_missed", self.manager).count, 1)

    def test_role_screen_and_home_action(self):
        teacher_screen = self.env.ref("school_base.school_today_action_teacher")
        director_screen = self.env.ref("school_base.school_today_action_director")
        self.assertEqual(self.staff.action_id.id, teacher_screen.id)
        self.assertEqual(self.head_teacher.action_id.id, teacher_screen.id)
        self.assertEqual(self.manager.action_id.id, director_screen.id)
        self.assertEqual(self.principal.action_id.id, director_screen.id)
        # a teacher made director gets the director's screen; a home chosen by hand stays
        self.staff.groups_id = [(4, self.env.ref("school_base.group_school_logistics_manager").id)]
        self.assertEqual(self.staff.action_id.id, director_screen.id)
        chosen = self.env.ref("school_base.school_place_action")
        self.head_teacher.action_id = chosen.id
        self.head_teacher.groups_id = [(4, self.env.ref("school_base.group_school_logistics_manager").id)]
        self.assertEqual(self.head_teacher.action_id.id, chosen.id)
        # a user without a school role keeps Odoo's home
        plain = new_test_user(self.env, login="t_plain", groups="base.group_user")
        self.assertFalse(plain.action_id)

    def test_screen_shows_the_role_cards_it_may_read(self):
        Card = self.env["school.today.card"].with_user(self.staff)
        cards = Card.search([("role", "=", "teacher"), ("can_read", "=", True)])
        self.assertIn(self.env.ref("school_base.today_card_teacher_inspection_due"), cards)
        self.assertNotIn(self.env.ref("school_base.today_card_director_inspection_missed"), cards)
        self.assertTrue(all(self.env[card.model_name].with_user(self.staff).has_access("read") for card in cards))
        action = Card.action_open_today()
        self.assertEqual(action["id"], self.env.ref("school_base.school_today_action_teacher").id)

    def test_bad_domain_refused(self):
        with self.assertRaises(ValidationError):
            self.env["school.today.card"].create({
                "name": "坏卡片", "role": "teacher", "model_name": "school.inspection", "domain": "[('state', '=',",
            })
        with self.assertRaises(ValidationError):
            self.env["school.today.card"].create({"name": "坏卡片", "role": "teacher", "model_name": "no.such.model"})

    def test_phone_apps(self):
        """A teacher's phone shows the today screen and the school menus, not the app store."""
        self.env["ir.ui.menu"]._school_hide_unused_apps()
        menus = self.env["ir.ui.menu"].with_user(self.staff)
        visible = menus.browse(menus._visible_menu_ids())
        self.assertIn(self.env.ref("school_base.menu_school_today"), visible)
        self.assertNotIn(self.env.ref("base.menu_management"), visible)
        self.assertIn(self.env.ref("base.menu_management"), menus.with_user(self.env.ref("base.user_admin")).browse(
            menus.with_user(self.env.ref("base.user_admin"))._visible_menu_ids()))
