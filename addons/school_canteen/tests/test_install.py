from odoo.tests import tagged

from odoo.addons.school_base.tests import common_addon


@tagged("post_install", "-at_install")
class TestSchoolCanteenInstall(common_addon.SchoolAddonInstallCase):
    _addon = "school_canteen"
    _group_xmlids = ("group_canteen_staff", "group_canteen_manager")
    _menu_xmlid = "menu_school_canteen"
