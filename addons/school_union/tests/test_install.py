from odoo.tests import tagged

from odoo.addons.school_base.tests import common_addon


@tagged("post_install", "-at_install")
class TestSchoolUnionInstall(common_addon.SchoolAddonInstallCase):
    _addon = "school_union"
    _group_xmlids = ("group_union_member", "group_union_officer", "group_union_chair")
    _menu_xmlid = "menu_school_union"

    def test_admin_role(self):
        """The administrator runs the union app as an officer but is not the chair.

        The chair alone reads talk-day notes: no one holds that role by default.
        """
        admin = self.env.ref("base.user_admin")
        self.assertIn(self.groups[1], admin.groups_id)
        self.assertNotIn(self.groups[-1], admin.groups_id)

    def test_logistics_manager_role(self):
        """Union roles are separate: the logistics director is no union officer."""
        director = self.env.ref("school_base.group_school_logistics_manager")
        self.assertNotIn(self.groups[0], director | director.trans_implied_ids)
