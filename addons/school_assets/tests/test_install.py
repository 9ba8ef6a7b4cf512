from odoo.tests import TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestSchoolAssetsInstall(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.category = cls.env.ref("school_base.module_category_school_logistics")
        cls.staff = cls.env.ref("school_base.group_school_staff")
        cls.groups = [
            cls.env.ref(f"school_assets.{xmlid}")
            for xmlid in ["group_assets_repairer", "group_assets_manager"]
        ]

    def test_groups_in_school_category(self):
        """Every role of the addon is in the school logistics category."""
        for group in self.groups:
            self.assertEqual(group.category_id, self.category, group.name)

    def test_groups_imply_staff(self):
        """Every role of the addon is also school staff."""
        for group in self.groups:
            self.assertIn(self.staff, group.trans_implied_ids, group.name)

    def test_ladder(self):
        """Each role includes the one below it."""
        for lower, higher in zip(self.groups, self.groups[1:], strict=False):
            self.assertIn(lower, higher.trans_implied_ids, higher.name)

    def test_admin_holds_top_role(self):
        """The administrator holds the top role of the addon."""
        admin = self.env.ref("base.user_admin")
        self.assertIn(self.groups[-1], admin.groups_id)

    def test_logistics_manager_gets_the_manager_role(self):
        """The logistics director (后勤主任) holds this addon's manager role."""
        director = self.env.ref("school_base.group_school_logistics_manager")
        self.assertIn(
            self.env.ref("school_assets.group_assets_manager"),
            director.trans_implied_ids,
        )

    def test_menu_under_school_root(self):
        """The addon's menu sits under the one School Logistics menu."""
        menu = self.env.ref("school_assets.menu_school_assets")
        self.assertEqual(menu.parent_id, self.env.ref("school_base.menu_school_root"))
        self.assertEqual(menu.groups_id, self.groups[0])
        self.assertTrue(menu.child_id.filtered("action"), "a menu without an action is hidden")

    def test_menu_visible_by_role(self):
        """Users with the addon's first role see its menu, plain staff does not."""
        role_user = new_test_user(
            self.env,
            login="school_assets_role",
            groups="base.group_user,school_assets.group_assets_repairer",
        )
        staff_user = new_test_user(
            self.env,
            login="school_assets_staff",
            groups="base.group_user,school_base.group_school_staff",
        )
        menu = self.env.ref("school_assets.menu_school_assets")
        Menu = self.env["ir.ui.menu"]
        self.assertIn(menu.id, Menu.with_user(role_user)._visible_menu_ids())
        self.assertNotIn(menu.id, Menu.with_user(staff_user)._visible_menu_ids())
