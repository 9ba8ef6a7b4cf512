from odoo.tests import tagged

from odoo.addons.school_base.tests import common_addon


@tagged("post_install", "-at_install")
class TestSchoolFeeInstall(common_addon.SchoolAddonInstallCase):
    _addon = "school_fee"
    _group_xmlids = ("group_fee_manager",)
    _menu_xmlid = "menu_school_fee"

    def _menu_group(self):
        # head teachers collect their classes' fees; the fee administrator runs the rest
        return self.env.ref("school_base.group_school_head_teacher") | self.groups[0]

    def test_head_teacher_sees_menu(self):
        """A head teacher sees the fee menu (their class collections), a plain teacher does not."""
        self.assertTrue(self._visible(self._user("head", "school_base.group_school_head_teacher")))
        self.assertFalse(self._visible(self._user("plain", "school_base.group_school_staff")))

    def test_menu_size(self):
        """The fee menu stays short (at most 15 entries)."""
        self.assertLessEqual(len(self.menu.child_id), 15)
