"""Checks every school_* domain addon repeats about itself: its roles and its menu.

Each addon subclasses ``SchoolAddonInstallCase`` in its own ``tests/test_install.py``.
"""

from odoo.tests import TransactionCase, new_test_user


class SchoolAddonInstallCase(TransactionCase):
    """Subclasses set the addon, its role ladder (lowest first) and its root menu."""

    # Odoo's loader runs only the methods a test class defines itself, unless told otherwise
    allow_inherited_tests_method = True

    _addon = None
    _group_xmlids = ()
    _menu_xmlid = None

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.category = cls.env.ref("school_base.module_category_school_logistics")
        cls.staff = cls.env.ref("school_base.group_school_staff")
        cls.groups = [cls.env.ref(f"{cls._addon}.{xmlid}") for xmlid in cls._group_xmlids]
        cls.menu = cls.env.ref(f"{cls._addon}.{cls._menu_xmlid}")

    def _visible(self, user):
        return self.menu.id in self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()

    def _user(self, suffix, groups):
        return new_test_user(self.env, login=f"{self._addon}_{suffix}", groups=f"base.group_user,{groups}")

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

    def test_admin_role(self):
        """The administrator holds the top role of the addon."""
        self.assertIn(self.groups[-1], self.env.ref("base.user_admin").groups_id)

    def test_logistics_manager_role(self):
        """The logistics director (后勤主任) holds this addon's manager role."""
        director = self.env.ref("school_base.group_school_logistics_manager")
        self.assertIn(self.groups[-1], director.trans_implied_ids)

    def test_menu_under_school_root(self):
        """The addon's menu sits under the one School Logistics menu; no entry is left empty."""
        self.assertEqual(self.menu.parent_id, self.env.ref("school_base.menu_school_root"))
        self.assertEqual(self.menu.groups_id, self._menu_group())
        for child in self.menu.child_id:
            self.assertTrue(
                child.action or any(child.child_id.mapped("action")),
                f"{child.name}: a menu without an action is hidden",
            )

    def _menu_group(self):
        return self.groups[0]

    def test_menu_visible_by_role(self):
        """Users with the addon's first role see its menu, plain staff does not."""
        self.assertTrue(self._visible(self._user("role", f"{self._addon}.{self._group_xmlids[0]}")))
        self.assertFalse(self._visible(self._user("staff", "school_base.group_school_staff")))
