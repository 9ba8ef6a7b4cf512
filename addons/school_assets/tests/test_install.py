from odoo.tests import tagged

from odoo.addons.school_base.tests import common_addon


@tagged("post_install", "-at_install")
class TestSchoolAssetsInstall(common_addon.SchoolAddonInstallCase):
    _addon = "school_assets"
    _group_xmlids = ("group_assets_repairer", "group_assets_manager")
    _menu_xmlid = "menu_school_assets"
