from odoo.tests import tagged

from odoo.addons.school_base.tests import common_addon


@tagged("post_install", "-at_install")
class TestSchoolChemicalInstall(common_addon.SchoolAddonInstallCase):
    _addon = "school_chemical"
    _group_xmlids = ("group_chemical_custodian",)
    _menu_xmlid = "menu_school_chemical"

    def _menu_group(self):
        return self.staff  # every teacher requests chemicals for a lesson

    def test_menu_visible_by_role(self):
        """Every staff member sees the menu (teachers request); a user without a school role does not."""
        self.assertTrue(self._visible(self._user("role", "school_chemical.group_chemical_custodian")))
        self.assertTrue(self._visible(self._user("staff", "school_base.group_school_staff")))
        self.assertFalse(self._visible(self._user("outsider", "base.group_user")))

    def test_supervisor_implied_by_no_role(self):
        """No school role implies the supervisor group: the principal does not see the cabinets' contents."""
        supervisor = self.env.ref("school_chemical.group_chemical_supervisor")
        for xmlid in ("school_base.group_school_principal", "school_base.group_school_logistics_manager"):
            self.assertNotIn(supervisor, self.env.ref(xmlid).trans_implied_ids)
