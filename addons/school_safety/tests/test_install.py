from odoo.tests import tagged

from odoo.addons.school_base.tests import common_addon


@tagged("post_install", "-at_install")
class TestSchoolSafetyInstall(common_addon.SchoolAddonInstallCase):
    _addon = "school_safety"
    _group_xmlids = ("group_safety_guard", "group_safety_manager")
    _menu_xmlid = "menu_school_safety"

    def _menu_group(self):
        return self.staff  # anyone on the staff reports a hazard

    def test_menu_visible_by_role(self):
        """Every staff member sees the safety menu (anyone reports a hazard); a user without a school role does not."""
        self.assertTrue(self._visible(self._user("role", "school_safety.group_safety_guard")))
        self.assertTrue(self._visible(self._user("staff", "school_base.group_school_staff")))
        self.assertFalse(self._visible(self._user("outsider", "base.group_user")))

    def test_demo_logins_have_safety_roles(self):
        """With demo data, guard is a guard and officer a safety manager."""
        guard = self.env.ref("school_base.res_users_guard_demo", raise_if_not_found=False)
        officer = self.env.ref("school_base.res_users_officer_demo", raise_if_not_found=False)
        if guard:
            self.assertIn(self.groups[0], guard.groups_id)
        if officer:
            self.assertIn(self.groups[1], officer.groups_id)
